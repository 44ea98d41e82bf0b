"""Train saidwhat's cue model on PolNeAR train; tune the threshold on dev; write saidwhat/data/cue_model.json.

Usage: python scripts/train.py [--data ../shared/data/polnear] [--limit N]
One command (`make train`), CPU only, a few minutes on 2 cores: the parse is cached in .cache/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saidwhat.clean import same_length_normalised  # noqa: E402
from saidwhat.cues import MODEL_FILE, features  # noqa: E402
from saidwhat.extractor import token_quote_mask  # noqa: E402
from saidwhat.frames import candidates_for  # noqa: E402
from saidwhat.parse import load_pipeline  # noqa: E402
from saidwhat.quotemarks import find_stretches  # noqa: E402

PRUNE = 0.02  # weights smaller than this change no decision measurably and would bloat the package
# the fit runs to the optimum, which is unique (L2-regularised logistic regression is strictly convex),
# so a change to a few candidates changes the weights a little. With lbfgs's default tolerance (until
# session 17) it stopped early, far from it (bias -1.30 against -2.24 at the optimum), wherever the path
# happened to be: one candidate more in 116,000 moved dev end-to-end F1 by 0.2-0.3, the "retraining
# noise" earlier sessions measured. At the optimum the same change moves it by 0.0001 (dev 71.68 / 71.67)
TOL = 1e-7
MAX_ITER = 20000
FLAT = 0.005  # a frame's own candidate-F1 differences this small are noise
MIN_FRAME_POSITIVES = 30
QUOTE_CUE_MIN = 3
# a candidate is a positive example when it names a gold cue and overlaps its content this much: the
# model learns which cues report speech, the boundary rules where the content ends (dev end-to-end F1
# 69.2-69.5 with 0.3, 68.9 with 0.4, 68.7-68.9 with 0.5, 68.9 with 0.15)
LABEL_JACCARD = 0.3
# smoothed end-to-end F1 differences this small (about four of 2,192 dev quotes) are ties: the higher
# threshold wins (0.0005 until session 5, when a 0.0008 lead took 0.35 over 0.40 and narration back in;
# 0.001 until session 10, when a rule dropping two refusals ("declined to comment on …") at threshold
# 0.30 gave 0.35 a 0.00103 lead, and the fixtures' narration came back again: the choice should not
# turn on two quotes at a threshold not even chosen)
E2E_FLAT = 0.002
NEAR_TOP = 0.006  # global thresholds this close to the best candidate F1 are compared end to end
STEP = 0.05  # the spacing of the global thresholds tried
EDGE = set(" \t\r\n\u00a0\"'“”‘’«»„‟‹›,.;:!?—–-()[]")


def trimmed_chars(text: str, frags: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in frags:
        while s < e and text[s] in EDGE:
            s += 1
        while e > s and text[e - 1] in EDGE:
            e -= 1
        out.update(range(s, e))
    return out


def _parse_version() -> str:
    """What the cached parse depends on: saidwhat's parse and attributes modules (its own components
    set sentence starts, re-parse headlines and set coarse tags), clean (the one-for-one character
    replacements made before parsing, as extraction makes them) and spaCy's version; a change to any
    parses again."""
    import hashlib

    import spacy

    from saidwhat import attributes, clean, parse

    modules = (parse, attributes, clean)
    source = b"".join(Path(m.__file__).read_bytes() for m in modules) + spacy.__version__.encode()
    return hashlib.sha256(source).hexdigest()[:10]


def parsed(split: str, data: Path, limit: int | None) -> tuple[list[dict], list]:
    from spacy.tokens import DocBin

    with open(data / f"{split}.jsonl", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f][:limit]
    nlp = load_pipeline()
    cache = ROOT / ".cache" / f"polnear-{split}-{len(gold)}-{_parse_version()}.spacy"
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        t = time.time()
        texts = [same_length_normalised(g["text"]) for g in gold]
        docs = list(nlp.pipe(texts, batch_size=16, n_process=2))
        cache.parent.mkdir(exist_ok=True)
        db = DocBin(docs=docs)
        db.to_disk(cache)
        print(f"parsed {split}: {len(docs)} docs in {time.time() - t:.0f}s", file=sys.stderr)
    return gold, docs


def examples(gold: list[dict], docs: list) -> tuple[list[list[str]], list[int], list[tuple]]:
    X: list[list[str]] = []
    y: list[int] = []
    keys: list[tuple] = []
    for di, (g, doc) in enumerate(zip(gold, docs, strict=True)):
        text = g["text"]
        in_quote = token_quote_mask(doc, find_stretches(text))
        golds = []
        for q in g["quotes"]:
            if not q.get("cue"):
                continue
            golds.append((q["cue"][0], q["cue"][1], trimmed_chars(text, q["spans"])))
        for tok in doc:
            for cand in candidates_for(tok):
                frags = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in cand.fragments]
                chars = trimmed_chars(text, frags)
                label = 0
                for cs, ce, gchars in golds:
                    overlaps_cue = cs < tok.idx + len(tok) and tok.idx < ce and chars and gchars
                    if overlaps_cue and len(chars & gchars) / len(chars | gchars) >= LABEL_JACCARD:
                        label = 1
                        break
                X.append(features(doc, cand, in_quote))
                y.append(label)
                keys.append((di, tok.i, cand.frame))
    return X, y, keys


def candidate_f1(probs, labels, frames, threshold: float, per_frame: dict[str, float]) -> float:
    """Candidate-level F1 on dev when each frame is accepted above its own threshold."""
    tp = fp = fn = 0
    for p, t, fr in zip(probs, labels, frames, strict=True):
        accept = p >= per_frame.get(fr, threshold)
        tp += accept and t
        fp += accept and not t
        fn += (not accept) and t
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tune_frames(probs, labels, frames, threshold: float) -> dict[str, float]:
    """Frames whose candidates need more evidence than the global threshold, chosen on each frame's own
    dev candidates. A frame never goes below the global threshold; where its F1 is flat (within FLAT)
    the higher threshold wins, since a wrong attribution costs a user more than a missed one; a frame
    with fewer than MIN_FRAME_POSITIVES attributions on dev is too rare to tune and keeps the global one."""
    chosen: dict[str, float] = {}
    for fr in sorted(set(frames)):
        mine = [(p, t) for p, t, f in zip(probs, labels, frames, strict=True) if f == fr]
        if sum(t for _, t in mine) < MIN_FRAME_POSITIVES:
            continue
        ps, ts = [p for p, _ in mine], [t for _, t in mine]
        scored = []
        for step in range(0, 7):
            th = round(threshold + 0.05 * step, 2)
            scored.append((candidate_f1(ps, ts, [fr] * len(ps), th, {}), th))
        top = max(f1 for f1, _ in scored)
        th = max(t for f1, t in scored if f1 >= top - FLAT)
        if th != threshold:
            chosen[fr] = th
            print(f"frame {fr}: threshold {th:.2f} (its candidate F1 {top:.4f})", file=sys.stderr)
    return chosen


def quote_cue_words(gold: list[dict], docs: list) -> list[str]:
    """Verbs and nouns that train uses as the cue of a direct or mixed quote at least QUOTE_CUE_MIN times
    (replied, quipped, chanted, …): near a quotation such a word is its cue, whatever else it can mean.
    Articles whose quotation marks the gold does not see ('' quotes) are left out."""
    counts: dict[str, int] = {}
    for g, doc in zip(gold, docs, strict=True):
        if "''" in g["text"]:
            continue
        for q in g["quotes"]:
            if q["kind"] == "indirect" or not q.get("cue"):
                continue
            span = doc.char_span(q["cue"][0], q["cue"][1], alignment_mode="expand")
            head = next((t for t in span if t.pos_ in ("VERB", "NOUN")), None) if span is not None else None
            if head is not None:
                counts[head.lower_] = counts.get(head.lower_, 0) + 1
    return sorted(w for w, n in counts.items() if n >= QUOTE_CUE_MIN)


def open_cue_words(docs: list, labels: list[int], keys: list[tuple]) -> list[str]:
    """The nouns, adjectives and auxiliaries some positive train candidate has as its cue."""
    from saidwhat.cues import GATED_POS

    words = set()
    for label, (di, ti, _) in zip(labels, keys, strict=True):
        tok = docs[di][ti]
        if label and tok.pos_ in GATED_POS:
            words.add(tok.lower_)
    return sorted(words)


def smoothed_choice(
    scores: dict[float, float], step: float, flat: float, among: set[float] | None = None
) -> float:
    """The threshold to ship among those tried (`scores`: threshold rounded to 0.01 -> dev end-to-end F1),
    or among `among` only (their neighbours are scored to judge them, not to be picked): each judged by
    the mean over it and its tried neighbours `step` away (a plateau beats a spike), and of those whose
    mean is within `flat` of the best, the highest (precision is worth more).
    scripts/train_encoder.py chooses the accurate mode's threshold with it too."""
    means = {}
    for th in scores if among is None else among:
        around = [scores[k] for k in (round(th - step, 2), th, round(th + step, 2)) if k in scores]
        means[th] = sum(around) / len(around)
    top = max(means.values())
    return max(th for th, mean in means.items() if mean >= top - flat)


def write_model(path: Path, model: dict) -> None:
    path.write_text(json.dumps(model, indent=0), encoding="utf-8")


def end_to_end_f1(dev: Path) -> float:
    """All-kinds end-to-end F1 of the whole extractor on dev with the model file as now written."""
    from saidwhat.cues import load_model
    from saidwhat.evaluate import evaluate_system, load_gold

    load_model.cache_clear()
    report = evaluate_system(load_gold(dev), "saidwhat", "mention")
    return report.subsets["all"].end2end_prf.f1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--C", type=float, default=0.3)
    args = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    gold, docs = parsed("train", args.data, args.limit)
    X, y, train_keys = examples(gold, docs)
    print(f"train candidates {len(y)}, positive {sum(y)}", file=sys.stderr)
    vec = DictVectorizer()
    Xm = vec.fit_transform([dict.fromkeys(f, 1) for f in X])
    clf = LogisticRegression(C=args.C, max_iter=MAX_ITER, tol=TOL, solver="lbfgs")
    clf.fit(Xm, y)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= PRUNE
    }
    bias = float(clf.intercept_[0])
    dgold, ddocs = parsed("dev", args.data, None)
    Xd, yd, dkeys = examples(dgold, ddocs)
    pd = clf.predict_proba(vec.transform([dict.fromkeys(f, 1) for f in Xd]))[:, 1]
    frames = [k[2] for k in dkeys]
    curve = []
    for th in [round(x * STEP, 2) for x in range(4, 17)]:
        f1 = candidate_f1(pd, yd, frames, th, {})
        print(f"threshold {th:.2f}: candidate F1 {f1:.3f}", file=sys.stderr)
        curve.append((f1, th))
    top = max(f1 for f1, _ in curve)
    out = ROOT / "src" / "saidwhat" / "data" / MODEL_FILE
    model = {
        "bias": round(bias, 4),
        "C": args.C,
        "trained_on": f"PolNeAR train ({len(gold)} articles)",
        "quote_cue_words": quote_cue_words(gold, docs),
        "open_cue_words": open_cue_words(docs, y, train_keys),
        "weights": dict(sorted(weights.items())),
    }
    # candidate F1 is flat near its top; the extractor's end-to-end F1 on dev decides among those. One
    # threshold's dev F1 moves by a few tenths with any retraining, so each is judged by the mean over
    # it and its neighbours (a plateau beats a spike); where those means differ by noise (E2E_FLAT) the
    # higher threshold wins: precision is worth more. The neighbours of the near-top thresholds are
    # scored too, though not picked: a threshold at the edge of the near-top range would otherwise be
    # judged on one neighbour only (a retraining in session 6 took 0.35 over 0.40 that way, its mean
    # raised by the missing 0.30, and let the fixtures' narration in)
    near_top = {round(th, 2) for f1, th in curve if f1 >= top - NEAR_TOP}
    judged = near_top | {round(th + d, 2) for th in near_top for d in (-STEP, STEP)}
    tried = []
    for f1, th in curve:
        if round(th, 2) not in judged:
            continue
        per_frame = tune_frames(pd, yd, frames, th)
        write_model(out, {**model, "threshold": th, "frame_thresholds": per_frame})
        e2e = end_to_end_f1(args.data / "dev.jsonl")
        print(f"threshold {th:.2f}: dev end-to-end F1 {e2e:.4f} (candidate F1 {f1:.3f})", file=sys.stderr)
        tried.append((e2e, th, per_frame))
    pick = smoothed_choice({round(th, 2): e2e for e2e, th, _ in tried}, STEP, E2E_FLAT, near_top)
    best = next(t for t in tried if round(t[1], 2) == pick)
    write_model(out, {**model, "threshold": best[1], "frame_thresholds": best[2]})
    print(f"wrote {out} ({len(weights)} weights, threshold {best[1]}, dev end-to-end F1 {best[0]:.4f})")


if __name__ == "__main__":
    main()
