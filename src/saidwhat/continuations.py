"""Does a quotation go on with the quote before it, or is it spoken on its own? The tests on the words
between two quotations and around a quotation's cue that refine.py's continuation rules use: a short
attribution between two quotations (“…,” he said, “…”), a quoted sentence after a quote and its
attribution (“…,” she said. “More.”), a cue right after or before a quotation, a phrase the sentence
runs on from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.content import Attribution
from saidwhat.quotemarks import Stretch

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


ATTRIBUTION_GAP = 30  # characters from a closing mark to its cue: “Yes,” the senator from Ohio said


def goes_on_after_its_cue(doc: Doc, text: str, previous: Attribution, st: Stretch, cue: Token) -> bool:
    """“I completely disagree,” she said. “We feel good about the areas we’re going to.” She noted a
    rally …: a quotation that is a sentence of its own right after a direct quote and its attribution,
    in the same paragraph, goes on with that quote; the verb of the next sentence is a new statement,
    not its cue."""
    if previous.kind != "direct" or previous.cue is None or cue.idx < st.end:
        return False
    if not (cue.is_alpha and doc[previous.cue].is_alpha):
        return False  # “…” ― Krystal Correa ¶ “…” ― Esther Tapia: each quotation has its signature
    inner = text[st.inner_start : st.inner_end].rstrip()
    if not inner or inner[-1] not in ".!?…":
        return False
    if inner[-1] in "!?" and said_right_after(text, st, cue.idx):
        return False  # “…,” Smith said. “Why not?” Jones replied: the question's own attribution
    end = previous.fragments[-1][1]
    gap = text[end : st.start]
    return end <= doc[previous.cue].idx < st.start and len(gap) <= 120 and "\n" not in gap


def resumed_after_its_cue(doc: Doc, text: str, previous: Attribution, st: Stretch) -> bool:
    """“My record speaks for itself,” he said, “and so does hers.”: a quotation opening right after a
    direct quote's comma-bounded attribution, the quote's cue inside it, resumes that quote however
    short it is (a short quotation is otherwise a phrase or a title, not speech)."""
    if previous.kind != "direct" or previous.cue is None:
        return False
    end = previous.fragments[-1][1]
    gap = text[end : st.start]
    cue_at = doc[previous.cue].idx
    if not end <= cue_at < st.start or len(gap) > 60 or "\n" in gap:
        return False
    said = gap.strip(" ")
    ended = text[previous.fragments[-1][0] : end].rstrip()
    if not (said.endswith(",") and (ended.endswith(",") or said.lstrip("\"'”’»").startswith(","))):
        return False
    # the attribution alone: no other verb ("''…,'' he said. The streets were deserted, he added, ''but
    # …''": the second quotation has a clause and a cue of its own)
    between = doc.char_span(end, st.start, alignment_mode="contract")
    return between is not None and not any(t.pos_ in ("VERB", "AUX") and t.i != previous.cue for t in between)


CLOSING_MARKS = frozenset("\"'”’»")


def mixed_goes_on(doc: Doc, text: str, previous: Attribution, st: Stretch) -> bool:
    """Biden “has a lot of really good roles to play,” said Doyle, whose home state of Wisconsin is a
    similar target for Trump. “He deservedly has that appeal.”: a quoted sentence after a mixed quote
    that ends on a quotation, its attribution between them, goes on with it however long the
    attribution (PolNeAR joins them, as it joins a direct quote's)."""
    if previous.kind != "mixed" or previous.cue is None or not previous.fragments:
        return False
    end = previous.fragments[-1][1]
    quoted = text[st.inner_start : st.inner_end].strip()
    return (
        (
            text[end - 1 : end] in CLOSING_MARKS
            or (text[end : end + 1] in CLOSING_MARKS and text[end - 1] in ",.!?")
        )
        and end <= doc[previous.cue].idx < st.start
        and same_paragraph(text, previous.fragments, list(st.spans))
        and bool(quoted)
        and quoted[0].isupper()
    )


def said_right_after(text: str, st: Stretch, cue_at: int) -> bool:
    """“Hi,” she said / “No!” shouted Smith: a short quotation closed by a comma, an exclamation or a
    question mark, its cue right after it, is speech however it is capitalised. The comma may follow the
    closing mark, as British style puts it: “Never”, she said."""
    inner = text[st.inner_start : st.inner_end].rstrip()
    between = text[st.end : cue_at]
    return (
        bool(inner)
        and (inner[-1] in ",!?" or between.startswith(","))
        and st.end <= cue_at <= st.end + ATTRIBUTION_GAP
        and not any(c in between for c in ".!?\n")
    )


def said_right_before(text: str, st: Stretch, cue_end: int) -> bool:
    """Priebus said, “Probably.” / then asked, “Really?”: a short quotation that is a sentence of its
    own, right after its cue and a comma or colon, is speech however it is capitalised."""
    inner = text[st.inner_start : st.inner_end].rstrip()
    between = text[cue_end : st.start]
    return bool(inner) and inner[-1] in ".!?" and len(between) <= 3 and between.strip() in (",", ":")


def phrase_in_sentence(text: str, st: Stretch) -> bool:
    """A quoted phrase the sentence runs on from (“You squeezed employees” to drive up …): part of a
    mixed clause, never the continuation of someone's direct quotation."""
    inner = text[st.inner_start : st.inner_end].rstrip()
    after = text[st.end : st.end + 40].lstrip(" \t")
    return bool(inner) and inner[-1] not in ".,!?;:…—-" and bool(after) and (after[0].islower())


def same_paragraph(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    gap = text[a[-1][1] : b[0][0]]
    return 0 <= len(gap) <= 300 and "\n" not in gap


def opens_next_paragraph(text: str, a: list[tuple[int, int]], st: Stretch) -> bool:
    """A quotation that is the whole paragraph right after the one its speaker's quote ends (“…,” said
    X. ¶ “Who cares? …”): PolNeAR counts it as the same quote, continued. One followed by words of its
    own (“…” ― Christina Lastra) is someone else's."""
    gap = text[a[-1][1] : st.start]
    head, _, tail = gap.partition("\n")
    rest = text[st.end :].partition("\n")[0]
    if not st.balanced:
        return False  # a paragraph opened and never closed is a block quotation's, or a typo: no proof
    return "\n" in gap and len(head) <= 120 and not tail.strip() and not any(c.isalnum() for c in rest)


def adjacent(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Two quoted fragments separated only by a short attribution (“…,” he said, “…”)."""
    gap = text[a[-1][1] : b[0][0]] if a[-1][1] <= b[0][0] else text[b[-1][1] : a[0][0]]
    return len(gap) <= 60 and "\n" not in gap.strip(" ")


CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "that"})


QUOTE_AND_COMMA = frozenset(",\"'“”‘’«»")


def conjoined(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """A quotation joined to the end of a mixed clause by a conjunction alone ("… “a big problem” but
    “nobody …”"): the clause goes on, so the quotation belongs to it."""
    if a[-1][1] > b[0][0]:
        return False
    gap = text[a[-1][1] : b[0][0]]
    words = "".join(" " if ch in QUOTE_AND_COMMA else ch for ch in gap).split()
    return 1 <= len(words) <= 2 and all(w.lower() in CONJUNCTIONS for w in words)
