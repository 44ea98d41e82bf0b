"""Find every attributed quote in a parsed Doc: syntax proposes, the cue model decides, marks refine.

1. frames.py proposes (cue, content, source) candidates from the parse; cues.py scores them.
2. Quoted stretches (quotemarks.py) refine the accepted ones: content that is all quoted becomes a
   `direct` quote spanning exactly the quoted words; content with quoted fragments is `mixed`.
3. Quoted stretches no accepted candidate covers get their cue from their own or the adjacent sentence
   ("…,” he said, “…” is one quote with two spans), or are spoken by the person the sentence before
   is about ("Jones was furious. “This is a disgrace.”"), or continue the previous quote's speaker; short
   quoted phrases with no cue are titles or scare quotes and are dropped.
4. speakers.py turns each source token into a mention and a canonical entity.
Steps 2 and 3 live in refine.py; content.py holds the attribution record and the rules for where a
reported clause starts and ends.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from saidwhat.adjacent_names import ADDRESSEE_VERBS, adjacent_name, stranded_subject
from saidwhat.calibration import Mode, Origin, load_calibration
from saidwhat.candidate import Candidate
from saidwhat.content import (
    Attribution,
    char_frags,
    close_open_quotation,
    drop_narrated_tail,
    drop_subjectless_resumption,
    end_before_inverted_source,
    end_with_opening_quotation,
    end_with_predicative_quotation,
    extend_over_coordination,
    length,
    overlap,
    start_after_dateline,
    start_at_introduced_quotation,
    with_both_marks,
)
from saidwhat.cues import CueModel, features, load_model, probability_of
from saidwhat.frames import candidates_for, proposers
from saidwhat.headlines import colon_positions, first_line_end
from saidwhat.models import Quote, QuoteKind, Span, SpeakerType
from saidwhat.nesting import (
    around_relative_speakers,
    unnest,
    without_own_speaker_reported,
    without_quotes_inside_quotes,
    without_shared_fragments,
)
from saidwhat.next_acts import end_before_stranded_subject
from saidwhat.quotemarks import Stretch, find_stretches
from saidwhat.refine import disjoint, refine_with_stretches
from saidwhat.source_fixes import document_issuer, impersonal_it, instrument_user, made_clear_by, time_spender
from saidwhat.speakers import EntityResolver
from saidwhat.statement_clauses import statement_made_in
from saidwhat.subjects import (
    dateline_appositive,
    displaced_subject,
    holds_its_subject,
    impersonal_passive,
    participle_subject,
    reaction_agent,
    reaction_frame,
    share_subject,
    sourceless,
)
from saidwhat.thresholds import frame_threshold
from saidwhat.transcripts import transcript_turns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DEDUP_JACCARD = 0.75
CONTAINER_MIN_PROB = 0.2  # tuned on dev (flat between 0.2 and 0.3)


def token_quote_mask(doc: Doc, stretches: list[Stretch]) -> list[bool]:
    """For each token: does it lie inside a quoted stretch?"""
    mask = [False] * len(doc)
    if not stretches:
        return mask
    from spacy.attrs import IDX

    bounds = sorted((s, e) for st in stretches for s, e in st.spans)
    k = 0
    for i, pos in enumerate(doc.to_array(IDX).tolist()):  # offsets without building a Token per word
        while k < len(bounds) and bounds[k][1] <= pos:
            k += 1
        if k < len(bounds) and bounds[k][0] <= pos:
            mask[i] = True
    return mask


class CandidateScorer(Protocol):
    """What can stand in for the cue model's own probabilities (encoder.EncoderScorer, the accurate
    mode): one probability per candidate from the document and the string model's logits, and the
    thresholds those probabilities are meant for."""

    threshold: float

    def threshold_for(self, frame: str) -> float: ...

    def probabilities(self, doc: Doc, candidates: list[Candidate], logits: list[float]) -> list[float]: ...


def _scored_candidates(
    doc: Doc, text: str, in_quote: list[bool], scorer: CandidateScorer | None = None
) -> tuple[list[Attribution], list[Attribution]]:
    """Accepted attributions (best frame per cue, above the model's threshold, deduplicated) and the
    plausible runners-up, which may still frame a quoted fragment as mixed speech."""
    model = load_model()
    candidates = _candidates(doc, model)
    logits = [model.logit(features(doc, cand, in_quote)) for cand in candidates]
    if scorer is None:
        probabilities = [probability_of(z) for z in logits]
        judge: CueModel | CandidateScorer = model
    else:
        probabilities = scorer.probabilities(doc, candidates, logits)
        judge = scorer
    best: dict[int, tuple[float, Candidate]] = {}
    with_object: dict[int, tuple[float, Candidate]] = {}  # accepted obj_pred candidates, by cue
    runners_up: list[Attribution] = []
    for cand, p in zip(candidates, probabilities, strict=True):
        tok = doc[cand.cue]
        accepted = p >= frame_threshold(judge, cand, tok)
        if accepted and cand.frame == "obj_pred":
            with_object[cand.cue] = (p, cand)
        if accepted and p > best.get(cand.cue, (0.0, cand))[0]:
            best[cand.cue] = (p, cand)
        elif p >= CONTAINER_MIN_PROB and not _no_statement(doc, cand):
            runners_up.append(
                Attribution(cand.cue, char_frags(doc, cand.content), cand.source, p, frame=cand.frame)
            )
    for cue, (p, cand) in list(best.items()):
        if cand.frame == "xcomp" and cue in with_object and _holds(with_object[cue][1], cand):
            best[cue] = (p, with_object[cue][1])  # urged both sides to return …: the one urged is content
    # "told the BBC's “Today” programme that …": beside what was told, the object is the one told, which
    # holds no one's words however quoted
    runners_up = [
        r
        for r in runners_up
        if not (r.frame == "dobj" and r.cue in best and doc[r.cue].lower_ in ADDRESSEE_VERBS)
    ]
    return _accepted(doc, text, best, in_quote), runners_up


def _holds(outer: Candidate, inner: Candidate) -> bool:
    """Does one candidate's content span the other's (an object and its infinitive, the infinitive)?"""
    return outer.content[0][0] <= inner.content[0][0] and outer.content[-1][1] >= inner.content[-1][1]


def _candidates(doc: Doc, model: CueModel) -> list[Candidate]:
    """Every candidate attribution the parse proposes, in token order (a word the model never saw as a
    cue proposes none: `CueModel.may_cue`)."""
    line_end = first_line_end(doc)
    colons = colon_positions(doc)
    out: list[Candidate] = []
    for i in proposers(doc, line_end):
        tok = doc[i]
        if model.may_cue(tok):
            out.extend(candidates_for(tok, line_end, colons))
    return out


def _accepted(
    doc: Doc, text: str, best: dict[int, tuple[float, Candidate]], in_quote: list[bool]
) -> list[Attribution]:
    found = [
        Attribution(c.cue, char_frags(doc, c.content), c.source, p, frame=c.frame)
        for p, c in best.values()
        if not _no_statement(doc, c)
    ]
    found.sort(key=lambda a: -a.prob)
    kept: list[Attribution] = []
    for a in found:  # two cues proposing the same content: keep the likelier
        la = length(a.fragments)
        same = next(
            (
                n
                for n, k in enumerate(kept)
                if overlap(a.fragments, k.fragments) >= DEDUP_JACCARD * max(la, length(k.fragments))
                or (overlap(a.fragments, k.fragments) == la and statement_made_in(doc, a.cue, k.cue))
                or _names_the_message(doc, text, k, a)
            ),
            None,
        )
        if same is None:
            kept.append(a)
        elif _names_the_message(doc, text, kept[same], a):
            a.source = kept[same].source  # the one who released it, not "a statement"
            kept[same] = a
    return unnest(doc, text, kept, in_quote)


def _names_the_message(doc: Doc, text: str, outer: Attribution, inner: Attribution) -> bool:
    """Is `outer` a verb whose object is the message `inner`'s cue speaks for ("released a statement
    saying the senator “will not be lectured …”")? The words are the message's, after its participle,
    as PolNeAR has them, not "a statement saying …"; the source stays the one who released it. Asked of
    every pair of accepted candidates, so the cheap tests on the parse come first."""
    if outer.frame != "dobj" or inner.cue is None or outer.cue is None:
        return False
    cue = doc[inner.cue]
    if cue.tag_ != "VBG" or cue.dep_ != "acl" or cue.head.dep_ != "dobj" or cue.head.head.i != outer.cue:
        return False
    if any(c.dep_ in ("aux", "nsubj", "mark") for c in cue.children):
        return False  # not "rejected the notion that the campaign is calling …"
    if doc[cue.i - 1].is_punct:
        return False  # not "her “50-state strategy,” promising to …": set off, an act of its own
    start, end = outer.fragments[0][0], outer.fragments[-1][1]
    between = text[cue.idx + len(cue) : inner.fragments[0][0]]
    return (
        start <= cue.idx < end
        and overlap(inner.fragments, outer.fragments) == length(inner.fragments)
        and not any(c.isalnum() for c in between)  # not "an ad calling it “dangerous” that …"
    )


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


REFUSING_VERBS = frozenset({"decline", "declines", "declined", "declining", "refuse", "refuses", "refused"})
TOPIC_PREPOSITIONS = frozenset({"on", "about", "regarding"})
SILENT_CUES = frozenset(
    {"comment", "commented", "respond", "responds", "responded", "reply", "replies", "replied"}
)  # refused or negated, these report silence


def _silent(tok: Token) -> bool:
    """A comment or response refused or negated: "declined to comment", "did not respond"."""
    if tok.lower_ not in SILENT_CUES:
        return False
    negated = any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))
    return negated or tok.head.lower_ in REFUSING_VERBS


def _no_statement(doc: Doc, cand: Candidate) -> bool:
    """ "declined to comment", "did not respond to requests for comment": reported silence, not speech.
    So is the topic of a refusal ("declined to comment on the delay", "would not comment on the
    report"), whether the refusal or the comment is taken as the cue."""
    cue = doc[cand.cue]
    if _silent(cue) or (cue.dep_ == "pobj" and _silent(cue.head.head)):
        return True  # "did not respond to questions about the donations": nor are the questions
    start = cand.fragments[0][0] if cand.fragments else 0
    if cand.frame == "prep" and cue.lower_ in ON_BEHALF_CUES and start > 0 and doc[start - 1].lower_ == "for":
        return True  # "Writing for the court, Judge Motz said …": whom the words stand for, not the words
    first = [doc[j].lower_ for s, e in cand.fragments[:1] for j in range(s, min(e, s + 3))]
    if first[:2] in (["to", "comment"], ["to", "respond"]) and first[2:3] and first[2] in TOPIC_PREPOSITIONS:
        return True
    if sum(e - s for s, e in cand.fragments) > 2 * NO_STATEMENT_MAX_WORDS:
        return False  # far too long to be "declined to comment"
    words = [doc[j].lower_ for s, e in cand.fragments for j in range(s, e) if not doc[j].is_punct]
    if _anonymity(doc[cand.cue], words):
        return True
    return (
        len(words) <= NO_STATEMENT_MAX_WORDS
        and all(w in NO_STATEMENT_WORDS for w in words)
        and bool(
            {"comment", "respond", "reply", "return", "calls", "requests", "inquiries", "messages"}
            & set(words)
        )
    )


# verbs whose "for" names whom the words are written or spoken for ("writing for the majority"); PolNeAR
# train and dev annotate none of their five "writing/speaking for …" as an attribution's content
ON_BEHALF_CUES = frozenset({"write", "writes", "wrote", "writing", "speak", "speaks", "spoke", "speaking"})
IDENTITY_WORDS = frozenset({"name", "named", "identified", "identify", "identity"})
ANONYMITY_WORDS = IDENTITY_WORDS | frozenset(
    {"to", "give", "provide", "disclose", "be", "not", "publicly", "her", "his", "their", "full", "last"}
    | {"herself", "himself", "themselves", "because"}
)


def _anonymity(cue: Token, words: list[str]) -> bool:
    """ "who declined to give her name", "asked not to be named" (also "… because the talks are private":
    the reason is the reporter's): a source's anonymity, not speech (`words`: the content's words, lower
    case, without punctuation)."""
    if cue.lower_ not in REFUSING_VERBS and cue.lower_ not in ("asked", "asking", "requested"):
        return False
    words = words[: words.index("because")] if "because" in words else words
    return bool(words) and all(w in ANONYMITY_WORDS for w in words) and not IDENTITY_WORDS.isdisjoint(words)


def find_quotes(
    doc: Doc, text: str | None = None, scorer: CandidateScorer | None = None
) -> tuple[Quote, ...]:
    """Every attributed quote in `doc`, in text order, with offsets into `doc.text`. `text` is
    `doc.text` where the caller has it (spaCy joins every token to build it); `scorer` replaces the cue
    model's probabilities (the accurate mode: encoder.load_scorer()). Confidences are calibrated
    (calibration.py)."""
    calibration = load_calibration()
    mode: Mode = "default" if scorer is None else "accurate"
    return tuple(
        replace(q, confidence=calibration.confidence(q.confidence, q.kind, origin, mode))
        for q, origin in quotes_with_origins(doc, text, scorer)
    )


def quotes_with_origins(
    doc: Doc, text: str | None = None, scorer: CandidateScorer | None = None
) -> list[tuple[Quote, Origin]]:
    """`find_quotes` before calibration: each quote with its raw value as confidence and the rule that
    made it (what scripts/calibrate.py fits the calibration on)."""
    text = doc.text if text is None else text
    stretches = find_stretches(text)
    in_quote = token_quote_mask(doc, stretches)
    accepted, runners_up = _scored_candidates(doc, text, in_quote, scorer)
    for a in accepted:
        close_open_quotation(a, stretches)
        extend_over_coordination(doc, a)
        drop_narrated_tail(doc, a, in_quote)
        end_before_stranded_subject(doc, a, text)
        end_with_opening_quotation(doc, a, stretches, text)
        end_with_predicative_quotation(doc, a, stretches)
        start_at_introduced_quotation(doc, a, stretches, text)
        end_before_inverted_source(doc, a, stretches, text)
        drop_subjectless_resumption(doc, a)
        start_after_dateline(doc, a)
        if a.cue is not None and a.source is not None:
            a.source = _source_after_scoring(doc[a.cue], doc[a.source])
    found = refine_with_stretches(doc, accepted, runners_up, stretches, in_quote, text)
    found = without_shared_fragments(without_quotes_inside_quotes(found))
    found = without_own_speaker_reported(doc, found)
    around_relative_speakers(doc, found)
    found = _with_transcript_turns(doc, text, found, stretches)
    found.sort(key=lambda a: a.fragments[0][0])
    # what holds its cue's own subject ("Mayor Brooks is expected to sign it") is the reporter's narration
    contents = [
        f for a in found if not holds_its_subject(doc, a.source, a.cue, a.fragments) for f in a.fragments
    ]
    resolver = EntityResolver(doc, contents=contents, text=text)
    quotes: list[tuple[Quote, Origin]] = []
    resolved: dict[int, Quote] = {}
    for a in found:
        frags = with_both_marks(disjoint(a.fragments), stretches, text)
        if not frags:
            continue
        start, end = frags[0][0], frags[-1][1]
        cue = doc[a.cue] if a.cue is not None else None
        cue_span = _cue_span(cue) if cue is not None else None
        speaker, mention, stype = None, None, "unknown"
        unsourced = a.source is None and a.speaker_from is None and a.label is None
        if unsourced and cue is not None and not sourceless(cue):
            fallback = share_subject(cue) or participle_subject(cue) or displaced_subject(cue)
            fallback = fallback or adjacent_name(doc, cue)
            fallback = fallback and (dateline_appositive(fallback) or fallback)
            if fallback is not None and not in_quote[fallback.i]:
                # a name inside the reported content is not its source
                inside = any(s <= fallback.idx < e for s, e in frags)
                a.source = None if inside else fallback.i
        if a.frame == "headline" and a.cue is not None and a.cue > 0:
            a.label = _headline_label(doc, a.cue)  # "Rush Limbaugh: …": the kicker, not its parse
        if a.label is not None:
            first = doc.char_span(*a.label, alignment_mode="expand")
            unknown: SpeakerType = "person" if a.frame == "transcript" else "unknown"
            speaker, mention, stype = resolver.resolve_label(first.start if first else 0, *a.label, unknown)
        elif a.source is not None:
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
        quotes.append((q, a.origin))
    return quotes


def _source_after_scoring(cue: Token, source: Token) -> int | None:
    """Who speaks where the parse's source is a thing or an empty "it": the issuer of a statement, the
    user of a speech or a platform, the maker of "made it clear"; no one for an extraposed "It is
    worth noting that …". These run after the cue model has scored its candidates, whose features they
    would move (as a candidate feature the issuer rule cost the retrained model 0.3 on dev)."""
    if impersonal_passive(cue):  # "… but is expected to continue", "a community known to be …"
        return None
    if reaction_frame(cue):  # "Trump has faced criticism from rivals", "The documents raised questions"
        agent = reaction_agent(cue)
        return None if agent is None else agent.i
    replaced = (
        stranded_subject(cue)
        or document_issuer(cue, source)
        or instrument_user(cue, source)
        or made_clear_by(cue, source)
        or time_spender(cue, source)
        or dateline_appositive(source)
    )
    if replaced is not None:
        return replaced.i
    return None if impersonal_it(cue, source) else source.i


def _headline_label(doc: Doc, colon: int) -> tuple[int, int]:
    """The characters naming the speaker in a headline's words before its colon: the person named there
    ("Elizabeth Warren Hammers Wells Fargo CEO: …", "A lesson from Loretta Lynch: …"), else all of them
    ("Poll: …")."""
    person = next((e for e in doc.ents if e.end <= colon and e.label_ == "PERSON"), None)
    if person is not None:
        return person.start_char, person.end_char
    first = next((t for t in doc[:colon] if not t.is_space), doc[0])
    last = doc[colon - 1]
    return first.idx, last.idx + len(last)


def _turn_kind(content: tuple[int, int], stretches: list[Stretch]) -> QuoteKind:
    """A turn's kind by its marks, as for any quote (EVAL.md): the words of a turn printed inside
    quotation marks are `direct`; a turn printed bare after its label carries no marks and is
    `indirect` though verbatim (PolNeAR labels all 11 such turns of train so), or `mixed` where
    it quotes someone inside it ("… an episode of “Shark Tank.”")."""
    start, end = content
    inside = [st for st in stretches if st.start < end and st.end > start]
    if any(st.start <= start + 1 and st.end >= end - 1 for st in inside):
        return "direct"
    return "mixed" if inside else "indirect"


def _with_transcript_turns(
    doc: Doc, text: str, found: list[Attribution], stretches: list[Stretch]
) -> list[Attribution]:
    """A transcript's turns replace whatever the parse and the quotation marks made of them: its
    paragraphs, each opening with a quotation mark that the next one reopens, read as one long quote."""
    turns = transcript_turns(text)
    if not turns:
        return found
    ranges = [(t.paragraph_start, t.content[1]) for t in turns]
    kept = [a for a in found if not any(overlap(a.fragments, [r]) for r in ranges)]
    for t in turns:
        colon = doc.char_span(*t.colon, alignment_mode="expand")
        cue = colon.start if colon is not None and len(colon) else None
        kind = _turn_kind(t.content, stretches)
        kept.append(
            Attribution(
                cue, [t.content], None, 1.0, kind, frame="transcript", label=t.label, origin="transcript"
            )
        )
    return kept


def _cue_span(tok: Token) -> Span:
    """The cue's text span: the head word plus a following 'to' (according to) or particle."""
    doc = tok.doc
    end = tok.i + 1
    if (end < len(doc) and doc[end].dep_ in ("prt",)) or (tok.lower_ == "according" and end < len(doc)):
        end += 1
    span = doc[tok.i : end]
    if tok.text == "):":  # the tokenizer keeps a parenthesis and a label's colon together: the colon
        return Span(":", span.end_char - 1, span.end_char)
    return Span(span.text, span.start_char, span.end_char)
