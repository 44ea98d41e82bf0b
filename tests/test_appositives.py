"""Names set off after a speaker's noun (saidwhat.appositives), on a real parse."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.appositives import appositive_name


def _token(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_a_name_set_off_after_a_role_is_found_through_it(nlp: Any) -> None:
    doc = nlp("His father, the former governor Robert Hale, said the decision was his son's alone.")
    named = appositive_name(_token(doc, "father"))
    assert named is not None and named.text == "Hale"
    doc = nlp("According to the activist group Mosul Eye, dozens were killed.")
    assert appositive_name(_token(doc, "group")) is None  # a cited source does not take over
    # but a role set off from the person's name by commas names the person the source is
    doc = nlp("According to the city's finance director, Priya Natarajan, homeowners will pay more.")
    named = appositive_name(_token(doc, "director"))
    assert named is not None and named.text == "Natarajan"


def test_a_name_set_off_after_a_roles_employer_is_the_role_holder(nlp: Any) -> None:
    # the parser hangs the name on the employer ("Veltra, Dmitri Volkov": a conjunct)
    doc = nlp('"Customer safety is our first priority," said a spokesman for Veltra, Dmitri Volkov.')
    named = appositive_name(_token(doc, "spokesman"))
    assert named is not None and named.text == "Volkov"
    doc = nlp("The spokesmen for Ford and GM said the talks had failed.")
    assert appositive_name(_token(doc, "spokesmen")) is None  # no person named after the employers


def test_an_institution_named_after_a_common_noun_is_found_through_it(nlp: Any) -> None:
    doc = nlp("The developer, Bayline Partners, said in a statement that it was disappointed.")
    named = appositive_name(_token(doc, "developer"))
    assert named is not None and named.text == "Partners"
    doc = nlp("Its parent company, Meta, said the outage was fixed.")
    named = appositive_name(_token(doc, "company"))
    assert named is not None and named.text == "Meta"


def test_a_role_acronym_the_tagger_calls_a_proper_noun_has_its_name_set_off(nlp: Any) -> None:
    doc = nlp(
        "Okoye said the trust was recruiting. The local MP, Sarah Dale, told The Courier she would act."
    )
    mp = _token(doc, "MP")
    assert mp.pos_ == "PROPN"  # the tagger's reading
    named = appositive_name(mp)
    assert named is not None and named.text == "Dale"
    doc = nlp("Profits fell. The company's CEO, Jane Smith, said the company would recover.")
    named = appositive_name(_token(doc, "CEO"))
    assert named is not None and named.text == "Smith"


def test_a_name_set_off_before_the_verb_after_the_subjects_participle_is_the_subjects() -> None:
    text = "Report leaked\n\nThe union representing border staff, the PCS, said the report was damning."
    assert [q.speaker for q in extract(text).quotes] == ["the PCS"]  # had been "The union"
    text = "Report leaked\n\nThe lawyer representing the family, Ana Ruiz, said the report was damning."
    assert [q.speaker for q in extract(text).quotes] == ["Ana Ruiz"]
