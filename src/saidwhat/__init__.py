"""saidwhat: who said what in news articles.

`extract(text_or_html)` returns an `Article` whose `quotes` carry exact offsets, kind, cue and a speaker
resolved to an entity of the article. Heavy imports (spaCy) happen on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from saidwhat.errors import InputError, ModelError, SaidwhatError, StoreError, UsageError
from saidwhat.models import Article, Quote, Span

if TYPE_CHECKING:
    from saidwhat.corpus import Corpus
    from saidwhat.pipeline import extract, extract_many

__all__ = [
    "Article",
    "Corpus",
    "InputError",
    "ModelError",
    "Quote",
    "SaidwhatError",
    "Span",
    "StoreError",
    "UsageError",
    "__version__",
    "extract",
    "extract_many",
]

_LAZY = {"extract": "saidwhat.pipeline", "extract_many": "saidwhat.pipeline", "Corpus": "saidwhat.corpus"}


def __getattr__(name: str) -> Any:
    """Import the pipeline (and spaCy) only when `extract`/`extract_many`/`Corpus` is first used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'saidwhat' has no attribute {name!r}")
