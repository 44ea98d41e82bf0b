"""Find every attributed quote in a parsed Doc: syntax proposes, the cue model decides, marks refine.

1. frames.py proposes (cue, content, source) candidates from the parse; cues.py scores them.
2. Quoted stretches (quotemarks.py) refine the accepted ones: content that is all quoted becomes a
   `direct` quote spanning exactly the quoted words; content with quoted fragments is `mixed`.
3. Quoted stretches no accepted candidate covers get their cue from their own or the adjacent sentence
   ("…,” he said, “…” is one quote with two spans), or continue the previous quote's speaker; short
   quoted phrases with no cue are titles or scare quotes and are dropped.
4. speakers.py turns each source token into a mention and a canonical entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhat.cues import features, load_model
from saidwhat.frames import Candidate, candidates_for, colon_positions, first_line_end
from saidwhat.models import Quote, QuoteKind, Span
from saidwhat.quote_cues import (
    SPEECH_WORDS,
    adjacent_name,
    cue_near,
    distanced,
    title_like,
    word_count,
)
from saidwhat.quotemarks import Stretch, find_stretches
from saidwhat.speakers import EntityResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

MIN_UNCUED_WORDS = 5
DEDUP_JACCARD = 0.75
CONTAINER_MIN_PROB = 0.2  # tuned on dev (flat between 0.2 and 0.3)
MAX_TITLE_WORDS = 7
MAX_FRAGMENT_WORDS = 5  # a quoted phrase this short is a fragment of reported speech, or a scare quote


@dataclass
class _Attribution:
    cue: int | None
    fragments: list[tuple[int, int]]  # character ranges
    source: int | None
    prob: float
    kind: QuoteKind = "indirect"
    frame: str = ""
    speaker_from: _Attribution | None = None  # a continuation borrows this quote's speaker


def token_quote_mask(doc: Doc, stretches: list[Stretch]) -> list[bool]:
    """For each token: does it lie inside a quoted stretch?"""
    mask = [False] * len(doc)
    if not stretches:
        return mask
    bounds = sorted((s, e) for st in stretches for s, e in st.spans)
    k = 0
    for tok in doc:
        pos = tok.idx
        while k < len(bounds) and bounds[k][1] <= pos:
            k += 1
        if k < len(bounds) and bounds[k][0] <= pos:
            mask[tok.i] = True
    return mask


def _char_frags(doc: Doc, frags: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in frags if e > s]


def _length(frags: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in frags)


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _scored_candidates(doc: Doc, in_quote: list[bool]) -> tuple[list[_Attribution], list[_Attribution]]:
    """Accepted attributions (best frame per cue, above the model's threshold, deduplicated) and the
    plausible runners-up, which may still frame a quoted fragment as mixed speech."""
    model = load_model()
    best: dict[int, tuple[float, Candidate]] = {}
    line_end = first_line_end(doc)
    colons = colon_positions(doc)
    runners_up: list[_Attribution] = []
    for tok in doc:
        if (
            tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ")
            and tok.lower_ != "according"
            and tok.text != ":"
            and not (tok.is_title and tok.idx < line_end)
        ):
            continue
        for cand in candidates_for(tok, line_end, colons):
            p = model.probability(features(doc, cand, in_quote))
            if p >= model.threshold_for(cand.frame) and p > best.get(tok.i, (0.0, cand))[0]:
                best[tok.i] = (p, cand)
            elif p >= CONTAINER_MIN_PROB and not _no_statement(doc, cand):
                runners_up.append(
                    _Attribution(cand.cue, _char_frags(doc, cand.fragments), cand.source, p, frame=cand.frame)
                )
    return _accepted(doc, best, in_quote), runners_up


def _accepted(
    doc: Doc, best: dict[int, tuple[float, Candidate]], in_quote: list[bool]
) -> list[_Attribution]:
    found = [
        _Attribution(c.cue, _char_frags(doc, c.fragments), c.source, p, frame=c.frame)
        for p, c in best.values()
        if not _no_statement(doc, c)
    ]
    found.sort(key=lambda a: -a.prob)
    kept: list[_Attribution] = []
    for a in found:  # two cues proposing the same content: keep the likelier
        la = _length(a.fragments)
        if any(
            _overlap(a.fragments, k.fragments) >= DEDUP_JACCARD * max(la, _length(k.fragments)) for k in kept
        ):
            continue
        kept.append(a)
    return _unnest(doc, kept, in_quote)


def _unnest(doc: Doc, found: list[_Attribution], in_quote: list[bool]) -> list[_Attribution]:
    """Resolve attributions whose cue lies inside another's content. A quotation with its own cue
    (…, the mother replied, “It's meant …”) keeps it and ends the outer content before it; any
    other inner reading is dropped (see `_inside`)."""
    out = []
    for a in found:
        outers = [k for k in found if k is not a and _inside(doc, k, a)]
        own_quote = not outers or (
            a.cue is not None
            and _speech_cue(doc[a.cue])
            and _quoted_share(doc, a, in_quote) >= 0.8
            and all(_cut_before(doc, k, a) for k in outers)
        )
        if own_quote:
            out.append(a)
    return [a for a in out if a.fragments]


def _speech_cue(tok: Token) -> bool:
    """Is `tok` a word that introduces quotations (said, replied, quipped …: the speech lexicon and the
    quote cues learned from PolNeAR), as opposed to a verb of the reported clause (blame, let)?"""
    return tok.lower_ in SPEECH_WORDS or tok.lower_ in load_model().quote_cue_words


def _quoted_share(doc: Doc, a: _Attribution, in_quote: list[bool]) -> float:
    span = doc.char_span(a.fragments[0][0], a.fragments[-1][1], alignment_mode="expand")
    if span is None or not len(span) or a.cue is None or in_quote[a.cue]:
        return 0.0
    return sum(in_quote[t.i] for t in span) / len(span)


def _cut_before(doc: Doc, outer: _Attribution, inner: _Attribution) -> bool:
    """End `outer`'s content where `inner`'s attribution begins; False when nothing would be left."""
    assert inner.cue is not None
    start = min(doc[inner.cue].idx, inner.fragments[0][0])
    if inner.source is not None:
        start = min(start, doc[inner.source].left_edge.idx)
    kept = [(s, min(e, start)) for s, e in outer.fragments if s < start]
    kept = [(s, _rstrip_to_word(doc.text, s, e)) for s, e in kept]
    kept = [(s, e) for s, e in kept if e - s > 1]
    if not kept or outer.fragments[0][0] >= start:
        return False
    outer.fragments = kept
    return True


def _rstrip_to_word(text: str, start: int, end: int) -> int:
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "\"'”’)":
        end -= 1
    return end


CONTINUATIONS = frozenset({"and", "or", "including", "compared"})  # what may open a continuation
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _close_open_quotation(a: _Attribution, stretches: list[Stretch]) -> None:
    """Content never ends inside a quotation: "called Burma a “good news story [in an era when …]”"
    runs to the closing mark even where the parse subtree stops short of it."""
    start, end = a.fragments[-1]
    for st in stretches:
        for s, e in st.spans:
            if s < end < e and start < s:
                a.fragments[-1] = (start, e)
                return


def _extend_over_coordination(doc: Doc, a: _Attribution) -> None:
    """Content the parser cut at a coordination ("refinancing student loans[ and forcing universities to
    …]", "as “false” or “pants on fire[,” compared to 11% …]"): when the rest of the sentence continues
    it (opens with and, or, including, compared) and has no clause of its own (no subject, no finite
    verb), the content runs to the sentence's end."""
    if a.cue is None or not a.fragments or a.fragments[0][0] <= doc[a.cue].idx:
        return
    end = a.fragments[-1][1]
    first = next((t for t in doc[a.cue :] if t.idx >= end), None)
    if first is None:
        return
    rest = [t for t in doc[first.i : first.sent.end] if not t.is_space]
    while rest and (rest[-1].is_punct or rest[-1].is_quote):
        rest = rest[:-1]
    words = [t for t in rest if not (t.is_punct or t.is_quote)]
    if len(words) < 2 or words[0].lower_ not in CONTINUATIONS:
        return
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") or t.tag_ in FINITE_TAGS for t in rest):
        return  # a clause of its own ("and has since left the network")
    if "\n" in doc[rest[0].i : rest[-1].i].text:
        return
    a.fragments[-1] = (a.fragments[-1][0], rest[-1].idx + len(rest[-1]))


TAIL_OPENERS = frozenset({"which", "who", "whose", "where", "when", "despite", "while", "although", "as"})


def _drop_narrated_tail(doc: Doc, a: _Attribution, in_quote: list[bool]) -> None:
    """A reported clause ends before the reporter's own addition after its last comma or semicolon:
    ", which forced her to leave …", ", the presumed Putin favorite", ", focusing on …", "; they only
    learned …". Annotators (and readers) attribute the clause, not the journalist's gloss on it."""
    if a.cue is None or not a.fragments or a.fragments[0][0] <= doc[a.cue].idx:
        return
    start, end = a.fragments[-1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return
    for k in range(len(span) - 2, 0, -1):
        tok = span[k]
        if tok.text not in (",", ";") or in_quote[tok.i]:
            continue
        tail = span[k + 1 :]
        if tok.text == ";" or tail[0].lower_ in TAIL_OPENERS or _gloss(tail):
            a.fragments[-1] = (start, span[k - 1].idx + len(span[k - 1]))
        return


def _gloss(tail: SpacySpan) -> bool:
    """Does the phrase `tail` hang off the clause before it as an appositive or a participle?"""
    roots = [t for t in tail if not tail.start <= t.head.i < tail.end]
    return len(roots) == 1 and (
        roots[0].dep_ == "appos" or (roots[0].tag_ == "VBG" and roots[0].dep_ in ("advcl", "acl", "xcomp"))
    )


def _cue_within(doc: Doc, a: _Attribution, content: list[tuple[int, int]]) -> bool:
    if a.cue is None:
        return False
    at = doc[a.cue].idx
    return any(s <= at < e for s, e in content)


def _inside(doc: Doc, outer: _Attribution, inner: _Attribution) -> bool:
    """Does `inner` report speech inside `outer`'s content? Reported speech within reported speech is
    rare (0.6% of PolNeAR's attributions): far more often the inner cue is a verb of the reported
    clause ("said she wanted to … and let them know that …"), so the inner reading is dropped. Where
    each cue lies inside the other's content the likelier reading stays."""
    if not _cue_within(doc, inner, outer.fragments):
        return False
    return not _cue_within(doc, outer, inner.fragments) or outer.prob > inner.prob


NO_STATEMENT_MAX_WORDS = 8
NO_STATEMENT_WORDS = frozenset(
    [
        "to",
        "comment",
        "respond",
        "reply",
        "return",
        "calls",
        "call",
        "requests",
        "request",
        "for",
        "a",
        "an",
        "the",
        "further",
        "immediately",
        "on",
        "matter",
        "questions",
        "inquiries",
        "messages",
        "message",
    ]
)


def _no_statement(doc: Doc, cand: Candidate) -> bool:
    """ "declined to comment", "did not respond to requests for comment": reported silence, not speech."""
    if sum(e - s for s, e in cand.fragments) > 2 * NO_STATEMENT_MAX_WORDS:
        return False  # far too long to be "declined to comment"
    words = [doc[j].lower_ for s, e in cand.fragments for j in range(s, e) if not doc[j].is_punct]
    return (
        len(words) <= NO_STATEMENT_MAX_WORDS
        and all(w in NO_STATEMENT_WORDS for w in words)
        and bool(
            {"comment", "respond", "reply", "return", "calls", "requests", "inquiries", "messages"}
            & set(words)
        )
    )


def _refine_with_stretches(
    doc: Doc,
    found: list[_Attribution],
    runners_up: list[_Attribution],
    stretches: list[Stretch],
    in_quote: list[bool],
    text: str,
) -> list[_Attribution]:
    out = list(found)
    by_cue: dict[int, _Attribution] = {a.cue: a for a in found if a.cue is not None}
    previous: _Attribution | None = None
    for st in sorted(stretches, key=lambda s: s.start):
        spans = list(st.spans)
        slen = _length(spans)
        covering = [a for a in out if _overlap(a.fragments, spans) > 0]
        inside = [
            a
            for a in covering
            if _overlap(a.fragments, spans) >= 0.8 * _length(a.fragments)
            and a.cue is not None
            and not in_quote[a.cue]
        ]
        spoken = next(
            (
                a
                for a in covering
                if a.kind == "indirect" and a.frame == "paren" and a.cue is not None and not in_quote[a.cue]
                and not _unquoted_words(doc, a.fragments, in_quote)
            ),
            None,
        )
        if spoken is not None:  # “…,” Mr. Obama said, “…”: every word of the content is quoted
            spoken.fragments = sorted(
                sp for other in stretches for sp in other.spans if _overlap(spoken.fragments, [sp]) > 0
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
            if a.kind != "direct":
                if (
                    previous is not None
                    and previous.cue == a.cue
                    and _adjacent(text, previous.fragments, spans)
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
        holders = [a for a in covering if _overlap(a.fragments, spans) >= 0.8 * slen]
        own = _introduced_by_own_cue(doc, text, st, in_quote, holders)
        if own is not None:  # …, and when pressed, the aide replied, “It is meant …”
            out.append(own)
            previous = own
            continue
        if holders:
            for a in covering:
                if _overlap(a.fragments, spans) >= 0.8 * slen and a.kind == "indirect":
                    if a.cue is not None and distanced(doc, text, st, a.cue):
                        out.remove(a)  # the cinema showed "Gone with the Wind": a title, not speech
                        continue
                    a.kind = "mixed"
            continue
        quoted = text[st.inner_start : st.inner_end]
        container = _container(runners_up, spans, slen, in_quote)
        if container is not None and container.cue is not None and distanced(doc, text, st, container.cue):
            continue
        if container is not None:  # called them “deplorables”: a mixed quote over the reported clause
            container.kind = "mixed"
            out.append(container)
            runners_up.remove(container)
            continue
        if word_count(quoted) <= MAX_FRAGMENT_WORDS and not _sentence_like(quoted):
            continue
        if _named_title(text, st, quoted):
            continue  # an episode of “The Steve Harvey Morning Show,” …: a title, however punctuated
        cue, subj = cue_near(doc, st, in_quote, text)
        if cue is not None:
            merged = by_cue.get(cue.i)
            if (
                merged is not None
                and merged.kind == "direct"
                and _adjacent(text, merged.fragments, spans)
                and not _phrase_in_sentence(text, st)
            ):
                merged.fragments = sorted(merged.fragments + spans)
                previous = merged
                continue
            if merged is None or merged.kind != "direct":
                if word_count(quoted) < 3 and title_like(quoted):
                    continue
                a = _Attribution(cue.i, spans, subj.i if subj is not None else None, 0.6, "direct")
                out.append(a)
                by_cue.setdefault(cue.i, a)
                previous = a
                continue
        if (
            previous is not None
            and previous.kind == "direct"
            and _same_paragraph(text, previous.fragments, spans)
            and not _phrase_in_sentence(text, st)
        ):
            previous.fragments = sorted(previous.fragments + spans)  # “…,” said X. “More of it.”
            continue
        if word_count(quoted) < MIN_UNCUED_WORDS or title_like(quoted):
            continue  # a title or a scare quote, not speech
        source = _last_attribution_before(out, st.start)
        if source is not None:
            a = _Attribution(None, spans, None, 0.4, "direct", speaker_from=source)
            out.append(a)
            previous = a
    return out


CONTINUATION_REACH = 400  # characters back to the attribution an uncued quotation continues


def _last_attribution_before(found: list[_Attribution], start: int) -> _Attribution | None:
    """The attribution a quotation with no cue of its own continues: the nearest one ending shortly
    before it, of any kind ("…, Schiff said. “The other factor …”" continues Schiff's indirect speech)."""
    before = [a for a in found if 0 <= start - a.fragments[-1][1] < CONTINUATION_REACH]
    return max(before, key=lambda a: a.fragments[-1][1], default=None)


def _introduced_by_own_cue(
    doc: Doc, text: str, st: Stretch, in_quote: list[bool], holders: list[_Attribution]
) -> _Attribution | None:
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
    own = _Attribution(cue.i, list(st.spans), subj.i, 0.6, "direct")
    if not all(_cut_before(doc, a, own) for a in holders):
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
    runners_up: list[_Attribution], spans: list[tuple[int, int]], slen: int, in_quote: list[bool]
) -> _Attribution | None:
    """The likeliest runner-up whose content holds the quoted stretch and more (its clause)."""
    best = None
    for a in runners_up:
        if a.cue is None or in_quote[a.cue]:
            continue
        holds = _overlap(a.fragments, spans) >= 0.8 * slen and _length(a.fragments) > 1.25 * slen
        if holds and (best is None or a.prob > best.prob):
            best = a
    return best


TITLE_INTRODUCERS = frozenset({"of", "on", "in", "at", "book", "show", "program", "film", "titled", "called"})


def _named_title(text: str, st: Stretch, quoted: str) -> bool:
    """A short Title Case stretch right after a preposition or a noun that names works ("on CBS's “Face
    the Nation,”", "his book ''Make Your Kid a Millionaire,''") is a title, even with a comma inside."""
    if not title_like(quoted.rstrip(",.;:")) or word_count(quoted) > MAX_TITLE_WORDS:
        return False
    before = [w.strip(",").lower() for w in text[max(0, st.start - 40) : st.start].split()]
    if before and before[-1].endswith(("'s", "’s")):  # on CBS's “Face the Nation”
        before = before[:-1]
    return bool(before) and before[-1] in TITLE_INTRODUCERS


def _sentence_like(quoted: str) -> bool:
    """A quotation that reads as a sentence of its own (capitalised, closed by punctuation)."""
    q = quoted.strip()
    return bool(q) and q[0].isupper() and q[-1] in ".!?,"


def _phrase_in_sentence(text: str, st: Stretch) -> bool:
    """A quoted phrase the sentence runs on from (“You squeezed employees” to drive up …): part of a
    mixed clause, never the continuation of someone's direct quotation."""
    inner = text[st.inner_start : st.inner_end].rstrip()
    after = text[st.end : st.end + 40].lstrip(" \t")
    return bool(inner) and inner[-1] not in ".,!?;:…—-" and bool(after) and (after[0].islower())


def _same_paragraph(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    gap = text[a[-1][1] : b[0][0]]
    return 0 <= len(gap) <= 300 and "\n" not in gap


def _adjacent(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Two quoted fragments separated only by a short attribution (“…,” he said, “…”)."""
    gap = text[a[-1][1] : b[0][0]] if a[-1][1] <= b[0][0] else text[b[-1][1] : a[0][0]]
    return len(gap) <= 60 and "\n" not in gap.strip(" ")


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Every attributed quote in `doc`, in text order, with offsets into `doc.text`."""
    text = doc.text
    stretches = find_stretches(text)
    in_quote = token_quote_mask(doc, stretches)
    accepted, runners_up = _scored_candidates(doc, in_quote)
    for a in accepted:
        _close_open_quotation(a, stretches)
        _extend_over_coordination(doc, a)
        _drop_narrated_tail(doc, a, in_quote)
    found = _refine_with_stretches(doc, accepted, runners_up, stretches, in_quote, text)
    found.sort(key=lambda a: a.fragments[0][0])
    resolver = EntityResolver(doc)
    quotes: list[Quote] = []
    resolved: dict[int, Quote] = {}
    for a in found:
        frags = tuple(sorted((s, e) for s, e in a.fragments if e > s))
        if not frags:
            continue
        start, end = frags[0][0], frags[-1][1]
        cue = doc[a.cue] if a.cue is not None else None
        cue_span = _cue_span(cue) if cue is not None else None
        speaker, mention, stype = None, None, "unknown"
        if a.source is None and cue is not None and a.speaker_from is None:
            fallback = adjacent_name(doc, cue)
            if fallback is not None and not in_quote[fallback.i]:
                # a name inside the reported content is not its source
                inside = any(s <= fallback.idx < e for s, e in frags)
                a.source = None if inside else fallback.i
        if a.source is not None:
            speaker, mention, stype = resolver.resolve(doc[a.source])
        elif a.speaker_from is not None and id(a.speaker_from) in resolved:
            prior = resolved[id(a.speaker_from)]  # the continued quote's mention is the one its cue names
            speaker, mention, stype = prior.speaker, prior.speaker_mention, prior.speaker_type
            resolver.note_quote_speaker(speaker)
        q = Quote(
            text=" … ".join(text[s:e] for s, e in frags),
            start=start,
            end=end,
            spans=frags,
            kind=a.kind,
            cue=cue_span,
            speaker=speaker,
            speaker_mention=mention,
            speaker_type=stype,  # type: ignore[arg-type]
            confidence=round(a.prob, 4),
        )
        resolved[id(a)] = q
        quotes.append(q)
    return tuple(quotes)


def _cue_span(tok: Token) -> Span:
    """The cue's text span: the head word plus a following 'to' (according to) or particle."""
    doc = tok.doc
    end = tok.i + 1
    if (end < len(doc) and doc[end].dep_ in ("prt",)) or (tok.lower_ == "according" and end < len(doc)):
        end += 1
    span = doc[tok.i : end]
    return Span(span.text, span.start_char, span.end_char)
