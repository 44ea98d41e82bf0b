"""Wire datelines ("WASHINGTON —", "CLEVELAND, July 19 (UPI) —"): no part of a speaker's name, of a report,
or of the subject of the sentence they open."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def spaced_dash(tok: Token) -> bool:
    """A dash between words, not a hyphen inside one ("so-called" is three tokens)."""
    if tok.text in ("—", "–", "--"):
        return True
    return tok.text == "-" and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)


DATELINE_MAX_TOKENS = 12  # "CLEVELAND, July 19 (UPI) —" is 8


def dateline_end(doc: Doc, start: int) -> int | None:
    """The dash ending a wire dateline that starts at `start` ("WASHINGTON —", "RANGOON, Burma -",
    "New York (AFP) –", "CLEVELAND, July 19 (UPI) —"): the words before it open with a place in
    capitals or end with a wire agency in brackets, and hold no verb."""
    end = min(start + DATELINE_MAX_TOKENS, len(doc))
    dash = next((j for j in range(start + 1, end) if spaced_dash(doc[j])), None)
    if dash is None:
        return None
    head = doc[start:dash]
    capitals = head[0].is_upper and len(head[0].text) > 2
    agency = len(head) > 3 and head[-1].text == ")" and head[-2].is_upper and head[-3].text == "("
    if not (capitals or agency) or any(t.pos_ in ("VERB", "AUX") for t in head):
        return None
    return dash
