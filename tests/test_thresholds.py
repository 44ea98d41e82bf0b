"""Acceptance thresholds per frame and their exceptions (saidwhat.thresholds, real pipeline and model)."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.cues import load_model
from saidwhat.frames import candidates_for
from saidwhat.parse import load_pipeline
from saidwhat.thresholds import ACTION_MARGIN, frame_threshold


def test_a_prepositional_object_with_no_one_to_report_it_needs_more_evidence() -> None:
    model = load_model()
    doc = load_pipeline()("Heavy rain is forecast for the weekend.")
    cue = next(t for t in doc if t.text == "forecast")
    prep = next(c for c in candidates_for(cue) if c.frame == "prep")
    assert prep.source is None
    assert frame_threshold(model, prep, cue) == max(
        model.threshold_for("prep"), model.threshold + ACTION_MARGIN
    )
    doc = load_pipeline()("The union warned of strikes in the spring.")
    cue = next(t for t in doc if t.text == "warned")
    sourced = next(c for c in candidates_for(cue) if c.frame == "prep")
    assert frame_threshold(model, sourced, cue) == model.threshold_for("prep")
    assert not extract(
        "Heavy rain is forecast for the weekend. About 50,000 people watched the parade."
    ).quotes


def test_according_to_a_person_or_people_needs_no_more_than_any_report(nlp: Any) -> None:
    model = load_model()

    def threshold(text: str) -> float:
        doc = nlp(text)
        cue = next(t for t in doc if t.lower_ == "according")
        cand = next(c for c in candidates_for(cue) if c.frame == "according")
        return frame_threshold(model, cand, cue)

    person = "Investigators are examining the deal, according to people familiar with the inquiry."
    assert threshold(person) == min(model.threshold_for("according"), model.threshold)
    assert threshold("Rates will rise, according to Jack Kelly.") == threshold(person)
    assert threshold("Rates will rise, according to the plan.") == model.threshold_for("according")
    # before its report the phrase's content is less sure: the frame's own threshold
    assert threshold("According to Jack Kelly, rates will rise.") == model.threshold_for("according")
    got = [(q.cue.text if q.cue else None, q.speaker) for q in extract("Inquiry\n\n" + person).quotes]
    assert got == [("according to", "people familiar with the inquiry")]  # scored 0.55: had been lost


def test_a_saying_verb_set_off_inside_its_report_needs_less(nlp: Any) -> None:
    from saidwhat.thresholds import SET_OFF_THRESHOLD

    model = load_model()

    def threshold(text: str, word: str) -> float:
        doc = nlp(text)
        cue = next(t for t in doc if t.lower_ == word)
        cand = next(c for c in candidates_for(cue) if c.frame == "paren")
        return frame_threshold(model, cand, cue)

    assert threshold("Wages, she argues, are still rising too fast.", "argues") == SET_OFF_THRESHOLD
    # a thought is no saying: "Look out, White House, I thought, here comes Kimye."
    assert threshold("Look out, White House, I thought, here comes Kimye.", "thought") > SET_OFF_THRESHOLD
    got = [
        (q.text, q.speaker) for q in extract("Rates\n\nWages, she argues, are still rising too fast.").quotes
    ]
    assert got == [("Wages … are still rising too fast", "she")]  # scored 0.42: had been lost
