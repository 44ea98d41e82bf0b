"""Editing a parsed Doc's tree in place, as the parse repairs do (reattach.py, that_clauses.py,
closings.py). The heads, labels and tags come out as arrays, are edited, and go back in one
`from_array`, since spaCy has no API to move one token's head."""

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


def closes_its_sentence(verb: Token) -> bool:
    """Does `verb` close its sentence: after it only its own phrases, punctuation and the line break
    before the next paragraph ("…, the trust announced on Friday.")?"""
    return all(t.is_punct or t.is_space or verb.is_ancestor(t) for t in verb.doc[verb.i + 1 : verb.sent.end])


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


class TreeEdit:
    """One repair's edits to the doc's tree: tokens are attached, labelled and retagged on arrays (heads
    as signed offsets, so each edit is by token, not by offset arithmetic), and `done` writes them back
    in one `from_array`. The Token objects read the tree as it was until then."""

    def __init__(self, doc: Doc, coarse: bool = False) -> None:
        from spacy.attrs import POS

        self.doc = doc
        self.heads, self.deps, self.tags = read_tree(doc)
        self.pos = doc.to_array([POS]) if coarse else None  # only where a repair changes coarse tags
        self._strings = doc.vocab.strings

    def attach(self, tok: Token, head: Token, dep: str | None = None) -> None:
        """`tok` hangs on `head`, with the label `dep` (or its own)."""
        self.heads[tok.i] = head.i - tok.i
        if dep is not None:
            self.deps[tok.i] = self._strings.add(dep)

    def make_root(self, tok: Token) -> None:
        self.heads[tok.i], self.deps[tok.i] = 0, self._strings.add("ROOT")

    def take_place(self, tok: Token, old: Token) -> None:
        """`tok` hangs where `old` hung, with its label: the head's place, or the root where `old` was."""
        if old.head.i == old.i:
            self.make_root(tok)
        else:
            self.heads[tok.i], self.deps[tok.i] = old.head.i - tok.i, self.deps[old.i]

    def label(self, tok: Token, dep: str) -> None:
        self.deps[tok.i] = self._strings.add(dep)

    def retag(self, tok: Token, tag: str, pos: str | None = None) -> None:
        """A fine tag for `tok`, and a coarse one where the edit was made with `coarse`."""
        self.tags[tok.i] = self._strings.add(tag)
        if pos is not None and self.pos is not None:
            self.pos[tok.i] = self._strings.add(pos)

    def hand_over_trailing(self, old_head: Token, verb: Token) -> None:
        """What `old_head` held after `verb` (the closing period) belongs to the verb that replaces it."""
        for child in old_head.children:
            if child.i > verb.i:
                self.attach(child, verb)

    def done(self) -> Doc:
        write_tree(self.doc, self.heads, self.deps, self.tags, self.pos)
        return self.doc
