"""The people of an article from its PERSON entities (saidwhat.people, real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat.names import ent_name
from saidwhat.people import Person, by_generation, generation_asked, named_people


def people_of(nlp: Any, text: str) -> tuple[list[str], dict[tuple[str, ...], tuple[str, ...]]]:
    ents = [e for e in nlp(text).ents if e.label_ == "PERSON"]
    people, epithets = named_people(ents, {e.start: ent_name(e) for e in ents})
    return [p.name for p in people], epithets


def test_a_shorter_form_joins_the_fuller_name(nlp: Any) -> None:
    names, epithets = people_of(nlp, "Donald J. Trump spoke on Monday. Donald Trump then left for Ohio.")
    assert names == ["Donald J. Trump"]
    assert epithets[("donald", "trump")] == ("donald", "j.", "trump")


def test_a_bare_surname_is_nobody_of_its_own_beside_a_full_name(nlp: Any) -> None:
    names, _ = people_of(nlp, "Maria Lopez runs the restaurant. Lopez opens the kitchen at six.")
    assert names == ["Maria Lopez"]


def test_an_honorific_that_rules_out_every_full_name_makes_a_person_of_its_own(nlp: Any) -> None:
    names, _ = people_of(
        nlp, "Michelle Obama spoke at the convention. Mr. Obama watched from the White House."
    )
    assert sorted(names) == ["Michelle Obama", "Obama"]


def test_a_kin_noun_tells_which_namesake_is_the_younger(nlp: Any) -> None:
    text = "Harold Brennan built the firm. His son, Kevin Brennan, now runs it. Her mother, Ruth Ames, spoke."
    ents = [e for e in nlp(text).ents if e.label_ == "PERSON"]
    people, _ = named_people(ents, {e.start: ent_name(e) for e in ents})
    assert {p.name: p.generation for p in people} == {
        "Harold Brennan": None,
        "Kevin Brennan": "younger",
        "Ruth Ames": "elder",
    }


def test_the_elder_or_younger_namesake_a_mention_asks_for(nlp: Any) -> None:
    doc = nlp("The elder Brennan said no, and the younger Mr. Brennan said yes. Kevin Brennan left.")
    asked = [generation_asked(e) for e in doc.ents if e.label_ == "PERSON"]
    assert asked == ["elder", "younger", None]
    father, son = (
        Person("Harold Brennan", ("harold", "brennan")),
        Person("Kevin Brennan", ("kevin", "brennan")),
    )
    assert by_generation([father, son], "elder") is father  # introduced first, no kin noun said otherwise
    assert by_generation([father, son], "younger") is son
    son.generation, father.generation = None, "younger"  # "… her son, Harold Brennan": the kin noun wins
    assert by_generation([father, son], "elder") is son
