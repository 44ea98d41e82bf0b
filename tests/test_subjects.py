"""Who speaks for a cue: subjects, passive agents and the subject a cue borrows (real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat.subjects import subject_of


def test_responded_by_saying_inherits_the_verb_subject(nlp: Any) -> None:
    doc = nlp("President Obama responded to a mother on Wednesday by saying the issue was manufactured.")
    saying = next(t for t in doc if t.text == "saying")
    subject = subject_of(saying)
    assert subject is not None and subject.text == "Obama"


def test_object_control_makes_the_object_the_source(nlp: Any) -> None:
    doc = nlp("Senator Warren forced Stumpf to admit that no senior executives had been fired.")
    admit = next(t for t in doc if t.text == "admit")
    subject = subject_of(admit)
    assert subject is not None and subject.text == "Stumpf"


def test_a_passive_cue_without_agent_names_no_source(nlp: Any) -> None:
    doc = nlp("Peacekeepers have been accused of hurting the civilians they were sent to protect.")
    accused = next(t for t in doc if t.text == "accused")
    assert subject_of(accused) is None


def test_a_passive_cue_with_an_agent_names_the_agent(nlp: Any) -> None:
    doc = nlp("Peacekeepers have been accused by human rights groups of hurting civilians.")
    accused = next(t for t in doc if t.text == "accused")
    subject = subject_of(accused)
    assert subject is not None and subject.text == "groups"


def test_a_dateline_subject_gives_way_to_its_appositive(nlp: Any) -> None:
    doc = nlp("WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell a story.")
    said = next(t for t in doc if t.text == "said")
    subject = subject_of(said)
    assert subject is not None and subject.text == "Obama"


def test_a_noun_cue_in_a_verbs_prepositional_phrase_takes_the_verbs_subject(nlp: Any) -> None:
    doc = nlp("Clinton took offense at suggestions that she is not healthy enough to serve.")
    suggestions = next(t for t in doc if t.text == "suggestions")
    subject = subject_of(suggestions)
    assert subject is not None and subject.text == "Clinton"


def test_the_subject_nearest_the_cue_speaks(nlp: Any) -> None:
    doc = nlp("The Latest: Trump urges supporters to monitor polling places.")
    urges = next(t for t in doc if t.text == "urges")
    subject = subject_of(urges)
    assert subject is not None and subject.text == "Trump"


def test_a_name_set_off_after_a_subject_that_is_no_name_speaks(nlp: Any) -> None:
    text = "With 50 days to go, Minyon Moore, a senior adviser, called the remarks a wake-up call."
    doc = nlp(text)
    called = next(t for t in doc if t.text == "called")
    subject = subject_of(called)
    assert subject is not None and subject.text == "Moore"
