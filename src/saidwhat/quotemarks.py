"""Pair quotation marks into quoted stretches, character by character, before any parsing.

Handles straight, curly, single, low-9 and guillemet marks, quotes nested one level inside another
(single in double, or a curly double opened inside a double: “… what he calls “hell” …”),
quotes running over several paragraphs (each paragraph re-opened, closed only at the end) and
unbalanced marks: an opener never closed runs to its paragraph's end, a closer with no opener starts at
its paragraph's start. It never gives up on a paragraph, unlike parsers that demand balance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
_MARK_RE = re.compile("[" + re.escape(ALL_MARKS) + "]")
_PARAGRAPH_RE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Stretch:
    """A top-level quoted stretch: `spans` are the inner fragments (marks excluded), one per paragraph."""

    start: int  # offset of the opening mark (or paragraph start when it was missing)
    end: int  # offset just after the closing mark (or paragraph end when it was missing)
    spans: tuple[tuple[int, int], ...]
    balanced: bool

    @property
    def inner_start(self) -> int:
        return self.spans[0][0]

    @property
    def inner_end(self) -> int:
        return self.spans[-1][1]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, open_double: bool, open_single: bool) -> str | None:
    """Classify the mark at i as 'od' / 'cd' / 'os' / 'cs' (open/close, double/single) or None."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in '”"' and _FEET_INCHES.search(text, max(0, i - 5), i):
        return None  # he's like 6’2”: an inch sign, even inside a quotation
    if ch in DOUBLE_OPEN:
        if ch == "«" or ch == "„" or not open_double:
            return "od"
        return "cd" if not (prev.isspace() and _is_word(nxt)) else "od"
    if ch in DOUBLE_CLOSE:
        if not open_double and ch == "”" and (prev.isspace() or i == 0 or prev in "(") and _is_word(nxt):
            return "od"  # a closing mark typed as an opener at the start of a quotation
        return "cd"
    if ch == '"':
        if prev.isdigit() and not open_double:  # 5'9" : inches
            return None
        opener_shape = (prev.isspace() or prev in "([{—–-/" or i == 0) and not nxt.isspace()
        closer_shape = not prev.isspace() and (nxt.isspace() or not _is_word(nxt))
        if open_double:
            return "cd" if closer_shape or not opener_shape else "od"
        return "od" if opener_shape or not closer_shape else "cd"
    if ch in SINGLE_OPEN:
        if _is_word(prev):  # a misused opening mark as apostrophe: don‘t
            return None
        if ch == "‘" and nxt.isdigit() and not open_single:  # ‘90s
            return None
        return "os"
    if ch in SINGLE_CLOSE or ch == "'":
        if _is_word(prev) and _is_word(nxt):  # apostrophe inside a word: don’t, O’Neill
            return None
        if ch == "'" and not open_single:
            if (prev.isspace() or i == 0 or prev in '(“"') and _is_word(nxt) and not _elision(text, i):
                return "os"
            return None
        if not open_single:
            if ch == "’" and (prev.isspace() or i == 0 or prev in '“"(') and _is_word(nxt):
                return None if _elision(text, i) else "os"  # a closing mark used as an opener
            return None  # trailing apostrophe: the Clintons’ house
        if prev.isspace():
            return None
        return "cs"
    return None


_FEET_INCHES = re.compile(r"(?<!\w)\d['’]\d{1,2}$")
_ELISIONS = re.compile(r"(?:em|tis|twas|cause|til|n|s|round)(?![a-z])|(?:90|80|70|60|00)", re.IGNORECASE)


def _elision(text: str, i: int) -> bool:
    """An apostrophe opening an elided word ('em, 'til, rock 'n' roll, '90s) rather than a quotation:
    the whole word, not its first letters ('nothing to apologise for', 'round-the-clock' is one)."""
    return _ELISIONS.match(text, i + 1) is not None


_TWO_APOSTROPHES = re.compile(r"(?<!')''(?!')")


def _double_apostrophes_as_marks(text: str) -> str:
    """Typewriter double quotes written as two apostrophes (''…'', common in newspaper archives) become
    one straight double mark beside a space, so the pairing reads them like any "…"; the text keeps
    its length, so every offset still points into the caller's text."""
    if "''" not in text:
        return text
    chars = list(text)
    for m in _TWO_APOSTROPHES.finditer(text):
        i = m.start()
        after = text[i + 2] if i + 2 < len(text) else " "
        before = text[i - 1] if i else " "
        opens = (after.isalnum() or after in "$(…[") and not (before.isalnum() or before in ".,!?;:")
        chars[i], chars[i + 1] = (" ", '"') if opens else ('"', " ")
    return "".join(chars)


_MARKUP = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")


def _markup_masked(text: str) -> str:
    """Markup a scraper left in the text (<tweet tweet-author="…" tweet_id="…">) quotes attribute
    values, not speech: its marks become spaces (same length, offsets unchanged)."""
    if "<" not in text:
        return text
    chars = list(text)
    for m in _MARKUP.finditer(text):
        for i in range(m.start(), m.end()):
            if chars[i] in ALL_MARKS:
                chars[i] = " "
    return "".join(chars)


def find_stretches(text: str) -> list[Stretch]:
    """Every top-level quoted stretch of `text`, in order. Linear in the length of the text."""
    given = text
    text = _double_apostrophes_as_marks(_markup_masked(text))
    out: list[Stretch] = []
    pending: list[tuple[int, int]] = []  # fragments of a quote carried over paragraph breaks
    pending_start = -1
    for para in _PARAGRAPH_RE.finditer(text):
        p_start, p_end = para.span()
        while p_end > p_start and text[p_end - 1] in " \t\r":
            p_end -= 1
        marks = [m.start() for m in _MARK_RE.finditer(text, p_start, p_end)]
        if pending:
            first_text = text[p_start:p_end].lstrip()
            lead = p_start + (len(text[p_start:p_end]) - len(first_text))
            if marks and marks[0] == lead and _same_style(text[lead], text[pending_start]):
                pass  # the quote continues in this paragraph
            else:
                out.append(Stretch(pending_start, pending[-1][1], tuple(pending), False))
                pending = []
        out_para, pending, pending_start = _pair_paragraph(
            text, p_start, p_end, marks, pending, pending_start
        )
        out.extend(out_para)
    if pending:
        out.append(Stretch(pending_start, pending[-1][1], tuple(pending), False))
    kept = [s for s in out if s.inner_end > s.inner_start and text[s.inner_start : s.inner_end].strip()]
    return [_with_both_apostrophes(given, _without_padding(text, s)) for s in kept]


def inside_quotation(paragraph: str, at: int) -> bool:
    """Is character `at` inside a quotation of `paragraph` (one paragraph's text), the marks paired as
    `find_stretches` pairs them?"""
    return any(st.start < at < st.end for st in find_stretches(paragraph))


def inside_paragraph_quotation(text: str, at: int) -> bool:
    """Is character `at` of `text` inside a quotation of its paragraph (the text between newlines)?"""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return inside_quotation(text[start : end if end >= 0 else len(text)], at - start)


def _with_both_apostrophes(text: str, st: Stretch) -> Stretch:
    """A stretch between ''…'' marks starts at the first apostrophe of its opener and ends after the
    second of its closer (the pairing read one character of each), so its marks reach the caller
    whole."""
    start, end = st.start, st.end
    if start > 0 and text[start - 1 : start + 1] == "''":
        start -= 1
    if text[end - 1 : end + 1] == "''":
        end += 1
    return st if (start, end) == (st.start, st.end) else Stretch(start, end, st.spans, st.balanced)


def _same_style(reopener: str, opener: str) -> bool:
    """A quote running over paragraphs re-opens each one with the mark it opened with. A straight mark
    opening each paragraph of a block quotation ("Kevin was snoring.) is the block's, and a curly
    quotation starting the next paragraph is a new quote, not the block going on."""
    return reopener in DOUBLE_OPEN + '"' and (reopener == '"') == (opener == '"')


def _without_padding(text: str, st: Stretch) -> Stretch:
    """Spaces just inside the marks (« nous gagnerons », “ … ”) are not part of the quotation."""
    spans = []
    for s, e in st.spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return Stretch(st.start, st.end, tuple(spans), st.balanced) if spans else st


def _pair_paragraph(
    text: str,
    p_start: int,
    p_end: int,
    marks: list[int],
    pending: list[tuple[int, int]],
    pending_start: int,
) -> tuple[list[Stretch], list[tuple[int, int]], int]:
    """Pair the marks of one paragraph; returns closed stretches and a quote left open at its end."""
    out: list[Stretch] = []
    open_at = -1  # top-level opener offset
    top_single = False
    open_single_nested = False
    open_double_nested = False
    if pending:  # continuing a multi-paragraph quote: the first mark re-opens it
        open_at = marks[0]
        marks = marks[1:]
    for i in marks:
        role = _role(
            text, i, open_at >= 0 and not top_single, open_single_nested or (open_at >= 0 and top_single)
        )
        if role is None:
            continue
        if open_at < 0:
            if role in ("od", "os"):
                open_at, top_single = i, role == "os"
            elif role == "cd":  # closer without opener: the quote began at the paragraph start
                out.append(Stretch(p_start, i + 1, ((p_start, i),), False))
            continue
        if top_single:
            if role == "cs":
                out.append(_close(open_at, i, pending, pending_start))
                pending, open_at = [], -1
            elif role == "od":  # a double mark inside single quotes: nested double, ignore
                continue
            continue
        # top level is double
        if role == "os":
            open_single_nested = True
        elif role == "cs":
            open_single_nested = False
        elif role == "cd" and open_double_nested:
            open_double_nested = False  # what he calls “hell” inside “…”: the inner quote closes
        elif role == "cd":
            out.append(_close(open_at, i, pending, pending_start))
            pending, open_at, open_single_nested = [], -1, False
        elif role == "od" and text[i] in DOUBLE_OPEN:
            open_double_nested = True
    if open_at >= 0:
        if not pending:
            pending_start = open_at
        pending = [*pending, (open_at + 1, p_end)]
    return out, pending, pending_start


def _close(open_at: int, close_at: int, pending: list[tuple[int, int]], pending_start: int) -> Stretch:
    if pending:
        return Stretch(pending_start, close_at + 1, (*pending, (open_at + 1, close_at)), True)
    return Stretch(open_at, close_at + 1, ((open_at + 1, close_at),), True)
