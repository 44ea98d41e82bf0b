"""Attributions under construction, and the shape of their content.

extractor.py finds attributions; this module holds what it builds them from and the rules that fix where
a reported clause starts and ends (nested attributions are nesting.py's): coordination the parser cut
(`extend_over_coordination`), the reporter's gloss after the clause (`drop_narrated_tail`), and a
quotation the content must not end inside (`close_open_quotation`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhat.calibration import Origin
from saidwhat.datelines import dateline_end
from saidwhat.mentions import FINITE_TAGS, SUBJECT_DEPS
from saidwhat.models import QuoteKind
from saidwhat.quote_cues import speech_cue
from saidwhat.quotemarks import Stretch
from saidwhat.subjects import PERSONAL_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


@dataclass
class Attribution:
    """One attribution while the extractor builds it: mutable, since stretches and boundary rules reshape
    its content; it becomes a frozen `Quote` at the end."""

    cue: int | None
    fragments: list[tuple[int, int]]  # character ranges
    source: int | None
    prob: float
    kind: QuoteKind = "indirect"
    frame: str = ""
    speaker_from: Attribution | None = None  # a continuation borrows this quote's speaker
    label: tuple[int, int] | None = None  # a transcript turn's speaker label (characters): its source
    origin: Origin = "model"  # which rule made it: its confidence is calibrated per origin


def char_frags(doc: Doc, frags: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Token ranges [start, end) as character ranges into `doc.text`."""
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in frags if e > s]


def length(frags: list[tuple[int, int]]) -> int:
    """Characters covered by non-overlapping fragments."""
    return sum(e - s for s, e in frags)


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Characters two fragment lists share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


CONTINUATIONS = frozenset({"and", "or", "including", "compared"})  # what may open a continuation


def close_open_quotation(a: Attribution, stretches: list[Stretch]) -> None:
    """Content never ends inside a quotation: "called Burma a “good news story [in an era when …]”"
    runs to the closing mark even where the parse subtree stops short of it."""
    start, end = a.fragments[-1]
    for st in stretches:
        for s, e in st.spans:
            if s < end < e and start < s:
                a.fragments[-1] = (start, e)
                return


CLAUSE_PUNCT = ",.!?…;: "  # what may stand between a clause's last quoted word and the closing mark


def with_both_marks(
    fragments: tuple[tuple[int, int], ...], stretches: list[Stretch], text: str
) -> tuple[tuple[int, int], ...]:
    """A fragment that holds one of a quotation's marks holds the other too: the clause `that Clinton
    is in "good enough health to serve,"` ends at the words, and `Obama said “it gets me mad” every
    time …` starts at them (the parse's subject is the quotation's first word), which would leave the
    caller an unbalanced mark. A direct quote's fragments are the quoted words alone and are left as
    they are."""
    out = list(fragments)
    for k, (start, end) in enumerate(out):
        for st in stretches:
            if not st.balanced:
                continue
            if start <= st.start < end <= st.inner_end and not text[end : st.inner_end].strip(CLAUSE_PUNCT):
                out[k] = (start, st.end)  # … that “I need you tomorrow[.”]: the words, then the marks
                break
            if st.inner_start == start and st.end <= end:
                out[k] = (st.start, end)
                break
    return tuple(out)


def end_with_opening_quotation(doc: Doc, a: Attribution, stretches: list[Stretch], text: str) -> None:
    """Content that opens with a whole quoted sentence ends with it: in `he said, “It's time we change
    how we do it,” promising …` or `wrote, “…,” and shared a link` what follows the closing mark is the
    reporter's narration, however the parser hung it on the quoted verb. A quotation that stops without
    its own punctuation ("called it “a disaster” for the city") is a fragment of a longer clause."""
    if len(a.fragments) != 1 or not _reported_after_cue(doc, a):
        return  # a cue after the quotation ("“…,” Sanders said, according to CNN") is not its introducer
    start, end = a.fragments[0]
    st = _opening_stretch(start, stretches)
    if st is not None and end > st.end and text[st.inner_end - 1] in SENTENCE_PUNCT:
        a.fragments[0] = (start, st.end)


def end_with_predicative_quotation(doc: Doc, a: Attribution, stretches: list[Stretch]) -> None:
    """ "described Clinton as a “disgrace” Wednesday on The Laura Ingraham Show": content naming what the
    speaker called someone, `X as “…”`, ends with the quotation; the time, place or occasion the parser
    hangs on the quoted noun after it ("Wednesday", "during a campaign stop in Flint") is the reporter's.
    A tail joined by "and", "or", "compared to" goes on naming and stays (dev 2 quotes made exact,
    train 2, none worse)."""
    if len(a.fragments) != 1 or not _reported_after_cue(doc, a):
        return
    start, end = a.fragments[0]
    cue = doc[a.cue]  # type: ignore[index]
    as_phrase = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None or not start <= as_phrase.idx < end:
        return
    closing = next((st for st in stretches if st.balanced and as_phrase.idx < st.start < end), None)
    if closing is None or closing.end >= end:
        return
    after = doc.char_span(closing.end, end, alignment_mode="expand")
    if after is None or not len(after) or after[0].is_quote:
        return
    first = after[0]
    when = first.ent_type_ in ("DATE", "TIME") and first.dep_ == "npadvmod"
    if when or first.lower_ in OCCASION_PREPOSITIONS:
        a.fragments[0] = (start, closing.end)


def end_before_inverted_source(doc: Doc, a: Attribution, stretches: list[Stretch], text: str) -> None:
    """`“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, tells
    Breitbart News`: the parser, finding no subject for the cue, hangs the name on the quotation's last
    word, and the content runs over it. A phrase with no verb between the closing mark and the cue,
    opening with a proper noun or ending with one, is the source the cue lacks (the extractor's
    adjacent-name rule then finds it); the content ends with the quotation."""
    if len(a.fragments) != 1 or a.cue is None:
        return
    if a.source is not None and _stretch_holding(doc[a.source].idx, stretches) is None:
        return  # a subject in quotation marks is a title the parser misread ("on Fox News's “Fox and …”")
    start, end = a.fragments[0]
    cue = doc[a.cue]
    if cue.idx < end or text[end : cue.idx].strip(" ,") or cue.pos_ != "VERB":
        return
    st = _stretch_holding(start, stretches)
    if st is None or st.end >= end:
        return
    tail = doc.char_span(st.end, end, alignment_mode="expand")
    words = [t for t in tail or () if not (t.is_punct or t.is_space)]
    # a name, or a noun phrase the parser hung inside the quotation ("the union's president, Dan Kowalski,
    # wrote": "president" read as the quoted verb's object)
    named = words and (words[0].pos_ == "PROPN" or (words[0].pos_ == "DET" and words[-1].pos_ == "PROPN"))
    if named and not any(t.pos_ in ("VERB", "AUX") for t in words):
        a.fragments[0] = (start, st.end)
        a.source = None


def _stretch_holding(char: int, stretches: list[Stretch]) -> Stretch | None:
    """The balanced quotation whose marks enclose character `char` (content may start at its opening
    mark or, where the parser split a sentence inside it, at a later sentence of the quotation)."""
    return next((st for st in stretches if st.balanced and st.start <= char < st.inner_end), None)


def _opening_stretch(start: int, stretches: list[Stretch]) -> Stretch | None:
    """The balanced quotation whose opening mark starts content at `start` (top-level quotations do not
    overlap, so at most one opens there)."""
    return next((st for st in stretches if st.balanced and st.start <= start <= st.inner_start), None)


def start_at_introduced_quotation(doc: Doc, a: Attribution, stretches: list[Stretch], text: str) -> None:
    """A quotation a clause introduces with a colon, then attributed after it (`In her speech, Rhimes
    declared the need for drive: “Change the world …,” she said`), is the quote; the introducing clause
    is the reporter's (it names the speaker, whom "she" continues), not part of what was said."""
    if len(a.fragments) != 1 or a.cue is None or doc[a.cue].idx < a.fragments[0][1]:
        return
    start, end = a.fragments[0]
    for st in stretches:
        if not start < st.start < end:
            continue
        before = text[start : st.start].rstrip()
        if before.endswith(":") and _is_clause(doc.char_span(start, len(before) + start, "expand")):
            a.fragments[0] = (st.start, end)
        return


def _is_clause(span: SpacySpan | None) -> bool:
    """Does the span hold a verb with its own subject ("Rhimes declared the need …")?"""
    return span is not None and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and t.head in span for t in span
    )


def drop_subjectless_resumption(doc: Doc, a: Attribution) -> None:
    """ "“…,” said Beau Correll, angered that party leaders …": the parser hangs a verb after the
    attribution on the cue, and frames.py resumes the content there ("…, the agency said, and those in
    the bottom fifth paid …"); a verb without its own subject describes the speaker instead. Applied
    after scoring, so the cue model's training candidates stay as they were."""
    if a.cue is None or len(a.fragments) < 2:
        return
    cue_at = doc[a.cue].idx
    start, end = a.fragments[-1]
    if not a.fragments[0][1] <= cue_at < start:
        return
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    root = span.root
    if (
        root.dep_ in ("advcl", "conj")
        and root.head.i == a.cue
        and not any(c.dep_ in RESUMED_SUBJECTS for c in root.children)
    ):
        a.fragments.pop()


def start_after_dateline(doc: Doc, a: Attribution) -> None:
    """ "MILLBROOK — Hundreds of residents were evacuated …, officials said.": a wire dateline opening the
    sentence is where the story was filed, not what was said (PolNeAR's content always starts after
    it). So is a time right after the cue (`_start_after_time_of_saying`). Applied after scoring."""
    _start_after_time_of_saying(doc, a)
    if not a.fragments:
        return
    start, end = a.fragments[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return
    first = span[0]
    if first.i != first.sent.start and not doc[first.i - 1].is_space:
        return
    dash = dateline_end(doc, first.i)
    if dash is not None and dash + 1 < len(doc) and doc[dash + 1].idx < end:
        a.fragments[0] = (doc[dash + 1].idx, end)


def _start_after_time_of_saying(doc: Doc, a: Attribution) -> None:
    """ "Helio Systems said on Wednesday it would cut 1,200 jobs": a time right after the cue, with no
    "that" and no comma before the reported clause's subject, says when it was said, though the parser
    hangs it on the clause's verb; PolNeAR starts the content at the subject (train: 2 of 3 such contents;
    "said on Tuesday night, in Jupiter, Fla., the campaign manager …", set off by commas, it keeps)."""
    if a.cue is None or not a.fragments:
        return
    start, end = a.fragments[0]
    k = a.cue + 1
    if k >= len(doc) or doc[k].idx != start:
        return
    head = doc[k] if doc[k].dep_ == "prep" else doc[k].head
    phrase = doc[k : head.right_edge.i + 1]
    if (
        head.dep_ not in ("prep", "npadvmod")
        or head.left_edge.i != k
        or not all(t.ent_type_ == "DATE" or t.i == head.i == k for t in phrase)
    ):
        return
    after = doc[phrase.end] if phrase.end < len(doc) else None
    if after is not None and after.dep_ in SUBJECT_DEPS and after.head.i == head.head.i and after.idx < end:
        a.fragments[0] = (after.idx, end)


def _reported_after_cue(doc: Doc, a: Attribution) -> bool:
    """Does the content follow its cue (said that …), the case the boundary rules below apply to?"""
    return a.cue is not None and bool(a.fragments) and a.fragments[0][0] > doc[a.cue].idx


def extend_over_coordination(doc: Doc, a: Attribution) -> None:
    """Content the parser cut at a coordination ("refinancing student loans[ and forcing universities to
    …]", "as “false” or “pants on fire[,” compared to 11% …]"): when the rest of the sentence continues
    it (opens with and, or, including, compared) and has no clause of its own (no subject, no finite
    verb; after a quotation's own comma, one with a subject of its own: `_quoted_clause_goes_on`), the
    content runs to the sentence's end."""
    if not _reported_after_cue(doc, a):
        return
    end = a.fragments[-1][1]
    first = next((t for t in doc[a.cue :] if t.idx >= end), None)
    if first is None:
        return
    rest = [t for t in doc[first.i : first.sent.end] if not t.is_space]
    while rest and (rest[-1].is_punct or rest[-1].is_quote):
        rest = rest[:-1]
    words = [t for t in rest if not (t.is_punct or t.is_quote)]
    # "said that the bill was “far from perfect,” but that it kept the government open": a second
    # that-clause of the same cue, which the parser made a verb coordinated with the cue, runs on too
    if not (
        len(words) > 2 and (_second_that_clause(doc, words, a) or _modal_goes_on(doc, words, a))
    ) and not _more_bare_verbs(doc, words, rest, a):
        if len(words) < 2 or words[0].lower_ not in CONTINUATIONS:
            return
        own_clause = any(t.dep_ in ("nsubj", "nsubjpass", "expl") or t.tag_ in FINITE_TAGS for t in rest)
        if own_clause and not _quoted_clause_goes_on(doc, a, words, rest):
            return  # a clause of its own ("and has since left the network")
    if "\n" in doc[rest[0].i : rest[-1].i].text:
        return
    a.fragments[-1] = (a.fragments[-1][0], rest[-1].idx + len(rest[-1]))


def _quoted_clause_goes_on(doc: Doc, a: Attribution, words: list[Token], rest: list[Token]) -> bool:
    """Does a reported clause ending on a quotation's comma go on with a clause of its own, "and" and
    another subject ("said her country was watching the race with “bemused interest,” and there was a
    strong current of opinion …", "“a tremendously important part of my caucus,” and Democrats would
    need to …")? The comma inside the marks is the quotation's, not the end of what was said, and the
    parser hangs the second clause on the cue. Not when its subject is a person's pronoun or the
    speaker ("… and he foreshadowed …", "… and I agree": the narrator's), nor its verb coordinated with
    the cue without a subject ("and threatened to impose …"), nor a clause with a cue of its own.
    PolNeAR train: 2 more lenient matches, dev unchanged."""
    end = a.fragments[-1][1]
    ending = doc.text[end - 2 : end]  # spaCy rebuilds doc.text on every access: read it once
    closed = ending in (',"', ",”", ",'", ",’")
    if not closed and not (ending[-1:] == "," and rest and rest[0].is_quote):
        return False
    if words[0].lower_ != "and" or any(speech_cue(t) for t in rest):
        return False
    subject = next((t for t in rest if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.lower_ in PERSON_PRONOUNS:
        return False
    return a.source is None or subject.text != doc[a.source].text


PERSON_PRONOUNS = PERSONAL_PRONOUNS | {"you"}  # the subjects' pronouns, and the reader addressed


BARE_VERB_TAGS = frozenset({"VB", "VBP"})
MODIFIER_POS = frozenset({"ADV", "ADP", "DET", "NOUN", "ADJ", "NUM"})


def _more_bare_verbs(doc: Doc, words: list[Token], rest: list[Token], a: Attribution) -> bool:
    """Does content ending in an infinitive go on with more bare verbs ("promising to meet[ and in some
    cases exceed his goals]", "wants to triple the program[, grow the Peace Corps and create …]", "said
    he is ready to “take on the cartel,”[ secure the border, …]")? The parser hangs them on the cue, but
    a bare verb cannot be coordinated with "promising", "wants" or "said": it continues the content's
    last infinitive (until session 22 only one the content opened with: train 71.90 -> 71.91, 2 more
    quotes matched). Not after a cue that is itself a bare verb ("they say … and want …")."""
    assert a.cue is not None
    cue = doc[a.cue]
    opening = doc.char_span(a.fragments[-1][0], a.fragments[-1][1], alignment_mode="expand")
    if cue.tag_ in BARE_VERB_TAGS or opening is None or not len(opening):
        return False
    # the content's last infinitive: "wants to triple …" or "said his fellow Texan is ready to “take on
    # the Washington cartel,” secure the border, …"
    to = next((t for t in reversed(opening) if t.lower_ == "to" and t.dep_ == "aux"), None)
    if to is None or to.dep_ != "aux" or to.head.tag_ != "VB":
        return False
    verbs = [t for t in rest if t.pos_ in ("VERB", "AUX")]
    lead = words[1:] if words and words[0].lower_ in ("and", "or") else words
    first_verb = next((t for t in lead if t.pos_ not in MODIFIER_POS), None)  # past "in some cases"
    return (  # no auxiliary: "…, have sparked legal challenges" is a clause of its own
        first_verb is not None
        and first_verb.pos_ == "VERB"
        and first_verb.tag_ in BARE_VERB_TAGS
        and all(t.pos_ == "VERB" and t.tag_ in ("VB", "VBP", "VBG", "VBN") for t in verbs)
        and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in rest)
    )


PAST_MODALS = frozenset({"would", "could", "might", "should"})


def _modal_goes_on(doc: Doc, words: list[Token], a: Attribution) -> bool:
    """ "said it was “in contact with the company” and would examine whether …": a past modal with no
    subject of its own, coordinated with a past cue, is the report's future, not the reporter's."""
    assert a.cue is not None
    modal = words[1]
    return (
        words[0].lower_ in ("and", "but")
        and modal.lower_ in PAST_MODALS
        and modal.head.dep_ == "conj"
        and modal.head.head.i == a.cue
        and doc[a.cue].tag_ == "VBD"
        and speech_cue(doc[a.cue])  # not "favored Sanders, but could not vote": the reporter's
        and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in modal.head.children)
    )


def _second_that_clause(doc: Doc, words: list[Token], a: Attribution) -> bool:
    """Do `words` open with "and/but/or that …" hung on the cue as a coordinated verb, or, after content
    that itself opens with "that", anywhere the parser hung it ("told reporters that the storm was …
    and that the company had pre-positioned …", where "pre-positioned" broke the parse)?"""
    conj, mark = words[0], words[1]
    if not (conj.dep_ == "cc" and mark.lower_ == "that" and mark.dep_ == "mark"):
        return False
    if mark.head.dep_ == "conj" and mark.head.head.i == a.cue:
        return True
    opening = doc.char_span(a.fragments[0][0], a.fragments[0][0] + 1, alignment_mode="expand")
    return opening is not None and len(opening) > 0 and opening[0].lower_ == "that"


# "Rush Limbaugh: Hillary … ‘Reeks of Fear’", "PENCE: I watched “The Apprentice” …": a label and a colon,
# then the speaker's own words. The label says who speaks, so a title-like quoted phrase under it is no
# sign of a title (nor is any in a Title Case headline), and nothing after it is the reporter's gloss.
LABEL_FRAMES = frozenset({"headline", "transcript"})
SENTENCE_PUNCT = frozenset(",.!?…")  # a quotation ending with one of these is a whole sentence
RESUMED_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# what opens the reporter's addition after a reported clause, measured on PolNeAR train: cutting before
# ", which" helps 33 attributions and hurts 12, ", who" 16/12, an appositive 38/30; ", as" (2/9),
# ", despite", ", although" and a participle (", allowing people to …": 14/29) belong to the clause
TAIL_OPENERS = frozenset({"which", "who", "whose", "when", "while"})
DASHES = ("—", "–", "--", "-")
OCCASION_PREPOSITIONS = frozenset({"during", "on", "at", "in", "while", "after", "before"})


def drop_narrated_tail(doc: Doc, a: Attribution, in_quote: list[bool]) -> None:
    """A reported clause ends before the reporter's own addition after its last comma or semicolon
    (", which forced her to leave …", ", the presumed Putin favorite", ", even as supporters booed …",
    "; they only learned …") or after
    a dash opening a noun phrase ("… “suburbs of St. Petersburg” — a metaphor for …"). A quotation's
    own comma, inside its closing mark, counts wherever it is: `things “should be wrapped up by
    Cleveland,” referring to the convention, where …` (train d+m 75.50 -> 75.61).
    Annotators (and readers) attribute the clause, not the journalist's gloss on it."""
    if not _reported_after_cue(doc, a) or a.frame in LABEL_FRAMES:
        return  # "Pat Caddell: Voters Worried …; It's 'in Their Heads.'": a headline has no reporter's gloss
    start, end = a.fragments[-1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return
    semicolon = next(
        (k for k in range(1, len(span) - 1) if span[k].text == ";" and not in_quote[span[k].i]), None
    )
    if semicolon is not None:  # the first one, not only after the last comma: "…; they learned of X, Y and Z"
        a.fragments[-1] = (start, span[semicolon - 1].idx + len(span[semicolon - 1]))
        return
    only_quotations = False  # after the last plain comma, only a quotation's own comma can end the clause
    for k in range(len(span) - 2, 0, -1):
        tok = span[k]
        if in_quote[tok.i]:
            continue
        closing = _comma_then_close(span, k, in_quote)  # “… the Republican party,” claiming that …
        if only_quotations and not closing:
            continue
        tail = span[k + 1 :]
        if tok.text in DASHES:
            spaced = bool(doc[tok.i - 1].whitespace_)  # not a hyphen ("go-it-alone")
            # (dev +0.1, train +0.0; a participle: train -0.03); not an aside set off by a pair of dashes,
            # "that Kevin Doyle — no relation — had …" (train: 10 contents reach their gold end)
            paired = any(t.text in DASHES for t in tail)
            if spaced and tail[0].pos_ == "DET" and not paired:
                a.fragments[-1] = (start, span[k - 1].idx + len(span[k - 1]))
                return
            continue
        if tok.text not in (",", ";") and not closing:
            continue
        if (
            tok.text == ";"
            or tail[0].lower_ in TAIL_OPENERS
            or (len(tail) > 1 and tail[0].lower_ == "even" and tail[1].lower_ == "as")
            or _another_source(tail)
            or _gloss(tail)
            or _participle_after_quote(span, k, in_quote)
        ):
            last = span[k] if closing else span[k - 1]
            a.fragments[-1] = (start, last.idx + len(last))
            return
        only_quotations = True


def _comma_then_close(span: SpacySpan, k: int, in_quote: list[bool]) -> bool:
    """Is span[k] a closing quotation mark right after a quoted comma (American style puts the
    clause's comma inside the marks)?"""
    prev = span[k - 1]
    return span[k].is_quote and prev.text == "," and in_quote[prev.i]


def _participle_after_quote(span: SpacySpan, comma: int, in_quote: list[bool]) -> bool:
    """ "… would be “fair” to him, engaging in …": a participle after a comma that follows a quotation
    describes what the speaker did while saying it; the reported clause ended with the quotation.
    "including" is a participle by its tag only: it lists more of what was said (`has “several ways” of
    reaching the magic number, including with …`)."""
    quoted_before = any(in_quote[t.i] for t in span[:comma])
    tail = span[comma + 1 :]
    first = tail[0] if tail[0].pos_ != "ADV" or len(tail) < 2 else tail[1]
    return quoted_before and first.tag_ == "VBG" and first.lower_ not in CONTINUATIONS


def _another_source(tail: SpacySpan) -> bool:
    """ "… could cut growth by half a point, according to a report by Moody's": the tail names a
    source of its own; it is an attribution, not part of the reported clause."""
    return len(tail) > 2 and tail[0].lower_ == "according" and tail[1].lower_ == "to"


def _gloss(tail: SpacySpan) -> bool:
    """Does the phrase `tail` hang off the clause before it as an appositive?"""
    roots = [t for t in tail if not tail.start <= t.head.i < tail.end]
    return len(roots) == 1 and roots[0].dep_ == "appos"
