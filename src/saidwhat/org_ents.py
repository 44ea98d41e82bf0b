"""The recognizer's slips on institutions, undone before the resolver reads the entities (as
person_ents.py does for people): market words taken into a company's name ("Shares of Lumina
Semiconductor"), a company tagged a person ("Lumina now expects", "Harbour Freight will close its
depot"), a police force or council tagged a place ("West Yorkshire Police") or cut at "and" ("Devon and
Cornwall Police"). Moved out of organizations.py, which keeps the article's institutions.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING

from saidwhat.first_names import gender_of
from saidwhat.mentions import ORGANIZATION_NOUNS
from saidwhat.names import clean_name, replacing_ents
from saidwhat.organizations import name_words, shortens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


MARKET_WORDS = frozenset({"shares", "stock", "stocks", "units", "bonds"})
MOSTLY, MANY = 3, 6  # institution tags per person tag, and in all, that make a bare word an institution


def organization_fixed(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with two slips of the recognizer on institutions undone: a name that takes in the market
    words before it ("Shares of Lumina Semiconductor fell": Lumina Semiconductor), and a one-word name
    it tags as a person where the article names a company by it with its corporate word and tags it as
    an institution as often ("Lumina now expects" beside Lumina Semiconductor: a company speaks, not a
    person). A word that is part of a longer person's name ("Ford" beside "Gerald Ford") stays a
    person, and so does one the recognizer merely tags as an institution often ("Trump" nine times to
    four, with no "Trump Inc." in the article); with no corporate form it takes an institution tag
    MOSTLY times as often as a person tag, and MANY times at least ("Carrier" 21 times to 7). Also an
    institution: a name tagged a person whose clause says "its" of its object ("Harbour Freight will
    close its depot"), and a name tagged a place that ends in an institution noun ("West Yorkshire
    Police", "Leeds City Council")."""
    from spacy.tokens import Span as SpacySpan

    trimmed = [
        SpacySpan(doc, e.start + 2, e.end, label="ORG")
        for e in ents
        if e.label_ == "ORG" and len(e) > 2 and e[0].lower_ in MARKET_WORDS and e[1].lower_ == "of"
    ]
    ents = replacing_ents(ents, trimmed)
    # the words of people named in full: none of them is an institution ("Ford" beside "Gerald Ford")
    in_full = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    ents = replacing_ents(ents, _joint_forces(doc, ents, in_full))  # joins no person named in full
    org_words = [name_words(clean_name(e.text)) for e in ents if e.label_ == "ORG"]
    as_person = Counter(e[0].lower_ for e in ents if e.label_ == "PERSON" and len(e) == 1)

    def institution(word: str) -> bool:
        as_org = sum(w == (word,) or shortens((word,), w) for w in org_words)
        corporate = any(shortens((word,), w) for w in org_words)
        return as_org >= as_person[word] if corporate else as_org >= max(MOSTLY * as_person[word], MANY)

    relabelled = [
        SpacySpan(doc, e.start, e.end, label="ORG")
        for e in ents
        if (
            e.label_ == "PERSON"
            and (
                (len(e) == 1 and e[0].lower_ not in in_full and institution(e[0].lower_))
                or (gender_of(e[0].text) is None and _owns_an_its(e))
            )
        )
        # a place's institution tagged as the place: "West Yorkshire Police", "Leeds City Council"
        or (e.label_ in PLACE_LABELS and len(e) > 1 and e[-1].lower_ in ORGANIZATION_NOUNS)
    ]
    ents = replacing_ents(ents, relabelled)
    # an institution named after a person or a place, the recognizer stopping before its noun: "St.
    # Luke's Hospital" (tagged a person "St. Luke's", whose "the hospital said" then named no one)
    named_after = [
        SpacySpan(doc, e.start, e.end + 1, label="ORG")
        for e in ents
        if e.label_ in ("PERSON", "GPE", "NORP", "ORG")
        and e.end < len(doc)
        and doc[e.end].is_title
        and not doc[e.end].ent_type_
        and doc[e.end].lower_ in NAMED_AFTER_HEADS
        and e.root.head.i == e.end
    ]
    return replacing_ents(ents, named_after)


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# the nouns of institutions named after someone or somewhere ("St. Luke's Hospital", "Carnegie Museum")
NAMED_AFTER_HEADS = frozenset(
    {"hospital", "university", "college", "school", "foundation", "institute", "clinic", "academy",
     "museum", "library", "church", "center", "centre", "fund", "trust", "society", "institution"}
)  # fmt: skip
# bodies two places share, named "Devon and Cornwall Police", "Brighton and Hove City Council"
SHARED_BODIES = frozenset({"police", "constabulary", "council"})


def with_joint_body(src: Token, ents: list[SpacySpan], left: int, right: int) -> tuple[int, int]:
    """A speaker mention's token range [left, right) widened to the joint body `src` is part of: the
    parse cuts "Devon and Cornwall Police" at "and", a name `_joint_forces` made one."""
    body = next((e for e in ents if e.start <= src.i < e.end and e[-1].lower_ in SHARED_BODIES), None)
    return (left, right) if body is None else (min(left, body.start), max(right, body.end))


def _joint_forces(doc: Doc, ents: list[SpacySpan], in_full: set[str]) -> list[SpacySpan]:
    """ "Devon and Cornwall Police": the recognizer tags "Devon" apart (a person, a place) from
    "Cornwall Police"; a one-word name, "and", then a place's police force or council is one
    institution, unless the word is in the name of someone named in full (`in_full`)."""
    from spacy.tokens import Span as SpacySpan

    joint = []
    for first, body in pairwise(ents):
        if (
            len(first) == 1
            and first[0].pos_ == "PROPN"
            and body.start == first.end + 1
            and doc[first.end].lower_ in ("and", "&")
            and body.label_ in ("ORG", *PLACE_LABELS)
            and len(body) == 2  # a place and its force ("Smith and Leeds City Council" is two)
            and body[0].pos_ == "PROPN"
            and first[0].lower_ not in in_full  # not "Smith" beside "John Smith"
            and body[-1].lower_ in SHARED_BODIES
        ):
            joint.append(SpacySpan(doc, first.start, body.end, label="ORG"))
    return joint


def _owns_an_its(ent: SpacySpan) -> bool:
    """Is `ent` the subject of a clause that says "its" of its object ("Harbour Freight will close its
    depot")? No person is "its": the recognizer took an institution's name for a person's."""
    verb = ent.root.head
    if ent.root.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    between = ent.doc[ent.end : verb.i]
    if len(between) > 2 or any(t.is_punct for t in between):
        return False  # "DeMoro, director of a union that has been busing its members": a misparse
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "attr", "prep"):
            continue
        nouns = [obj, *(c for c in obj.children if c.dep_ == "pobj")]
        if any(c.dep_ == "poss" and c.lower_ == "its" for n in nouns for c in n.children):
            return True
    return False
