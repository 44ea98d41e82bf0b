"""Candidates that hang on a document's lines rather than on a word's dependents: the headline (a
kicker before a colon, a Title Case verb), transcript turns ("PENCE: …"), and where lines, paragraphs and
colons are. `frames.candidates_for` calls these; the parse cannot see a line break."""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.candidate import Candidate, trimmed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HEADLINE_MAX_CHARS = 200

HEADLINE_PREFIX_TOKENS = 8

HEADLINE_SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def colon_positions(doc: Doc) -> frozenset[int]:
    """Token indices of the document's colons (a colon can introduce content: said: …)."""
    from spacy.attrs import ORTH

    colon = doc.vocab.strings.add(":")
    return frozenset((doc.to_array(ORTH) == colon).nonzero()[0].tolist())


def first_line_end(doc: Doc) -> int:
    """Where the article's headline ends: its first line, when that is short and more text follows;
    0 (no headline) for a one-paragraph text or a long first paragraph."""
    for tok in doc:
        if tok.idx > HEADLINE_MAX_CHARS:
            return 0
        if "\n" in tok.text or "\n" in tok.whitespace_:
            return tok.idx
    return 0


def headline_size(doc: Doc, line_end: int) -> int:
    """How many tokens the headline has: those starting before `line_end` (`first_line_end(doc)`)."""
    size = 0
    for tok in doc:
        if tok.idx >= line_end:
            break
        size += 1
    return size


def paragraph_end(doc: Doc, start: int) -> int:
    """Token index where the paragraph containing `start` ends (a token holding a newline)."""
    for j in range(start + 1, len(doc)):
        if "\n" in doc[j].text or "\n" in doc[j - 1].whitespace_:
            return j
    return len(doc)


def transcript_turn(colon: Token) -> list[Candidate]:
    """Interview transcripts and headlines: a speaker's name, a colon, then what they said."""
    doc = colon.doc
    i = colon.i
    start = i
    while (
        start > 0 and i - start < 4 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_
    ):
        start -= 1
    if start == i or not (start == 0 or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_):
        return []
    name = doc[i - 1]
    if name.pos_ != "PROPN" and not name.is_upper:
        return []
    end = paragraph_end(doc, i)
    frags = (trimmed(doc, i + 1, end),)
    if frags[0][1] - frags[0][0] < 2:
        return []
    return [Candidate(i, "transcript", frags, name.i)]


def headline_colon(colon: Token, line_end: int) -> list[Candidate]:
    """A headline "Rush Limbaugh: Hillary … ‘Reeks of Fear’", "Poll: Clinton and Trump in dead heat": in
    the article's first line, a short phrase before a colon names who says what follows it: one word,
    or a phrase naming a person, an organisation or a group."""
    doc = colon.doc
    i = colon.i
    if colon.idx >= line_end or i == 0 or i > HEADLINE_PREFIX_TOKENS:
        return []
    prefix = doc[0:i]
    if any(t.is_punct and t.text not in ".'’-" for t in prefix):
        return []
    end = paragraph_end(doc, i)
    frags = (trimmed(doc, i + 1, end),)
    if frags[0][1] - frags[0][0] < 2:
        return []
    if len(prefix) > 1 and not any(t.ent_type_ in HEADLINE_SOURCE_ENTS for t in prefix):
        return []  # "Stealth Over Health: …", "A Curious Plan to Fight Climate Change: …": a kicker
    nouns = [t for t in prefix if t.pos_ in ("PROPN", "NOUN")]
    source = nouns[-1] if nouns else prefix.root
    return [Candidate(i, "headline", frags, source.i)]


def headline_verb(tok: Token, line_end: int) -> list[Candidate]:
    """A Title Case headline ("Chris Christie Calls Hillary Clinton ‘A Disgrace’ …") defeats the tagger:
    its verb is read as a proper noun. In the first line, a capitalised -s word after a name is proposed
    as a cue whose content runs to the line's end; the model decides from the word."""
    doc = tok.doc
    i = tok.i
    if tok.idx >= line_end or i == 0 or i + 2 >= len(doc) or not tok.is_title or not tok.lower_.endswith("s"):
        return []
    before = doc[i - 1]
    if not before.is_title and before.pos_ not in ("PROPN", "NOUN"):
        return []
    frags = (trimmed(doc, i + 1, paragraph_end(doc, i)),)
    if frags[0][1] - frags[0][0] < 1:
        return []
    return [Candidate(i, "headline_verb", frags, before.i)]


LABEL_ENTITIES = frozenset({"PERSON", "ORG", ""})  # "": a run of proper nouns the tagger named nothing
LABEL_OPENERS = frozenset({"-", "–", "—", "--"})


def name_label_before(doc: Doc, first: Token) -> tuple[Token | None, Token | None]:
    """A quotation after a bare name and a colon, "… - Philip Bump: “Two weeks ago, …”", "Rep. Trey
    Gowdy (R-S.C.): "I have not heard …"": the name is the speaker and the colon the cue, as in a
    headline's kicker. The name must be all that stands between the colon and the start of its
    sentence, line or dash (a clause before the colon is `_colon_intro`'s), and name a person or an
    organisation (no dateline: "WASHINGTON: …"). (None, None) when not so."""
    j = first.i - 1
    while j >= 0 and (doc[j].is_space or doc[j].is_quote):
        j -= 1
    if j < 1 or doc[j].text not in (":", "):"):
        return None, None
    k = j if doc[j].text == "):" else j - 1  # the tokenizer keeps "):" as one token
    if doc[k].text in (")", "):"):  # a party and state, a title: "Rep. Trey Gowdy (R-S.C.):"
        opening = next((m for m in range(k - 1, max(-1, k - 10), -1) if doc[m].text == "("), None)
        if opening is None:
            return None, None
        k = opening - 1
    name = doc[k] if k >= 0 else None
    if name is None or name.pos_ != "PROPN" or name.ent_type_ not in LABEL_ENTITIES:
        return None, None
    m = k
    while m > 0 and (doc[m - 1].pos_ == "PROPN" or doc[m - 1].text == "."):
        m -= 1
    if not name.ent_type_ and k - m < 1:
        return None, None  # one capitalised word the tagger names nothing: no evidence of a name
    before = doc[m - 1] if m > 0 else None
    opens = (
        before is None
        or before.is_space
        or before.text in LABEL_OPENERS
        or before.sent.end <= m
        or "\n" in before.text_with_ws
    )
    return (doc[j], name) if opens else (None, None)
