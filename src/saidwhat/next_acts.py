"""Where a report ends before what comes after it in the same sentence: another speaker's clause the
parser hung on the cue ("called the funding “a sticking plaster,” and its chair, Dr. Aisha Rahman, told
…"), or the speaker's own next act the parser hung on the reported clause ("said the figures were a
disgrace and called for a review"; "said she had “made an error” but denied any wrongdoing"). Moved out
of content.py, which keeps the content's own shape.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import TYPE_CHECKING

from saidwhat.adjacent_names import coordinator_before, stranded_subject
from saidwhat.mentions import PERSON_NOUNS
from saidwhat.quote_cues import cue_strength

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from saidwhat.content import Attribution


def end_before_stranded_subject(doc: Doc, a: Attribution, text: str) -> None:
    """`called the funding “a sticking plaster,” and its chair, Dr. Aisha Rahman, told …`: the content of
    a cue ends before the coordinator that opens another speaker's clause the parser hung on it
    (`adjacent_names.stranded_subject`), not with "and its chair"; and before the speaker's next act
    the parser hung on the reported clause (`_speakers_next_act`). `text` is `doc.text`."""
    if a.cue is None or not a.fragments:
        return
    cue = doc[a.cue]
    stranded = (c for c in cue.children if c.dep_ == "conj" and stranded_subject(c) is not None)
    acts = (v for c in cue.children if c.dep_ == "ccomp" for v in c.children if _speakers_next_act(v))
    verb = next(chain(stranded, acts), None)
    if verb is None:
        return
    cc = coordinator_before(verb)  # there is one: stranded_subject or _speakers_next_act found it
    start, end = a.fragments[-1]
    if cc is not None and start < cc.idx < end:
        a.fragments[-1] = (start, len(text[: cc.idx].rstrip(" ,\n")))


CUE_LIKE = 0.3  # a verb's cue strength (quote_cues.cue_strength) from which it reports: "denied" 0.46


def _speakers_next_act(verb: Token) -> bool:
    """Is `verb` the speaker's next act, set against what they said by "but" ("said she had “made an
    error of judgment” but denied any wrongdoing"), which the parser hung on the reported clause? Only a
    simple past with no subject of its own after a clause in the past perfect: a verb of the reported
    clause shares its tense and comes with "and" or "or" ("had shared it and added …", "had not sent or
    received": PolNeAR train had 12 such against 1 "but"), and only a verb that reports (denied, implied;
    not "decided", "finished", whose "but" contrasts within the report). With "and", a reporting verb
    is the speaker's next act where the reported clause has a thing for subject (`_thing_said`)."""
    clause = verb.head
    cc = coordinator_before(verb) if verb.dep_ == "conj" else None
    if cc is None or verb.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if cue_strength(verb) < CUE_LIKE:  # "had paid attention … but decided to proceed": still the report
        return False
    if cc.lower_ == "and":
        # said the figures were “a disgrace” and called for a review; not where the act quotes words,
        # which would be left without their speaker ("and predicted viewers “will be …”")
        return _thing_said(clause) and not any(t.is_quote for t in verb.subtree)
    if cc.lower_ != "but" or clause.tag_ != "VBN" or any(c.dep_ == "expl" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)


def _thing_said(clause: Token) -> bool:
    """Is the reported clause's subject a thing ("the figures were “a disgrace”"), which cannot be who
    did the verb coordinated after it ("and called for a review": the speaker did)?"""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and not subject.ent_type_
        and subject.lower_ not in PERSON_NOUNS
        and not AGENT_SUFFIX.search(subject.lower_)  # voters, editors, activists: people act too
    )


AGENT_SUFFIX = re.compile(r"^\w{3,}(?:er|or|ist|ian|ant|ent)s?$")  # not "lists", "rents"
