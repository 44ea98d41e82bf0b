"""MinHash signatures and LSH band keys over a quote's content words, computed a batch at a time.

Why MinHash/LSH: finding the earlier versions of a new quote must cost the same whether 10 thousand or
10 million quotes are stored. Each quote is summarised by `BANDS` keys; two quotes whose content-word sets
have Jaccard similarity J share at least one key with probability 1 - (1 - J**ROWS)**BANDS, so the
candidate lookup is a handful of indexed equality probes instead of a scan.

The shingles are single content words, not word n-grams: an altered quote (a word swapped, a clause
dropped) keeps most of its words but breaks many n-grams, and the candidates are verified afterwards
with a real word-sequence comparison anyway. The hash family is multiply-shift over a fixed blake2b hash
of each word, with constants drawn from a fixed seed, so signatures are stable across processes,
machines and releases (the band keys are stored).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

BANDS = 12
ROWS = 2
NUM_PERM = BANDS * ROWS
SEED = 20240611

_rng = np.random.default_rng(SEED)
# Odd 64-bit multipliers and 64-bit offsets: h(x) = ((a*x + b) mod 2**64) >> 32 is a universal family.
_A = (_rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64) << np.uint64(1)
# Per-band mixing constants for turning ROWS signature values into one 63-bit key.
_MIX = (_rng.integers(0, 2**63, size=(BANDS, ROWS + 1), dtype=np.uint64) << np.uint64(1)) | np.uint64(1)

_word_hash_cache: dict[str, int] = {}


def word_hash(word: str) -> int:
    """A 32-bit hash of a word that never changes between runs (Python's `hash` is salted per process)."""
    value = _word_hash_cache.get(word)
    if value is None:
        value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(), "big")
        if len(_word_hash_cache) < 2_000_000:
            _word_hash_cache[word] = value
    return value


def signatures(word_sets: Sequence[Sequence[str]]) -> np.ndarray:
    """MinHash signatures, one row of NUM_PERM uint64 values per non-empty word set."""
    if not word_sets:
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    lengths = np.fromiter((len(s) for s in word_sets), dtype=np.int64, count=len(word_sets))
    if (lengths == 0).any():
        raise ValueError("every word set needs at least one word")
    hashes = np.fromiter(
        (word_hash(w) for s in word_sets for w in s), dtype=np.uint64, count=int(lengths.sum())
    )
    with np.errstate(over="ignore"):
        permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    return np.minimum.reduceat(permuted, offsets, axis=0)


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """BANDS keys per signature row, as non-negative int64 values (a band's index is mixed into its key)."""
    n = sigs.shape[0]
    if n == 0:
        return np.zeros((0, BANDS), dtype=np.int64)
    bands = sigs.reshape(n, BANDS, ROWS)
    with np.errstate(over="ignore"):
        acc = np.broadcast_to(_MIX[:, ROWS], (n, BANDS)).copy()
        for r in range(ROWS):
            acc = (acc ^ bands[:, :, r]) * _MIX[None, :, r]
            acc ^= acc >> np.uint64(29)
    return (acc >> np.uint64(1)).astype(np.int64)
