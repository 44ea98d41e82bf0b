"""nesting.py's record-level rules (quotes inside quotes); `unnest` on whole texts is tested through
extract() in test_extractor.py and test_content.py."""

from __future__ import annotations

from saidwhat.content import Attribution
from saidwhat.nesting import without_quotes_inside_quotes


def test_an_uncued_quotation_inside_another_quote_is_dropped() -> None:
    outer = Attribution(3, [(0, 100)], 5, 0.9, "direct")
    inner = Attribution(None, [(10, 40)], None, 0.4, "direct")
    twin_a = Attribution(None, [(200, 240)], None, 0.4, "direct")
    twin_b = Attribution(None, [(200, 240)], None, 0.4, "direct")
    reported = Attribution(7, [(20, 30)], 8, 0.8, "indirect")  # nested reported speech stays
    kept = without_quotes_inside_quotes([outer, inner, twin_a, twin_b, reported])
    assert kept == [outer, twin_a, twin_b, reported]


def test_an_indirect_report_of_a_quotation_already_quoted_is_dropped() -> None:
    # "may have said it best when he blogged: “…”": "said" and "blogged" report the same quotation
    quote = Attribution(12, [(53, 130)], 9, 0.9, "direct")
    again = Attribution(4, [(53, 129)], 0, 0.6, "indirect")
    longer = Attribution(4, [(53, 200)], 0, 0.6, "indirect")
    assert without_quotes_inside_quotes([again, quote]) == [quote]
    assert without_quotes_inside_quotes([longer, quote]) == [longer, quote]
