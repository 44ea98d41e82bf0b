"""A parse repair for that-clauses: "Mamer told a daily briefing that the checks would be reviewed" read
as a relative clause on "briefing", "that" its object, though a passive ("would be reviewed") or a verb
with an object of its own has no room for one: the clause is what was told. So is one read as a
relative clause on the time or place it was said at ("said at the time that the officers had acted
within the law", "told reporters outside the offices that members would be balloted": the report had
been lost). Run by reattach.set_off_participles, after the participle repairs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.tree_edits import MAIN_SPEECH_VERBS, SUBJECT_DEPS, TIME_NOUNS, TreeEdit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# verbs that take a listener and a that-clause: "told a briefing that …", "assured investors that …"
LISTENER_VERBS = frozenset(
    {
        "tell", "tells", "told", "telling", "assure", "assures", "assured", "assuring", "inform", "informs",
        "informed", "informing", "remind", "reminds", "reminded", "reminding", "warn", "warns", "warned",
        "warning", "brief", "briefs", "briefed", "briefing", "notify", "notifies", "notified", "convince",
        "convinces", "convinced", "convincing", "persuade", "persuades", "persuaded", "persuading",
    }
)  # fmt: skip
SPEAKING_TIMES = TIME_NOUNS | {"time", "occasion", "moment"}


def that_clauses(doc: Doc) -> Doc:
    """`doc` with each that-clause read as a relative clause on a speech verb's listener made the verb's
    complement again (module docstring)."""
    import numpy
    from spacy.attrs import LOWER

    thats = numpy.flatnonzero(doc.to_array([LOWER]) == doc.vocab.strings["that"]).tolist()
    misread = [
        (doc[k], verb)
        for k in thats
        if doc[k].tag_ == "WDT"
        and (verb := _complement_read_as_relative(doc[k]) or _complement_of_a_time(doc[k])) is not None
    ]
    if not misread:
        return doc
    tree = TreeEdit(doc, coarse=True)
    for that, verb in misread:
        tree.attach(that.head, verb, "ccomp")
        tree.label(that, "mark")
        tree.retag(that, "IN", "SCONJ")
    return tree.done()


def _complement_read_as_relative(that: Token) -> Token | None:
    """The listener verb, where `that`, read as opening a relative clause on its object, is the
    complementizer of what was told: where the parser itself made it the clause's marker, or its object
    where the clause has no room for one (a passive, or an object of its own); else None."""
    clause = that.head
    if that.dep_ not in ("dobj", "mark") or clause.dep_ != "relcl" or that.i > clause.i:
        return None
    listener = clause.head
    verb = listener.head
    if listener.dep_ != "dobj" or verb.lower_ not in LISTENER_VERBS or verb.i > listener.i:
        return None
    if that.dep_ == "mark" or any(
        c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and c.i != that.i) for c in clause.children
    ):
        return verb
    return None


def _complement_of_a_time(that: Token) -> Token | None:
    """The speech verb, where `that` right after the time, place or occasion it was spoken at ("said at
    the time that the officers had acted within the law", "told reporters outside the union's offices that
    members would be balloted") was read as opening a relative clause on it, though the clause has its
    own subject and no gap for "that" to fill (after a time, any subject will do: "the time that we
    met" is rare in a report; after a place, the clause must be passive or have an object of its own,
    as "the offices that members had visited" is a relative clause); else None."""
    clause, noun = that.head, that.head.head
    if clause.dep_ != "relcl" or that.dep_ not in ("advmod", "mark", "dobj") or that.i != noun.i + 1:
        return None
    if noun.dep_ not in ("pobj", "npadvmod") or not any(
        c.dep_ in SUBJECT_DEPS and c.i > that.i for c in clause.children
    ):
        return None
    timed = noun.lower_ in SPEAKING_TIMES and that.dep_ != "dobj"
    if not (timed or _no_gap(that, clause)):
        return None
    verb = _speech_verb_above(noun)
    if verb is None or verb.i > noun.i:
        return None
    return None if any(c.dep_ == "ccomp" for c in verb.children) else verb


def _no_gap(that: Token, clause: Token) -> bool:
    """Has the clause no room for `that`: a passive subject, or an object of its own?"""
    return any(c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and c.i != that.i) for c in clause.children)


def _speech_verb_above(noun: Token) -> Token | None:
    """The speech verb `noun` hangs on through at most three prepositional phrases ("told reporters
    outside the offices", "said in an interview with the newspaper"), or as a time ("said Monday")."""
    if noun.dep_ == "npadvmod":
        return noun.head if noun.head.lower_ in MAIN_SPEECH_VERBS | LISTENER_VERBS else None
    for _ in range(3):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        above = noun.head.head
        if above.lower_ in MAIN_SPEECH_VERBS | LISTENER_VERBS:
            return above
        noun = above
    return None
