"""Score candidate attributions with a small linear model trained on PolNeAR (scripts/train.py).

Only 36% of PolNeAR's attributions use a common speech verb, so a lexicon cannot decide which verbs are
cues: the model weighs the cue word, how the content hangs off it (frame), its subject, its tense and
whether the content is quoted. Features are strings; weights ship as JSON in saidwhat/data, so scoring
is a few dict look-ups per candidate and needs no numerical library.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from saidwhat.candidate import Candidate
from saidwhat.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_FILE = "cue_model.json"
PRONOUNS = frozenset(
    [
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "who",
        "this",
        "that",
        "someone",
        "everyone",
        "many",
        "some",
        "others",
    ]
)
_SUFFIXES = ("ing", "ed", "es", "s", "d")
GATED_POS = frozenset({"NOUN", "ADJ", "AUX"})  # open_cue_words decides which of these may be cues


def stem(word: str) -> str:
    """A crude verb stem (says/said/saying -> sa…) that groups inflections the model saw rarely."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


def _bucket(n: int) -> str:
    return str(min(6, n.bit_length()))


def features(doc: Doc, cand: Candidate, in_quote: list[bool]) -> list[str]:
    """The string features of one candidate (see the module docstring for why these)."""
    tok = doc[cand.cue]
    w = tok.lower_
    st = stem(w)
    fr = cand.frame
    feats = [
        "bias",
        "w=" + w,
        "st=" + st,
        "tag=" + tok.tag_,
        "dep=" + tok.dep_,
        "fr=" + fr,
        "w|fr=" + w + "|" + fr,
        "st|fr=" + st + "|" + fr,
        "dep|fr=" + tok.dep_ + "|" + fr,
        "tag|fr=" + tok.tag_ + "|" + fr,
        "hdep=" + tok.head.dep_,
    ]
    if cand.source is None:
        stype = "none"
    else:
        s = doc[cand.source]
        if s.lower_ in PRONOUNS:
            stype = "pron:" + s.lower_
        elif s.ent_type_:
            stype = "ent:" + s.ent_type_
        elif s.pos_ == "PROPN":
            stype = "propn"
        else:
            stype = "noun:" + s.lower_
        feats.append("sside=" + ("before" if cand.source < cand.cue else "after"))
    feats.append("subj=" + stype)
    feats.append("subjc=" + stype.split(":")[0] + "|" + fr)
    feats.append("st|subjc=" + st + "|" + stype.split(":")[0])
    first, last = cand.fragments[0][0], cand.fragments[-1][1]
    n = sum(e - s for s, e in cand.fragments)
    feats.append("len=" + _bucket(n) + "|" + fr)
    feats.append("c0=" + doc[first].lower_ + "|" + fr)
    # what the content is: its head word and how it hangs in the parse ("announced plans" vs "spoke
    # against the backdrop"; dev candidate F1 0.705 -> 0.713 in one run of scripts/train.py's examples)
    root = doc[first:last].root
    feats.append("chead=" + root.lower_ + "|" + fr)
    feats.append("ctag=" + root.tag_ + "|" + fr)
    feats.append("cue|ctag=" + w + "|" + root.tag_)
    feats.append("cue|cdep=" + st + "|" + root.dep_ + "|" + fr)
    quoted = sum(in_quote[s:e].count(True) for s, e in cand.fragments)
    qcls = "none" if quoted == 0 else ("full" if quoted >= 0.8 * n else "part")
    feats.append("q=" + qcls)
    feats.append("q|fr=" + qcls + "|" + fr)
    feats.append("st|q=" + st + "|" + qcls)
    if qcls == "part" and _quoted_characterisation(doc, first, last, in_quote):
        feats.append("as_quoted|" + fr)
    if in_quote[cand.cue]:
        feats.append("cue_in_quote")
    feats.append("side=" + ("after" if first > cand.cue else "before") + "|" + fr)
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < tok.i:
            feats.append("aux=" + child.lower_)
        elif child.dep_ in ("dative", "dobj") and fr != "dobj":
            feats.append("has_" + child.dep_ + "|" + fr)
        elif child.dep_ == "prep":
            feats.append("prep=" + child.lower_)
    if tok.i > 0:
        feats.append("prev=" + doc[tok.i - 1].lower_)
    if tok.i + 1 < len(doc):
        feats.append("next=" + doc[tok.i + 1].lower_)
    if tok.i == last or (tok.i > first and tok.i < last):
        feats.append("inside_content")
    return feats


def _quoted_characterisation(doc: Doc, first: int, last: int, in_quote: list[bool]) -> bool:
    """Does the content characterise someone in quoted words ("Trump as a “con artist”")? PolNeAR
    train: 106 of the 114 "as “…" outside the two-apostrophe articles lie inside an attribution, so
    the phrase is evidence for whatever verb frames it ("pounding", "portraying", "referring to")."""
    return any(
        doc[k].lower_ == "as" and doc[k].dep_ == "prep" and any(in_quote[k + 1 : doc[k].right_edge.i + 1])
        for k in range(first, min(last, len(doc) - 1))
    )


@dataclass(frozen=True)
class CueModel:
    """Logistic-regression weights over string features, and the acceptance threshold tuned on dev."""

    weights: dict[str, float]
    bias: float
    threshold: float
    frame_thresholds: dict[str, float] = field(default_factory=dict)  # frames that need more evidence
    # words PolNeAR train uses as cues of quotations (replied, quipped, chanted …): a quotation's cue
    quote_cue_words: frozenset[str] = frozenset()
    # nouns, adjectives and auxiliaries PolNeAR train uses as cues ("claim", "critical", …); None: any
    open_cue_words: frozenset[str] | None = None

    def threshold_for(self, frame: str) -> float:
        return self.frame_thresholds.get(frame, self.threshold)

    def may_cue(self, tok: Token) -> bool:
        """Can `tok` be a cue at all? A noun, adjective or auxiliary train never used as one is
        skipped before its frames are built: four in five such words are not worth the time it takes
        to score them (a verb is always scored: unseen verbs share stems and frames with seen ones)."""
        if self.open_cue_words is None or tok.pos_ not in GATED_POS:
            return True
        return tok.lower_ in self.open_cue_words

    def logit(self, feats: list[str]) -> float:
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in feats)

    def probability(self, feats: list[str]) -> float:
        return probability_of(self.logit(feats))


def probability_of(logit: float) -> float:
    if logit < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-logit))


@functools.cache
def load_model() -> CueModel:
    """Load the shipped weights once per process."""
    try:
        raw = resources.files("saidwhat").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
        data = json.loads(raw)
        frames = {str(k): float(v) for k, v in data.get("frame_thresholds", {}).items()}
        quote_cues = frozenset(str(w) for w in data.get("quote_cue_words", []))
        open_words = data.get("open_cue_words")
        open_cues = frozenset(str(w) for w in open_words) if open_words is not None else None
        weights = dict(data["weights"])
        return CueModel(weights, float(data["bias"]), float(data["threshold"]), frames, quote_cues, open_cues)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"saidwhat's cue model ({MODEL_FILE}) is missing or broken; run `make train`"
        ) from exc
