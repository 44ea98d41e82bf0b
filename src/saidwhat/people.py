"""The people an article names, as the speaker resolver keeps them (speakers.py).

Each person is one full name, with how salient they are so far: how often named, last seen where, last
a clause's subject where, quoted how often, and their gender where the article tells it. `named_people`
turns the recognizer's PERSON entities into that list: one person per name, a name the article gives in
full with more words ("Donald J. Trump") absorbing its shorter form, a swallowed epithet dropped
("Crooked Hillary Clinton"), and a bare surname a person of its own only where no full name can be it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhat.first_names import gender_of
from saidwhat.names import honorific_gender, is_sub, name_key, shortened

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


@dataclass
class Person:
    """One person of the article and how present they are in its discourse so far."""

    name: str
    tokens: tuple[str, ...]
    last_seen: int = -1
    gender: str | None = None
    mentions: int = 0  # how often the article has named this person so far: its salience
    # the last mention outside any reported content: a name inside what someone said does not take the
    # discourse over ("Earnest said Obama has long called for … He said …" is still Earnest)
    last_outside: int = -1
    last_subject: int = -1  # the last such mention as a clause's subject: the centre of attention
    quoted: int = 0  # how many quotes so far are this person's
    # "elder" or "younger" where a kin noun introduced them ("His son, Kevin Brennan,": the younger)
    generation: str | None = None

    def hold(self, at: int, *, subject: bool) -> None:
        """A mention at token `at`, outside reported content, that does not move earlier ones back."""
        self.last_seen = max(self.last_seen, at)
        self.last_outside = max(self.last_outside, at)
        if subject:
            self.last_subject = max(self.last_subject, at)


def containing(people: list[Person], toks: tuple[str, ...]) -> list[Person]:
    """Those of `people` whose name holds the name words `toks` ("Clinton" -> Hillary and Bill Clinton)."""
    return [p for p in people if len(p.tokens) >= len(toks) and is_sub(toks, p.tokens)]


def named_people(
    person_ents: list[SpacySpan], named: dict[int, str]
) -> tuple[list[Person], dict[tuple[str, ...], tuple[str, ...]]]:
    """The people of an article's PERSON entities (`named`: each entity's name by its start token), and
    the name forms that are another person's fuller name (epithets and short forms -> the name)."""
    epithets: dict[tuple[str, ...], tuple[str, ...]] = {}

    names: dict[str, Person] = {}
    honorifics: dict[tuple[str, ...], str] = {}  # a surname's gender where an honorific gives it
    for ent in person_ents:
        name = named[ent.start]
        if not name or len(name) > 60:
            continue
        toks = name_key(name)
        if len(toks) == 1 and (said := honorific_gender(ent)) is not None:
            honorifics[toks] = said
        if name not in names:
            names[name] = Person(name, toks, gender=gender_of(toks[0]) if len(toks) > 1 else None)
        names[name].generation = names[name].generation or _generation_of_kin(ent)
    # "Crooked Hillary Clinton" beside "Hillary Clinton": a word before a full name is an epithet the
    # recognizer swallowed, not part of the name (middle names and suffixes sit inside or after it)
    full_names = {p.tokens for p in names.values() if len(p.tokens) > 1}
    for name, person in list(names.items()):
        # (not "Ildefonso Guajardo Villarreal" beside "Guajardo Villarreal": a given name, then the
        # surnames he is also called by)
        epithet = len(person.tokens) > 2 and gender_of(person.tokens[1]) is not None
        if epithet and person.tokens[1:] in full_names:
            epithets[person.tokens] = person.tokens[1:]
            del names[name]
    # "Donald Trump" beside "Donald J. Trump", "Suu Kyi" beside "Aung San Suu Kyi": one person,
    # named in full with a middle name or given names the shorter form leaves out; the fullest
    # form names them. Only into one longer name: "George Bush" beside George W. and George H. W.
    # Bush stays itself
    for name, person in list(names.items()):
        longer = [p for p in names.values() if shortened(person.tokens, p.tokens)]
        if len(longer) == 1:
            epithets[person.tokens] = longer[0].tokens
            del names[name]
    # a name is kept as an entity only if no longer name in the article contains it
    full = [p for p in names.values() if len(p.tokens) > 1]
    people = full or list(names.values())
    # a surname is someone of its own if no fuller name holds it, or if its honorific rules out every
    # fuller name that does: "Mr. Obama" (NYT style, never named in full) beside "Michelle Obama"
    singles = [
        p
        for p in names.values()
        if len(p.tokens) == 1
        and all(
            full.gender is not None and honorifics.get(p.tokens, full.gender) != full.gender
            for full in containing(people, p.tokens)
        )
    ]
    for p in singles:
        p.gender = p.gender or honorifics.get(p.tokens)
    people.extend(singles)
    return people, epithets


ELDER_KIN = frozenset({"father", "mother", "grandfather", "grandmother", "uncle", "aunt", "dad", "mom"})
YOUNGER_KIN = frozenset({"son", "daughter", "grandson", "granddaughter", "nephew", "niece"})
ELDER_WORDS = frozenset({"elder", "older", "senior"})
YOUNGER_WORDS = frozenset({"younger", "junior"})


def _generation_of_kin(ent: SpacySpan) -> str | None:
    """ "His son, Kevin Brennan," -> "younger"; "her mother, Ruth Ames," -> "elder"; else None."""
    root = ent.root
    if root.dep_ != "appos" or root.head.i > root.i:
        return None
    kin = root.head.lower_
    return "elder" if kin in ELDER_KIN else "younger" if kin in YOUNGER_KIN else None


def generation_asked(ent: SpacySpan) -> str | None:
    """Which of namesakes by age a mention asks for: "the elder Brennan", "the senior Bush" -> "elder";
    "the younger Brennan" -> "younger"; None for a plain name."""
    doc, k = ent.doc, ent.start - 1
    while k >= 0 and doc[k].lower_.rstrip(".") in HONORIFICS:  # "the younger Mr. Trump"
        k -= 1
    word = doc[k].lower_ if k >= 0 else ""
    return "elder" if word in ELDER_WORDS else "younger" if word in YOUNGER_WORDS else None


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})


def by_generation(namesakes: list[Person], asked: str) -> Person:
    """The elder or younger of `namesakes` (in the order the article introduced them): the one a kin
    noun made so ("His son, Kevin Brennan": the younger; the other then the elder), else the one
    introduced first for the elder, last for the younger (a story names the parent before the child)."""
    other = "younger" if asked == "elder" else "elder"
    own = [p for p in namesakes if p.generation == asked]
    if own:
        return own[0]
    rest = [p for p in namesakes if p.generation != other]
    if len(rest) == 1:
        return rest[0]
    pool = rest or namesakes
    return pool[0] if asked == "elder" else pool[-1]
