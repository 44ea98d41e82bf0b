"""Repair scraped article text for the NLP pipeline while keeping an exact map back to the caller's text.

Scraped news breaks quote extraction in a few recurring ways: hard-wrapped lines split sentences (and
the quote pairer treats every line as a paragraph), quotation marks glued to words hide quote
boundaries from the tokenizer, blog and repost footers add junk "sentences", and reposts repeat
paragraphs so the same quote is reported twice. `clean_text` fixes those and returns a `CleanText`
whose `span_to_original` turns any span of the repaired text back into a span of the original.

All repairs are decided on the original text (after same-length whitespace and dash normalisation) as a list
of non-overlapping edits, then applied in one pass; the offset map is a short list of segments, not a
per-character array, so cleaning is linear and a megabyte takes a few tens of milliseconds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import groupby, pairwise
from typing import NamedTuple

from saidwhat.cleantext import CleanText, OffsetMap

# Same-length replacements: odd spaces become a plain space, odd line separators a newline and odd
# dashes the dash the parser knows (en_core_web_sm tags the horizontal bar "―" a noun, and a clause
# set off by it becomes that noun's modifier), so the map stays the identity for them. (A regex, not
# str.translate: translate with a non-ASCII table costs ~80 ms per megabyte even when there is nothing
# to replace.)
_ODD_CHARACTER = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x85\u2012\u2015]")
_SAME_LENGTH = {"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\u2012": "\u2013", "\u2015": "\u2014"}
_INVISIBLE = re.compile("[\u00ad\ufeff\u2060]")  # soft hyphen, stray BOM, word joiner: dropped
_NEEDS_WORK = re.compile('[\r\n“”"\u00ad\ufeff\u2060]')
_QUOTE = re.compile('[“”"]')
# A quotation mark glued to a word on the side where a space belongs: the only paragraphs worth pairing.
# Each branch starts with the mark itself so the regex engine can skip to marks (a leading lookbehind
# makes the scan ten times slower).
_GLUED_QUOTE = re.compile(r'“(?<=[^\W_]“|[,.;:!?)\]”…]“)|”(?=[^\W_]|“)|"(?<=\S")(?=[^\W_])')

# Tail boilerplate: a whole (stripped) line, at most _BOILERPLATE_MAX characters.
_BOILERPLATE_MAX = 160
_BOILERPLATE = re.compile(
    r"""(?:
      (?:\d+|no)\s+comments?:? | post\s+a\s+comment | leave\s+a\s+(?:comment|reply) | comments?\s+are\s+closed
    | (?:newer\s+posts?\s*)?(?:older\s+posts?\s*)?home | newer\s+posts? | older\s+posts?
    | subscribe\s+to:.* | subscribe | (?:sign\s+up|subscribe)\b.{0,40}\bnewsletters?\b.*
    | share\s+(?:this|on|to|via)\b.* | share:? | click\s+to\s+(?:share|email|print)\b.*
    | like\s+this:? | like\s+loading.* | loading\.* | email\s+this\b.* | blogthis!.*
    | related(?:\s+(?:posts?|articles?|stories|content|coverage|news|reading))?:?
    | you\s+(?:may|might)\s+also\s+like:? | more\s+(?:from|on)\s+.{1,60} | recommended(?:\s+for\s+you)?:?
    | posted\s+(?:by\s+.{1,80}?\s+)?(?:at|on)\s+\S.*\d.* | posted\s+in\s+.{1,80}
    | (?:labels?|tags?|tagged|filed\s+under|categories|category|topics?):.*
    | read\s+more(?:\s*:.*|\.{3}|…)? | continue\s+reading.* | (?:source|via):\s+\S.{0,60}
    | (?:copyright\s*)?(?:©|\(c\))\s*.* | copyright\s+(?:\d{4}|by\b).* | all\s+rights\s+reserved\.?
    | follow\s+us\s+on\b.* | advertisement | sponsored(?:\s+content)? | print | e-?mail | tweet | pin\s+it
    | reblog | facebook | twitter | x | linkedin | reddit | whatsapp | pinterest | tumblr | telegram
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_LEGAL = re.compile(r"(?:copyright\b|©|\(c\)|all\s+rights\s+reserved)", re.IGNORECASE)
_TAIL_SHORT = 100  # a non-boilerplate line this short and not a sentence may sit inside the tail
_DUPLICATE_MIN = 40  # shorter paragraphs ("Advertisement", "He said.") may legitimately repeat

# Line-wrap decisions.
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = ".!?…:"
_LIST_ITEM = re.compile(r"(?:[-*•·▪◦–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.){2,}$|\b(?:[Ee]tc|[Vv]s|[Ii]nc|[Cc]orp|[Cc]o|[Ll]td|[Nn]o|[Aa]pprox|Jan|Feb|Mar|Apr|Aug"
    r"|Sept?|Oct|Nov|Dec)\.$"
)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Pres|Supt)\.$")
_CONTINUES = re.compile(
    r"(?:[,;–—]|\s-|\b(?:a|an|the|of|to|in|on|at|by|for|with|from|into|onto|and|or|but|nor|that|which|who"
    r"|whose|as|than|said|says|told|according|including|between|about|after|before))$"
)
_WORD = re.compile(r"\S+")
_OPEN_AFTER = ",.;:!?)]”…"  # a “ right after one of these (or a letter or digit) lacks its space


class _Line(NamedTuple):
    number: int  # position in the list of lines
    start: int  # first character of the line
    end: int  # end of the line, before its line break
    next: int  # start of the next line (after the line break)
    cstart: int  # first non-space character (== cend for a blank line)
    cend: int  # after the last non-space character


# Replace original [start, end) with the string (empty string: delete; start == end: insert).
Edit = tuple[int, int, str]


def same_length_normalised(original: str) -> str:
    """The text with odd spaces, line separators and dashes replaced one for one (offsets unchanged):
    the first step of `clean_text`, and all of it that training applies to PolNeAR's text, whose gold
    offsets the other repairs would move."""
    return _ODD_CHARACTER.sub(lambda m: _SAME_LENGTH.get(m.group(), " "), original)


def clean_text(original: str) -> CleanText:
    """Repair line wraps, quote-mark spacing, boilerplate tails and repeated paragraphs (see module doc)."""
    work = same_length_normalised(original)
    if not _NEEDS_WORK.search(work):
        return CleanText(work, original, OffsetMap([(0, 0, len(work), len(work))], len(work), len(original)))
    lines = _split_lines(work)
    warnings: list[str] = []
    deletions: list[Edit] = []
    edits: list[Edit] = [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(work)]

    region = len(lines)
    tail = _tail_start(work, lines)
    if tail is not None:
        region = tail
        cut = lines[tail].start
        deletions.append((cut, len(work), ""))
        warnings.append(f"removed {len(work) - cut} characters of boilerplate at the end")
    region_end = lines[region].start if region < len(lines) else len(work)

    blocks = _paragraphs(work, lines[:region], edits)
    kept = _drop_duplicates(work, blocks, lines, region, region_end, deletions, warnings)
    starts = [unit[0].cstart for unit in kept]
    flagged = {bisect_right(starts, m.start()) - 1 for m in _GLUED_QUOTE.finditer(work, 0, region_end)}
    for k in sorted(flagged):
        if k >= 0 and kept[k][-1].cend > kept[k][0].cstart:
            edits.extend(_quote_spaces(work, kept[k][0].cstart, kept[k][-1].cend))

    edits = _without_deleted(edits, deletions)
    if not edits:
        return CleanText(work, original, OffsetMap([(0, 0, len(work), len(work))], len(work), len(original)))
    return _apply(work, original, edits, tuple(warnings))


# ------------------------------------------------------------------------------------------------ lines


_LINE = re.compile(r"[^\S\r\n]*((?:[^\r\n]*\S)?)[^\S\r\n]*(\r\n|[\r\n]|\Z)")


def _split_lines(work: str) -> list[_Line]:
    """Every line with its content span; one regex pass, since this runs on every line of every text."""
    lines: list[_Line] = []
    new = tuple.__new__  # skips NamedTuple's argument handling: this loop runs once per line
    for match in _LINE.finditer(work):
        cstart, cend = match.span(1)
        end, nxt = match.span(2)
        lines.append(new(_Line, (len(lines), match.start(), end, nxt, cstart, cend)))
        if nxt == len(work) and end == nxt:
            break
    return lines


def _paragraphs(work: str, lines: Sequence[_Line], edits: list[Edit]) -> list[list[list[_Line]]]:
    """Blocks (separated by blank lines, which always stay) split into paragraphs (runs of lines joined
    as wrapped); the join edits are appended to `edits`."""
    blocks: list[list[list[_Line]]] = []
    runs = groupby(lines, key=lambda line: line.cstart < line.cend)
    all_blocks = [list(run) for nonblank, run in runs if nonblank]
    document_width = -1  # the whole text's, for a block too short to show its own
    for block in all_blocks:
        width = -1  # computed on first need: most joins are decided by the line ends alone
        paragraphs = [[block[0]]]
        for a, b in pairwise(block):
            joint = _join(work, a, b)
            if joint == "?":
                if width < 0:
                    width = _wrap_width(block)
                    if not width and len(block) < 3:
                        if document_width < 0:
                            document_width = _wrap_width([line for bl in all_blocks for line in bl[:-1]])
                        width = document_width
                joint = " " if width and _overflows(work, a, b, width) else None
            if joint is None:
                paragraphs.append([b])
            else:
                paragraphs[-1].append(b)
                edits.append((a.cend, b.cstart, joint))
        blocks.append(paragraphs)
    return blocks


# ----------------------------------------------------------------------------------------- tail removal


def _tail_start(work: str, lines: Sequence[_Line]) -> int | None:
    """Index of the first line of a boilerplate tail: the earliest boilerplate line such that every
    line after it is boilerplate, blank, or a short line that is not a sentence (share-button names,
    dates, related-post titles). None unless article prose (a long line or a sentence) comes before
    it: a text made only of short lines is left alone rather than risk cutting the article."""
    start = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.cstart == line.cend:
            continue
        text = work[line.cstart : line.cend]
        if _is_boilerplate(text):
            start = i
        elif len(text) > _TAIL_SHORT or _is_sentence(text):
            return start
    return None


def _is_boilerplate(text: str) -> bool:
    """A footer line; one that reads as a sentence of eight or more words ("Read more: the vote is
    expected to be close, analysts said.") is prose, unless it is a copyright notice."""
    if len(text) > _BOILERPLATE_MAX or not _BOILERPLATE.fullmatch(text):
        return False
    return not (_is_sentence(text, 8) and not _LEGAL.match(text))


def _is_sentence(text: str, words: int = 4) -> bool:
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in ".!?…" and len(text.split()) >= words


# ------------------------------------------------------------------------------------------- line wraps


def _wrap_width(block: Sequence[_Line]) -> int:
    """The wrap width if the block was clearly hard-wrapped (several lines filled to a similar width of
    40–100 characters), else 0. Only then may a line that is not a sentence end be joined to a next
    line starting with a capital: a short line before it is a headline or a list item, not a wrap.
    A two-line paragraph shows no width of its own: it takes the one the text's other wrapped lines
    show (`_paragraphs`: '…," said Amara\nOkonkwo-Reid, an organizer' is one sentence)."""
    if len(block) < 3:
        return 0
    lengths = [line.cend - line.start for line in block[:-1]]
    width = max(max(lengths), block[-1].cend - block[-1].start)
    if not 40 <= width <= 100:
        return 0
    full = sum(1 for n in lengths if n >= 0.75 * width)
    return width if full >= 2 and full >= 0.6 * len(lengths) else 0


def _join(work: str, a: _Line, b: _Line) -> str | None:
    """How to join line `a` to the next line `b` of the same block: " " (one sentence wrapped), ""
    (a word hyphenated across the break), None (the break stays: sentence end, heading, list item), or
    "?" (a wrap only if the block is hard-wrapped and `b`'s first word would not have fit on `a`)."""
    first = work[b.cstart]
    if _LIST_ITEM.match(work, b.cstart):
        return None
    text = work[max(a.cstart, a.cend - 24) : a.cend]  # every rule below looks at the line's end only
    last = text[-1]
    if last == "\u00ad" or (last == "-" and len(text) > 1 and text[-2].isalnum() and first.isalnum()):
        return ""  # "well-\nknown" -> "well-known"; after a soft hyphen (itself dropped) no space
    if last == "." and _TITLE.search(text):
        return " "
    core = text.rstrip(_CLOSERS)
    if core and core[-1] in _SENTENCE_END:
        return " " if first.islower() and core[-1] == "." and _ABBREVIATION.search(core) else None
    if first.islower():
        return " "
    if a.cend - a.start >= 0.6 * (b.cend - b.start) and _CONTINUES.search(core):
        return " "  # "…, according to" / "said" + a capitalised line; not after a short heading
    return "?"


def _overflows(work: str, a: _Line, b: _Line, width: int) -> bool:
    """The next word would not have fit on `a`: the wrapper broke the line there, not the author."""
    match = _WORD.match(work, b.cstart)
    return (a.cend - a.start) + 1 + (match.end() - b.cstart if match else 0) > width


# ----------------------------------------------------------------------------------- repeated paragraphs


def _drop_duplicates(
    work: str,
    blocks: list[list[list[_Line]]],
    lines: Sequence[_Line],
    region: int,
    region_end: int,
    deletions: list[Edit],
    warnings: list[str],
) -> list[list[_Line]]:
    """Drop paragraphs (whole blank-line blocks, or line-separated units inside one) that repeat an
    earlier one after whitespace normalisation; return the units that stay. A deleted paragraph takes
    the line breaks after it with it, up to the next paragraph."""

    def next_start(unit: list[_Line]) -> int:
        i = unit[-1].number + 1
        while i < region and lines[i].cstart == lines[i].cend:
            i += 1
        return lines[i].start if i < region else region_end

    def norm(first: _Line, last: _Line) -> str:
        if last.cend - first.cstart < _DUPLICATE_MIN:
            return ""  # too short to count, whatever its whitespace
        return " ".join(work[first.cstart : last.cend].split())

    seen: dict[str, int] = {}
    kept: list[list[_Line]] = []
    for block in blocks:
        whole = norm(block[0][0], block[-1][-1]) if len(block) > 1 else ""
        if len(whole) >= _DUPLICATE_MIN and whole in seen:
            _drop(block[0][0], next_start(block[-1]), seen[whole], deletions, warnings)
            continue
        if len(whole) >= _DUPLICATE_MIN:
            seen[whole] = block[0][0].cstart
        for paragraph in block:
            text = norm(paragraph[0], paragraph[-1])
            if len(text) >= _DUPLICATE_MIN and text in seen:
                _drop(paragraph[0], next_start(paragraph), seen[text], deletions, warnings)
                continue
            if len(text) >= _DUPLICATE_MIN:
                seen[text] = paragraph[0].cstart
            kept.append(paragraph)
    return kept


def _drop(first: _Line, end: int, earlier: int, deletions: list[Edit], warnings: list[str]) -> None:
    deletions.append((first.start, end, ""))
    warnings.append(
        f"paragraph at offset {first.cstart} repeats the paragraph at offset {earlier}; "
        "its quotes are reported once"
    )


# ---------------------------------------------------------------------------------------- quote spacing


def _quote_spaces(work: str, start: int, end: int) -> list[Edit]:
    """Insert the missing space outside quotation marks in one paragraph (`knows him“fairly well”`).

    Curly marks say which side they open: used only when they alternate “…” properly in the
    paragraph (else the marks are not English-style and are left alone). Straight marks are paired by
    order, trying first all of them and then without those after a digit (inches, as in 5'9"); the
    paragraph is left alone unless every opener is followed and every closer preceded by a non-space.
    Single marks are never touched, so don't, '90s and 5'9 stay intact.
    """
    curly: list[int] = []
    straight: list[int] = []
    for match in _QUOTE.finditer(work, start, end):
        (straight if match.group() == '"' else curly).append(match.start())
    at: set[int] = set()
    if curly and _alternates(work, curly):
        for p in curly:
            if work[p] == "“":
                if p > start and (work[p - 1].isalnum() or work[p - 1] in _OPEN_AFTER):
                    at.add(p)
            elif p + 1 < end and (work[p + 1].isalnum() or work[p + 1] == "“"):
                at.add(p + 1)
    pairs = _pair_straight(work, straight, start, end)
    for p, q in pairs:
        if p > start and (work[p - 1].isalnum() or work[p - 1] in _OPEN_AFTER):
            at.add(p)
        if q + 1 < end and work[q + 1].isalnum():
            at.add(q + 1)
    return [(p, p, " ") for p in sorted(at)]


def _alternates(work: str, marks: Sequence[int]) -> bool:
    """“ and ” alternate, starting with “; a last “ may stay open (a quote continuing next paragraph)."""
    depth = 0
    for p in marks:
        opening = work[p] == "“"
        if opening == bool(depth):
            return False
        depth = 1 if opening else 0
    return True


def _pair_straight(work: str, marks: list[int], start: int, end: int) -> list[tuple[int, int]]:
    inches = [p for p in marks if p > start and work[p - 1].isdigit()]
    for candidate in (marks, [p for p in marks if p not in inches] if inches else None):
        if not candidate or len(candidate) % 2:
            continue
        pairs = list(zip(candidate[::2], candidate[1::2], strict=True))
        if all(
            p + 1 < end and not work[p + 1].isspace() and q > p + 1 and not work[q - 1].isspace()
            for p, q in pairs
        ):
            return pairs
    return []


# ------------------------------------------------------------------------------------------ applying


def _without_deleted(edits: list[Edit], deletions: list[Edit]) -> list[Edit]:
    """Drop edits inside deleted stretches (an insertion at a deletion's start belongs to it), then
    merge in the deletions, sorted."""
    if not deletions:
        return sorted(edits)
    deletions.sort()
    starts = [d[0] for d in deletions]
    kept = list(deletions)
    for edit in edits:
        k = bisect_right(starts, edit[0]) - 1
        if k >= 0 and edit[0] < deletions[k][1]:
            continue
        kept.append(edit)
    return sorted(kept)


def _apply(work: str, original: str, edits: list[Edit], warnings: tuple[str, ...]) -> CleanText:
    pieces: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    clean = pos = 0

    def add(o: int, size: int, orig_size: int) -> None:
        nonlocal clean
        if size == 0:
            return
        if segments and size == orig_size:
            c, po, ps, pm = segments[-1]
            if ps == pm and c + ps == clean and po + pm == o:
                segments[-1] = (c, po, ps + size, pm + size)
                clean += size
                return
        segments.append((clean, o, size, orig_size))
        clean += size

    for start, end, replacement in edits:
        if start < pos:
            raise AssertionError(f"overlapping clean-up edits at {start}")  # a bug, never input-dependent
        if start > pos:
            pieces.append(work[pos:start])
            add(pos, start - pos, start - pos)
        pieces.append(replacement)
        add(start, len(replacement), end - start)
        pos = end
    pieces.append(work[pos:])
    add(pos, len(work) - pos, len(work) - pos)
    text = "".join(pieces)
    return CleanText(text, original, OffsetMap(segments, len(text), len(original)), warnings)
