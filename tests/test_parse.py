"""The pipeline saidwhat runs: paragraph breaks end sentences, Title Case headlines are parsed again."""

from __future__ import annotations

from typing import Any

from saidwhat.parse import sentence_cased


def test_sentence_case_lowers_only_words_the_body_uses_in_lower_case() -> None:
    headline = "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shooting Comments."
    body = "Christie calls her a disgrace over comments about the police shooting in Tulsa."
    assert sentence_cased(headline, body) == (
        "Chris Christie calls Hillary Clinton ‘a disgrace’ over police shooting comments."
    )


def test_acronyms_stay_and_sentence_case_headlines_are_left_alone() -> None:
    body = "the chief says emails were mishandled"
    cased = sentence_cased("FBI Chief Says Emails Were Mishandled", body)
    assert cased == "FBI chief says emails were mishandled"
    assert sentence_cased("Lawmaker urges retaliation on Russia", "the lawmaker urges retaliation") is None


def test_title_case_headline_gets_a_verb_and_keeps_its_text_and_entities(nlp: Any) -> None:
    text = (
        "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shooting Comments.\n\n"
        "Christie calls her a disgrace over comments about the police shooting in Tulsa."
    )
    doc = nlp(text)
    assert doc.text == text
    calls = doc[2]
    assert calls.text == "Calls" and calls.tag_ == "VBZ" and calls.dep_ == "ROOT"
    assert [c.text for c in calls.children if c.dep_ == "nsubj"] == ["Christie"]
    assert ("Hillary Clinton", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert doc[len(doc) - 1].sent.start > calls.i  # the headline is still its own sentence


def test_paragraph_break_ends_a_sentence(nlp: Any) -> None:
    doc = nlp("Mayor Vows Action\nThe mayor said on Tuesday that the city would act.")
    assert next(s.text.strip() for s in doc.sents) == "Mayor Vows Action"


def test_no_sentence_starts_after_a_word_that_cannot_end_one(nlp: Any) -> None:
    # en_core_web_sm alone breaks this before "and I think …" (a PolNeAR train sentence's twin)
    text = (
        "I think because we have the access to the people and I think we will impose limits. "
        "He lives in the U.S. The mayor said no.\n"
        "The council, which has not met since the spring floods, will meet on\nTuesday."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "I think because we have the access to the people and I think we will impose limits."
    assert "He lives in the U.S." in sents  # an abbreviation's period can end a sentence
    assert sents[-1].endswith("meet on\nTuesday.")  # a hard wrap inside a sentence is no break


def _run(code: str) -> str:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_a_semicolon_keeps_its_clauses_apart(nlp: Any) -> None:
    doc = nlp("Residents were divided. Some said they understood the need for repairs; others disagreed.")
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT"  # not the complement of "disagreed"
    assert [s.text for s in doc.sents][-1] == "others disagreed."


def test_keep_torch_out_spares_the_default_pipeline_the_torch_import() -> None:
    # a fresh process: thinc imports torch at spaCy's import wherever the accurate extra installed it
    code = (
        "import sys\n"
        "from saidwhat.parse import keep_torch_out, load_pipeline\n"
        "keep_torch_out()\n"
        "nlp = load_pipeline()\n"
        "assert len(nlp('It works, she said.')) == 6\n"
        "print('torch' in sys.modules)\n"
    )
    assert _run(code) == "False"


def test_torch_stays_importable_after_keep_torch_out() -> None:
    import importlib.util

    import pytest

    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed (the accurate extra): nothing to import")
    code = (
        "from saidwhat.parse import keep_torch_out, load_pipeline\n"
        "keep_torch_out()\n"
        "load_pipeline()\n"
        "import torch\n"
        "print(torch.ones(2).sum().item())\n"
    )
    assert _run(code) == "2.0"
