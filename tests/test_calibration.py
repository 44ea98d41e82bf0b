"""Calibrated confidences: curve fitting, the shipped table, and what extraction reports."""

from __future__ import annotations

import itertools

from saidwhat import extract
from saidwhat.calibration import Calibration, Curve, fit, fit_curve, load_calibration
from saidwhat.extractor import quotes_with_origins
from saidwhat.parse import load_pipeline


def test_a_curve_interpolates_between_points_and_is_flat_beyond_them() -> None:
    curve = Curve(((0.2, 0.1), (0.6, 0.5)))
    assert curve(0.0) == 0.1 and curve(0.2) == 0.1
    assert abs(curve(0.4) - 0.3) < 1e-9
    assert curve(0.9) == 0.5


def test_fitting_pools_a_falling_share_into_a_non_decreasing_curve() -> None:
    # 30 quotes at 0.35 right 60%, 30 at 0.55 right 40% (a dip), 30 at 0.85 right 90%
    samples = (
        [(0.35, k < 18) for k in range(30)]
        + [(0.55, k < 12) for k in range(30)]
        + [(0.85, k < 27) for k in range(30)]
    )
    points = fit_curve(samples)
    shares = [y for _, y in points]
    assert shares == sorted(shares)
    assert len(points) == 2  # the dip was pooled with the bin before it
    assert abs(points[0][0] - 0.45) < 1e-9  # placed at the pooled quotes' mean raw value
    assert 0.45 < points[0][1] < 0.55 and points[1][1] > 0.8


def test_small_bins_are_merged_and_rare_kinds_fall_back_to_their_origin() -> None:
    records = [("model", "indirect", 0.05 + 0.1 * (k % 10), k % 3 == 0) for k in range(100)]
    records += [("model", "mixed", 0.9, True) for _ in range(5)]
    curves = fit(records)
    assert set(curves) == {"model", "model/indirect"}  # 5 mixed quotes make no curve of their own
    assert all(len(points) <= 5 for points in curves.values())  # bins of 10 merged up to 20 quotes
    table = Calibration({"default": {k: Curve(tuple(v)) for k, v in curves.items()}})
    assert table.confidence(0.9, "mixed", "model") == round(Curve(tuple(curves["model"]))(0.9), 4)
    assert table.confidence(0.77, "direct", "quote_cue") == 0.77  # nothing fitted: the raw value
    assert table.confidence(0.77, "indirect", "model", "accurate") == 0.77


def test_a_rare_origin_states_its_observed_share_not_its_raw_value() -> None:
    records = [("transcript", "direct", 1.0, k < 11) for k in range(14)]
    records += [("continuation", "direct", 0.4, True) for _ in range(9)]
    curves = fit(records)
    assert set(curves) == {"transcript"}  # 9 continuations are too few even for an origin's curve
    assert curves["transcript"] == [(1.0, round(11 / 14, 4))]


def test_the_shipped_curves_are_non_decreasing_shares() -> None:
    table = load_calibration()
    assert "default" in table.curves
    for by_key in table.curves.values():
        for curve in by_key.values():
            xs = [x for x, _ in curve.points]
            ys = [y for _, y in curve.points]
            assert xs == sorted(xs) and ys == sorted(ys)
            assert all(0.0 <= y <= 1.0 for y in ys)
            assert all(a <= b for a, b in itertools.pairwise(ys))


def test_extraction_reports_the_calibrated_confidence() -> None:
    text = (
        "The mayor said the plant would reopen in May. “We are ready,” she said.\n\n"
        "The plant employs 300 people.\n\n“It will take time. The workers deserve better.”"
    )
    nlp = load_pipeline()
    raw = quotes_with_origins(nlp(text))
    table = load_calibration()
    quotes = extract(text).quotes
    assert [q.text for q in quotes] == [q.text for q, _ in raw]
    assert [origin for _, origin in raw] == ["model", "model", "continuation"]
    for q, (r, origin) in zip(quotes, raw, strict=True):
        assert q.confidence == table.confidence(r.confidence, r.kind, origin)
        assert 0.0 <= q.confidence <= 1.0
    # an uncued continuation is right far less often than its raw 0.4 said (PolNeAR train)
    assert quotes[-1].confidence < 0.4
