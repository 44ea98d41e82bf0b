"""A candidate attribution and the token-range arithmetic every frame uses to build one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhat.tree_edits import closes_its_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE_TAGS = frozenset({"WDT", "WP"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cue token with a proposed content (token ranges, end-exclusive) and source token."""

    cue: int  # token index of the cue head
    frame: str
    fragments: tuple[tuple[int, int], ...]  # token ranges [start, end)
    source: int | None  # token index of the source head
    # a word of the content before the others that the cue model does not score: the one-word subject
    # before a parenthetical attribution ("France, it noted, has had to …"), too short a fragment for
    # the model's training, which saw such candidates without it
    lead: tuple[int, int] | None = None

    @property
    def content(self) -> tuple[tuple[int, int], ...]:
        """The content's token ranges, the lead word included."""
        return self.fragments if self.lead is None else (self.lead, *self.fragments)


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and conjunctions so fragments start and end on words."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        if doc[start].is_quote:
            break
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].is_quote:
            break
        end -= 1
    return start, end


def minus(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """`outer` range with the `inner` range cut out: one or two fragments, trimmed."""
    out = []
    for s, e in ((outer[0], inner[0]), (inner[1], outer[1])):
        s, e = trimmed(doc, s, e)
        if e - s >= 2:
            out.append((s, e))
    return tuple(out)


def single_subject_before(doc: Doc, start: int, end: int, head: int) -> tuple[int, int] | None:
    """The range [start, end), trimmed, where it is one word that is the subject of token `head` ("France"
    in "France, it noted, has had to …"; not the relative word of "which, Tompkins said, is …")."""
    start, end = trimmed(doc, start, end)
    if end - start != 1:
        return None
    tok = doc[start]
    subject = (
        tok.head.i == head
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.pos_ in ("NOUN", "PROPN", "PRON")
        and tok.tag_ not in ("WDT", "WP")
    )
    return (start, end) if subject else None


def relative_report_pronoun(cue: Token) -> Token | None:
    """The relative pronoun a relative clause's verb reports on ("his donations, which he said were
    accompanied by favors"; "the claim that she said was false", where the parser makes "that" the
    verb's marker), or None. The reported clause has no subject but the pronoun: one with its own
    ("the claim that she said the deal was dead") is a noun's complement, no relative clause."""
    if cue.dep_ not in ("relcl", "acl"):
        return None
    speaker = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    if speaker is None or speaker.tag_ in RELATIVE_TAGS:
        return None
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return next((c for c in cue.children if c.i < speaker.i and c.lower_ in ("that", "which")), None)
    return subject if subject.tag_ in RELATIVE_TAGS and subject.i < speaker.i else None


# verbs that close a report ("…, the commission said on Tuesday."); a verb of thought ("I thought") is not one
CLOSING_CUES = frozenset(
    {"said", "says", "told", "added", "wrote", "reported", "announced", "stated", "warned"}
)


def closes_its_report(doc: Doc, cand: Candidate) -> bool:
    """Is `cand` a report closed by its attribution, "CLAUSE, SUBJECT said [on Tuesday].": the clause
    opens the sentence (or follows its punctuation), ends at the comma before the subject, and the
    speech verb heads the sentence with nothing after it but its own modifiers? Or inverted, "CLAUSE,
    said SUBJECT, who …", the verb hung on the clause (`_closes_inverted`)?"""
    cue = doc[cand.cue]
    if cue.lower_ in CLOSING_CUES and _closes_inverted(doc, cand, cue):
        return True
    if cand.frame != "ccomp" or cue.dep_ != "ROOT" or cue.lower_ not in CLOSING_CUES:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    first, last = cand.content[0][0], cand.content[-1][1]
    if subject is None or last > subject.left_edge.i or doc[subject.left_edge.i - 1].text != ",":
        return False
    if first > cue.sent.start and not doc[first - 1].is_punct:
        return False
    listener = ("dobj", "dative") if cue.lower_ == "told" else ()  # "…, a source told Reuters."
    after = doc[cue.i + 1 : cue.sent.end]
    return all(t.is_punct or (cue.is_ancestor(t) and _modifier(t, listener)) for t in after)


def _closes_inverted(doc: Doc, cand: Candidate, cue: Token) -> bool:
    """ "The review could end next month, said one of the people, who asked not to be identified …": the
    clause opens the sentence and ends at the comma before the verb, which the parser hung on the
    clause's head, and the verb's subject after it closes the sentence (PolNeAR train: such reports are
    all accepted but one, a quotation, at 0.07; this one had scored 0.26)."""
    first, last = cand.content[0][0], cand.content[-1][1]
    if cand.frame not in ("paren", "ccomp") or last != cue.i - 1 or doc[last].text != ",":
        return False  # the content (end-exclusive) stops at the comma right before the verb
    opens = first == cue.sent.start or doc[first - 1].is_space or doc[first - 1].is_punct
    if not opens or cue.head.i >= cue.i or not first <= cue.head.i < last:
        return False
    subject = next((c for c in cue.rights if c.dep_ == "nsubj"), None)
    return subject is not None and closes_its_sentence(cue)


def _modifier(tok: Token, listener: tuple[str, ...]) -> bool:
    """Is `tok`, after a closing cue, only a modifier of it (or its listener), not more it says?"""
    return tok.dep_ not in ("ccomp", "xcomp", "dobj", "conj") or tok.dep_ in listener
