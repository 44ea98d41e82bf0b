"""Candidate attributions from the dependency parse: a cue token, its content span(s), its source.

Each cue head proposes content under one or more *frames* (how the content hangs off the cue):
`ccomp` (said that …), `xcomp` (wants to …), `dobj` (announced the plan), `prep` (spoke about …),
`obj_pred` (called X “Y”), `noun_that` (his claim that …), `passive` (… was reported by X), `paren`
(…, he said, …), `according` (according to X, …), `in_poll` (In a CNN poll, …), `noun_to` (plans to
…), `colon` (said: …), `transcript` (PENCE: …) and, in the first line, `headline` (Poll: …) and
`headline_verb` (Christie Calls Clinton ‘A Disgrace’). Each candidate carries its source (subjects.py).
A learned scorer (cues.py) decides which of these candidates are attributions; this module only proposes
them, cheaply (edges, not subtrees).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.candidate import Candidate, minus, single_subject_before, trimmed
from saidwhat.headlines import (
    first_line_end,
    headline_colon,
    headline_size,
    headline_verb,
    paragraph_end,
    transcript_turn,
)
from saidwhat.mentions import SUBJECT_DEPS, inverted_subject_clause
from saidwhat.statement_clauses import that_clause_in
from saidwhat.subjects import (
    according_source,
    impersonal_subject,
    passive_agent,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
CONTENT_PREPS = frozenset({"about", "of", "on", "for", "against", "to", "with", "at"})
# "cited his remarks as evidence of …", "praised her for …", "compared him to …": a prepositional phrase
# after the object that completes what was said (PolNeAR train: the content runs over "as" 208 times in
# 211, "for" 119 in 129, "to" 64 in 72); "in", "on", "at", "by" set the scene about as often as not
OBJECT_PREPS = frozenset(
    {"as", "for", "to", "of", "with", "about", "over", "against", "into", "since", "than"}
)  # fmt: skip
COLON_REACH = 6  # tokens after a cue where its introducing colon may sit (told reporters: …)
BLOCK_COLON_REACH = 9  # … and where it ends its paragraph ("wrote to a senior civil servant:" over a block)
# child dependencies some frame hangs content on (ccomp … prep; acl/relcl: noun_that, noun_to; agent:
# passive; oprd: obj_pred); an advcl child only when it is a for-clause ("calling for X to …") or a
# that-clause
FRAME_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "acl", "relcl", "agent", "oprd"})
PAREN_DEPS = frozenset({"parataxis", "conj", "advcl", "ccomp", "dep"})


def proposers(doc: Doc, line_end: int) -> list[int]:
    """Indices of the tokens `candidates_for` can propose anything for: content words, "according",
    "in", colons and the headline's words. Read from the token arrays, since building a Token per word
    of every article is a measurable share of extraction time."""
    from spacy.attrs import LOWER, POS

    strings = doc.vocab.strings
    pos_ids = [strings.add(p) for p in CANDIDATE_POS]
    words = [strings.add(w) for w in ("according", "in", ":")]
    import numpy

    array = doc.to_array([POS, LOWER])
    wanted = numpy.isin(array[:, 0], pos_ids) | numpy.isin(array[:, 1], words)
    keep: list[int] = wanted.nonzero()[0].tolist()
    head = headline_size(doc, line_end)  # the headline's words, Title Case verbs among them
    return sorted(set(keep).union(range(head))) if head else keep


def candidates_for(
    tok: Token, line_end: int | None = None, colons: frozenset[int] | None = None
) -> list[Candidate]:
    """Every frame under which `tok` could be the cue of an attribution. `line_end`
    (`first_line_end(doc)`) and `colons` (`colon_positions(doc)`) are per-document facts that callers
    looping over a document compute once."""
    doc = tok.doc
    if line_end is None:
        line_end = first_line_end(doc)
    out: list[Candidate] = []
    i = tok.i
    lower = tok.lower_
    if lower == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
        to = doc[i + 1]
        pobj = according_source(to)
        head = tok.head
        sent = tok.sent
        if head.i > i and _participle_set_off(doc, head.i, sent.end) is not None:
            head = head.head  # "According to a statement, issued Monday, the company …": on the participle
        outer = (head.left_edge.i, head.right_edge.i + 1) if head.i != tok.i else (sent.start, sent.end)
        closing = all(t.is_punct or t.is_space for t in doc[tok.right_edge.i + 1 : sent.end])
        if head.i == tok.i or head.i < outer[0] or not (outer[0] <= tok.left_edge.i) or closing:
            outer = (sent.start, sent.end)  # "…, according to the NAACP.": the sentence it closes
        phrase = (tok.left_edge.i, tok.right_edge.i + 1)
        if head.i == tok.i:  # the parser made "According" the root: the phrase ends at its first comma
            comma = next((t.i for t in doc[i + 2 : sent.end] if t.text == ","), None)
            if comma is not None:
                phrase = (i, comma + 1)
        after = phrase[1] + 1 if phrase[1] < sent.end and doc[phrase[1]].text == "," else phrase[1]
        if (described := _participle_set_off(doc, after, sent.end)) is not None:
            phrase = (phrase[0], described)
        frags = minus(doc, outer, phrase)
        if frags:
            out.append(Candidate(i, "according", frags, pobj.i if pobj is not None else None))
        return out
    if lower == "in" and tok.dep_ == "prep":
        return _in_poll(tok)
    if tok.text == ":":
        return headline_colon(tok, line_end) or transcript_turn(tok)
    if tok.idx < line_end:
        out.extend(headline_verb(tok, line_end))
    if tok.pos_ not in CANDIDATE_POS or tok.is_punct:
        return out  # a dash the tagger read as a verb ("” ― Esther Tapia") is no cue of its own
    colon_near = colons is None or not colons.isdisjoint(range(i + 1, i + BLOCK_COLON_REACH))
    colon_at = _colon_after(tok) if colon_near else None
    children = list(tok.children)
    framed = (
        colon_at is not None
        or tok.dep_ in PAREN_DEPS
        or any(
            c.dep_ in FRAME_DEPS or (c.dep_ == "advcl" and (_for_clause(c, i) or _that_clause(c, i)))
            for c in children
        )
    )
    if not framed:
        return out  # no frame can apply: skip the subject search, the costly part, for most tokens
    subj = subject_of(tok, children=children)
    inverted = inverted_subject_clause(tok, children)
    if inverted is not None:  # "He wants to leave, say officials close to him"
        subj = next(c for c in inverted.children if c.dep_ == "nsubj")
    src = subj.i if subj is not None else None
    skip = inverted.i if inverted is not None else -1  # tokens are compared by index: spaCy makes new ones
    later_ccomps = [c for c in children if c.dep_ == "ccomp" and c.i > i and c.i != skip]
    for child in children:
        dep = child.dep_
        if child.i == skip:
            continue
        if dep in ("ccomp", "xcomp", "dobj"):
            if colon_at is not None and child.i > colon_at:
                continue
            if dep == "xcomp" and _noun_after_to(child):
                continue  # "Marsh said, to applause from her supporters": "to" a preposition, not a marker
            right = child.right_edge.i
            if dep == "dobj":
                right = _object_complements_end(tok, right)
            if dep == "ccomp" and len(later_ccomps) > 1 and child.i > i:
                if child.i != later_ccomps[0].i:
                    continue  # two complements the parser split off one report: one content
                right = later_ccomps[-1].right_edge.i
            left = child.left_edge.i
            if dep == "dobj" and (topic := _topic_of(child)) is not None:
                left = topic.left_edge.i  # "expressed misgivings about [Mrs. Clinton]"
            relative = doc[left].tag_ in ("WDT", "WP") and tok.dep_ == "relcl"
            if dep == "ccomp" and relative and left < i < child.i:
                left = i + 1  # "donations, which he said were accompanied by …": what follows the cue
            frags = (trimmed(doc, left, right + 1),)
            if dep == "ccomp" and child.i < i:
                frags += _resumed_content(tok)
            elif dep == "xcomp" and src is None and (subject := impersonal_subject(tok)) is not None:
                # "About one voter in nine is expected to be Latino": the subject belongs to the content
                outer = (subject.left_edge.i, child.right_edge.i + 1)
                frags = minus(doc, outer, (subject.right_edge.i + 1, child.left_edge.i)) or frags
            lead = _fronted_subject(tok, child, src) if dep == "ccomp" and child.i > i else None
            if frags[0][1] - frags[0][0] >= 1:
                out.append(Candidate(i, dep, frags, src, lead))
        elif dep == "advcl" and _for_clause(child, i):
            # "is calling for the United States to step up …": the parser reads "for" as the clause's mark
            frags = (trimmed(doc, child.left_edge.i + 1, child.right_edge.i + 1),)
            out.append(Candidate(i, "prep", frags, src))
        elif dep == "advcl" and _that_clause(child, i):
            # "tweeted in the early morning hours that Machado was …": a that-clause read as an adverbial
            frags = (trimmed(doc, child.left_edge.i, child.right_edge.i + 1),)
            out.append(Candidate(i, "ccomp", frags, src))
        elif dep == "prep" and (clause := that_clause_in(child)) is not None:
            # "said in a statement that …": the parser hangs the clause on "statement"
            out.append(Candidate(i, "ccomp", (trimmed(doc, *clause),), src))
        elif dep == "prep" and child.lower_ in CONTENT_PREPS and child.i > i:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                frags = (trimmed(doc, obj.left_edge.i, obj.right_edge.i + 1),)
                if frags[0][1] - frags[0][0] >= 1:
                    out.append(Candidate(i, "prep", frags, src))
    out.extend(_noun_and_passive(tok, src, children))
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is not None:
        tail = [
            c
            for c in children
            if c.i > obj.i
            and (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("as", "of")))
        ]
        if tail:  # called X “Y”, described X as “Y”, accused X of Y: object and predicate together
            frags = (trimmed(doc, obj.left_edge.i, max(c.right_edge.i for c in tail) + 1),)
            out.append(Candidate(i, "obj_pred", frags, src))
    elif len(predicates := [c for c in children if c.dep_ == "oprd" and c.i > i]) > 1:
        # "called Trump a “pathological liar” …": the parser read the object as a predicate too
        frags = (trimmed(doc, predicates[0].left_edge.i, predicates[-1].right_edge.i + 1),)
        out.append(Candidate(i, "obj_pred", frags, src))
    elif (referent := _referent_as(tok, children)) is not None:
        out.append(Candidate(i, "obj_pred", (trimmed(doc, *referent),), src))
    elif len(predicates) == 1 and (close_mark := _quotation_after(predicates[0])) is not None:
        # "called Benson's attack “desperate.”": the object read as the predicate, the quotation cut off
        out.append(Candidate(i, "obj_pred", (trimmed(doc, predicates[0].left_edge.i, close_mark + 1),), src))
    elif len(predicates) == 1 and any(t.is_quote for t in doc[predicates[0].left_edge.i : predicates[0].i]):
        # "called the fine “disproportionate”": the object read into the predicate, before its quotation
        predicate = predicates[0]
        out.append(
            Candidate(i, "obj_pred", (trimmed(doc, predicate.left_edge.i, predicate.right_edge.i + 1),), src)
        )
    if colon_at is not None:
        end = paragraph_end(doc, colon_at)
        frags = (trimmed(doc, colon_at + 1, end),)
        if frags[0][1] - frags[0][0] < 2 and (block := _block_after(doc, end)) is not None:
            frags = (block,)
        if frags[0][1] - frags[0][0] >= 2:
            out.append(Candidate(i, "colon", frags, src))
    head = tok.head
    if tok.dep_ in PAREN_DEPS and head.i != i and subj is not None and subj.head.i == i:
        attribution = (min(tok.left_edge.i, subj.left_edge.i), tok.right_edge.i + 1)
        # "…, he said." after its clause, or set off by commas inside it: "The museum, Mr. Obama said,
        # would make visitors face …"
        inside = head.i > i and attribution[0] > 0 and doc[attribution[0]].text == ","
        if not inside and head.i > i and _fronted_clause_on_cue(tok, subj):
            attribution, inside = (subj.left_edge.i - 1, tok.right_edge.i + 1), True
        if head.i < i or inside:
            outer = (min(head.left_edge.i, attribution[0]), max(head.right_edge.i + 1, attribution[1]))
            if inside and (joined := _joined_before(head, attribution[1])) is not None:
                outer = (min(outer[0], joined.left_edge.i), max(outer[1], joined.right_edge.i + 1))
            frags = minus(doc, outer, attribution)
            if frags:
                out.append(Candidate(i, "paren", frags, src, _lead(doc, outer, attribution, head, inside)))
    return out


def _joined_before(head: Token, after: int) -> Token | None:
    """The clause before an attribution set off inside its content that the clause after it joins, by
    a coordinator right after the attribution ("They had cut costs by outsourcing, he said, “and now they
    are paying the price.”": the parser hangs "paying" on "cut"); None where the clause after stands
    alone."""
    doc = head.doc
    k = after
    while k < head.i and (doc[k].is_punct or doc[k].is_quote):
        k += 1
    opens = k < head.i and doc[k].dep_ == "cc" and doc[k].head.i == head.i
    return head.head if opens and head.head.i < head.i and head.dep_ in ("advcl", "conj") else None


def _lead(
    doc: Doc, outer: tuple[int, int], attribution: tuple[int, int], head: Token, inside: bool
) -> tuple[int, int] | None:
    """The one-word subject before an attribution set off by commas inside its content ("France, it
    noted, has had to …"), which `minus` drops as too short a fragment."""
    closed = attribution[1] < len(doc) and "," in (doc[attribution[1] - 1].text, doc[attribution[1]].text)
    if not inside or not closed:
        return None
    return single_subject_before(doc, outer[0], attribution[0], head.i)


def _fronted_subject(cue: Token, clause: Token, source: int | None) -> tuple[int, int] | None:
    """The subject of a clause after the cue that the parser hung on the cue as a second subject, set off
    by a comma before the source ("Inflation, the central bank said in a statement, will peak"): the
    content's lead, unscored like a parenthetical's one-word subject."""
    if source is None or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children):
        return None
    doc = cue.doc
    for child in cue.children:
        if child.i >= source or child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        start, end = child.left_edge.i, child.right_edge.i + 1
        if end < len(doc) and doc[end].text == "," and (start == 0 or doc[start - 1].text != ","):
            return trimmed(doc, start, end)
    return None


def _fronted_clause_on_cue(cue: Token, subj: Token) -> bool:
    """ "If this argument fails, Mr. Castañeda argues, there are …", "In recent days, advisers to Mr.
    Obama say, the president has …": an attribution set off by commas after a fronted clause or phrase
    (which the parser may hang on the cue) runs from the comma before its subject to the one after it."""
    doc = cue.doc
    start = subj.left_edge.i
    return (
        subj.i < cue.i
        and start > 0
        and doc[start - 1].text == ","
        and doc[cue.right_edge.i].text == ","
        and cue.right_edge.i + 1 < len(doc)
        and not doc[cue.right_edge.i + 1].is_quote
    )


QUOTATION_REACH = 12  # tokens within which a quotation opened right after an object closes


def _quotation_after(phrase: Token) -> int | None:
    """The token closing a quotation that opens right after `phrase`'s subtree, in its paragraph."""
    doc = phrase.doc
    opening = phrase.right_edge.i + 1
    if opening >= len(doc) or not _opening_mark(doc, opening):
        return None
    if any(t.is_quote for t in doc[phrase.left_edge.i : opening]):
        return None  # the predicate holds a quotation of its own: "a former Miss Universe “disgusting”"
    for j in range(opening + 1, min(len(doc), opening + QUOTATION_REACH)):
        if "\n" in doc[j - 1].whitespace_ or "\n" in doc[j].text:
            return None
        if doc[j].is_quote:
            return j
    return None


OPENING_MARKS = frozenset("“‘«„")


def _opening_mark(doc: Doc, k: int) -> bool:
    """Does token `k` open a quotation: a curly opening mark, or a straight one after a space?"""
    tok = doc[k]
    if not tok.is_quote:
        return False
    if tok.text[0] in OPENING_MARKS:
        return True
    return tok.text[0] in "\"'" and k > 0 and bool(doc[k - 1].whitespace_) and not tok.whitespace_


def _referent_as(cue: Token, children: list[Token]) -> tuple[int, int] | None:
    """A referent and its characterisation, "referred to Rubio as “a bright, charismatic leader”": with no
    object, the referent is the object of "to" and the characterisation follows in an "as" phrase; the
    content is both (PolNeAR train: 'Rubio as “a bright, charismatic leader”', 'the governor as “Chris.”')."""
    to = next((c for c in children if c.dep_ == "prep" and c.lower_ == "to" and c.i > cue.i), None)
    if to is None:
        return None
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
    as_ = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > to.i), None)
    if pobj is None or as_ is None:
        return None
    return pobj.left_edge.i, as_.right_edge.i + 1


TOPIC_PREPS = frozenset({"about", "over"})


def _topic_of(obj: Token) -> Token | None:
    """The object of "about"/"over" after a short common-noun object ("expressed deep concern about the
    policy", "raised questions about his health"): PolNeAR's content is the topic, the noun is part
    of the cue."""
    if obj.pos_ != "NOUN" or obj.i - obj.left_edge.i > 2 or any(c.dep_ == "poss" for c in obj.children):
        return None  # "slammed Trump's comments about immigrants": someone's words are the content
    prep = next((c for c in obj.children if c.dep_ == "prep" and c.i == obj.i + 1), None)
    if prep is None or prep.lower_ not in TOPIC_PREPS:
        return None
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _for_clause(clause: Token, cue: int) -> bool:
    first = clause.left_edge
    return clause.i > cue and first.lower_ == "for" and first.dep_ == "mark"


def _that_clause(clause: Token, cue: int) -> bool:
    first = clause.left_edge
    return clause.i > cue and first.lower_ == "that" and first.dep_ in ("mark", "advmod")


def _object_complements_end(cue: Token, right: int) -> int:
    """The last token of the cue's object with the prepositional phrases that complete it (OBJECT_PREPS),
    taken while they follow it without a gap."""
    for child in cue.children:
        if child.i <= right:
            continue
        if child.dep_ != "prep" or child.lower_ not in OBJECT_PREPS or child.left_edge.i != right + 1:
            break
        right = child.right_edge.i
    return right


# "In a CNN poll released Monday, 50 percent chose Clinton": a poll or survey reports the clause it
# modifies (PolNeAR train: 61 attributions have "in" as their cue, 57 of them polls and surveys)
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "average", "rankings"})


def _in_poll(prep: Token) -> list[Candidate]:
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    head = prep.head
    if pobj is None or pobj.lower_ not in POLL_NOUNS or head.pos_ not in ("VERB", "AUX") or head.i == prep.i:
        return []
    clause = (head.left_edge.i, head.right_edge.i + 1)
    frags = minus(prep.doc, clause, (prep.left_edge.i, prep.right_edge.i + 1))
    return [Candidate(prep.i, "in_poll", frags, pobj.i)] if frags else []


def _resumed_content(cue: Token) -> tuple[tuple[int, int], ...]:
    """The content resuming after a mid-sentence attribution: "X paid 8.9 percent, the agency said,
    and those in the bottom fifth paid 0.8 percent" (a clause the parser hangs on the cue)."""
    doc = cue.doc
    for child in cue.children:
        if child.i <= cue.i or child.dep_ not in ("conj", "advcl") or child.tag_ in ("VBG", "VBN"):
            continue
        if doc[child.left_edge.i - 1].text != "," and not (
            child.left_edge.i >= 2 and doc[child.left_edge.i - 2].text == ","
        ):
            continue
        start, end = trimmed(doc, child.left_edge.i, child.right_edge.i + 1)
        if end - start >= 2:
            return ((start, end),)
    return ()


def _noun_and_passive(tok: Token, src: int | None, children: list[Token]) -> list[Candidate]:
    """ "Trump's claim that …", "plans to …" (a noun cue with a that-clause or an infinitive; its
    possessor speaks) and "… was reported by The Post" (a passive cue: the subject is the content, the
    agent the source)."""
    doc = tok.doc
    out = []
    if tok.pos_ == "NOUN":
        owner = next((c for c in children if c.dep_ == "poss"), None)
        source = owner.i if owner is not None else src
        for child in children:
            first = child.left_edge
            if child.i <= tok.i:
                continue
            if child.dep_ in ("acl", "ccomp", "relcl") and first.lower_ == "that" and first.dep_ == "mark":
                frame = "noun_that"
            elif child.dep_ == "acl" and first.lower_ == "to" and first.dep_ == "aux":
                frame = "noun_to"  # "plans to spend $10 million", "an agreement to curb carbon emissions"
            else:
                continue
            frags = (trimmed(doc, first.i, child.right_edge.i + 1),)
            out.append(Candidate(tok.i, frame, frags, source))
    elif tok.pos_ == "VERB":
        agent = passive_agent(tok, children)
        subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if agent is not None and subj is not None:
            frags = (trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1),)
            out.append(Candidate(tok.i, "passive", frags, agent.i))
    return out


def _block_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The paragraph a colon ending its own introduces ("In a post on X, she wrote:" over a block quote
    or an embedded post, "Hewitt writes:"), where it opens with no quotation mark (a quotation is the
    quotation pairer's) and no markup; its tokens [start, end)."""
    start = end
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or doc[start].is_quote or doc[start].text.startswith("<"):
        return None
    return trimmed(doc, start, paragraph_end(doc, start))


def _colon_after(tok: Token) -> int | None:
    """Index of a colon introducing content right after the cue (said: / told reporters:)."""
    doc = tok.doc
    limit = min(len(doc), tok.i + BLOCK_COLON_REACH)
    for j in range(tok.i + 1, limit):
        t = doc[j]
        if t.text == ":":
            return j if j < tok.i + COLON_REACH or _ends_paragraph(doc, j) else None
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return None
    return None


def _participle_set_off(doc: Doc, at: int, sent_end: int) -> int | None:
    """Where the participle set off behind an "according to X" phrase ends, past its comma, if token
    `at` opens one ("According to the report, published Thursday by the Ledger, auditors found …"): it
    describes the source, though the parser hangs it on the reported clause's verb, or the phrase on it."""
    if not 0 < at < sent_end or doc[at - 1].text != "," or doc[at].tag_ != "VBN":
        return None
    if doc[at].dep_ not in ("advcl", "acl"):
        return None
    close = doc[at].right_edge.i + 1
    return close + 1 if close < sent_end and doc[close].text == "," else None


def _noun_after_to(head: Token) -> bool:
    """Is the parser's infinitive a noun with "to" for its marker ("to applause", "to cheers"), a
    prepositional phrase it misread?"""
    return head.tag_ in ("NN", "NNS") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _ends_paragraph(doc: Doc, k: int) -> bool:
    """Is token `k` the last of its paragraph (a line break after it, or the text's end)?"""
    return k + 1 == len(doc) or "\n" in doc[k].whitespace_ or "\n" in doc[k + 1].text
