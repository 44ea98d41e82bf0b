"""nesting.py's record-level rules (quotes inside quotes, a cue reporting its own speaker); `unnest` on
whole texts is tested through extract() in test_extractor.py and test_content.py."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.content import Attribution
from saidwhat.nesting import relative_object, without_own_speaker_reported, without_quotes_inside_quotes


def test_an_uncued_quotation_inside_another_quote_is_dropped() -> None:
    outer = Attribution(3, [(0, 100)], 5, 0.9, "direct")
    inner = Attribution(None, [(10, 40)], None, 0.4, "direct")
    twin_a = Attribution(None, [(200, 240)], None, 0.4, "direct")
    twin_b = Attribution(None, [(200, 240)], None, 0.4, "direct")
    reported = Attribution(7, [(20, 30)], 8, 0.8, "indirect")  # nested reported speech stays
    kept = without_quotes_inside_quotes([outer, inner, twin_a, twin_b, reported])
    assert kept == [outer, twin_a, twin_b, reported]


def test_an_indirect_report_of_a_quotation_already_quoted_is_dropped() -> None:
    # "may have said it best when he blogged: “…”": "said" and "blogged" report the same quotation
    quote = Attribution(12, [(53, 130)], 9, 0.9, "direct")
    again = Attribution(4, [(53, 129)], 0, 0.6, "indirect")
    longer = Attribution(4, [(53, 200)], 0, 0.6, "indirect")
    assert without_quotes_inside_quotes([again, quote]) == [quote]
    assert without_quotes_inside_quotes([longer, quote]) == [longer, quote]


def test_a_report_of_the_cues_own_speaker_is_dropped(nlp: Any) -> None:
    # “Thanks!” shouted Mayor Elena Marsh: the parser's second reading makes "Thanks" report the mayor
    doc = nlp("“Thanks!” shouted Mayor Elena Marsh as she left the hall.")
    cue = next(t.i for t in doc if t.text == "shouted")
    marsh = next(t.i for t in doc if t.text == "Marsh")
    thanks = next(t.i for t in doc if t.text == "Thanks")
    quote = Attribution(cue, [(1, 8)], marsh, 0.9, "direct")
    mayor = Attribution(cue, [(18, 35)], thanks, 0.6, "indirect")
    assert without_own_speaker_reported(doc, [quote, mayor]) == [quote]
    # another cue's report may hold a speaker ("said Marsh, who told reporters the hall was closed")
    other = Attribution(cue + 1, [(18, 35)], None, 0.6, "indirect")
    assert without_own_speaker_reported(doc, [quote, other]) == [quote, other]


def test_the_object_a_relative_clause_names(nlp: Any) -> None:
    def named(text: str, cue: str) -> str | None:
        doc = nlp(text)
        obj = relative_object(next(t for t in doc if t.text == cue))
        return None if obj is None else obj.text

    assert named("He apologized for the remarks, which he called “stupid and hurtful.”", "called") == "which"
    # a free relative's "what" is the named object too
    assert (
        named("The bank faces suits over what former employees called a “fraudulent scheme.”", "called")
        == "what"
    )
    # an object that is no pronoun, and a question's "what" that is the verb's subject, are not
    assert named("Critics called the plan “a reckless gamble.”", "called") is None
    assert named("Nobody knows what happened at the meeting, she said.", "happened") is None


def test_a_quotation_over_a_paragraph_break_reports_its_first_paragraph_once() -> None:
    # the first paragraph's quotation is left open and reopened below (one quotation), but it closes the
    # mixed quote of "told"; the direct quote of "continued" keeps the rest
    text = (
        'The campaign manager, Luis Ortega, told supporters that Denton had "never met a subsidy he '
        'didn\'t like.\n\n"He wants you to forget it," Ortega continued. "We won\'t let you."'
    )
    got = [(q.kind, q.cue.text if q.cue else None, q.text) for q in extract(text).quotes]
    assert got == [
        ("mixed", "told", "that Denton had \"never met a subsidy he didn't like."),
        ("direct", "continued", "He wants you to forget it, … We won't let you."),
    ]


def test_a_report_in_an_absolute_with_clause_is_its_own_not_the_verb_s_before_it() -> None:
    got = extract(
        "The two candidates for governor clashed repeatedly over school funding on Tuesday night, with "
        'Republican Dale Whitaker accusing his opponent of "writing checks the state can\'t cash."'
    ).quotes
    assert [(q.cue.text if q.cue else None, q.speaker) for q in got] == [("accusing", "Dale Whitaker")]


def test_a_quotation_whose_verb_shares_a_told_of_subject_ends_the_content_at_the_coordinator() -> None:
    text = (
        "Mayor Victor Salas is on trial. Rachel Nguyen, his former scheduler, told jurors that he handed "
        'her a folder in March 2022 and said, "Make these disappear." She said she shredded the papers.'
    )
    got = [(q.text, q.speaker) for q in extract(text).quotes][:2]
    assert got == [
        ("that he handed her a folder in March 2022", "Rachel Nguyen"),  # not "that" alone
        ("Make these disappear.", "Victor Salas"),
    ]
