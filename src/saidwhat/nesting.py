"""Attributions inside other attributions' content: which reading stays, and where the outer one ends.

The parser hangs a second report on the first one's content ("May said that … and suggested that …"),
and verbs of a reported clause look like cues of their own ("said she wanted to … and let them know");
`unnest` keeps a nested report only where it is one (a quotation with its own cue, a relative clause
naming a quotation, a second coordinated report) and ends the outer content before it. Two readings of
one cue cannot both stand where one's content is the other's speaker (`without_own_speaker_reported`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.candidate import relative_report_pronoun
from saidwhat.content import Attribution, length, overlap
from saidwhat.quote_cues import speech_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SAME_SHARE = 0.9  # an indirect report sharing this much of a quote's text both ways is that quote again


def unnest(doc: Doc, text: str, found: list[Attribution], in_quote: list[bool]) -> list[Attribution]:
    """Resolve attributions whose cue lies inside another's content. A quotation with its own cue
    (…, the mother replied, “It's meant …”) keeps it and ends the outer content before it; any
    other inner reading is dropped (see `_inside`)."""
    found = [k for k in found if not any(_holds_whole_report(doc, k, a) for a in found if a is not k)]
    out = []
    for a in found:
        outers = [k for k in found if k is not a and _inside(doc, k, a)]
        cuts = [_coordinated_cut(doc, text, k, a) or _next_sentence_cut(doc, text, k, a) for k in outers]
        if outers and all(cut is not None for cut in cuts):
            # "said that … and suggested that …": two reports, the first ends before the second
            for k, cut in zip(outers, cuts, strict=True):
                k.fragments = cut or k.fragments
            if a.cue is not None and _own_subject(doc[a.cue]) is None:
                a.source = outers[0].source  # the second verb shares the first's source
            out.append(a)
            continue
        own_quote = not outers or (
            a.cue is not None
            and speech_cue(doc[a.cue])
            and _quoted_share(doc, a, in_quote) >= 0.8
            and all(cut_before(doc, text, k, a) for k in outers)
        )
        if own_quote or _relative_report(doc, a) is not None or _relative_naming(doc, a, in_quote):
            out.append(a)
    return [a for a in out if a.fragments]


def _holds_whole_report(doc: Doc, outer: Attribution, inner: Attribution) -> bool:
    """Is `outer` a likelier report's whole attribution, speaker and cue, read as the prepositional
    object of a verb that reports nothing ("clashed …, with Republican Dale Whitaker accusing his
    opponent of “…”")? The clause is the inner report's; the outer reading goes."""
    if outer.frame != "prep" or outer.cue is None or inner.source is None or inner.prob <= outer.prob:
        return False
    if speech_cue(doc[outer.cue]) or not _cue_within(doc, inner, outer.fragments):
        return False
    cue = doc[inner.cue] if inner.cue is not None else None
    if cue is None or cue.dep_ != "pcomp" or cue.head.lower_ != "with":
        return False  # the absolute "with X doing …" only: "cited the research of Saez, who found …" stays
    at = doc[inner.source].idx
    return any(s <= at < e for s, e in outer.fragments)


def _relative_naming(doc: Doc, a: Attribution, in_quote: list[bool]) -> bool:
    """ "the remarks, which he called “stupid and hurtful”": a relative clause whose own cue frames a
    quotation is a report of its own inside the outer content (which keeps it, or drops it as the
    reporter's gloss), not a reading of the outer one to drop."""
    if a.cue is None or a.frame not in ("obj_pred", "dobj"):  # dobj: "which he declared “a disaster”"
        return False
    cue = doc[a.cue]
    if cue.dep_ != "relcl" or not speech_cue(cue):
        return False
    if a.frame == "dobj" and relative_object(cue) is None:
        return False  # "an editorial that accuses Sanders of …": the relative pronoun is the subject
    return any(in_quote[t.i] for t in cue.subtree if t.i > cue.i)


def around_relative_speakers(doc: Doc, found: list[Attribution]) -> None:
    """A relative clause's content is its pronoun and what follows the cue, not who speaks in between,
    as PolNeAR marks it (train: 184 such contents, none running over the cue): "which … were accompanied
    by favors" (the pronoun the reported clause's subject), "which … “stupid and hurtful.”" (the
    verb's object, which refine.py started the quote at)."""
    for a in found:
        if a.cue is None or a.cue + 1 >= len(doc) or not a.fragments:
            continue
        pronoun = _relative_report(doc, a)
        if pronoun is None and (named := relative_object(doc[a.cue])) is not None:
            pronoun = named if a.fragments[0][0] == named.idx else None
        after = doc[a.cue + 1].idx
        rest = [(max(s, after), e) for s, e in a.fragments if e > after]
        if pronoun is not None and rest and pronoun.idx < after:
            a.fragments = [(pronoun.idx, pronoun.idx + len(pronoun)), *rest]


def _relative_report(doc: Doc, a: Attribution) -> Token | None:
    """The relative pronoun of "his donations, which he said were accompanied by favors": a relative
    clause whose verb reports what its pronoun did is a report of its own inside the outer content
    (PolNeAR marks both), not a verb of that content to drop (candidate.relative_report_pronoun)."""
    if a.cue is None or a.frame != "ccomp" or not speech_cue(doc[a.cue]):
        return None
    return relative_report_pronoun(doc[a.cue])


def relative_object(cue: Token) -> Token | None:
    """The relative pronoun a relative clause's verb takes as its object ("which he declared “a total
    disaster”"; a free relative's "what": "over what former employees have called a “fraudulent
    scheme”"), or None."""
    relative = cue.dep_ == "relcl"
    return next(
        (
            c
            for c in cue.children
            if c.dep_ == "dobj"
            and c.i < cue.i
            and (c.tag_ in ("WDT", "WP") if relative else c.lower_ == "what")
        ),
        None,
    )


COORDINATORS = frozenset({"and", "but"})
CONCESSIVES = frozenset({"though", "although", "while", "whereas"})


def _own_subject(cue: Token) -> Token | None:
    return next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)


def _coordinated_cut(
    doc: Doc, text: str, outer: Attribution, inner: Attribution
) -> list[tuple[int, int]] | None:
    """`outer`'s content ending before `inner`, when `inner` is a second report coordinated with
    `outer`'s rather than speech inside its content; None when it is not. "May said that the country
    would leave … and suggested that it would withdraw …", "Republicans said they were convinced … and
    Democrats accused the GOP of …": the parser hangs the second verb inside the first content, whose
    tail is the second report, opened by a coordinator."""
    if inner.cue is None or outer.cue is None or not inner.fragments or not outer.fragments:
        return None
    cue = doc[inner.cue]
    participle = cue.dep_ == "acl" and cue.tag_ == "VBG"  # "defended plans …, telling MPs …" (on "plans")
    if (cue.dep_ not in ("conj", "ccomp", "advcl") and not participle) or cue.pos_ != "VERB":
        return None
    if inner.fragments[0][0] < cue.idx:
        return None
    if inner.fragments[-1][1] > outer.fragments[-1][1] + 1:
        return None
    subject = _own_subject(cue)
    # "and almost immediately disclosed", "and has also said"
    opener = subject.left_edge.i if subject is not None else _verb_phrase_start(cue)
    while opener > 1 and doc[opener - 1].is_quote and doc[opener - 2].text == ",":
        opener -= 1  # “…,” adding that …: the comma before the closing mark opens the second report
    cc = doc[opener - 1] if opener > 0 else None
    if cc is None or cc.idx <= outer.fragments[0][0]:
        return None
    if cc.lower_ in CONCESSIVES and subject is not None and opener > 1 and doc[opener - 2].text == ",":
        cc = doc[opener - 2]  # "…, though she noted clients are beginning to …"
    elif cc.text == "," and subject is None and cue.tag_ == "VBG":
        pass  # "…, arguing that it was divisions in the party": a second report by the same source
    elif cc.lower_ not in COORDINATORS or participle:
        return None
    return _fragments_before(text, outer.fragments, cc.idx) or None


def _next_sentence_cut(
    doc: Doc, text: str, outer: Attribution, inner: Attribution
) -> list[tuple[int, int]] | None:
    """A colon introduction's content runs to its paragraph's end ("Mills said: “The state is ready.”
    She added that …"); a report whose cue and subject open a later sentence there is its own, and the
    colon's content ends before that sentence. None when not so."""
    if outer.frame != "colon" or outer.cue is None or inner.cue is None or inner.source is None:
        return None
    cue, subject = doc[inner.cue], doc[inner.source]
    if cue.sent.start == doc[outer.cue].sent.start or subject.sent.start != cue.sent.start:
        return None
    start = cue.sent[0].idx
    if not outer.fragments[0][0] < start <= inner.fragments[0][0]:
        return None
    return _fragments_before(text, outer.fragments, start) or None


def _quoted_share(doc: Doc, a: Attribution, in_quote: list[bool]) -> float:
    span = doc.char_span(a.fragments[0][0], a.fragments[-1][1], alignment_mode="expand")
    if span is None or not len(span) or a.cue is None or in_quote[a.cue]:
        return 0.0
    return sum(in_quote[t.i] for t in span) / len(span)


def cut_before(doc: Doc, text: str, outer: Attribution, inner: Attribution) -> bool:
    """End `outer`'s content where `inner`'s attribution begins; False when nothing would be left.
    (`text` is `doc.text`, which spaCy rebuilds on every access.)"""
    assert inner.cue is not None
    cue = doc[inner.cue]
    start = min(cue.idx, inner.fragments[0][0])
    if inner.source is not None:
        start = min(start, _attribution_start(doc, cue, doc[inner.source]))
    kept = _fragments_before(text, outer.fragments, start)
    if not kept or outer.fragments[0][0] >= start:
        return False
    outer.fragments = kept
    return True


def _attribution_start(doc: Doc, cue: Token, source: Token) -> int:
    """Where the attribution of `cue` by `source` begins: at the source, or where the cue shares the
    subject of the verb it is coordinated with, at the coordinator ("that he handed her a folder | and
    said, “…”": the handing is what was told, not part of the second report)."""
    if cue.dep_ != "conj" or source.head.i == cue.i or source.i > cue.i:
        return source.left_edge.idx
    opener = _verb_phrase_start(cue)
    cc = doc[opener - 1] if opener > 0 else None
    if cc is not None and cc.lower_ in COORDINATORS and cc.i > source.i:
        return cc.idx
    return source.left_edge.idx


def _verb_phrase_start(verb: Token) -> int:
    """Where a subjectless verb's phrase begins: before the adverbs, auxiliaries and particles in front
    of it ("and almost immediately disclosed", "and has also said")."""
    doc = verb.doc
    opener = verb.i
    while opener > 0 and doc[opener - 1].pos_ in ("ADV", "AUX", "PART"):
        opener -= 1
    return opener


def _fragments_before(text: str, fragments: list[tuple[int, int]], position: int) -> list[tuple[int, int]]:
    """The fragments cut at character `position`, each ending on a word; those left with nothing dropped."""
    kept = [(s, _rstrip_to_word(text, s, min(e, position))) for s, e in fragments if s < position]
    return [(s, e) for s, e in kept if e - s > 1]


def _rstrip_to_word(text: str, start: int, end: int) -> int:
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "\"'”’)":
        end -= 1
    return end


def _cue_within(doc: Doc, a: Attribution, content: list[tuple[int, int]]) -> bool:
    if a.cue is None:
        return False
    at = doc[a.cue].idx
    return any(s <= at < e for s, e in content)


def _inside(doc: Doc, outer: Attribution, inner: Attribution) -> bool:
    """Does `inner` report speech inside `outer`'s content? Reported speech within reported speech is
    rare (0.6% of PolNeAR's attributions): far more often the inner cue is a verb of the reported
    clause ("said she wanted to … and let them know that …"), so the inner reading is dropped. Where
    each cue lies inside the other's content the likelier reading stays."""
    if not _cue_within(doc, inner, outer.fragments):
        return False
    return not _cue_within(doc, outer, inner.fragments) or outer.prob > inner.prob


def without_own_speaker_reported(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """A cue does not report its own speaker. After an inverted cue the parser may read a quotation as
    the subject and the name as the object ("“Thanks!” shouted Mayor Elena Marsh"): one reading makes
    the quotation the name's, the other a report of "Mayor Elena Marsh" by "Thanks". An indirect report
    whose content holds the source of another reading of its cue is dropped."""
    sources = [(id(b), b.cue, doc[b.source].idx) for b in found if b.cue is not None and b.source is not None]

    def reports_own_speaker(a: Attribution) -> bool:
        return a.kind == "indirect" and any(
            other != id(a) and cue == a.cue and any(s <= idx < e for s, e in a.fragments)
            for other, cue, idx in sources
        )

    return [a for a in found if not reports_own_speaker(a)]


def without_quotes_inside_quotes(found: list[Attribution]) -> list[Attribution]:
    """A quotation with no cue of its own that lies inside another quote (“… what he calls “hell” …”,
    its inner marks typed like the outer ones) is part of that quote, not a second one."""
    quoted = [a for a in found if a.kind in ("direct", "mixed")]

    def inside_another(a: Attribution) -> bool:
        size = length(a.fragments)
        return any(
            b is not a
            and overlap(b.fragments, a.fragments) >= size
            and (b.cue is not None or length(b.fragments) > size)
            for b in quoted
        )

    def repeats_one(a: Attribution) -> bool:
        """ "may have said it best when he blogged: “…”": two cues, one quotation; the quote keeps it."""
        size = length(a.fragments)
        return any(
            overlap(b.fragments, a.fragments) >= SAME_SHARE * max(size, length(b.fragments)) for b in quoted
        )

    return [
        a
        for a in found
        if not (a.cue is None and a.kind == "direct" and inside_another(a))
        and not (a.kind == "indirect" and repeats_one(a))
    ]


def without_shared_fragments(found: list[Attribution]) -> list[Attribution]:
    """A fragment of a direct quote that another quote already holds whole is that quote's: `told
    supporters that Denton had "never met a subsidy he didn't like.` ¶ `"He wants you to forget it,"
    Ortega continued` is one quotation over a paragraph break, but its first paragraph closes the mixed
    quote of "told"; the direct quote of "continued" keeps the rest. Each word is reported once."""
    for a in found:
        if a.kind != "direct" or len(a.fragments) < 2:
            continue
        holders: list[Attribution] = []
        for f in a.fragments[:-1]:  # the leading fragments only, each ending a clause begun before it
            holder = next(
                (
                    b
                    for b in found
                    if b is not a and b.fragments[0][0] < f[0] and overlap(b.fragments, [f]) >= f[1] - f[0]
                ),
                None,
            )
            if holder is None:
                break
            holders.append(holder)
        if not holders:
            continue
        a.fragments = a.fragments[len(holders) :]
        for holder in holders:
            if holder.kind == "indirect":
                holder.kind = "mixed"  # the reported clause holds quoted words
    return found
