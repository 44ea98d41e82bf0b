"""The roles an article gives people and who a later role noun names (real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.roles import RoleBook, epithet, named_below


def book_and_doc(nlp: Any, text: str) -> tuple[RoleBook[str], Any]:
    """A book filled from every PERSON entity of `text`, each person recorded by its entity text."""
    doc = nlp(text)
    book: RoleBook[str] = RoleBook()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            book.give_around(ent.root, ent.text)
    return book, doc


def holder_of(nlp: Any, text: str, role: str) -> str | None:
    """Who the last occurrence of the role noun `role` in `text` names."""
    book, doc = book_and_doc(nlp, text)
    return book.holder([t for t in doc if t.lower_ == role][-1])


def test_an_appositive_gives_its_role(nlp: Any) -> None:
    text = "Rita Okafor, the spokeswoman, spoke on Monday. The spokeswoman said the bridge was safe."
    assert holder_of(nlp, text, "spokeswoman") == "Rita Okafor"


def test_an_abbreviated_title_gives_the_spelled_out_role(nlp: Any) -> None:
    text = "Gov. Daniel Okafor ordered water cuts. The governor said more would come."
    assert holder_of(nlp, text, "governor") == "Daniel Okafor"


def test_the_role_names_its_last_holder(nlp: Any) -> None:
    text = "Sen. Ann Berg spoke first. Sen. Paul Ruiz spoke next. The senator said the bill would pass."
    assert holder_of(nlp, text, "senator") == "Paul Ruiz"


def test_a_place_in_the_role_needs_a_holder_given_that_place(nlp: Any) -> None:
    text = (
        "Florida Sen. Marco Rubio won in Minnesota. Sen. Bernie Sanders won in Vermont. "
        "The Florida senator said he was looking ahead."
    )
    assert holder_of(nlp, text, "senator") == "Marco Rubio"
    text = "Sen. Joni Ernst campaigned in Iowa. The Florida senator said he felt good."
    assert holder_of(nlp, text, "senator") is None


def test_an_indefinite_role_is_someone_new(nlp: Any) -> None:
    text = "Senator Marco Rubio met the president. A senator said the votes would come."
    assert holder_of(nlp, text, "senator") is None
    text = "Captain Renee Oduya chairs the union. One captain, who asked not to be named, said no."
    assert holder_of(nlp, text, "captain") is None  # "One" is the parser's number, not a determiner


def test_the_noun_that_gave_the_role_names_its_holder_even_when_indefinite(nlp: Any) -> None:
    book, doc = book_and_doc(nlp, "Federico Ruiz, a Democratic strategist, said the race was close.")
    strategist = next(t for t in doc if t.text == "strategist")
    assert book.holder(strategist) == "Federico Ruiz"


def test_another_office_is_not_the_role(nlp: Any) -> None:
    text = "Vice President Joe Biden spoke in Ohio. The president said the economy was strong."
    assert holder_of(nlp, text, "president") is None


def test_only_an_office_counts_as_one(nlp: Any) -> None:
    book, _ = book_and_doc(nlp, "Gov. Ann Berg spoke first. Paul Ruiz is a smart man.")
    given = {p: p for held in book.holders.values() for p, _ in held}  # the very objects given roles
    assert sorted(given) == ["Ann Berg", "Paul Ruiz"]
    assert book.holds_office(given["Ann Berg"])
    assert not book.holds_office(given["Paul Ruiz"])  # "a smart man" is a description, no office


def test_a_definite_age_is_an_epithet_and_an_indefinite_one_is_not(nlp: Any) -> None:
    def epithets(text: str) -> list[str]:
        return [t.head.text for t in nlp(text) if epithet(t)]

    assert epithets('"My mum was in the stand," the 19-year-old said.') == ["said"]
    assert epithets("A 43-year-old man said he was tired.") == []


def test_an_age_epithet_names_whom_the_story_is_about() -> None:
    # Mensah, the subject the story follows, not Reyes, the name nearest the quote
    text = (
        "Kofi Mensah, who joined on loan from Stoke in January, scored the winner past goalkeeper Tom "
        'Reyes. "My mum was in the stand," the 19-year-old said.'
    )
    quotes = extract(text).quotes
    assert [(q.speaker, q.speaker_type) for q in quotes if q.kind == "direct"] == [("Kofi Mensah", "person")]


def test_what_someone_does_or_is_is_an_epithet_where_nothing_picks_out_someone_new(nlp: Any) -> None:
    def epithets(text: str) -> list[str]:
        return [t.text for t in nlp(text) if epithet(t)]

    assert epithets('"It was a great day," the striker said.') == ["striker"]
    assert epithets("The Wisconsin Republican said no.") == ["Republican"]
    assert epithets("The independent said no.") == ["independent"]
    assert epithets('"That is football," the Spaniard said. "I dreamed of it," the teenager said.') == [
        "Spaniard",
        "teenager",
    ]
    # the tagger's proper noun, written in lower case
    assert epithets("“They got great ratings,” the billionaire business mogul told People.") == ["mogul"]
    assert epithets("A striker said no. The striker from Lagos said no. The team's striker said no.") == []
    assert epithets('"No," the Lincoln actor said. The Philippine Star reported it.') == []


def test_an_epithet_names_the_person_the_story_follows_but_not_its_own_sentences_subject() -> None:
    text = (
        'Derby defeat\n\nJamal Price scored twice on Sunday. "It was a great day," the striker said.\n\n'
        "Senator Ann Kemp criticised Paul Ross after the billionaire said the tax was unfair."
    )
    got = [(q.speaker, q.speaker_mention.text if q.speaker_mention else None) for q in extract(text).quotes]
    assert ("Jamal Price", "the striker") in got
    assert ("the billionaire", "the billionaire") in got  # not Ann Kemp, the subject of its sentence


LEDE = (
    "A federal judge on Friday blocked the law, calling it “flagrantly unconstitutional.”\n\n"
    "U.S. District Judge Robert Pitman wrote that the state had acted in bad faith."
)


def _below(nlp: Any, text: str, word: str) -> str | None:
    doc = nlp(text)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    noun = next(t for t in doc if t.text == word)
    found = named_below(noun, people, doc.text, lambda char: True)
    return found.text if found is not None else None


def test_a_ledes_indefinite_role_is_the_holder_the_next_paragraph_names(nlp: Any) -> None:
    assert _below(nlp, LEDE, "judge") == "Robert Pitman"
    again = LEDE + " Judge Pitman also ordered the state to pay costs."  # one judge, named twice
    assert _below(nlp, again, "judge") == "Robert Pitman"
    calling = next(q for q in extract(LEDE).quotes if q.cue is not None and q.cue.text == "calling")
    assert (calling.speaker, calling.speaker_type) == ("Robert Pitman", "person")
    assert calling.speaker_mention is not None and calling.speaker_mention.text == "A federal judge"


def test_an_anonymous_role_or_one_named_too_far_or_beside_it_is_nobody_named(nlp: Any) -> None:
    anonymous = (
        "A senior State Department official, who spoke on condition of anonymity, said the talks had "
        "stalled.\n\nState Department official John Kirby said later that talks would resume."
    )
    assert _below(nlp, anonymous, "official") is None
    far = LEDE.replace("\n\n", "\n\nThe ruling came late.\n\n")  # two paragraphs on
    assert _below(nlp, far, "judge") is None
    two = LEDE + " Judge Ann Reyes dissented in a related case."  # two judges named: which one?
    assert _below(nlp, two, "judge") is None
