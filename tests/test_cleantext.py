"""Repaired text and its way back to the caller's text (saidwhat.cleantext), on hand-built maps."""

from __future__ import annotations

import pytest

from saidwhat.cleantext import CleanText, OffsetMap

# original: 'knows him“fairly well”\r\nNext' -> clean: 'knows him “fairly well” Next'
ORIGINAL = "knows him“fairly well”\r\nNext"
CLEAN = "knows him “fairly well” Next"
SEGMENTS = [
    (0, 0, 9, 9),  # "knows him" character for character
    (9, 9, 1, 0),  # an inserted space before the opening mark
    (10, 9, 13, 13),  # "“fairly well”"
    (23, 22, 1, 2),  # one space for "\r\n"
    (24, 24, 4, 4),  # "Next"
]


def _clean_text() -> CleanText:
    return CleanText(CLEAN, ORIGINAL, OffsetMap(SEGMENTS, len(CLEAN), len(ORIGINAL)))


def test_every_clean_character_maps_to_the_original_one_it_came_from() -> None:
    mapping = OffsetMap(SEGMENTS, len(CLEAN), len(ORIGINAL))
    assert len(mapping) == len(CLEAN) + 1 and mapping[len(CLEAN)] == len(ORIGINAL)
    for i, ch in enumerate(CLEAN):
        if ch != " ":
            assert ORIGINAL[mapping[i]] == ch
    assert list(mapping) == [mapping[i] for i in range(len(mapping))]
    assert mapping[-1] == len(ORIGINAL)
    with pytest.raises(IndexError):
        mapping[len(CLEAN) + 1]


def test_a_span_maps_back_without_inserted_edges_and_over_whole_replaced_runs() -> None:
    ct = _clean_text()
    start = CLEAN.index("“")
    s, e = ct.span_to_original(start - 1, start + len("“fairly well”"))  # from the inserted space
    assert ORIGINAL[s:e] == "“fairly well”"
    s, e = ct.span_to_original(CLEAN.index("well"), CLEAN.index("Next") + 4)
    assert ORIGINAL[s:e] == "well”\r\nNext"  # the one space stands for both characters
    assert ct.is_inserted(start - 1) and not ct.is_inserted(start)
    assert ct.span_to_original(start - 1, start - 1) == (9, 9)


def test_a_span_outside_the_clean_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside the clean text"):
        _clean_text().span_to_original(0, len(CLEAN) + 1)


def test_maps_with_equal_segments_are_equal_and_hash_alike() -> None:
    a = OffsetMap(SEGMENTS, len(CLEAN), len(ORIGINAL))
    b = OffsetMap(list(SEGMENTS), len(CLEAN), len(ORIGINAL))
    assert a == b and hash(a) == hash(b) and a != OffsetMap([], 0, 0)
