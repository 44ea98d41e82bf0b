"""refine.py's record-level rules; its behaviour on whole texts is tested through extract() in
test_extractor.py (continuations, titles, mixed quotes) and the fixture suite."""

from __future__ import annotations

from saidwhat.refine import disjoint


def test_disjoint_joins_overlapping_fragments() -> None:
    assert disjoint([(40, 60), (0, 10), (45, 50), (55, 70), (12, 12)]) == ((0, 10), (40, 70))
