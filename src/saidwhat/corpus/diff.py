"""Word-level diff of a quote's appearance against its earliest appearance, with each change classified.

The classes are what a fact-checker asks about, in the order they matter:
- `truncated`: words dropped at the start or end only (the variant is a contiguous run of the original);
- `removed`: words dropped inside the quote, silently (no ellipsis where they were);
- `added`: words in the variant that the original does not have;
- `replaced`: words swapped for others;
- `brackets`: editorial marks changed: "[the president]" vs "the president", a bracketed word standing in
  for another ("[Biden]" for "him"), or an ellipsis marking dropped text ("…" vs the words it stands for);
  marked edits are a journalist's honest convention, silent ones are not, so they are told apart;
- `speaker`: the same words attributed to a different person.
Case and punctuation alone are not changes: quotes are reprinted with different typography all the time.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from saidwhat.corpus.text import MarkedWord, marked_tokens, same_speaker

CHANGE_TYPES: tuple[str, ...] = ("removed", "added", "replaced", "brackets", "truncated", "speaker")
# "Speaker changed" weighs like rewriting this share of the words when ranking clusters by how changed.
_SPEAKER_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Change:
    """One classified difference; `original`/`variant` are the words on each side, `position` is the word
    index in the original where it happens (None for a speaker change)."""

    type: str
    original: str
    variant: str
    position: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "original": self.original,
            "variant": self.variant,
            "position": self.position,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Change:
        return cls(str(d["type"]), str(d.get("original", "")), str(d.get("variant", "")), d.get("position"))


@dataclass(frozen=True, slots=True)
class Diff:
    """All changes of one appearance, and a score for ranking: the share of the original's words touched
    (plus `_SPEAKER_WEIGHT` for a changed speaker)."""

    changes: tuple[Change, ...]
    score: float

    @property
    def types(self) -> tuple[str, ...]:
        present = {c.type for c in self.changes}
        return tuple(t for t in CHANGE_TYPES if t in present)


def _join(tokens: Sequence[MarkedWord]) -> str:
    return " ".join(t.raw for t in tokens)


def _span_change(kind: str, orig: Sequence[MarkedWord], var: Sequence[MarkedWord], position: int) -> Change:
    return Change(kind, _join(orig), _join(var), position)


def diff_quotes(
    original: str, variant: str, original_speaker: str | None = None, variant_speaker: str | None = None
) -> Diff:
    """Classify how `variant` differs from `original` (see the module docstring for the classes)."""
    if original == variant:  # the common case, a faithful reprint: only the speaker can differ
        if same_speaker(original_speaker, variant_speaker) is False:
            change = Change("speaker", original_speaker or "", variant_speaker or "", None)
            return Diff((change,), _SPEAKER_WEIGHT)
        return Diff((), 0.0)
    a, a_trailing_ell = marked_tokens(original)
    b, b_trailing_ell = marked_tokens(variant)
    ops = difflib.SequenceMatcher(
        None, [t.word for t in a], [t.word for t in b], autojunk=False
    ).get_opcodes()
    changes: list[Change] = []
    touched = 0
    last = len(ops) - 1
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        orig, var = a[i1:i2], b[j1:j2]
        if tag == "equal":
            changes.extend(_mark_changes(a, b, i1, i2, j1, j2, after_edit=n > 0))
            continue
        touched += max(i2 - i1, j2 - j1)
        at_edge = n == 0 or n == last
        if tag == "delete":
            elided = (j1 < len(b) and b[j1].ellipsis_before) or (j1 == len(b) and b_trailing_ell)
            if at_edge:
                changes.append(_span_change("truncated", orig, var, i1))
            elif elided or all(t.bracketed for t in orig):
                changes.append(_span_change("brackets", orig, var, i1))
            else:
                changes.append(_span_change("removed", orig, var, i1))
        elif tag == "insert":
            elided = (i1 < len(a) and a[i1].ellipsis_before) or (i1 == len(a) and a_trailing_ell)
            if all(t.bracketed for t in var) or (elided and not at_edge):
                changes.append(_span_change("brackets", orig, var, i1))
            else:
                changes.append(_span_change("added", orig, var, i1))
        else:  # replace
            if all(t.bracketed for t in var) or all(t.bracketed for t in orig):
                changes.append(_span_change("brackets", orig, var, i1))
            else:
                changes.append(_span_change("replaced", orig, var, i1))
    if ops and ops[-1][0] == "equal" and a and b and a_trailing_ell != b_trailing_ell:
        changes.append(
            Change("brackets", "…" if a_trailing_ell else "", "…" if b_trailing_ell else "", len(a))
        )
    score = touched / max(len(a), 1)
    if same_speaker(original_speaker, variant_speaker) is False:
        changes.append(Change("speaker", original_speaker or "", variant_speaker or "", None))
        score += _SPEAKER_WEIGHT
    if not score and changes:  # marks only: rank above identical copies, below any word change
        score = 0.01 * len(changes)
    return Diff(tuple(changes), round(score, 4))


def _mark_changes(
    a: Sequence[MarkedWord], b: Sequence[MarkedWord], i1: int, i2: int, j1: int, j2: int, *, after_edit: bool
) -> list[Change]:
    """Bracket and ellipsis differences on words both versions share (one change per run of them)."""
    out: list[Change] = []
    run: list[int] = []
    for k in range(i2 - i1):
        x, y = a[i1 + k], b[j1 + k]
        ellipsis_differs = x.ellipsis_before != y.ellipsis_before and not (k == 0 and after_edit)
        if x.bracketed != y.bracketed or ellipsis_differs:
            run.append(k)
            continue
        if run:
            out.append(_mark_run(a, b, i1, j1, run))
            run = []
    if run:
        out.append(_mark_run(a, b, i1, j1, run))
    return out


def _mark_run(a: Sequence[MarkedWord], b: Sequence[MarkedWord], i1: int, j1: int, run: list[int]) -> Change:
    orig = a[i1 + run[0] : i1 + run[-1] + 1]
    var = b[j1 + run[0] : j1 + run[-1] + 1]

    def show(tokens: Sequence[MarkedWord]) -> str:
        out, inside = "", False
        for t in tokens:
            if inside and not t.bracketed:
                out, inside = out + "]", False
            gap = " " if out else ""
            if t.ellipsis_before:
                out, gap = out + gap + "…", " "
            if t.bracketed and not inside:
                out, gap, inside = out + gap + "[", "", True
            out += gap + t.raw
        return out + ("]" if inside else "")

    return Change("brackets", show(orig), show(var), i1 + run[0])
