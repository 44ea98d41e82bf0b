"""Confidence that means what it says: a quote's `confidence` is the share of quotes like it that were
right (span and speaker, EVAL.md's end-to-end test) on PolNeAR train.

The extractor's own numbers are not that. The cue model's probability judges a cue and its clause before
the boundary and speaker rules run, and the quotes the quotation-mark rules add carry fixed values
(0.6 for a quotation with a nearby cue, 0.4 for an uncued continuation) that only order candidates
inside refine.py. On PolNeAR train (end to end): direct quotes the model gave 0.6-0.8 were right
93-96% of the time, quotations with a nearby cue (raw 0.6) 77%, uncued continuations (raw 0.4) 20%,
indirect quotes at 0.9 only 90%. So each quote's raw value is
mapped, after every rule has run, through a table fitted on train (`make train` writes it): one
monotone curve per origin (the cue model, a quotation's nearby cue, a continuation, a transcript turn)
and kind, read off binned raw values, smoothed, and made non-decreasing. Ordering inside the
extractor still uses the raw values; only what the caller sees changes.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from saidwhat.errors import ModelError

CALIBRATION_FILE = "calibration.json"
Origin = Literal["model", "quote_cue", "continuation", "transcript"]
Mode = Literal["default", "accurate"]
BINS = 10  # raw values binned by tenths
MIN_BIN = 20  # a bin with fewer quotes is merged into its neighbour before the curve is read
MIN_CURVE = 40  # a kind with fewer quotes of an origin uses the origin's curve over all kinds
# an origin this rare still gets its observed share rather than its raw value: transcript turns (14 in
# PolNeAR train, 11 right) would otherwise state the 1.0 their rule gives every turn
MIN_ORIGIN = 10


@dataclass(frozen=True, slots=True)
class Curve:
    """A non-decreasing map from raw value to the share right: points (raw, share), linear between
    them, flat beyond the ends."""

    points: tuple[tuple[float, float], ...]

    def __call__(self, raw: float) -> float:
        pts = self.points
        if raw <= pts[0][0]:
            return pts[0][1]
        for (x0, y0), (x1, y1) in itertools.pairwise(pts):
            if raw <= x1:
                return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1
        return pts[-1][1]


@dataclass(frozen=True, slots=True)
class Calibration:
    """Curves by mode, then by key ("model/direct", "continuation", …)."""

    curves: dict[str, dict[str, Curve]]

    def confidence(self, raw: float, kind: str, origin: Origin, mode: Mode = "default") -> float:
        """The calibrated confidence of a quote; the raw value where no curve was fitted."""
        by_key = self.curves.get(mode, {})
        curve = by_key.get(f"{origin}/{kind}") or by_key.get(origin)
        return round(curve(raw), 4) if curve is not None else round(raw, 4)


@functools.cache
def load_calibration() -> Calibration:
    """The shipped table, once per process."""
    try:
        raw = resources.files("saidwhat").joinpath("data", CALIBRATION_FILE).read_text(encoding="utf-8")
        data = json.loads(raw)
        curves = {
            str(mode): {
                str(key): Curve(tuple((float(x), float(y)) for x, y in points))
                for key, points in by_key.items()
            }
            for mode, by_key in data["curves"].items()
        }
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{CALIBRATION_FILE} is missing or broken; run `make train`") from exc
    return Calibration(curves)


def fit_curve(samples: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    """Points of a non-decreasing curve through binned samples (raw value, right?): bins of a tenth,
    small bins merged into the next, each bin's share smoothed towards the overall share (add-two), then
    pooled where a share falls (pool-adjacent-violators), placed at the bin's mean raw value."""
    overall = sum(ok for _, ok in samples) / len(samples)
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for raw, ok in samples:
        bins[min(int(raw * BINS), BINS - 1)].append((raw, ok))
    merged: list[list[tuple[float, bool]]] = []
    carry: list[tuple[float, bool]] = []
    for b in bins:
        carry += b
        if len(carry) >= MIN_BIN:
            merged.append(carry)
            carry = []
    if carry:
        if merged:
            merged[-1] += carry
        else:
            merged.append(carry)
    # pool adjacent violators over blocks of (sum of raw, smoothed right, smoothed weight, count)
    blocks: list[list[float]] = []
    for b in merged:
        blocks.append([sum(r for r, _ in b), sum(ok for _, ok in b) + 2 * overall, len(b) + 2.0, len(b)])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] > blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1] = [blocks[-1][k] + last[k] for k in range(4)]
    return [(round(s / n, 4), round(right / weight, 4)) for s, right, weight, n in blocks]


def fit(records: Iterable[tuple[Origin, str, float, bool]]) -> dict[str, list[tuple[float, float]]]:
    """Curves for one mode from (origin, kind, raw value, right?) records: one per origin and kind with
    at least MIN_CURVE quotes, and one per origin over all its kinds with at least MIN_ORIGIN."""
    by_key: dict[str, list[tuple[float, bool]]] = {}
    for origin, kind, raw, ok in records:
        by_key.setdefault(f"{origin}/{kind}", []).append((raw, ok))
        by_key.setdefault(origin, []).append((raw, ok))
    return {
        key: fit_curve(samples)
        for key, samples in sorted(by_key.items())
        if len(samples) >= (MIN_CURVE if "/" in key else MIN_ORIGIN)
    }
