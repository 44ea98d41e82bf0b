"""Who speaks for a cue: subjects, passive agents and the subject a cue borrows (real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat.subjects import subject_of


def source_word(nlp: Any, text: str, cue: str) -> str | None:
    """The word `subject_of` gives as the source of the first token whose text is `cue`."""
    doc = nlp(text)
    subject = subject_of(next(t for t in doc if t.text == cue))
    return subject.text if subject is not None else None


def test_responded_by_saying_inherits_the_verb_subject(nlp: Any) -> None:
    text = "President Obama responded to a mother on Wednesday by saying the issue was manufactured."
    assert source_word(nlp, text, "saying") == "Obama"


def test_object_control_makes_the_object_the_source(nlp: Any) -> None:
    text = "Senator Warren forced Stumpf to admit that no senior executives had been fired."
    assert source_word(nlp, text, "admit") == "Stumpf"


def test_a_passive_cue_without_agent_names_no_source(nlp: Any) -> None:
    text = "Peacekeepers have been accused of hurting the civilians they were sent to protect."
    assert source_word(nlp, text, "accused") is None


def test_a_passive_cue_with_an_agent_names_the_agent(nlp: Any) -> None:
    text = "Peacekeepers have been accused by human rights groups of hurting civilians."
    assert source_word(nlp, text, "accused") == "groups"


def test_a_dateline_subject_gives_way_to_its_appositive(nlp: Any) -> None:
    text = "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell a story."
    assert source_word(nlp, text, "said") == "Obama"


def test_a_noun_cue_in_a_verbs_prepositional_phrase_takes_the_verbs_subject(nlp: Any) -> None:
    text = "Clinton took offense at suggestions that she is not healthy enough to serve."
    assert source_word(nlp, text, "suggestions") == "Clinton"


def test_the_subject_nearest_the_cue_speaks(nlp: Any) -> None:
    text = "The Latest: Trump urges supporters to monitor polling places."
    assert source_word(nlp, text, "urges") == "Trump"


def test_a_name_set_off_after_a_subject_that_is_no_name_speaks(nlp: Any) -> None:
    text = "With 50 days to go, Minyon Moore, a senior adviser, called the remarks a wake-up call."
    assert source_word(nlp, text, "called") == "Moore"


def test_a_contracted_has_is_no_passive(nlp: Any) -> None:
    # the tagger reads "he's said" as a passive; it is "he has said"
    text = "While he's said he'll fight all the way to the convention, Sanders must decide what to demand."
    assert source_word(nlp, text, "said") == "he"
    text = "It's said that the senator will not run again."
    assert source_word(nlp, text, "said") is None


def test_the_first_verb_of_a_misparsed_coordination_lends_its_subject(nlp: Any) -> None:
    text = "Kasich jokingly offered the man a job as Secretary of Defense, then says he’ll welcome advice."
    assert source_word(nlp, text, "says") == "Kasich"


def test_the_issuer_of_a_statement_speaks_for_its_participle(nlp: Any) -> None:
    from saidwhat.subjects import document_issuer

    doc = nlp("Senator Dana Ruiz issued a statement saying that the vote was a mistake.")
    saying = next(t for t in doc if t.text == "saying")
    issuer = document_issuer(saying, saying.head)
    assert issuer is not None and issuer.text == "Ruiz"


def test_a_person_with_a_participle_speaks_himself(nlp: Any) -> None:
    from saidwhat.subjects import document_issuer

    text = "The mayor quoted a spokesman saying that the plant was closed."
    saying = next(t for t in nlp(text) if t.text == "saying")
    assert document_issuer(saying, saying.head) is None
    assert source_word(nlp, text, "saying") == "spokesman"
