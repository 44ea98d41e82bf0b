"""The accuracy gate: pinned floors on a fixed subset of PolNeAR dev, so accuracy cannot silently drop.

Floors sit a little under what was measured when they were pinned (see docs/accuracy.md); raise them
when the engine improves. The subset (the first 30 dev articles) keeps CI well under its time limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.evaluate import evaluate_system, load_gold

SUBSET = 30
# measured at pinning time on this subset (mention-level speakers, 2026-11-26, session 4): lenient F1
# 0.739 / 0.827, end-to-end F1 0.702 / 0.784 (all kinds / direct+mixed); session 5 (continuations,
# nested marks, cue model retrained) 0.737 / 0.832, 0.702 / 0.792, floors left where they were;
# session 6 (two frames, retrained) 0.740 / 0.833, 0.707 / 0.796, end-to-end floors raised; session 7
# (content boundaries after quotations) 0.749 / 0.842, 0.711 / 0.802, direct+mixed lenient raised. They
# sit about one point below, since retraining alone moves these by a few tenths. Direct+mixed counts ''
# (two apostrophes) as quotation marks, which PolNeAR's conversion labels `indirect` (docs/accuracy.md):
# the correct `direct` kind counts as a false positive there. Session 10 (speaker rules after scoring):
# 0.749 / 0.842, 0.711 / 0.802, unchanged on this subset; floors left where they were. Session 11
# (as_quoted feature, retrained): 0.747 / 0.842, 0.711 / 0.802. Session 12 (titles, block quotations,
# datelines, "called it “…”"): 0.749 / 0.844, 0.711 / 0.804. Session 13 (titles, balanced marks, a
# quotation ending the clause that holds its cue, calibrated confidence): 0.753 / 0.856, 0.716 / 0.816.
FLOORS = {
    ("all", "lenient_f1"): 0.73,
    ("all", "end2end_f1"): 0.695,
    ("direct+mixed", "lenient_f1"): 0.83,
    ("direct+mixed", "end2end_f1"): 0.785,
}


@pytest.mark.slow
def test_polnear_dev_floors(polnear_dev: Path) -> None:
    gold = load_gold(polnear_dev, limit=SUBSET)
    report = evaluate_system(gold, "saidwhat", "mention")
    assert report.failures == 0
    got = {}
    for subset, scores in report.subsets.items():
        got[(subset, "lenient_f1")] = scores.lenient_prf.f1
        got[(subset, "end2end_f1")] = scores.end2end_prf.f1
        assert scores.bad_spans == 0
    low = {k: (round(got[k], 4), floor) for k, floor in FLOORS.items() if got[k] < floor}
    assert not low, f"accuracy fell below its pinned floor (got, floor): {low}"
