"""Names set off after a speaker's common noun: the person or institution "The developer, Bayline
Partners, said" or "His father, the former governor Robert Hale, said" names, which the resolver
takes for the speaker's canonical name; and whether a speaker is cited by "according to"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.mentions import PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


# entity types (besides PERSON) an institution's name set off after a common noun may carry; "" is a
# name the tagger typed as nothing ("The union, Local 32BJ, said"); not NORP ("a registered Republican")
INSTITUTION_ENTS = frozenset({"ORG", "GPE", ""})


def appositive_name(src: Token) -> Token | None:
    """A person's name set off after a common noun, directly or after a role: "His father, the former
    governor Robert Hale, said" (the parser hangs "Hale" on "governor", "governor" on "father"); or an
    institution's, set off by a comma ("The developer, Bayline Partners, said"). A role may be an
    acronym the tagger calls a proper noun ("The local MP, Sarah Dale, told …")."""
    # a capitalised common noun is a Title Case headline's ("Another GOP Figure Endorses …"); "according
    # to the activist group Mosul Eye" cites a source that must not take the discourse over
    acronym = src.pos_ == "PROPN" and src.is_upper and src.lower_ in PERSON_NOUNS
    if (src.pos_ != "NOUN" and not acronym) or src.ent_type_ or src.is_title:
        return None
    cited = according_to(src)
    if cited and src.lower_ not in PERSON_NOUNS:
        return None
    limit = src.head.i if src.head.i > src.i else len(src.doc)
    set_off = [c for c in src.children if c.dep_ == "appos" and c.i < limit] + _closing_set_off(src, limit)
    for appos in set_off:
        if cited and not (appos.ent_type_ == "PERSON" and _set_off(src, appos)):
            return None  # but "according to the finance director, Priya Natarajan," names her
        if appos.ent_type_ == "PERSON":
            return appos
        if appos.pos_ == "PROPN" and appos.ent_type_ in INSTITUTION_ENTS and _plain_name(src, appos):
            return appos  # "The developer, Bayline Partners, said": the company
        if appos.pos_ == "NOUN":
            nested = next((c for c in appos.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if nested is not None:
                return nested
    if src.lower_ in PERSON_NOUNS and not cited:
        return _name_after_employer(src, limit)
    return None


def _closing_set_off(src: Token, limit: int) -> list[Token]:
    """A phrase set off right before the verb that the parser hung on the last noun of the subject's
    participle ("The union representing border staff, the PCS, said": "PCS" on "staff"): the subject's."""
    doc = src.doc
    if limit >= len(doc) or doc[limit - 1].text != ",":
        return []
    return [
        t
        for acl in src.children
        if acl.dep_ == "acl" and acl.i > src.i
        for t in acl.subtree
        if t.dep_ == "appos"
        and t.right_edge.i == limit - 2
        and doc[t.left_edge.i - 1].text == ","
        # a person's role takes a person's name only: "One pastor supporting Mr. Cruz, Darran Whiting of …"
        # untagged is no institution
        and (t.ent_type_ == "PERSON" or src.lower_ not in PERSON_NOUNS)
    ]


def _name_after_employer(role: Token, limit: int) -> Token | None:
    """ "said a spokesman for Veltra, Dmitri Volkov": a person's name set off after the object of a role's
    "for"/"of"/"at" is the role's holder (the parser hangs it on the object, as an appositive or a
    conjunct)."""
    doc = role.doc
    for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for named in obj.children:
                if (
                    named.dep_ not in ("appos", "conj")
                    or named.ent_type_ != "PERSON"
                    or not obj.i < named.i < limit
                ):
                    continue
                if doc[named.left_edge.i - 1].text == ",":
                    return named
    return None


NAME_WORD_POS = frozenset({"PROPN", "NUM", "PUNCT", "CCONJ", "ADP"})


def _plain_name(noun: Token, appos: Token) -> bool:
    """Is the appositive a bare name set off by a comma, not quoted ("The anti-Trump spot, “Trumpcare,”")
    nor a description ("The employee, a registered Republican,")?"""
    doc = noun.doc
    words = doc[appos.left_edge.i : appos.right_edge.i + 1]
    if any(t.is_quote and t.tag_ != "POS" for t in words) or doc[appos.left_edge.i - 1].is_quote:
        return False
    if not all(
        t.pos_ in NAME_WORD_POS or t.tag_ == "POS" or (t.i == words.start and t.lower_ == "the")
        for t in words
    ):  # "the Ontario Nurses' Association": a possessive inside the name
        return False
    return _set_off(noun, appos)


def _set_off(noun: Token, appos: Token) -> bool:
    """Is the appositive set off from its noun by a comma ("the director, Priya Natarajan,")?"""
    return any(t.text == "," for t in noun.doc[noun.i + 1 : appos.left_edge.i])


def according_to(src: Token) -> bool:
    """Is `src` the source of "according to X" (or the name set off after it: "according to the
    director, Priya Natarajan,")? A cited source does not take the discourse over."""
    if src.dep_ == "appos" and src.head.pos_ == "NOUN":
        src = src.head
    head = src.head
    return (
        src.dep_ == "pobj"
        and head.lower_ == "to"
        and head.i > 0
        and head.doc[head.i - 1].lower_ == "according"
    )
