"""Interview transcripts: a paragraph that opens with a speaker label ("PENCE: Well, look, …") is a turn.

Broadcast transcripts reposted in articles ("Partial transcript as follows:") carry no speech verb: the
label is the attribution, the colon its cue (PolNeAR annotates them so). A turn runs from after the label
over the paragraphs that follow it, up to the next label, a stage direction ("(CROSSTALK.)", "(END VIDEO
CLIP.)") or an ellipsis paragraph. The transcript's last turn keeps only its own paragraph: what follows
it is the article again ("Follow Pam Key on Twitter"), and nothing marks where the transcript ends.

A published Q&A's "Q:" counts as a label and ends the turn before it, but makes no turn here: the
questions are the interviewer's ("Q: Will you close schools? / MORENO: I won't rule anything out." gives
the answers). The scored label-and-colon frame (`headlines.transcript_turn`) may still propose a question
as the quote of "Q", as PolNeAR annotates it; dropping those lost on PolNeAR train (lenient -2). A bare
"A:" is no label: who answers is not named there, and giving such turns to the person the article names
most lost on PolNeAR train (71.45 -> 71.34: the questions name others more, and the turns replaced the
annotated reports inside the answers).

Only a dialogue counts: two or more distinct labels over three or more turns. A single "UPDATE:" or
"CORRECTION:" note, a headline kicker ("Pence: Gennifer Flowers Won't Be at Debate") or a dateline is no
transcript, and labels that name no one (VIDEO, UPDATE, …) are never speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An all-capitals label of one to four words at a paragraph's start, after an optional opening mark
# (one letter is a label only as a Q&A's Q: `transcript_turns`).
_LABEL = re.compile(
    r"[\"“]?(?P<label>[A-Z](?:[A-Z.'’-]*[A-Z.])?(?:[ \t][A-Z][A-Z.'’-]*[A-Z.]){0,3})"
    r"(?P<colon>:)[ \t\xa0]+(?=\S)"
)
_STAGE_DIRECTION = re.compile(r"\W*(?:\(.*\)|\[.*\]|\.{3,}|…+)\W*$")
NOT_SPEAKERS = frozenset(
    {
        "UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION", "VIDEO", "AUDIO", "PHOTO", "PHOTOS", "WATCH",
        "EMAIL", "EXCLUSIVE", "BYLINE", "PREVIOUSLY", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "RELATED",
        "READ MORE", "SOURCE", "SOURCES", "CLAIM", "FACT", "FACTS", "VERDICT", "ADVERTISEMENT", "WARNING",
        "BREAKING", "TRANSCRIPT", "LISTEN", "ANALYSIS", "OPINION", "SPOILER", "DISCLOSURE",
    }
)  # fmt: skip
QUESTION_LABELS = frozenset({"Q"})  # an interviewer's label: it bounds turns but voices no quote
MIN_LABELS = 2
MIN_TURNS = 3


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label's and the colon's character ranges and the content's."""

    label: tuple[int, int]
    colon: tuple[int, int]
    content: tuple[int, int]
    paragraph_start: int  # where the labelled paragraph begins (before any opening mark)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) character ranges, whitespace trimmed."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _content_end(text: str, start: int, end: int) -> int:
    """The paragraph's end without a closing mark that has no opener inside the turn."""
    while end > start and text[end - 1] in '"”' and text.count(text[end - 1], start, end - 1) % 2 == 0:
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return end


def transcript_turns(text: str) -> list[Turn]:
    """The speaker turns of a transcript in `text`, in order; [] when the text holds no dialogue."""
    if ":" not in text:
        return []
    paras = _paragraphs(text)
    labelled: list[tuple[int, re.Match[str]]] = []
    for i, (s, e) in enumerate(paras):
        m = _LABEL.match(text, s, e)
        if m is None or m.group("label") in NOT_SPEAKERS:
            continue
        if sum(c.isalpha() for c in m.group("label")) >= 2 or m.group("label") in QUESTION_LABELS:
            labelled.append((i, m))
    if len(labelled) < MIN_TURNS or len({m.group("label") for _, m in labelled}) < MIN_LABELS:
        return []
    turns = []
    for n, (i, m) in enumerate(labelled):
        last = n + 1 == len(labelled)
        stop = len(paras) if last else labelled[n + 1][0]
        j = i + 1
        while not last and j < stop and not _STAGE_DIRECTION.match(text, *paras[j]):
            j += 1
        start, end = m.end(), paras[j - 1][1]
        end = _content_end(text, start, end)
        if end > start and m.group("label") not in QUESTION_LABELS:
            turns.append(Turn(m.span("label"), m.span("colon"), (start, end), paras[i][0]))
    return turns
