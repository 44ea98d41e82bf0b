"""attributes.py: the array-based attribute setter gives the stock ruler's POS, TAG and DEP."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
from spacy.attrs import DEP, HEAD, POS, TAG

from saidwhat.attributes import ATTRIBUTES_COMPONENT, UnsupportedPattern, compile_rules
from saidwhat.parse import load_pipeline

COLUMNS = [POS, TAG, DEP, HEAD]
# whitespace tokens, "ain't", "gonna", an expletive "there is", "but" as an adverb, subordinating
# "that", determiners used as pronouns, auxiliaries, "do" as a main verb, a quotation
TEXT = (
    "Breaking News:  Mayor Says Bridge  Is Safe.\n\n"
    "“It ain't over,” she said, “and we're gonna fight.”  There is no plan, but that is fine, "
    "officials said that those who did it had done all they could. Did he do it? He did.\n"
    "We have done our work; this is it."
)


def _arrays(nlp, texts):  # type: ignore[no-untyped-def]
    return [doc.to_array(COLUMNS) for doc in nlp.pipe(texts)]


def test_the_pipeline_uses_the_array_setter_in_place_of_the_ruler() -> None:
    names = load_pipeline().pipe_names
    assert ATTRIBUTES_COMPONENT in names and "attribute_ruler" not in names
    assert "attribute_ruler" in load_pipeline(fast_attributes=False).pipe_names


def test_same_coarse_tags_tags_and_dependencies_as_the_stock_ruler() -> None:
    fast, stock = load_pipeline(), load_pipeline(fast_attributes=False)
    for a, b in zip(_arrays(fast, [TEXT, " ", "x"]), _arrays(stock, [TEXT, " ", "x"]), strict=True):
        assert numpy.array_equal(a, b)


def test_same_annotations_on_polnear_dev(polnear_dev: Path) -> None:
    texts = [json.loads(line)["text"] for line in polnear_dev.read_text(encoding="utf-8").splitlines()[:12]]
    fast, stock = load_pipeline(), load_pipeline(fast_attributes=False)
    for a, b in zip(_arrays(fast, texts), _arrays(stock, texts), strict=True):
        assert numpy.array_equal(a, b)


def test_a_pattern_it_cannot_evaluate_is_refused() -> None:
    strings = load_pipeline().vocab.strings
    with pytest.raises(UnsupportedPattern, match="REGEX"):
        compile_rules([{"patterns": [[{"LOWER": {"REGEX": "^x"}}]], "attrs": {"POS": "X"}}], strings)
    with pytest.raises(UnsupportedPattern, match="SHAPE"):
        compile_rules([{"patterns": [[{"SHAPE": "Xx"}]], "attrs": {"POS": "X"}}], strings)
    # a rule that sets nothing saidwhat reads is not compiled at all, whatever it tests
    assert compile_rules([{"patterns": [[{"SHAPE": "Xx"}]], "attrs": {"LEMMA": "x"}}], strings) == []
