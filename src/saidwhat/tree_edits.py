"""Editing a parsed Doc's tree in place: what the parse repairs (reattach.py, that_clauses.py) share.
The heads, labels and tags come out as arrays, are edited, and go back in one `from_array`, since spaCy
has no API to move one token's head."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# the verbs a reporter puts after a participle set off after the subject ("Vermeulen, asked …, said"),
# and closing a sentence; a verb of the reported clause is not one of them
MAIN_SPEECH_VERBS = frozenset(
    {
        "said", "says", "told", "replied", "responded", "answered", "added", "insisted", "noted", "wrote",
        "explained", "admitted", "conceded", "acknowledged", "quipped", "joked", "countered", "argued",
    }
)  # fmt: skip
TIME_NOUNS = frozenset(
    {"week", "month", "year", "day", "night", "morning", "afternoon", "evening", "weekend", "today",
     "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip


def has_subject(verb: Token) -> bool:
    """Has `verb` a subject of its own? Each repair takes only a verb the parser left without one."""
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def hand_over_trailing(heads: numpy.ndarray, old_head: Token, verb: Token) -> None:
    """What `old_head` held after `verb` (the closing period) belongs to the verb that replaces it."""
    for child in old_head.children:
        if child.i > verb.i:
            heads[child.i] = verb.i - child.i


def read_tree(doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """The doc's heads (signed offsets: HEAD is stored as uint64), dependency labels and tags, to edit."""
    from spacy.attrs import DEP, HEAD, TAG

    return doc.to_array([HEAD]).view("int64").copy(), doc.to_array([DEP]), doc.to_array([TAG])


def write_tree(
    doc: Doc, heads: numpy.ndarray, deps: numpy.ndarray, tags: numpy.ndarray, pos: numpy.ndarray | None = None
) -> None:
    """Write edited `read_tree` arrays (and coarse tags, where given) back into `doc`."""
    import numpy
    from spacy.attrs import DEP, HEAD, POS, TAG

    columns, attrs = [heads.view("uint64"), deps, tags], [HEAD, DEP, TAG]
    if pos is not None:
        columns.append(pos)
        attrs.append(POS)
    doc.from_array(attrs, numpy.stack(columns, axis=1))  # type: ignore[arg-type]  # 2-D uint64, as to_array gives
