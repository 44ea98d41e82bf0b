"""textacy's rule-based `direct_quotations` as a baseline, emitting saidwhat's prediction dicts.

It is what a user would otherwise reach for, so `saidwhat eval --baseline textacy` scores it on the same
texts, parsed by the same spaCy pipeline, through the same scorer. textacy is a dev dependency and heavy
to import, so it is imported only when the baseline runs.

textacy finds direct quotes only, and gives up on a whole document when its quotation marks are odd in
number (an unclosed quote). That is its real behaviour: such a document yields no quotes and a dict with
an "error" key, and `saidwhat eval` reports how many documents failed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from saidwhat.errors import UsageError
from saidwhat.models import Quote, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

INSTALL_HINT = "the textacy baseline needs textacy: pip install 'textacy==0.13.0' (or saidwhat[dev])"


def _direct_quotations() -> Any:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        raise UsageError(INSTALL_HINT) from exc
    return direct_quotations


def _load_pipeline() -> Language:
    """saidwhat's own pipeline, so the comparison is about extraction, not parsing.

    textacy picks its cue verbs by `lemma_`, and saidwhat leaves the lemmatizer out: where it is
    missing, the same package is loaded again with every component (otherwise textacy finds nothing).
    """
    import spacy

    from saidwhat.parse import PIPELINE_PACKAGE, load_pipeline

    nlp: Language = load_pipeline()
    if "lemmatizer" not in nlp.pipe_names:
        max_length = nlp.max_length
        nlp = spacy.load(PIPELINE_PACKAGE)
        nlp.max_length = max_length
    return nlp


def _tokens_span(doc: Doc, tokens: Sequence[Token]) -> Span | None:
    """The character envelope of some tokens (textacy's speakers can be conjuncts, not contiguous)."""
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return Span(doc.text[start:end], start, end)


def quotes_from_doc(doc: Doc) -> list[Quote]:
    """textacy's direct quotations of a parsed document as Quote records.

    Raises whatever textacy raises (ValueError on an odd number of quotation marks).
    """
    out = []
    for triple in _direct_quotations()(doc):
        content = triple.content
        speaker = triple.speaker
        out.append(
            Quote(
                text=content.text,
                start=content.start_char,
                end=content.end_char,
                spans=((content.start_char, content.end_char),),
                kind="direct",
                cue=_tokens_span(doc, triple.cue),
                speaker=" ".join(t.text for t in speaker) or None,
                speaker_mention=_tokens_span(doc, speaker),
            )
        )
    return out


def predict_doc(doc: Doc, doc_id: Any = None) -> dict[str, Any]:
    """One prediction dict `{"id", "quotes"}`; a document textacy fails on gets `"error"` and no quotes."""
    try:
        quotes = quotes_from_doc(doc)
    except ValueError as exc:  # textacy's "N quotation marks found, indicating an unclosed quotation"
        return {"id": doc_id, "quotes": [], "error": f"{type(exc).__name__}: {exc}"}
    return {"id": doc_id, "quotes": [q.to_dict() for q in quotes]}


class TextacyBaseline:
    """Parse with saidwhat's spaCy pipeline, extract with textacy; one process, in input order."""

    name = "textacy"

    def __init__(self, nlp: Language | None = None) -> None:
        _direct_quotations()  # fail now, with the install hint, rather than after parsing
        self.nlp = nlp if nlp is not None else _load_pipeline()

    def run(
        self, items: Iterable[dict[str, Any]], *, batch_size: int = 16, progress: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Yield a prediction dict per `{"id", "text"}` item, in order."""
        items = list(items)
        texts = (str(item["text"]) for item in items)
        docs: Iterable[Doc] = self.nlp.pipe(texts, batch_size=batch_size)
        if progress:
            from tqdm import tqdm

            docs = tqdm(docs, total=len(items), desc="textacy", unit="doc")
        for item, doc in zip(items, docs, strict=True):
            yield predict_doc(doc, item.get("id"))
