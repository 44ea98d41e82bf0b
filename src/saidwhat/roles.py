"""The roles an article gives people, and which person a later role noun names.

"Jane Doe, the spokeswoman", "spokeswoman Jane Doe", "Gov. Daniel Okafor", "Jane Doe is the spokeswoman":
each ties a role (`mentions.role_keys`: "spokeswoman", "governor", "vice president") to a person, with
the words that qualified it there ("Florida" in "Florida Sen. Marco Rubio"). "The spokeswoman said"
then names the person the role was last given to, unless the words differ: see `RoleBook.holder`.
Generic over the person record, which speakers.py owns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from saidwhat.mentions import (
    FORMER,
    NAME_TITLES,
    common_noun,
    noun_type,
    proper_qualifiers,
    qualifiers,
    role_keys,
    role_word,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

P = TypeVar("P")

COPULAS = frozenset({"is", "was", "’s", "'s", "remains", "became"})
INDEFINITES = frozenset({"a", "an", "another", "one", "some", "any"})


def role_beside(name: SpacySpan) -> Token | None:
    """The role noun set off after a name ("Adeyemi, the board chair, said"), if any."""
    return next((c for c in name.root.children if c.dep_ == "appos" and common_noun(c)), None)


def indefinite(noun: Token) -> bool:
    """Does an indefinite determiner introduce `noun` ("a spokesman", "another aide", "One captain",
    which the parser makes a number)? Such a noun is someone new, not a role or person given before."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITES for c in noun.lefts)


@dataclass
class RoleBook(Generic[P]):
    """Every role given so far, each with its holders in the order the article gave it to them."""

    holders: dict[str, list[tuple[P, frozenset[str]]]] = field(default_factory=dict)
    _nouns: dict[int, P] = field(default_factory=dict)  # each role noun that gave a role -> its holder

    def give(self, noun: Token, person: P) -> None:
        self.holders.setdefault(role_keys(noun)[0], []).append((person, qualifiers(noun)))
        self._nouns[noun.i] = person

    def give_around(self, root: Token, person: P) -> None:
        """The roles the words around a person's name (its root token `root`) give them."""
        for child in root.children:  # Jane Doe, the spokeswoman; spokeswoman Jane Doe; President Obama
            common = child.dep_ in ("appos", "compound") and child.pos_ == "NOUN"
            if common or (child.dep_ == "compound" and child.i < root.i and role_word(child) in NAME_TITLES):
                self.give(child, person)
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            self.give(root.head, person)
        # "Jane Doe is the spokeswoman": only the subject of a copula (lemmas are not computed)
        if root.dep_ == "nsubj" and root.head.lower_ in COPULAS:
            for child in root.head.children:
                if child.dep_ == "attr" and child.pos_ == "NOUN":
                    self.give(child, person)

    def holds_office(self, person: P) -> bool:
        """Has the article given `person` an office ("governor", "former senator"), not just a
        description ("a smart man")?"""
        return any(
            p is person
            for key, held in self.holders.items()
            if key.split()[-1] in NAME_TITLES
            for p, _ in held
        )

    def holder(self, noun: Token) -> P | None:
        """The person a role noun names: the one it was last given to, unless both name the role
        differently ("the Republican nominee" is not the person introduced as "Democratic vice
        presidential nominee"). A place or party in the role ("the Florida senator") must have been given
        with it ("Florida Sen. Marco Rubio"), not guessed from another senator titled without one; an
        indefinite role ("a Democratic senator said", "One captain, who asked not to be named,") is someone
        new."""
        if noun.i in self._nouns:  # "said Federico de Jesús, a Democratic strategist": this very one
            return self._nouns[noun.i]
        if indefinite(noun):
            return None
        held = next((self.holders[key] for key in role_keys(noun) if key in self.holders), None)
        if held is None:
            return None
        asked, proper = qualifiers(noun) - FORMER, proper_qualifiers(noun)
        for person, given in reversed(held):
            given = given - FORMER
            if (given & proper) if proper else (not asked or not given or asked & given):
                return person
        return None


# nouns news calls a person it has named by ("“…,” the striker said", "the Republican told reporters"):
# what they do or are, never an office the article gives someone (those are `RoleBook`'s)
EPITHET_NOUNS = frozenset(
    {
        "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "quarterback",
        "pitcher", "batsman", "bowler", "batter", "sprinter", "swimmer", "golfer", "cyclist", "boxer",
        "champion", "olympian", "actor", "actress", "singer", "rapper", "comedian", "novelist",
        "filmmaker", "star", "billionaire", "tycoon", "mogul", "entrepreneur", "veteran", "republican",
        "democrat", "independent", "conservative", "liberal", "progressive", "populist", "tory",
        "frenchman", "frenchwoman", "briton", "scot", "welshman", "irishman", "dutchman", "englishman",
        "spaniard", "german", "italian", "american", "australian", "brazilian", "argentine", "canadian",
        "teenager", "youngster", "rookie", "debutant", "newcomer", "substitute", "skipper", "pontiff",
    }
)  # fmt: skip
# the epithets written with a capital ("the Republican"); any other capitalised one is a name
CAPITALISED_EPITHETS = frozenset(
    {"republican", "democrat", "independent", "conservative", "liberal", "progressive", "tory", "olympian",
     "frenchman", "frenchwoman", "briton", "scot", "welshman", "irishman", "dutchman", "englishman",
     "spaniard", "german", "italian", "american", "australian", "brazilian", "argentine", "canadian"}
)  # fmt: skip


def epithet(word: Token) -> bool:
    """Is `word` the head of a definite epithet ("“…,” the 19-year-old said", "The 43-year-old told
    reporters", "the striker said", "the veteran Republican said")? News calls the person it is about by
    their age or what they do; the epithet names no office, so it names whom the story is about at that
    point, as "he" or "she" would. One with more to it ("the striker from Lagos", "the team's striker")
    may be someone new."""
    if word.lower_ == "old" and any(c.lower_ in ("year", "years") for c in word.children):
        before = word.doc[word.left_edge.i - 1] if word.left_edge.i > 0 else None
        determiner = next((c for c in word.children if c.dep_ == "det"), None)
        determiner = determiner or (word.head if word.head.dep_ == "det" else None)
        return any(t is not None and t.lower_ == "the" for t in (determiner, before))
    proper = word.tag_ == "NNP" and (word.is_lower or word.lower_ in CAPITALISED_EPITHETS)
    if word.lower_ not in EPITHET_NOUNS or not (word.tag_ == "NN" or proper):
        return False  # "the Philippine Star", a newspaper
    words = list(word.children)
    return any(c.dep_ == "det" and c.lower_ == "the" and c.i < word.i for c in words) and all(
        c.i < word.i and (c.dep_ in ("det", "amod", "punct") or (c.dep_ == "compound" and _qualifies(c)))
        for c in words
    )


def _qualifies(word: Token) -> bool:
    """Does a word compounded onto an epithet only qualify it ("the Wisconsin Republican", "the real
    estate mogul"), not pick out someone new ("the Lincoln actor": the one who played Lincoln, tagged an
    organisation)? A common noun or a place does."""
    return word.pos_ != "PROPN" or word.ent_type_ in ("GPE", "LOC", "NORP")


def sentence_has_its_subject(word: Token, last_subject: int) -> bool:
    """Has the epithet `word` (`epithet`) a person for subject of a clause it is part of, the one whose
    last subject is at token `last_subject` or another ("In June, the South Carolina senator called on
    Republicans to unendorse Trump after the billionaire mogul claimed …")? The epithet is then someone
    else: a writer names the same person again by "he" or "she". A subject inside a quotation before it
    ('“Donald is an amazing leader,” said the 46-year-old') is no clause the epithet is part of."""
    doc = word.doc
    for t in doc[word.sent.start : word.left_edge.i]:
        if t.dep_ not in ("nsubj", "nsubjpass") or not t.head.is_ancestor(word):
            continue
        if t.i == last_subject or t.ent_type_ == "PERSON" or t.lower_ in ("he", "she"):
            return True
        if noun_type(t.lower_) == "person":
            return True
    return False


def named_below(
    noun: Token, person_ents: list[SpacySpan], text: str, outside: Callable[[int], bool]
) -> SpacySpan | None:
    """The name an indefinite role introduces before it ("A federal judge on Friday blocked …, calling it
    “…”" ¶ "U.S. District Judge Robert Pitman wrote …"): a news lede gives the role first and its
    holder right after. The one person named after the role's sentence, in its paragraph or the next,
    outside what anyone said (`outside`, by character), with the same role as a title or set off beside
    the name ("Robert Pitman, a federal judge,"); None where no one or several are (an indefinite role
    is otherwise someone new, `indefinite`). PolNeAR train: 6 speakers named so, each right on reading."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not indefinite(noun) or noun_type(noun.lower_) != "person":
        return None
    if ANONYMOUS.search(noun.sent.text):  # "a senior official, who spoke on condition of anonymity,"
        return None
    word, reach = role_word(noun), _end_of_next_paragraph(text, noun.idx)
    sentence_end = noun.sent.end
    ahead = [
        e for e in person_ents if e.start >= sentence_end and e.start_char < reach and outside(e.start_char)
    ]
    # one person, however often named ("Judge Robert Pitman … Judge Pitman"): by surname
    named = {e[-1].lower_ for e in ahead if word in (role_word(r) for r in _roles_around(e))}
    return next(e for e in ahead if e[-1].lower_ in named) if len(named) == 1 else None


def _roles_around(ent: SpacySpan) -> list[Token]:
    """The role nouns and titles beside a name, as `RoleBook.give_around` reads them."""
    root = ent.root
    beside = [c for c in root.children if c.dep_ in ("appos", "compound") and c.pos_ in ("NOUN", "PROPN")]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        beside.append(root.head)
    return beside


ANONYMOUS = re.compile(r"anonymity|anonymously|not to be (?:named|identified)|not authorized|withheld", re.I)


def _end_of_next_paragraph(text: str, at: int) -> int:
    """Where the paragraph after the one holding character `at` ends."""
    end = text.find("\n", at)
    if end < 0:
        return len(text)
    while end < len(text) and text[end].isspace():
        end += 1
    following = text.find("\n", end)
    return len(text) if following < 0 else following
