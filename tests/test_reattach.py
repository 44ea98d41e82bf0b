"""Parse repairs after the parser (saidwhat.reattach, real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.parse import PARTICIPLE_COMPONENT


def test_a_participle_set_off_after_the_subject_no_longer_heads_the_sentence(nlp: Any) -> None:
    doc = nlp("Vermeulen, asked whether the deal could be unwound, said that it was not on the table.")
    said = next(t for t in doc if t.text == "said")
    asked = next(t for t in doc if t.text == "asked")
    assert said.dep_ == "ROOT" and [c.text for c in said.children if c.dep_ == "nsubj"] == ["Vermeulen"]
    assert asked.dep_ == "acl" and asked.head.text == "Vermeulen" and asked.tag_ == "VBN"
    assert len(list(doc.sents)) == 1 and doc[-1].head.i == said.i


def test_the_question_and_the_answer_are_two_quotes_and_the_question_is_no_ones() -> None:
    got = extract(
        "Competition Commissioner Ines Vermeulen spoke on Monday. Vermeulen, asked whether the deal could "
        'be unwound, said: "That is not on the table today."'
    ).quotes
    assert [(q.cue.text if q.cue else None, q.speaker, q.kind) for q in got] == [
        ("asked", None, "indirect"),
        ("said", "Ines Vermeulen", "direct"),
    ]


def test_what_the_parser_read_right_is_left_alone(nlp: Any) -> None:
    texts = (
        "Smith, who asked whether the deal could be unwound, said it was not.",
        "Asked whether the deal could be unwound, Smith said it was not.",
        "The minister, speaking to reporters, said the plan was on track.",
        "Smith asked whether the deal could be unwound, and Jones said it was not.",
    )
    with nlp.select_pipes(disable=[PARTICIPLE_COMPONENT]):
        before = [[(t.dep_, t.head.i, t.tag_) for t in doc] for doc in nlp.pipe(texts)]
    after = [[(t.dep_, t.head.i, t.tag_) for t in doc] for doc in nlp.pipe(texts)]
    assert after == before


def test_the_other_misreading_gives_the_speech_verb_its_subject_back(nlp: Any) -> None:
    # the parser makes "said" the sentence's verb with no subject, "Tennant asked" its complement
    doc = nlp('Tennant, asked whether Mensah would now start, said: "Let\'s not get carried away."')
    said = next(t for t in doc if t.text == "said")
    asked = next(t for t in doc if t.text == "asked")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Tennant"]
    assert asked.dep_ == "acl" and asked.head.text == "Tennant" and asked.tag_ == "VBN"


def test_a_verb_of_manner_before_a_colon_answers_the_question() -> None:
    got = extract(
        "Bristol Rovers manager Jack Tennant was delighted. Tennant, asked whether Mensah would start, "
        'smiled: "Let\'s not get carried away."'
    ).quotes
    assert [(q.text, q.speaker, q.kind) for q in got] == [
        ("whether Mensah would start", None, "indirect"),
        ("Let's not get carried away.", "Jack Tennant", "direct"),
    ]


def test_a_verb_of_manner_closing_the_sentence_answers_the_question() -> None:
    got = extract(
        "Ministers clash\n\nHealth Minister Sarah Cole visited the site. Cole, asked whether she would "
        "resign if the project were shelved, laughed. "
        '"I\'m not going anywhere," she said.'
    ).quotes
    assert [(q.text, q.speaker) for q in got] == [
        ("whether she would resign if the project were shelved", None),  # had been Cole's, with "laughed"
        ("I'm not going anywhere,", "Sarah Cole"),
    ]


def test_a_verb_read_as_the_modifier_of_a_name_heads_the_sentence(nlp: Any) -> None:
    text = (
        "Strike enters second week\n\nState Sen. Maria Elena Durazo, who joined the picket line on Saturday, "
        "called on the hospital to return to the table."
    )
    doc = nlp(text)
    called = next(t for t in doc if t.text == "called")
    assert called.dep_ == "ROOT" and [c.text for c in called.children if c.dep_ == "nsubj"] == ["Durazo"]
    got = [(q.cue.text if q.cue else None, q.speaker) for q in extract(text).quotes]
    assert got == [("called", "Maria Elena Durazo")]  # had been "the picket line"


def test_a_subject_read_as_the_speech_verbs_determiner_and_modifier_is_its_subject(nlp: Any) -> None:
    text = (
        "Nurses strike\n\nMaria Lopez, a nurse at St. Mary's, has worked at the hospital for 20 years. "
        '"We are exhausted," the 19-year-old said.'
    )
    doc = nlp(text)
    said, old = (next(t for t in doc if t.text == w) for w in ("said", "old"))
    assert (old.dep_, old.head.i) == ("nsubj", said.i)
    assert [c.text for c in old.children if c.dep_ == "det"] == ["the"]
    got = [(q.speaker, q.speaker_mention.text if q.speaker_mention else None) for q in extract(text).quotes]
    assert got == [("Maria Lopez", "the 19-year-old")]  # had been the speaker "the"


def test_an_opening_place_read_as_the_subject_gives_the_subject_back(nlp: Any) -> None:
    text = (
        "Banker jailed\n\nRichard Hale was jailed on Friday. Outside court, one of the victims, retired "
        'teacher Margaret Boyd, 71, said the sentence was "nowhere near enough".'
    )
    doc = nlp(text)
    said, outside = (next(t for t in doc if t.text == w) for w in ("said", "Outside"))
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["one"]
    assert (outside.dep_, outside.head.i) == ("prep", said.i)
    got = [(q.speaker, q.speaker_type) for q in extract(text).quotes]
    assert got == [("Margaret Boyd", "person")]  # had been "Outside court"


def test_an_opening_place_the_parser_read_right_is_left_alone(nlp: Any) -> None:
    doc = nlp("Outside the courthouse, Boyd said the sentence was fair.")
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Boyd"]


def test_a_speech_verb_after_a_quotation_read_as_an_adjective_heads_the_sentence(nlp: Any) -> None:
    text = "Zoo welcomes cubs\n\n'We are over the moon,' said zoo director Hannah Kowalczyk. 'It was long.'"
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and [c.text for c in said.children if c.dep_ == "nsubj"] == ["Kowalczyk"]
    got = [(q.speaker, q.speaker_mention.text if q.speaker_mention else None) for q in extract(text).quotes]
    assert got == [("Hannah Kowalczyk", "zoo director Hannah Kowalczyk")]  # the mention had opened "said"


def test_a_subject_read_as_the_object_of_after_is_the_subject_again(nlp: Any) -> None:
    text = (
        "Aide resigns\n\nThe chief of staff to Mayor Daniel Reyes resigned on Friday, a day after a local "
        "news site published text messages in which she appeared to mock residents."
    )
    doc = nlp(text)
    published, after = (next(t for t in doc if t.text == w) for w in ("published", "after"))
    assert [c.text for c in published.children if c.dep_ == "nsubj"] == ["site"]
    assert (after.dep_, after.head.i) == ("mark", published.i)
    # the chief of staff published nothing: no report of hers
    assert all(q.speaker != "The chief of staff" for q in extract(text).quotes)
    # what the parser read right stays so
    doc = nlp("He resigned a week after the newspaper reported the claims.")
    reported = next(t for t in doc if t.text == "reported")
    assert [c.text for c in reported.children if c.dep_ == "nsubj"] == ["newspaper"]


def test_a_subject_read_as_a_conjunct_of_an_opening_phrase_is_the_subject_again(nlp: Any) -> None:
    text = (
        "In testimony before the House Oversight Committee, Rachel Kim, who served as deputy chief of "
        "staff until March, said she had seen a memo bearing the president's initials."
    )
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Kim"]
    got = [(q.text, q.speaker) for q in extract("Ex-aide testifies\n\n" + text).quotes]
    assert got == [("she had seen a memo bearing the president's initials", "Rachel Kim")]  # had no speaker
    # the first phrase set off is the subject, a name set off after it its own
    text = "Outside the courthouse in Miami, his lawyer, Jane Doe, said he would appeal."
    got = [(q.text, q.speaker) for q in extract("Verdict\n\n" + text).quotes]
    assert got == [("he would appeal", "Jane Doe")]
    # a subject the parser found is left alone
    doc = nlp("At a rally in Ohio, Trump said the election was rigged.")
    assert [c.text for c in doc[7].children if c.dep_ == "nsubj"] == ["Trump"]
