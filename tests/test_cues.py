"""The cue model's features and shipped weights (real pipeline, the packaged cue_model.json)."""

from __future__ import annotations

from typing import Any

from saidwhat.cues import features, load_model
from saidwhat.extractor import token_quote_mask
from saidwhat.frames import candidates_for
from saidwhat.quotemarks import find_stretches


def feature_sets(nlp: Any, text: str, cue: str) -> dict[str, list[str]]:
    """{frame: features} of the first token whose text is `cue`."""
    doc = nlp(text)
    mask = token_quote_mask(doc, find_stretches(text))
    tok = next(t for t in doc if t.text == cue)
    return {c.frame: features(doc, c, mask) for c in candidates_for(tok)}


def test_a_quoted_characterisation_after_as_is_a_feature(nlp: Any) -> None:
    got = feature_sets(nlp, "Reid has been pounding Trump as a “con artist” for weeks.", "pounding")
    assert "as_quoted|obj_pred" in got["obj_pred"]


def test_an_unquoted_characterisation_is_not(nlp: Any) -> None:
    got = feature_sets(nlp, "Reid has been pounding Trump as a con artist for weeks.", "pounding")
    assert not any(f.startswith("as_quoted") for f in got["obj_pred"])


def test_the_shipped_model_counts_a_quoted_characterisation_as_evidence() -> None:
    weights = load_model().weights
    assert weights.get("as_quoted|obj_pred", 0.0) > 0
