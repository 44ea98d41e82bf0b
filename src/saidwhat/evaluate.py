"""Score quote extraction and speaker attribution against gold: the metrics of shared/docs/EVAL.md.

The numbers must equal those of the reference scorer (shared/tools/score.py) on the same files, so every
rule here mirrors it: the same trimming, the same greedy best-overlap one-to-one matching (ties broken
the same way), the same name normalisation and pronoun rule. Only the representation differs: a quote is
a sorted tuple of disjoint character intervals instead of a Python set of character indices, so overlap
costs O(fragments) instead of O(characters) and pairs whose envelopes or sizes rule out Jaccard ≥ 0.5 are
never intersected at all.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from saidwhat.errors import InputError, UsageError
from saidwhat.models import KINDS

SpeakerMode = Literal["name", "mention"]
Record = dict[str, Any]
Intervals = tuple[tuple[int, int], ...]
System = str | Callable[[Sequence[Record]], Iterable[Record]]

# Characters trimmed from both edges of every fragment: whitespace, quotation marks, edge punctuation.
EDGE = frozenset(" \t\r\n\u00a0\"'“”‘’«»„‟‹›,.;:!?—–-()[]")
# In mention mode a gold source that is one of these names nobody: only an overlapping mention counts.
PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "who", "whom",
     "which", "that", "this", "these", "those", "one", "some", "others", "many"}
)  # fmt: skip
DIRECT_MIXED = frozenset({"direct", "mixed"})
JACCARD_MIN = 0.5


class PRF(NamedTuple):
    """Precision, recall and F1 of one kind of true positive."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts of one scoring run; every rate is derived from them so a Scores can be summed or rebuilt.

    `speaker` counts matched pairs with a correct speaker (the end-to-end true positives), `kind` matched
    pairs with the right kind, `bad_spans` predicted fragments outside their text (never matched).
    """

    gold: int = 0
    pred: int = 0
    lenient: int = 0
    exact: int = 0
    speaker: int = 0
    kind: int = 0
    missing_docs: int = 0
    bad_spans: int = 0

    def _prf(self, hits: int) -> PRF:
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)

    @property
    def lenient_prf(self) -> PRF:
        return self._prf(self.lenient)

    @property
    def exact_prf(self) -> PRF:
        return self._prf(self.exact)

    @property
    def end2end_prf(self) -> PRF:
        """The headline figure: a lenient match whose speaker is also right."""
        return self._prf(self.speaker)

    @property
    def speaker_acc(self) -> float:
        return self.speaker / self.lenient if self.lenient else 0.0

    @property
    def kind_acc(self) -> float:
        return self.kind / self.lenient if self.lenient else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The reference scorer's JSON object, key for key and rounded as it rounds."""
        counts = {"gold": self.gold, "pred": self.pred, "lenient": self.lenient, "exact": self.exact,
                  "spk": self.speaker, "kind": self.kind, "missing_docs": self.missing_docs,
                  "bad_spans": self.bad_spans}  # fmt: skip
        return {
            "counts": counts,
            "lenient_prf": [round(x, 4) for x in self.lenient_prf],
            "exact_prf": [round(x, 4) for x in self.exact_prf],
            "end2end_prf": [round(x, 4) for x in self.end2end_prf],
            "speaker_acc": round(self.speaker_acc, 4),
            "kind_acc": round(self.kind_acc, 4),
        }


# ---------------------------------------------------------------------------------------------- spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace, quotation marks and edge punctuation so "“Yes,”" and "Yes" compare equal."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def quote_intervals(text: str, quote: Mapping[str, Any], bad: list[int] | None = None) -> Intervals:
    """The trimmed characters of a quote's fragments as merged, sorted [start, end) intervals.

    Merging overlapping and touching intervals makes the form canonical, so equal tuples mean equal
    character sets (the exact-match test). Fragments outside the text are counted in `bad[0]` and left
    out, as the reference scorer does.
    """
    pieces: list[tuple[int, int]] = []
    for s, e in quote.get("spans") or [[quote["start"], quote["end"]]]:
        s, e = int(s), int(e)
        if not 0 <= s <= e <= len(text):
            if bad is not None:
                bad[0] += 1
            continue
        s, e = trim(text, s, e)
        if s < e:
            pieces.append((s, e))
    pieces.sort()
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return tuple(merged)


def _size(a: Intervals) -> int:
    return sum(e - s for s, e in a)


def _overlap(a: Intervals, b: Intervals) -> int:
    """Characters two canonical interval tuples share, by one merge pass."""
    i = j = n = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            n += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return n


def match(gold: Sequence[Intervals], pred: Sequence[Intervals]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best Jaccard first, pairs below 0.5 never matched.

    Ties are broken as the reference scorer's `sorted(reverse=True)` over (jaccard, i, j) breaks them,
    so the same pairs come out. A pair is intersected only when its envelopes overlap and its sizes
    allow Jaccard ≥ 0.5 (Jaccard ≤ smaller/larger).
    """
    sizes_p = [_size(b) for b in pred]
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(gold):
        if not a:
            continue
        size_a, a_start, a_end = _size(a), a[0][0], a[-1][1]
        for j, b in enumerate(pred):
            if not b or b[0][0] >= a_end or a_start >= b[-1][1]:
                continue
            size_b = sizes_p[j]
            if 2 * min(size_a, size_b) < max(size_a, size_b):
                continue
            inter = _overlap(a, b)
            if inter:
                jac = inter / (size_a + size_b - inter)
                if jac >= JACCARD_MIN:
                    pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


# ---------------------------------------------------------------------------------------------- speakers


def norm_name(name: Any) -> str:
    """Case-fold, drop punctuation and a leading article: "The Pentagon" == "pentagon"."""
    if not name or not isinstance(name, str):
        return ""
    x = unicodedata.normalize("NFKC", name).lower().replace("’", "'")
    x = re.sub(r"[^\w\s']", " ", x)
    x = re.sub(r"\s+", " ", x).strip()
    return re.sub(r"^(the|a|an) ", "", x)


def speaker_ok(gold_q: Mapping[str, Any], pred_q: Mapping[str, Any], mode: SpeakerMode) -> bool:
    """EVAL.md §3 and §5: the name test, plus (mention mode) an overlapping mention.

    A sourceless gold quote is right only when the prediction names nobody; in mention mode a gold
    pronoun is no name ("he" could be anyone), so only the mention overlap can make it right.
    """
    names = {norm_name(gold_q.get("speaker"))} | {norm_name(a) for a in gold_q.get("speaker_aliases") or []}
    names.discard("")
    gold_spans = gold_q.get("speaker_spans") or []
    if not names and not gold_spans:
        return not pred_q.get("speaker") and not pred_q.get("speaker_mention")
    if mode == "mention":
        names -= PRONOUNS
    if names and norm_name(pred_q.get("speaker")) in names:
        return True
    if mode != "mention":
        return False
    mention = pred_q.get("speaker_mention") or {}
    try:
        ms, me = int(mention["start"]), int(mention["end"])
    except (KeyError, TypeError, ValueError):
        return False
    return any(ms < e and s < me for s, e in gold_spans)


# ---------------------------------------------------------------------------------------------- scoring


def _by_id(docs: Mapping[str, Record] | Iterable[Record]) -> Mapping[str, Record]:
    if isinstance(docs, Mapping):
        return docs
    return {str(d["id"]): d for d in docs}


def score(
    gold: Mapping[str, Record] | Iterable[Record],
    pred: Mapping[str, Record] | Iterable[Record],
    kinds: Iterable[str] | None = None,
    pred_kinds: Iterable[str] | None = None,
    speaker_mode: SpeakerMode = "name",
) -> Scores:
    """Score predictions against gold, as `score.py --kinds K --pred-kinds P --speaker MODE` does.

    `kinds` keeps only gold quotes of those kinds, `pred_kinds` only predicted quotes of those kinds;
    None keeps all. Predicted documents absent from gold are ignored; gold documents absent from the
    predictions count in `missing_docs` and score as if nothing was found.
    """
    gold_kinds = None if kinds is None else frozenset(kinds)
    keep_pred = None if pred_kinds is None else frozenset(pred_kinds)
    by_id = _by_id(pred)
    n_gold = n_pred = lenient = exact = spk = kind_ok = missing = 0
    bad = [0]
    for doc_id, g in _by_id(gold).items():
        text = g["text"]
        gq = [q for q in g["quotes"] if gold_kinds is None or q.get("kind") in gold_kinds]
        p = by_id.get(doc_id)
        if p is None:
            missing += 1
        pq = [q for q in (p or {}).get("quotes", []) if keep_pred is None or q.get("kind") in keep_pred]
        n_gold += len(gq)
        n_pred += len(pq)
        gs = [quote_intervals(text, q) for q in gq]
        ps = [quote_intervals(text, q, bad) for q in pq]
        for i, j in match(gs, ps):
            lenient += 1
            exact += gs[i] == ps[j]
            spk += speaker_ok(gq[i], pq[j], speaker_mode)
            kind_ok += gq[i].get("kind") == pq[j].get("kind")
    return Scores(n_gold, n_pred, lenient, exact, spk, kind_ok, missing, bad[0])


# ---------------------------------------------------------------------------------------------- loading


def _read_jsonl(path: str | Path) -> Iterator[tuple[int, Any]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    try:
        with p.open(encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if line.strip():
                    try:
                        yield lineno, json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{p}:{lineno}: not JSON ({exc.msg})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text") from exc


def _check_gold(doc: Any) -> str | None:
    """Why a gold document is unusable, or None: checked up front so scoring never dies half-way."""
    if not isinstance(doc, dict) or "id" not in doc:
        return "not an object with an 'id'"
    if not isinstance(doc.get("text"), str):
        return "no 'text' string"
    if not isinstance(doc.get("quotes"), list):
        return "no 'quotes' list"
    for n, q in enumerate(doc["quotes"]):
        try:
            frags = q.get("spans") or [[q["start"], q["end"]]]
            if not all(0 <= int(s) <= int(e) <= len(doc["text"]) for s, e in frags):
                return f"quote {n}: offsets outside the text"
        except (AttributeError, KeyError, TypeError, ValueError):
            return f"quote {n}: needs integer 'start'/'end' (or 'spans')"
    return None


def load_gold(path: str | Path, limit: int | None = None) -> dict[str, Record]:
    """Gold JSONL -> {id: document}, in file order; a malformed line is an InputError naming it."""
    out: dict[str, Record] = {}
    for lineno, doc in _read_jsonl(path):
        problem = _check_gold(doc)
        if problem is None and str(doc["id"]) in out:
            problem = f"duplicate id {doc['id']!r}"
        if problem:
            raise InputError(f"{path}:{lineno}: malformed gold: {problem}")
        out[str(doc["id"])] = doc
        if limit is not None and len(out) >= limit:
            break
    if not out:
        raise InputError(f"{path}: no gold documents")
    return out


def load_predictions(path: str | Path) -> dict[str, Record]:
    """Prediction JSONL (what `saidwhat extract` prints) -> {id: {"id", "quotes"}}."""
    out: dict[str, Record] = {}
    for lineno, doc in _read_jsonl(path):
        if not isinstance(doc, dict) or "id" not in doc or not isinstance(doc.get("quotes", []), list):
            raise InputError(f"{path}:{lineno}: a prediction needs an 'id' and a 'quotes' list")
        out[str(doc["id"])] = doc
    return out


def has_speaker_spans(gold: Mapping[str, Record]) -> bool:
    """Whether the gold carries source mentions (PolNeAR does), which makes mention scoring possible."""
    return any(q.get("speaker_spans") for doc in gold.values() for q in doc["quotes"])


# ---------------------------------------------------------------------------------------------- systems

SUBSETS: dict[str, frozenset[str] | None] = {"all": None, "direct+mixed": DIRECT_MIXED}


@dataclass(frozen=True)
class Report:
    """One system scored on one gold set: each subset of EVAL.md §6 and recall per gold kind.

    `subsets["direct+mixed"]` keeps gold AND predicted quotes of those kinds. `by_kind[k]` keeps gold
    quotes of kind k against every prediction, so only its recall figures mean anything. `failures`
    counts documents the system gave up on (they yield no quotes and are scored as such).
    """

    system: str
    speaker_mode: SpeakerMode
    documents: int
    subsets: dict[str, Scores]
    by_kind: dict[str, Scores]
    failures: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "speaker_mode": self.speaker_mode,
            "documents": self.documents,
            "failures": self.failures,
            "seconds": round(self.seconds, 2),
            "subsets": {k: v.to_dict() for k, v in self.subsets.items()},
            "recall_by_kind": {k: {**asdict(v), "recall": round(v.lenient_prf.recall, 4),
                                   "end2end_recall": round(v.end2end_prf.recall, 4)}
                               for k, v in self.by_kind.items()},
        }  # fmt: skip


@dataclass(frozen=True)
class SystemRun:
    """Predictions of one system over gold texts, keyed by gold id, with what it cost.

    A prediction carrying an "error" key is a document the system gave up on (it has no quotes).
    """

    system: str
    predictions: dict[str, Record] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return sum("error" in p for p in self.predictions.values())


def evaluate_predictions(
    gold: Mapping[str, Record], run: SystemRun, speaker_mode: SpeakerMode = "name"
) -> Report:
    """Score a system's predictions for every subset and gold kind."""
    pred = run.predictions
    subsets = {name: score(gold, pred, kinds, kinds, speaker_mode) for name, kinds in SUBSETS.items()}
    by_kind: dict[str, Scores] = {k: score(gold, pred, {k}, None, speaker_mode) for k in KINDS}
    return Report(run.system, speaker_mode, len(gold), subsets, by_kind, run.failures, run.seconds)


def run_system(
    gold: Mapping[str, Record],
    system: System,
    *,
    n_process: int = 1,
    batch_size: int = 16,
    progress: bool = False,
) -> SystemRun:
    """Run a system over the gold texts: "saidwhat" (`extract_many`), "textacy" (the baseline), or any
    callable taking `[{"id", "text"}]` and yielding prediction dicts in input order.

    A prediction dict carrying an "error" key is a document the system failed on (counted, no quotes).
    """
    items = [{"id": doc_id, "text": doc["text"]} for doc_id, doc in gold.items()]
    started = time.perf_counter()  # before resolving: every system's time includes loading its model
    name, produce = _resolve_system(system, n_process=n_process, batch_size=batch_size, progress=progress)
    predictions = {
        item["id"]: {**pred, "id": item["id"]} for item, pred in zip(items, produce(items), strict=True)
    }
    return SystemRun(name, predictions, time.perf_counter() - started)


def _resolve_system(
    system: System, *, n_process: int, batch_size: int, progress: bool
) -> tuple[str, Callable[[Sequence[Record]], Iterable[Record]]]:
    if callable(system):
        return getattr(system, "__name__", "custom"), system
    if system in ("saidwhat", "saidwhat-accurate"):
        try:
            from saidwhat.pipeline import extract_many
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("saidwhat"):
                raise UsageError("the saidwhat pipeline is not available in this build") from exc
            raise
        accurate = system == "saidwhat-accurate"

        def run_saidwhat(items: Sequence[Record]) -> Iterator[Record]:
            articles = extract_many(
                items, n_process=n_process, batch_size=batch_size, progress=progress, accurate=accurate
            )
            return (a.to_dict() for a in articles)

        return system, run_saidwhat
    if system == "textacy":
        from saidwhat.baseline import TextacyBaseline

        baseline = TextacyBaseline()
        return "textacy", lambda items: baseline.run(items, batch_size=batch_size, progress=progress)
    raise UsageError(f"unknown system {system!r}: choose saidwhat, saidwhat-accurate or textacy")


def evaluate_system(
    gold_docs: Mapping[str, Record] | Iterable[Record],
    system: System,
    speaker_mode: SpeakerMode = "name",
    *,
    n_process: int = 1,
    batch_size: int = 16,
    progress: bool = False,
) -> Report:
    """Run `system` on the gold texts and score it (see `run_system` and `evaluate_predictions`)."""
    gold = _by_id(gold_docs)
    run = run_system(gold, system, n_process=n_process, batch_size=batch_size, progress=progress)
    return evaluate_predictions(gold, run, speaker_mode)
