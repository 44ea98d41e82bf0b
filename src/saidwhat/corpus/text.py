"""Quote text normalisation shared by fingerprinting, linking and diffing.

Two views of one quote: `words()` is what identity is computed on (casefolded words, editorial brackets and
ellipses gone, punctuation gone), so "I sent [the president] …" and "I sent the president" are the same
quote; `marked_tokens()` keeps the brackets and ellipses as flags on each word so the diff can still say
that they were the thing that changed.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Words: letters/digits, with inner apostrophes or hyphens kept ("don't", "covid-19", "o'brien").
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Tokens for the marked view: an ellipsis, a bracket, or a word.
_MARKED = re.compile(
    r"(?P<ell>…|\.\s?\.\s?\.)|(?P<open>[\[{])|(?P<close>[\]}])|(?P<word>[^\W_]+(?:['’\-][^\W_]+)*)"
)

# Function words carry no identity: two unrelated quotes share them all the time. A small, fixed list
# (not spaCy's) so fingerprints never change when a model or library is upgraded.
_STOPWORD_TEXT = """
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves i'm it's that's we're we've they're don't didn't won't can't isn't aren't
wasn't weren't i've i'll we'll you're he's she's there's let's also s t
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Honorifics and roles dropped before speaker names are compared ("President Biden" == "Joe Biden").
_TITLE_TEXT = """
mr mrs ms miss dr prof professor sir dame lord lady sen senator rep representative gov governor
president vice minister prime secretary mayor chancellor judge justice general gen col rev father
pope king queen prince princess chief ceo the jr sr
"""
_TITLES = frozenset(_TITLE_TEXT.split())
# Speakers that name nobody: a change to or from one of these is not a "speaker changed".
_VAGUE_TEXT = """
he she they it we i you him her them someone somebody source sources official officials spokesman
spokeswoman spokesperson witness witnesses people critics analysts experts a an one another some several
many senior anonymous unnamed person persons aide aides
"""
_VAGUE_SPEAKERS = frozenset(_VAGUE_TEXT.split())


def fold(text: str) -> str:
    """Unicode-normalise and casefold, and unify curly apostrophes, so equal words compare equal."""
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")


def words(text: str) -> list[str]:
    """The words a quote's identity is made of, in order (brackets, ellipses and punctuation gone)."""
    return _WORD.findall(fold(text))


def content_words(tokens: list[str]) -> list[str]:
    """`tokens` without function words: what makes two quotes the same quote rather than similar prose."""
    return [t for t in tokens if t not in STOPWORDS]


def norm_text(tokens: list[str]) -> str:
    """The canonical form stored for verification and exact matching: words joined by single spaces."""
    return " ".join(tokens)


def norm_hash(norm: str) -> int:
    """A signed 63-bit hash of the normalised text: an exact-duplicate key that fits every SQL integer."""
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def content_hash(text: str) -> str:
    """SHA-256 of an article's text with whitespace runs collapsed: re-fetches that only re-wrap lines are
    the same article, while any change of words is a new version."""
    collapsed = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class MarkedWord:
    """One word of a quote with the editorial marks around it: inside [brackets], after an ellipsis."""

    word: str
    raw: str
    bracketed: bool
    ellipsis_before: bool


@functools.lru_cache(maxsize=8192)
def marked_tokens(text: str) -> tuple[tuple[MarkedWord, ...], bool]:
    """The words of `text` with bracket/ellipsis flags, and whether the text ends with an ellipsis.

    Cached: a cluster's first appearance is diffed against every later one.

    Words are folded exactly as `words()` folds them, so a word compares equal across the two views.
    """
    out: list[MarkedWord] = []
    depth = 0
    pending_ellipsis = False
    for match in _MARKED.finditer(text):
        kind = match.lastgroup
        if kind == "ell":
            pending_ellipsis = True
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        else:
            raw = match.group()
            # ASCII words fold to their lower case; only other scripts pay for Unicode normalisation.
            for piece in [raw.lower()] if raw.isascii() else _WORD.findall(fold(raw)):
                out.append(MarkedWord(piece, raw, depth > 0, pending_ellipsis))
                pending_ellipsis = False
    return tuple(out), pending_ellipsis


@functools.lru_cache(maxsize=65536)
def speaker_key(name: str | None) -> frozenset[str] | None:
    """The words of a speaker's name without titles; None for no speaker or a pronoun/vague source."""
    if not name:
        return None
    tokens = [t for t in words(name) if t not in _TITLES]
    if not tokens or all(t in _VAGUE_SPEAKERS for t in tokens):
        return None
    return frozenset(tokens)


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """Whether two speaker names denote the same person; None when either side names nobody.

    One name's words being a subset of the other's counts as the same ("Biden" and "President Joe Biden").
    """
    ka, kb = speaker_key(a), speaker_key(b)
    if ka is None or kb is None:
        return None
    return ka <= kb or kb <= ka


def speaker_norm(name: str) -> str:
    """The key under which a speaker is stored once: casefolded words joined by spaces."""
    return " ".join(words(name))
