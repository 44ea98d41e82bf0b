"""`nlp.add_pipe("saidwhat")`: saidwhat as a spaCy component, quotes on `doc._.quotes`.

Registered through the `spacy_factories` entry point, so spaCy finds it without importing saidwhat first.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class SaidwhatComponent:
    """Runs quote finding and speaker attribution on a parsed Doc (needs a parser and NER upstream)."""

    def __init__(self, nlp: Language, name: str) -> None:
        from spacy.tokens import Doc

        if not Doc.has_extension("quotes"):
            Doc.set_extension("quotes", default=())
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from saidwhat.extractor import find_quotes

        doc._.quotes = find_quotes(doc)
        return doc


def make_saidwhat(nlp: Language, name: str) -> Any:
    """spaCy factory: `nlp.add_pipe("saidwhat")` after the parser and NER."""
    return SaidwhatComponent(nlp, name)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("saidwhat"):
        Language.factory("saidwhat", func=make_saidwhat)


# registering when imported keeps `nlp.add_pipe("saidwhat")` working without entry points too
with contextlib.suppress(ImportError):
    _register()
