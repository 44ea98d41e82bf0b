"""The last unnamed person speaker, for a "he" or "she" after it (saidwhat.unnamed, real parses)."""

from __future__ import annotations

from typing import Any

from saidwhat.people import Person
from saidwhat.unnamed import UnnamedSpeaker


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def _noted(nlp: Any, text: str, noun: str, name: str, people: list[Person]) -> tuple[Any, UnnamedSpeaker]:
    doc = nlp(text)
    unnamed = UnnamedSpeaker()
    src = _token(doc, noun)
    unnamed.note(src, name, src.idx + len(src), people)
    return doc, unnamed


def test_an_indefinite_person_noun_is_kept_with_the_gender_its_noun_gives(nlp: Any) -> None:
    text = (
        "A spokeswoman for the agency said it had approved the grants. “We're doing what we can,” she said."
    )
    doc, unnamed = _noted(nlp, text, "spokeswoman", "A spokeswoman for the agency", [])
    assert (unnamed.name, unnamed.gender) == ("A spokeswoman for the agency", "f")
    she = [t for t in doc if t.text == "she"][-1]
    assert unnamed.continued_by(she, "f", doc.text, []) == "A spokeswoman for the agency"
    he = doc[-1]  # any token after: a "he" of the other gender does not continue her
    assert unnamed.continued_by(he, "m", doc.text, []) is None


def test_one_the_parser_makes_a_number_introduces_someone_new_too(nlp: Any) -> None:
    text = "One captain, who asked not to be named, said the talks had failed."
    _, unnamed = _noted(nlp, text, "captain", "One captain", [])
    assert unnamed.name == "One captain"


def test_a_definite_description_continues_only_where_no_named_person_could_be_meant(nlp: Any) -> None:
    text = "The spokeswoman said it had approved the grants. “We're doing what we can,” she said."
    doc, unnamed = _noted(nlp, text, "spokeswoman", "The spokeswoman", [])
    she = [t for t in doc if t.text == "she"][-1]
    assert unnamed.continued_by(she, "f", doc.text, []) == "The spokeswoman"
    # "The Vermont senator" is usually someone the article named: a named woman before wins the "she"
    reyes = Person("Ana Reyes", ("ana", "reyes"), gender="f")
    reyes.hold(0, subject=True)
    assert unnamed.continued_by(she, "f", doc.text, [reyes]) is None


def test_a_gendered_role_of_someone_named_continues_like_someone_new(nlp: Any) -> None:
    text = (
        "Hunt's spokesman said she had “every sympathy” with patients. But she would not “sign a blank "
        "cheque,” he said."
    )
    doc, unnamed = _noted(nlp, text, "spokesman", "Hunt's spokesman", [])
    he = [t for t in doc if t.text == "he"][-1]
    patel = Person("Amir Patel", ("amir", "patel"), gender="m")
    patel.hold(0, subject=True)  # a man named before the spokesman no longer wins the "he"
    assert unnamed.continued_by(he, "m", doc.text, [patel]) == "Hunt's spokesman"
    text = "The spokesman said she had sympathy. But she would not pay, he said."
    doc, unnamed = _noted(nlp, text, "spokesman", "The spokesman", [])
    he = [t for t in doc if t.text == "he"][-1]
    assert unnamed.continued_by(he, "m", doc.text, [patel]) is None  # no one's: maybe someone named


def test_a_named_person_is_not_kept(nlp: Any) -> None:
    named = [Person("Ana Reyes", ("ana", "reyes"))]
    _, unnamed = _noted(nlp, "A spokeswoman said so.", "spokeswoman", "Ana Reyes", named)
    assert unnamed.name is None  # the roles gave the noun to someone the article names


def test_no_continuation_across_a_paragraph_or_past_a_named_person_of_that_gender(nlp: Any) -> None:
    text = "A spokeswoman said the grants were approved.\n\n“It is enough,” she said."
    doc, unnamed = _noted(nlp, text, "spokeswoman", "A spokeswoman", [])
    she = [t for t in doc if t.text == "she"][-1]
    assert unnamed.continued_by(she, "f", doc.text, []) is None
    text = "A spokeswoman said the grants were approved. Ana Reyes disagreed. “It is not enough,” she said."
    doc, unnamed = _noted(nlp, text, "spokeswoman", "A spokeswoman", [])
    reyes = Person("Ana Reyes", ("ana", "reyes"), gender="f")
    reyes.hold(_token(doc, "Reyes").i, subject=True)
    she = [t for t in doc if t.text == "she"][-1]
    assert unnamed.continued_by(she, "f", doc.text, [reyes]) is None
