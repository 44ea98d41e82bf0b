"""Quoted stretches reshape the scored attributions (extractor.py's step 2 and 3).

Content that is all quoted becomes a `direct` quote spanning exactly the quoted words; content with
quoted fragments is `mixed`; a quotation no attribution covers takes the cue of its own or the adjacent
sentence ("…,” he said, “…” is one quote with two spans), or continues the previous quote's speaker
(in the same paragraph, or as the whole next paragraph); short uncued phrases and titles are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from saidwhat.content import LABEL_FRAMES, Attribution, length, overlap
from saidwhat.continuations import (
    adjacent,
    conjoined,
    goes_on_after_its_cue,
    mixed_goes_on,
    opens_next_paragraph,
    phrase_in_sentence,
    resumed_after_its_cue,
    said_right_after,
    said_right_before,
    same_paragraph,
)
from saidwhat.headlines import first_line_end
from saidwhat.names import is_nickname
from saidwhat.nesting import cut_before, relative_object
from saidwhat.quote_cues import (
    PERSONAL_SUBJECTS,
    cue_near,
    distanced,
    narrated_speaker,
    passive_naming,
    so_called,
    speech_cue,
    title_like,
    title_object,
    word_count,
)
from saidwhat.quotemarks import Stretch

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MIN_UNCUED_WORDS = 5
MAX_TITLE_WORDS = 7
# a title-like quotation makes its attribution a title only where it opens the content (showed “Gone
# with the Wind” again) or is most of it; not in "cited Trump's references to Machado as “Miss Piggy”
# and “Miss Housekeeping” as examples of …"
TITLE_SHARE = 0.5
MAX_FRAGMENT_WORDS = 5  # a quoted phrase this short is a fragment of reported speech, or a scare quote


def refine_with_stretches(
    doc: Doc,
    found: list[Attribution],
    runners_up: list[Attribution],
    stretches: list[Stretch],
    in_quote: list[bool],
    text: str,
) -> list[Attribution]:
    out = list(found)
    by_cue: dict[int, Attribution] = {a.cue: a for a in found if a.cue is not None}
    headline_end = first_line_end(doc)
    previous: Attribution | None = None
    titles: list[Stretch] = []  # bare Title Case quotations so far: a title listed after one is a title
    for st in sorted(stretches, key=lambda s: s.start):
        if is_nickname(doc, st.start, st.end):
            continue  # Harold "Hal" Jensen: part of a name, not a quotation
        spans = list(st.spans)
        slen = length(spans)
        covering = [a for a in out if overlap(a.fragments, spans) > 0]
        inside = [
            a
            for a in covering
            if overlap(a.fragments, spans) >= 0.8 * length(a.fragments)
            and a.cue is not None
            and not in_quote[a.cue]
        ]
        spoken = next(
            (
                a
                for a in covering
                if a.kind == "indirect"
                # a parenthetical cue, or one the parser gave a clause on each side of it
                # (“I think it's funny,” he said, “because …”)
                and (a.frame == "paren" or len(a.fragments) > 1)
                and a.cue is not None
                and not in_quote[a.cue]
                and not _unquoted_words(doc, a.fragments, in_quote)
            ),
            None,
        )
        if spoken is not None:  # “…,” Mr. Obama said, “…”: every word of the content is quoted
            spoken.fragments = sorted(
                sp for other in stretches for sp in other.spans if overlap(spoken.fragments, [sp]) > 0
            )
            spoken.kind = "direct"
            previous = spoken
            continue
        if inside:
            a = max(inside, key=lambda x: x.prob)
            if a.kind == "indirect" and _unquoted_words(doc, a.fragments, in_quote):
                a.kind = "mixed"  # called Burma a “good news story …”: the clause holds the quotation
                previous = a
                continue
            named = _object_named(doc, text, a, st) if a.frame == "dobj" else None
            if named is not None:  # called it “a tax by another name”: the object and what it is called
                a.fragments, a.kind = [(named, max(st.end, a.fragments[-1][1]))], "mixed"
                previous = a
                continue
            if a.kind != "direct":
                labelled = a.frame in LABEL_FRAMES or st.start < headline_end
                if not labelled and a.cue is not None and title_object(doc, text, st, a.cue):
                    out.remove(a)  # The cinema showed "Gone with the Wind" again: its object is a title
                    continue
                if (
                    previous is not None
                    and previous.cue == a.cue
                    and adjacent(text, previous.fragments, spans)
                ):
                    previous.fragments = sorted(previous.fragments + spans)
                    out.remove(a)
                    continue
                a.fragments = spans
                a.kind = "direct"
            previous = a
            continue
        intro = next(
            (
                a
                for a in covering
                if a.frame == "colon" and a.kind == "indirect" and abs(a.fragments[0][0] - spans[0][0]) <= 2
            ),
            None,
        )
        if intro is not None:  # X said: “…” — the colon introduces exactly the quotation
            intro.fragments, intro.kind = spans, "direct"
            previous = intro
            continue
        holders = [a for a in covering if overlap(a.fragments, spans) >= 0.8 * slen]
        own = _introduced_by_own_cue(doc, text, st, in_quote, holders)
        if own is not None:  # …, and when pressed, the aide replied, “It is meant …”
            out.append(own)
            previous = own
            continue
        if holders:
            for a in covering:
                if overlap(a.fragments, spans) >= 0.8 * slen and a.kind == "indirect":
                    labelled = a.frame in LABEL_FRAMES or st.start < headline_end
                    # the quotation must open the content or be most of it, or be a so-called “reform”
                    opens = st.start - 2 <= a.fragments[0][0] <= spans[0][0] + 2
                    sized = opens or slen >= TITLE_SHARE * length(a.fragments) or so_called(text, st.start)
                    if a.cue is not None and not labelled and sized and distanced(doc, text, st, a.cue):
                        out.remove(a)  # the cinema showed "Gone with the Wind": a title, not speech
                        continue
                    a.kind = "mixed"
                    named = _object_named(doc, text, a, st) if a.frame == "dobj" else None
                    if named is not None and named < a.fragments[0][0]:  # which he declared “a …” for …
                        a.fragments = [(named, a.fragments[-1][1])]
                    previous = a
            continue
        quoted = text[st.inner_start : st.inner_end]
        listed_title = _named_title(text, st, quoted, titles)
        if listed_title or (title_like(quoted) and word_count(quoted) <= MAX_TITLE_WORDS):
            titles.append(st)  # “Parks and Recreation” and “Guardians of the Galaxy,”: a list of titles
        naming = passive_naming(doc, st)
        if naming is not None:  # what had been called the “Golden Week”: the name given to the subject
            fragments, verb, agent = naming
            passive = by_cue.get(verb.i)  # the passive frame's own report of the subject, if taken
            if passive is None:
                passive = Attribution(verb.i, fragments, None, 0.6, "mixed", origin="quote_cue")
                out.append(passive)
            passive.fragments, passive.kind = fragments, "mixed"
            passive.source = agent.i if agent is not None else passive.source
            previous = passive
            continue
        container = _container(runners_up, spans, slen, in_quote)
        if container is not None and container.cue is not None and distanced(doc, text, st, container.cue):
            continue
        own = _introduced_by_own_cue(doc, text, st, in_quote, [container]) if container is not None else None
        if own is not None:  # … were made public ― Trump boasted, “That makes me smart.”: Trump's own words
            out.append(own)
            previous = own
            continue
        if container is not None:  # called them “deplorables”: a mixed quote over the reported clause
            container.kind = "mixed"
            out.append(container)
            runners_up.remove(container)
            previous = container  # a quotation after it continues this speaker, not an earlier one
            continue
        if previous is not None and resumed_after_its_cue(doc, text, previous, st):
            previous.fragments = sorted(previous.fragments + spans)  # “…,” he said, “and so does hers.”
            continue
        closed = quoted + _punctuation_after(text, st)  # “We will not give in”, the spokesman said
        if word_count(quoted) <= MAX_FRAGMENT_WORDS and not _sentence_like(closed):
            continue
        if listed_title:
            continue  # an episode of “The Steve Harvey Morning Show,” …: a title, however punctuated
        if _after_preposition(text, st) and not _sentence_like(closed):
            continue  # sent a reporter into “a living room in western Pennsylvania”: a phrase, not speech
        cue, subj = cue_near(doc, st, in_quote, text)
        if cue is not None and previous is not None and goes_on_after_its_cue(doc, text, previous, st, cue):
            previous.fragments = sorted(previous.fragments + spans)  # “…,” she said. “More.” She noted …
            continue
        reporting = _reported_around(doc, text, out, cue, st) if cue is not None else None
        if reporting is not None:  # said she wanted to speak “…” and let them know that “…”
            reporting.fragments = [*reporting.fragments[:-1], (reporting.fragments[-1][0], st.end)]
            reporting.kind = "mixed"
            previous = reporting
            continue
        if cue is not None:
            merged = by_cue.get(cue.i)
            if merged is not None and merged.kind == "mixed" and conjoined(text, merged.fragments, spans):
                # claiming that fraud is “a big problem” but “nobody has the guts to talk about it.”
                merged.fragments = [*merged.fragments[:-1], (merged.fragments[-1][0], spans[-1][1])]
                previous = merged
                continue
            if (
                merged is not None
                and merged.kind == "direct"
                and adjacent(text, merged.fragments, spans)
                and not phrase_in_sentence(text, st)
            ):
                merged.fragments = sorted(merged.fragments + spans)
                previous = merged
                continue
            if merged is None or merged.kind != "direct":
                cue_end = cue.idx + len(cue)
                said = said_right_after(text, st, cue.idx) or said_right_before(text, st, cue_end)
                if not said and (
                    (word_count(quoted) < 3 and title_like(quoted)) or title_object(doc, text, st, cue.i)
                ):
                    continue  # published “A Nation Divided,” a series: a work's title, not speech
                a = Attribution(
                    cue.i, spans, subj.i if subj is not None else None, 0.6, "direct", origin="quote_cue"
                )
                out.append(a)
                by_cue.setdefault(cue.i, a)
                previous = a
                continue
        narrator = narrated_speaker(doc, text, st, in_quote)
        if (
            previous is not None
            and not _someone_else(doc, text, previous, narrator)
            and (
                previous.kind == "direct"
                or (previous.kind == "mixed" and adjacent(text, previous.fragments, spans))
                or mixed_goes_on(doc, text, previous, st)
            )
            and (
                same_paragraph(text, previous.fragments, spans)
                or opens_next_paragraph(text, previous.fragments, st)
            )
            and not phrase_in_sentence(text, st)
        ):
            previous.fragments = sorted(previous.fragments + spans)  # “…,” said X. “More of it.”
            continue
        if narrator is not None:  # Jones was furious. “This is a disgrace.”
            a = Attribution(None, spans, narrator.i, 0.4, "direct", origin="continuation")
            out.append(a)
            previous = a
            continue
        if word_count(quoted) < MIN_UNCUED_WORDS or title_like(quoted):
            continue  # a title or a scare quote, not speech
        source = _last_attribution_before(out, st.start) if st.balanced else None
        if source is not None:
            a = Attribution(None, spans, None, 0.4, "direct", speaker_from=source, origin="continuation")
            out.append(a)
            previous = a
    return out


def _someone_else(doc: Doc, text: str, previous: Attribution, narrator: Token | None) -> bool:
    """Is the person named as the subject of the sentence before a quotation (`narrator`) someone other
    than the previous quote's speaker ("“…,” said Tom Smith. Ann Jones was furious. “…”")? A pronoun
    is taken to go on with the same speaker ("She paused. “Everything.”")."""
    source = previous.speaker_from.source if previous.speaker_from is not None else previous.source
    if narrator is None or narrator.lower_ in PERSONAL_SUBJECTS or source is None:
        return False
    end, start = previous.fragments[-1][1], narrator.sent.start_char
    if start < end or (not text[end:start].strip(" \t\"'”’") and speech_cue(narrator.head)):
        return False  # “…,” the nominee riffed. “…”; “…!” His niece shouted. “…”: that quote's attribution
    return narrator.i > source and doc[source].lower_ != narrator.lower_


CONTINUATION_REACH = 400  # characters back to the attribution an uncued quotation continues


def _last_attribution_before(found: list[Attribution], start: int) -> Attribution | None:
    """The attribution a quotation with no cue of its own continues: the nearest one ending shortly
    before it, of any kind ("…, Schiff said. “The other factor …”" continues Schiff's indirect speech)."""
    before = [a for a in found if 0 <= start - a.fragments[-1][1] < CONTINUATION_REACH]
    return max(before, key=lambda a: a.fragments[-1][1], default=None)


def _introduced_by_own_cue(
    doc: Doc, text: str, st: Stretch, in_quote: list[bool], holders: list[Attribution]
) -> Attribution | None:
    """A quotation inside another attribution's content that its own cue introduces ("the aide replied,
    “…”") is the aide's direct quote: the outer content ends before the aide. None when not so."""
    if not holders:
        return None
    cue, subj = cue_near(doc, st, in_quote, text)
    if cue is None or subj is None or cue.idx > st.start:
        return None
    if text[cue.idx + len(cue) : st.start].strip() not in (",", ":"):
        return None
    if any(a.cue == cue.i or not any(s <= cue.idx < e for s, e in a.fragments) for a in holders):
        return None
    own = Attribution(cue.i, list(st.spans), subj.i, 0.6, "direct", origin="quote_cue")
    if not all(cut_before(doc, text, a, own) for a in holders):
        return None
    return own


def _unquoted_words(doc: Doc, fragments: list[tuple[int, int]], in_quote: list[bool]) -> bool:
    """Does the content hold words outside quotation marks (beyond punctuation)?"""
    for s, e in fragments:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(not in_quote[t.i] and t.is_alpha for t in span):
            return True
    return False


def _container(
    runners_up: list[Attribution], spans: list[tuple[int, int]], slen: int, in_quote: list[bool]
) -> Attribution | None:
    """The likeliest runner-up whose content holds the quoted stretch and more (its clause)."""
    best = None
    for a in runners_up:
        if a.cue is None or in_quote[a.cue]:
            continue
        holds = overlap(a.fragments, spans) >= 0.8 * slen and length(a.fragments) > 1.25 * slen
        if holds and (best is None or a.prob > best.prob):
            best = a
    return best


TITLE_INTRODUCERS = frozenset(
    {"of", "on", "in", "at", "with", "titled", "entitled", "headlined", "called", "named"}
    | {"book", "show", "program", "film", "movie", "series", "episode", "segment", "podcast", "song"}
    | {"album", "novel", "play", "article", "essay", "column", "documentary", "memoir", "project"}
)
# a determiner before a Title Case quotation makes it a name: his 1994 “Contract with America”
TITLE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "the"})
TITLE_COORDINATION = re.compile(r"[,\s]*(?:and|or)\s*|,\s*")


def _named_title(text: str, st: Stretch, quoted: str, titles: list[Stretch]) -> bool:
    """A short Title Case stretch right after a preposition or a noun that names works ("on CBS's “Face
    the Nation,”", "his book ''Make Your Kid a Millionaire,''", "an interview with “The View,”") is a
    title, even with a comma inside; so is one listed after another title ("starred in “Parks and
    Recreation” and “Guardians of the Galaxy,”"), whose comma would otherwise make it a sentence."""
    if not title_like(quoted.rstrip(",.;:")) or word_count(quoted) > MAX_TITLE_WORDS:
        return False
    if titles and TITLE_COORDINATION.fullmatch(text[titles[-1].end : st.start]):
        return True
    before = [w.strip(",") for w in text[max(0, st.start - 40) : st.start].split()]
    if before and before[-1].endswith(("'s", "’s")):  # on CBS's “Face the Nation”, on Fox News's “…”
        if before[-1][:1].isupper():
            return True  # a name's “Title Case”: told CNN's “State of the Union,” Perry's “Oops”
        before = before[:-1]
        while len(before) > 1 and before[-1][:1].isupper():
            before = before[:-1]
    before = [w.lower() for w in before]
    if before and before[-1].isdigit() and len(before) > 1:  # his 1994 “Contract with America”
        before = before[:-1]
    return bool(before) and (before[-1] in TITLE_INTRODUCERS or before[-1] in TITLE_DETERMINERS)


def _punctuation_after(text: str, st: Stretch) -> str:
    """The comma or full stop right after a quotation's closing mark, where British and European
    style puts it (“We will not give in”, the spokesman said.); "" for none."""
    nxt = text[st.end : st.end + 1]
    return nxt if st.balanced and nxt in (",", ".", "!", "?") else ""


def _sentence_like(quoted: str) -> bool:
    """A quotation that reads as a sentence of its own (capitalised, closed by punctuation), or opens
    with a number and has words after it (“2014 was worse,” she said; not a title, “13th,” or a sign's
    “15%!”)."""
    q = quoted.strip()
    opening = bool(q) and (q[0].isupper() or (q[0].isdigit() and len(q.split()) >= 3))
    return opening and q[-1] in ".!?,"


# "to" is left out: "advising graduates to “become members of the two-H club,”" is speech
PHRASE_PREPOSITIONS = frozenset(
    {"into", "of", "in", "for", "with", "from", "on", "at", "about", "by", "as", "like", "than", "under"}
)


def _after_preposition(text: str, st: Stretch) -> bool:
    """Does the quotation open right after a preposition (its object, a quoted phrase)?"""
    before = text[max(0, st.start - 20) : st.start].split()
    return bool(before) and before[-1].lower() in PHRASE_PREPOSITIONS


def _reported_around(
    doc: Doc, text: str, found: list[Attribution], cue: Token, st: Stretch
) -> Attribution | None:
    """The mixed or indirect quote whose reported clause holds the quotation's cue and runs on to it in
    the same sentence ("said she wanted to speak “directly to white people” and let them know that “this
    is not who we are.”"): the cue is a verb of what was reported, and the quotation ends that clause,
    not a new quote of the reported subject. None when no clause holds the cue so."""
    if cue.pos_ != "VERB" or said_right_before(text, st, cue.idx + len(cue)):
        return None  # "… and then boomed, “Today, …”": a verb introducing the quotation speaks it
    for a in found:
        if a.kind == "direct" or a.cue is None or a.cue == cue.i or not a.fragments:
            continue
        start, end = a.fragments[-1]
        if not (start <= cue.idx < end and end <= st.start):
            continue
        between = text[end : st.start]
        if doc[a.cue].sent.start <= cue.i < doc[a.cue].sent.end and not any(c in between for c in ".!?\n"):
            return a
    return None


# verbs that give their object a name (the pipeline runs no lemmatizer: the forms are listed)
NAMING_VERBS = frozenset(
    f"{stem}{end}" for stem in ("call", "brand", "label", "term") for end in ("", "s", "ed", "ing")
) | frozenset({"labelled", "labelling", "dub", "dubs", "dubbed", "dubbing", "name", "names", "named"})


def _object_named(doc: Doc, text: str, a: Attribution, st: Stretch) -> int | None:
    """Where the first of two objects starts when the parser read "called it “…”" as two objects of the
    verb and the quotation is the second: the quote is mixed from that object on, as PolNeAR has it (27
    of 28 train "called it/him/her/them “…”"). None when not so."""
    if a.cue is None:
        return None
    cue = doc[a.cue]
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.idx < st.start]
    if not objects:
        return None
    first = objects[-1]
    relative = relative_object(cue)
    if relative is not None and relative.i == first.i:  # spaCy makes a new Token object on each access
        # Michigan, which he declared “a total disaster”: the relative pronoun is the first object
        return first.idx if not text[cue.idx + len(cue) : st.start].strip() else None
    if cue.lower_ not in NAMING_VERBS:
        return None
    between = text[first.right_edge.idx + len(first.right_edge) : st.start]
    return first.left_edge.idx if first.i > a.cue and not between.strip() else None


def disjoint(fragments: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Fragments in text order with overlapping ones joined: tangled quotation marks can pair a stretch
    inside another, and a quote's spans must never cover a character twice."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(f for f in fragments if f[1] > f[0]):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
