"""Speaker mentions read off a real parse: their range, the entity they name, their type."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.mentions import ent_in, mention_range, noun_type


def _token(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_a_mention_stops_before_its_appositive_and_relative_clause(nlp: Any) -> None:
    doc = nlp("The agency's spokeswoman, Maria Lopez, who joined in May, said the plant was closed.")
    left, right = mention_range(_token(doc, "spokeswoman"))
    assert doc[left:right].text == "The agency's spokeswoman"


def test_a_where_clause_hung_inside_the_phrase_is_no_part_of_it(nlp: Any) -> None:
    doc = nlp(
        "In a statement, the mayor of Dayton, where five stores will close, called the decision a blow."
    )
    left, right = mention_range(_token(doc, "mayor"))
    assert doc[left:right].text == "the mayor of Dayton"


def test_a_name_inside_a_prepositional_phrase_is_not_the_mentions_entity(nlp: Any) -> None:
    doc = nlp("A spokesman for Hillary Clinton said the campaign would not respond.")
    src = _token(doc, "spokesman")
    left, right = mention_range(src)
    assert ent_in(doc[left:right], list(doc.ents)) is None
    doc = nlp("White House spokesman Josh Earnest said the talks had failed.")
    src = _token(doc, "Earnest")
    left, right = mention_range(src)
    found = ent_in(doc[left:right], list(doc.ents))
    assert found is not None and found.text == "Josh Earnest"


def test_an_unnamed_speaker_is_typed_by_its_head_noun() -> None:
    assert noun_type("spokeswoman") == "person"
    assert noun_type("ministry") == "organization"
    assert noun_type("report") == "unknown"


def test_a_second_role_or_group_noun_joined_without_a_determiner_is_part_of_the_mention(nlp: Any) -> None:
    doc = nlp(
        "Asked about the video, the former secretary of state and current Democratic presidential nominee "
        "said she would speak to voters."
    )
    left, right = mention_range(_token(doc, "secretary"))
    assert doc[left:right].text == "the former secretary of state and current Democratic presidential nominee"
    doc = nlp("The influential delegate and conservative activist, who backs Cruz, warned of a battle.")
    left, right = mention_range(_token(doc, "delegate"))
    assert (
        doc[left:right].text == "The influential delegate and conservative activist"
    )  # not "who backs Cruz"
    doc = nlp("Regulators and environmental groups said the deal was risky.")
    left, right = mention_range(_token(doc, "Regulators"))
    assert doc[left:right].text == "Regulators and environmental groups"
    doc = nlp("The mayor and the police chief said the road was closed.")
    left, right = mention_range(_token(doc, "mayor"))
    assert doc[left:right].text == "The mayor"  # a determiner of its own: a second speaker


def test_a_report_keeps_its_author_in_the_mention(nlp: Any) -> None:
    doc = nlp("A report by the state inspector general found that the city had paid twice.")
    left, right = mention_range(_token(doc, "report"))
    assert doc[left:right].text == "A report by the state inspector general"


def test_an_inverted_subject_read_as_a_clause_is_one_mention(nlp: Any) -> None:
    # the parser makes "close" the verb of a clause "officials close to him": the speaker is all of it
    doc = nlp("He wants to leave the party, say officials close to him.")
    left, right = mention_range(_token(doc, "officials"))
    assert doc[left:right].text == "officials close to him"


def test_a_mention_never_starts_inside_the_quotation_before_it(nlp: Any) -> None:
    # the parser hangs the quotation's last words on the name ("hunky-dory" as its modifier)
    doc = nlp(
        "Campaign News\n\n“It is not the position that everything is hunky-dory,” Gene Sperling, "
        "a top outside Clinton adviser, said at a recent event in Iowa."
    )
    left, right = mention_range(_token(doc, "Sperling"))
    assert doc[left:right].text == "Gene Sperling"


def test_a_reduced_relatives_antecedent_is_no_part_of_the_speaker() -> None:
    text = 'Library shut\n\nThe council closed the library, a move critics called "a betrayal of the town."'
    (q,) = extract(text).quotes
    assert q.speaker_mention is not None and q.speaker_mention.text == "critics"  # had been "a move critics"
    text = "Rates up\n\nThe bank raised rates again, a decision economists described as reckless."
    assert [q.speaker for q in extract(text).quotes] == ["economists"]


def test_a_quantity_before_the_speakers_head_stays_in_the_phrase(nlp: Any) -> None:
    doc = nlp("Outside the plant, a dozen Carrier workers said they feared for their jobs.")
    src = next(t for t in doc if t.text == "workers")
    assert doc[slice(*mention_range(src))].text == "a dozen Carrier workers"
