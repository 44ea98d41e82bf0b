"""Cues for quoted stretches: dash attributions, colon introductions, titles and scare quotes."""

from __future__ import annotations

from saidwhat.extractor import token_quote_mask
from saidwhat.quote_cues import cue_near, title_like
from saidwhat.quotemarks import find_stretches


def test_title_like() -> None:
    assert title_like("Gone with the Wind")
    assert title_like("The Apprentice")
    assert not title_like("we will find the money")


def test_dash_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Trump scares me and my family.” ― Krystal Correa\n“He is clueless.” ― Stephanie Egan"
    doc = nlp(text)
    stretches = find_stretches(text)
    mask = [False] * len(doc)
    got = [cue_near(doc, st, mask) for st in stretches]
    assert [subj.text for _, subj in got if subj is not None] == ["Correa", "Egan"]


def test_colon_introduction_in_previous_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Retired teacher Walter Green told the board:\n\n“I taught here for 34 years and never saw this.”"
    doc = nlp(text)
    st = find_stretches(text)[0]
    cue, subj = cue_near(doc, st, [False] * len(doc))
    assert cue is not None and cue.text == "told"
    assert subj is not None and subj.text == "Green"


def test_a_long_next_sentence_that_opens_with_the_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Who would have believed that we would have received almost 14 million votes?” Trump said, "
        "looking out on the cheering crowd in the arena on Thursday night."
    )
    doc = nlp(text)
    st = find_stretches(text)[0]
    cue, subj = cue_near(doc, st, [False] * len(doc))
    assert cue is not None and cue.text == "said"
    assert subj is not None and subj.text == "Trump"


def test_the_next_paragraph_never_attributes_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“That is not accepting responsibility at all.”\n\n"
        "In a statement issued Tuesday morning, the senator was more cautious about the bank."
    )
    doc = nlp(text)
    st = find_stretches(text)[0]
    assert cue_near(doc, st, [False] * len(doc)) == (None, None)


def test_according_to_names_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "According to Limbaugh, “If it was left up to Hillary, she would not say anything positive.”"
    doc = nlp(text)
    stretches = find_stretches(text)
    cue, subj = cue_near(doc, stretches[0], token_quote_mask(doc, stretches))
    assert cue is not None and cue.text == "According"
    assert subj is not None and subj.text == "Limbaugh"


def test_subject_and_verb_right_after_the_quotation_attribute_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Did you shoot him? He better not be dead," she yells while moving along the street.'
    doc = nlp(text)
    stretches = find_stretches(text)
    cue, subj = cue_near(doc, stretches[0], token_quote_mask(doc, stretches))
    assert cue is not None and cue.text == "yells"
    assert subj is not None and subj.text == "she"
