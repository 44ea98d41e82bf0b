"""A cue's that-clause the parser hung on the noun of its prepositional phrase: "said in a statement that
…", "told reporters outside the courthouse that …". frames.py proposes it as the cue's content; this
module decides when the clause is the cue's and when it is the noun's own (a relative clause about the
statement, or another's report: "demanded answers after a report that …"), and when a statement noun's
own candidate is the verb's report over again."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# what is done to a statement: "in a statement that the company issued" is a relative clause about it
DOCUMENT_VERBS = frozenset(
    {"issued", "issues", "released", "releases", "posted", "posts", "provided", "provides", "distributed",
     "shared", "published", "obtained", "sent", "wrote", "written", "emailed", "tweeted", "gave", "given",
     "made", "read", "signed", "saw", "seen", "received", "got", "circulated", "prepared", "drafted",
     "delivered", "filed", "submitted", "attached", "forwarded"}
)  # fmt: skip


MESSAGE_NOUNS = frozenset(
    {"email", "e-mail", "statement", "interview", "letter", "post", "tweet", "message", "speech", "memo",
     "note", "call", "conversation", "text", "briefing", "appearance", "op-ed", "column", "essay",
     "release", "filing", "remarks", "testimony", "video", "podcast", "broadcast", "address"}
)  # fmt: skip


# occasions one speaks at: "told reporters outside the courthouse that the jury had erred", where the
# parser hangs the that-clause on the place as a relative clause; what is done to an occasion ("at a
# rally that Trump held") is the relative clause it looks like
OCCASION_NOUNS = frozenset(
    {"courthouse", "courtroom", "hearing", "rally", "debate", "conference", "meeting", "event", "forum",
     "session", "summit", "ceremony", "luncheon", "dinner", "breakfast", "gathering", "convention",
     "vigil", "funeral", "memorial", "protest", "march", "stop", "hall", "podium", "floor", "trial",
     "fundraiser", "reception", "panel", "sentencing", "arraignment", "roundtable"}
)  # fmt: skip
OCCASION_VERBS = frozenset(
    {"held", "holds", "hosted", "hosts", "attended", "attends", "organized", "organised", "called",
     "convened", "chaired", "skipped", "missed", "led", "moderated", "scheduled", "planned", "sponsored",
     "arranged", "addressed", "joined", "staged", "threw", "covered", "watched", "saw", "described",
     "opened", "closed", "ended", "began", "started", "headlined", "canceled", "cancelled", "postponed",
     "won", "lost", "presided", "ordered", "set", "had", "has", "have", "left", "visited", "built"}
)  # fmt: skip


EVENT_PREPS = frozenset({"after", "before", "amid", "amidst", "despite", "following", "since", "until"})
REPORT_NOUNS = frozenset(
    {"report", "reports", "news", "word", "claim", "claims", "warning", "warnings", "advice", "fact",
     "allegation", "allegations", "accusation", "accusations", "revelation", "revelations", "rumor",
     "rumors", "rumour", "rumours", "suggestion", "suggestions", "announcement", "assurances", "fears"}
)  # fmt: skip


def that_clause_in(prep: Token) -> tuple[int, int] | None:
    """A that-clause under the prepositional object of a cue (in a statement/an interview that …), as a
    token range. The parser often reads it as a relative clause on the noun with "that" as its object
    ("told The Chronicle in an email that the office had been preparing for weeks"); a clause with a
    subject of its own is the content when the noun is a message and the clause's verb is none done to one
    (a statement "that the company issued"), or the noun an occasion one speaks at and the verb none done
    to one ("outside the courthouse that the jury had erred", not "at a rally that Trump held"): PolNeAR
    train, without the noun test, 2 right attributions lost for one gained ("all the problems that
    America faces")."""
    for obj in prep.children:
        if obj.dep_ != "pobj" or (prep.lower_ in EVENT_PREPS and obj.lower_ in REPORT_NOUNS):
            continue  # "demanded answers after a report that …": the report's own clause, not the cue's
        for clause in obj.children:
            first = clause.left_edge
            if clause.dep_ not in ("relcl", "acl", "ccomp") or clause.i < obj.i or first.lower_ != "that":
                continue
            spoken_at = (obj.lower_ in MESSAGE_NOUNS and clause.lower_ not in DOCUMENT_VERBS) or (
                obj.lower_ in OCCASION_NOUNS and clause.lower_ not in OCCASION_VERBS
            )
            if first.dep_ == "mark" or (
                first.dep_ == "dobj"
                and spoken_at
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            ):  # its complement may hang on the cue ("that X failed to show the closures | would save")
                end = clause.right_edge.i + 1
                stranded = (c for c in prep.head.children if c.dep_ == "ccomp" and c.left_edge.i == end)
                return clause.left_edge.i, next((c.right_edge.i + 1 for c in stranded), end)
    return None


def statement_made_in(doc: Doc, noun: int | None, verb: int | None) -> bool:
    """Is the cue `noun` the statement the cue `verb` is made in ("wrote in an opinion that …")? The
    noun's content inside the verb's is the same report, not a second one (extractor.py keeps one)."""
    if noun is None or verb is None:
        return False
    prep = doc[noun].head
    return doc[noun].dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == verb
