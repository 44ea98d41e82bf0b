"""A speaker named next to a cue the parse gave no subject: a noun phrase right after it ("said Chief
Jane Doe"), a surname the tagger misread after an inverted cue ("said Skelly,"), or the name in the
stretch just before it ("…,” Flynn, a top Trump surrogate, said)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


MAX_PHRASE_AFTER_DET = 4


ADDRESSEE_VERBS = frozenset({"told", "tell", "tells", "telling"})


def adjacent_name(doc: Doc, cue: Token) -> Token | None:
    """A noun phrase right after the cue (said Chief Jane Doe) or in the stretch just before it
    ("…,” Flynn, a top Trump surrogate, said), when the parse attached none as subject. The leftmost
    name before the cue wins over the appositive's noun; dates are never speakers ("said Monday")."""
    after = cue.i + 1
    inverted = cue.i > 0 and doc[cue.i - 1].is_quote  # "…,” added another New Hampshire Democrat.
    named = after < len(doc) and (
        _speaker_like(doc[after]) or (inverted and _mistagged_name(doc, doc[after]))
    )
    # "…,” Ramos, 58, told AFP": the word after "told" is the one told, never the speaker
    if named and cue.lower_ not in ADDRESSEE_VERBS:
        return _phrase_head(doc[after])
    if inverted and after < len(doc) and doc[after].pos_ == "DET":  # not "told a young woman"
        head = doc[after].head
        if after < head.i <= after + MAX_PHRASE_AFTER_DET and _speaker_like(head):
            return head
    found: Token | None = None
    for j in range(cue.i - 1, max(-1, cue.i - 12), -1):
        tok = doc[j]
        if tok.is_quote or tok.pos_ in ("VERB", "AUX"):
            break
        # "For instance, calls to …": a noun inside a prepositional phrase speaks for no one
        in_phrase = tok.dep_ == "pobj" and tok.head.dep_ == "prep"
        better = found is None or tok.pos_ == "PROPN" or found.pos_ != "PROPN"
        if _speaker_like(tok) and not in_phrase and better:
            found = tok
        if tok.is_sent_start:
            break
    return _phrase_head(found) if found is not None else None


def _mistagged_name(doc: Doc, tok: Token) -> bool:
    """ "“…,” said Skelly, explaining …": a capitalised word alone after an inverted cue, before a comma
    or the sentence's end, is a surname the tagger misread by its ending (Skelly as an adverb)."""
    following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        tok.is_title
        and tok.pos_ in ("ADV", "ADJ")
        and not tok.ent_type_
        and (following is None or following.text in (",", "."))
    )


def _speaker_like(tok: Token) -> bool:
    if tok.pos_ not in ("PROPN", "NOUN", "PRON") or tok.ent_type_ in NOT_SPEAKER_ENTS:
        return False
    return tok.pos_ != "PRON" or tok.lower_ in ("he", "she", "they", "we", "i")


def _phrase_head(tok: Token) -> Token:
    start = tok.i
    while tok.dep_ in ("compound", "flat") and tok.head.pos_ in ("PROPN", "NOUN"):
        if abs(tok.head.i - start) >= 5:
            break
        tok = tok.head
    return tok


def stranded_subject(cue: Token) -> Token | None:
    """ "The association called the funding “a sticking plaster,” and its chair, Dr. Aisha Rahman, told
    reporters …": the parser made "its chair" a second object of "called" and "told" a verb coordinated
    with it, which would borrow the association as its subject. A noun phrase filling the whole stretch
    between the coordinator and a cue that has no subject of its own is the cue's subject (its
    appositive name where it has one)."""
    if (
        cue.dep_ != "conj"
        or cue.pos_ != "VERB"
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    ):
        return None
    doc = cue.doc
    cc = coordinator_before(cue)
    if cc is None or cue.i - cc.i < 2:
        return None  # "called … and told …": a verb coordinated directly, no phrase between
    words = [t for t in doc[cc.i + 1 : cue.i] if not t.is_punct]
    inside = {t.i for t in words}
    tops = [t for t in words if t.head.i not in inside]
    if len(tops) != 1 or not _speaker_like(tops[0]) or words[0].pos_ not in ("DET", "PRON", "PROPN", "NOUN"):
        return None
    head = tops[0]
    named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return named or head


def coordinator_before(conjunct: Token) -> Token | None:
    """The "and"/"but" before a conjunct, among its head's dependents."""
    return next(
        (c for c in reversed(list(conjunct.head.children)) if c.dep_ == "cc" and c.i < conjunct.i), None
    )
