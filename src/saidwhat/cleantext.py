"""Repaired text and its exact way back to the caller's text (clean.py builds both).

The map is a short list of segments (clean start, original start, clean length, original length), not a
per-character array: a megabyte of repaired text carries a few hundred segments, and lookups bisect.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload


@dataclass(frozen=True)
class CleanText:
    """Repaired text plus the way back to the caller's text.

    `to_original[i]` is the index in `original` where clean character `i` comes from (for an inserted
    space: the original character it was inserted before); the last entry is `len(original)`. Use
    `span_to_original` for spans: it also handles characters that stand for several original ones.
    """

    text: str
    original: str
    to_original: Sequence[int]
    warnings: tuple[str, ...] = ()

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map clean `[start, end)` to original `[start, end)`; inserted characters at the edges are skipped.

        Exact for characters that come from the original: the first and last characters of the result
        are the original characters behind the first and last clean ones. A span across a dropped
        paragraph covers that paragraph too, because the original span does.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the clean text of length {len(self.text)}")
        mapping = self.to_original
        if not isinstance(mapping, OffsetMap):
            return (mapping[start], mapping[end - 1] + 1) if end > start else (mapping[start], mapping[start])
        while start < end and mapping.inserted(start):
            start += 1
        while end > start and mapping.inserted(end - 1):
            end -= 1
        if start == end:
            return mapping[start], mapping[start]
        return mapping.start_of(start), mapping.end_of(end - 1)

    def is_inserted(self, index: int) -> bool:
        """True for a clean character that is not in the original (a space added next to a quote mark)."""
        mapping = self.to_original
        return isinstance(mapping, OffsetMap) and mapping.inserted(index)


class OffsetMap(Sequence[int]):
    """Clean index -> original index, stored as segments (clean start, original start, clean length,
    original length). A segment with equal lengths maps character by character; otherwise every clean
    character in it stands for the whole original range (a space for "\\r\\n"; an insertion when the
    original length is 0)."""

    __slots__ = ("_clean", "_orig", "_orig_len", "_orig_size", "_size", "_text_len")

    def __init__(self, segments: Sequence[tuple[int, int, int, int]], text_len: int, orig_len: int) -> None:
        columns: list[tuple[int, ...]] = (
            [tuple(c) for c in zip(*segments, strict=True)] if segments else [()] * 4
        )
        self._clean, self._orig, self._size, self._orig_size = columns
        self._text_len = text_len
        self._orig_len = orig_len

    def __len__(self) -> int:
        return self._text_len + 1

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index <= self._text_len:
            raise IndexError("clean offset out of range")
        return self._orig_len if index == self._text_len else self.start_of(index)

    def __iter__(self) -> Iterator[int]:
        for k, clean in enumerate(self._clean):
            orig, size, orig_size = self._orig[k], self._size[k], self._orig_size[k]
            if size == orig_size:
                yield from range(orig, orig + size)
            else:
                yield from (orig for _ in range(clean, clean + size))
        yield self._orig_len

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        return (self._clean, self._orig, self._size, self._orig_size, self._text_len, self._orig_len)

    def _find(self, index: int) -> int:
        return bisect_right(self._clean, index) - 1

    def start_of(self, index: int) -> int:
        k = self._find(index)
        return self._orig[k] + (index - self._clean[k] if self._size[k] == self._orig_size[k] else 0)

    def end_of(self, index: int) -> int:
        k = self._find(index)
        if self._size[k] == self._orig_size[k]:
            return self._orig[k] + index - self._clean[k] + 1
        return self._orig[k] + self._orig_size[k]

    def inserted(self, index: int) -> bool:
        return 0 <= index < self._text_len and self._orig_size[self._find(index)] == 0
