"""Cues for quoted stretches that no parse frame covered: the speech verb in the quote's own or next
sentence, a colon introduction in the sentence before, or a dash and a name after the closing mark;
for a quotation standing alone with no cue, the person the sentence before it is about.

Also the tests that keep titles and scare quotes (Gone with the Wind; the so-called “reform”) from being
reported as speech.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.adjacent_names import adjacent_name
from saidwhat.cues import load_model, stem
from saidwhat.headlines import name_label_before
from saidwhat.mentions import noun_type
from saidwhat.quotemarks import Stretch
from saidwhat.subjects import according_source, passive_agent, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# verbs that only introduce speech next to a quotation ("“Will he run?” a staffer wondered", "…,”
# she quipped"): too rare in PolNeAR train for the learned quote cues (3 uses at least); the
# pipeline has no lemmatizer, so the forms are listed (not "counter", "observe": not speech alone)
QUOTATIVE_WORDS = frozenset(
    {
        "wondered", "wonders", "wondering", "quipped", "quips", "quipping", "mused", "muses", "musing",
        "retorted", "retorts", "retorting", "countered", "exclaimed", "exclaims", "exclaiming", "cautioned",
        "cautions", "cautioning", "observed", "marveled", "marvels", "scoffed", "scoffs", "scoffing",
        "sighed", "sighs", "whispered", "whispers", "muttered", "mutters", "mutter", "bragged", "brags",
        "bragging", "grumbled", "grumbles", "confided", "confides", "inquired", "inquires", "pleaded",
        "pleads", "texted",
    }
)  # fmt: skip
SPEECH_WORDS = (
    frozenset(
        [
            "said",
            "says",
            "say",
            "saying",
            "told",
            "tells",
            "tell",
            "added",
            "adds",
            "adding",
            "asked",
            "asks",
            "wrote",
            "writes",
            "tweeted",
            "tweets",
            "stated",
            "noted",
            "explained",
            "continued",
            "insisted",
            "argued",
            "declared",
            "replied",
            "recalled",
            "warned",
            "according",
            "posted",
            "announced",
            "responded",
            "claimed",
        ]
    )
    | QUOTATIVE_WORDS
)


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token at character `char`, or the one before it when `char` is whitespace."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    before = doc.char_span(0, char, alignment_mode="contract") if char > 0 else None
    return before[-1] if before is not None and len(before) else None


def speech_cue(tok: Token) -> bool:
    """Is `tok` a word that introduces quotations (said, replied, quipped …: the speech lexicon and the
    quote cues learned from PolNeAR), as opposed to a verb of the reported clause (blame, let)?"""
    return tok.lower_ in SPEECH_WORDS or tok.lower_ in load_model().quote_cue_words


def cue_strength(tok: Token) -> float:
    """How cue-like a word is on its own: the model's word and stem weights, or the speech lexicon."""
    if speech_cue(tok):
        return 2.0
    weights = load_model().weights
    return weights.get("w=" + tok.lower_, 0.0) + weights.get("st=" + stem(tok.lower_), 0.0)


def distanced(doc: Doc, text: str, st: Stretch, cue: int) -> bool:
    """A title or a scare quote under a cue that is no speech verb: showed “Gone with the Wind”.
    (`text` is `doc.text`, passed in because spaCy rebuilds that string on every access.)"""
    quoted = text[st.inner_start : st.inner_end]
    return doc[cue].lower_ not in SPEECH_WORDS and (title_like(quoted) or so_called(text, st.start))


# verbs that voice words aloud whatever their form: a chant in Title Case ("Dump Trump") is still speech
# (the pipeline runs no lemmatizer: the forms are listed)
VOICE_VERBS = frozenset(
    f"{stem}{end}"
    for stem in ("chant", "shout", "yell", "scream", "roar", "whisper", "mutter")
    for end in ("", "s", "ed", "ing")
) | frozenset({"cry", "cries", "cried", "crying", "sing", "sings", "sang", "singing"})


def title_object(doc: Doc, text: str, st: Stretch, cue: int) -> bool:
    """The whole content of a cue that is no speech verb is a Title Case quotation: the cinema showed
    "Gone with the Wind" again. Not a chant ("chanted “Lock Her Up!”"), an exclamation or question, or
    a quotation a colon introduces ("had one message: “Dump Trump.”"): those are words someone said."""
    tok = doc[cue]
    quoted = text[st.inner_start : st.inner_end]
    if (
        (speech_cue(tok) and not _reads_a_work(tok))
        or tok.lower_ in VOICE_VERBS
        or any(ch in quoted for ch in "!?")
    ):
        return False
    if text[: st.start].rstrip().endswith(":"):
        return False
    return title_like(quoted.rstrip(",.;:")) and word_count(quoted) <= 8


WORK_VERBS = frozenset({"read", "reads", "reading", "published", "publishes", "publishing"})
READ_BY_THINGS = frozenset({"sign", "signs", "banner", "banners", "shirt", "shirts", "placard", "headline"})


def _reads_a_work(tok: Token) -> bool:
    """ "She has read “War and Peace”", "the paper published “A Nation Divided”": a verb PolNeAR taught
    as a quote cue ("the sign read “…”") whose object here is a work, since someone reads or publishes
    it; a sign or a banner that reads words quotes them."""
    if tok.lower_ not in WORK_VERBS:
        return False
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.lower_ not in READ_BY_THINGS


# participles that give something a name: "has been called “strategic ambiguity”", "was dubbed the “…”"
NAMING_PARTICIPLES = frozenset(
    {
        "called", "dubbed", "labeled", "labelled", "branded", "termed", "nicknamed", "described",
        "deemed", "characterized", "characterised", "billed", "touted", "hailed",
    }
)  # fmt: skip
NAME_COMPLEMENTS = frozenset({"oprd", "attr", "xcomp", "dobj", "prep"})


def passive_naming(doc: Doc, st: Stretch) -> tuple[list[tuple[int, int]], Token, Token | None] | None:
    """A quotation naming the subject of a passive naming verb, as PolNeAR marks it: "This feature …
    has been called “strategic ambiguity” by Joshua Hendrick", "what had been called the “Golden
    Week,”". The content is the subject and the name (with what qualifies it: "the “Trump of the East”
    for his statements"); the cue the participle; the source the agent, or none. None otherwise."""
    first = _token_at(doc, st.inner_start)
    if first is None:
        return None
    tok = first
    while tok.head.i != tok.i and tok.head.lower_ not in NAMING_PARTICIPLES and tok.head.i > first.sent.start:
        tok = tok.head
    verb = tok.head
    if (
        verb.lower_ not in NAMING_PARTICIPLES
        or verb.tag_ != "VBN"
        or verb.i > tok.i
        or tok.dep_ not in NAME_COMPLEMENTS
        or (tok.dep_ == "prep" and tok.lower_ != "as")
        or not any(c.dep_ == "auxpass" for c in verb.children)
    ):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    source = passive_agent(verb) or (by and next((c for c in by.children if c.dep_ == "pobj"), None))
    kept = [t for t in tok.subtree if by is None or not by.left_edge.i <= t.i <= by.right_edge.i]
    start = min(tok.left_edge.idx, st.start)
    end = max(st.end, max(t.idx + len(t) for t in kept if not t.is_punct or t.is_quote))
    named = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
    return [named, (start, end)], verb, source


def so_called(text: str, start: int) -> bool:
    """the so-called “reform”: the writer distancing a word, not reporting speech."""
    return text[max(0, start - 12) : start].lower().rstrip().endswith(("so-called", "so called"))


def _colon_intro(doc: Doc, first: Token) -> tuple[Token | None, Token | None]:
    """A quotation opening its own paragraph after a sentence ending in a colon (X told the board:)."""
    sent_start = first.sent.start
    j = sent_start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text != ":":
        return None, None
    root = doc[j].sent.root
    return (root, subject_of(root)) if root.pos_ in ("VERB", "AUX") else (None, None)


def cue_near(
    doc: Doc, st: Stretch, in_quote: list[bool], text: str | None = None
) -> tuple[Token | None, Token | None]:
    """The speech cue (and its subject) of a quoted stretch: in its sentence(s), outside the quote.
    Pass `text` (= `doc.text`) when calling this often: spaCy rebuilds that string on every access."""
    first = _token_at(doc, st.inner_start)
    last = _token_at(doc, max(st.inner_start, st.inner_end - 1))
    if first is None or last is None:
        return None, None
    lo, hi = first.sent.start, last.sent.end
    opening = None
    # the sentence right after a quote that closes its own sentence: “…” He said. A longer one counts
    # only where it opens with its attribution (“…?” Trump said, looking out …) and nothing closer does.
    # Never across a paragraph break: an attribution shares its quotation's paragraph.
    if hi < len(doc) and last.i >= hi - 3 and "\n" not in doc[last.i : hi].text_with_ws:
        nxt = doc[hi].sent
        if nxt.end - nxt.start <= 8:
            hi = nxt.end
        else:
            opening = range(hi, min(nxt.end, hi + NEXT_SENTENCE_OPENING))
    best = _best_cue(doc, range(lo, hi), first, last, in_quote)
    if best is None and opening is not None:
        best = _best_cue(doc, opening, first, last, in_quote)
    if text is None:
        text = doc.text
    dash = _dash_attribution(doc, st, text)
    if dash[0] is not None:  # “…” ― Jane Doe names the speaker outright
        return dash
    if best is None:
        after = _attribution_after(doc, st, last, text)
        if after[0] is not None:
            return after
        intro = _colon_intro(doc, first)
        return intro if intro[0] is not None else name_label_before(doc, first)
    cue, subj = best[1], best[2]
    if subj is None and cue.lower_ == "according" and cue.i + 1 < len(doc):  # According to X, “…”
        subj = according_source(doc[cue.i + 1])
    if subj is None:
        subj = adjacent_name(doc, cue)
    if subj is None and cue.i > last.i:  # “…?” the 43-year-old asked: the parser hung the verb on "old"
        k = _after_closing(doc, last)
        verb, phrase = _speech_after_noun_phrase(doc, k) if k < len(doc) else (None, None)
        subj = phrase if verb is not None and verb.i == cue.i else None
    if subj is None and cue.pos_ == "NOUN" and cue.sent.start > last.sent.start:
        return None, None  # “Why now?” The question hung over the meeting: the noun is about the words
    if subj is not None and subj.tag_ == "DT" and subj.lower_ in DEMONSTRATIVES and not list(subj.children):
        return None, None  # That makes her “a trustworthy person”: the reporter's reasoning, no one's words
    return cue, subj


DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})


def _after_closing(doc: Doc, last: Token) -> int:
    """The first token after a quotation's last word and its closing marks and punctuation."""
    k = last.i + 1
    while k < len(doc) and (doc[k].is_punct or doc[k].is_quote or doc[k].is_space):
        k += 1
    return k


def _best_cue(
    doc: Doc, positions: range, first: Token, last: Token, in_quote: list[bool]
) -> tuple[float, Token, Token | None] | None:
    """The likeliest cue among `positions`: cue-like words near the quote, with a subject of their own."""
    best: tuple[float, Token, Token | None] | None = None
    for j in positions:
        tok = doc[j]
        if in_quote[j] or (tok.pos_ not in ("VERB", "AUX", "NOUN") and tok.lower_ != "according"):
            continue
        strength = cue_strength(tok)
        if strength <= 0.5:
            continue
        subj = subject_of(tok)
        if subj is not None and in_quote[subj.i]:
            subj = None
        dist = min(abs(j - first.i), abs(j - last.i))
        score = dist - 2.0 * min(strength, 3.0) + (0 if subj is not None else 15)
        if best is None or score < best[0]:
            best = (score, tok, subj)
    return best


AFTER_SUBJECT_TOKENS = 4  # "she yells", "an angry Hollande retaliated"


def _attribution_after(doc: Doc, st: Stretch, last: Token, text: str) -> tuple[Token | None, Token | None]:
    """“…,” she yells: whatever the verb, a subject and a verb right after a quotation that ends on a
    comma, question or exclamation mark are its attribution ("yells" is no cue word the model knows)."""
    inner = text[st.inner_start : st.inner_end].rstrip()
    if not inner or inner[-1] not in ",?!":
        return None, None
    k = _after_closing(doc, last)
    if k + 1 >= len(doc):
        return None, None
    a, b = doc[k], doc[k + 1]
    if b.pos_ == "VERB" and a.dep_ == "nsubj" and a.head.i == b.i:
        return b, a
    if a.pos_ == "VERB" and b.dep_ == "nsubj" and b.head.i == a.i:
        return a, b
    if inner[-1] != ",":  # after “…?” a new sentence is as likely narration (“…?” Mr. Trump then pivoted)
        same_paragraph = "\n" not in text[st.end : doc[k].idx]
        return _speech_after_noun_phrase(doc, k) if same_paragraph else (None, None)
    # “…,” an angry Hollande retaliated: a short subject, then its verb, finish the sentence
    for j in range(k + 2, min(k + 1 + AFTER_SUBJECT_TOKENS, len(doc))):
        verb = doc[j]
        if "\n" in doc[j - 1].whitespace_ or verb.is_punct:
            break
        if verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and k <= c.i < j), None)
        if subject is not None and subject.left_edge.i == k:
            return verb, subject
        break
    return None, None


DASHES = ("―", "—", "–", "-", "--")
NOUN_PHRASE_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN"})
PHRASE_SUBJECT_TOKENS = 8  # "the 43-year-old", "the former secretary of state" (with "of")


def _speech_after_noun_phrase(doc: Doc, k: int) -> tuple[Token | None, Token | None]:
    """ "“What if …?” the 43-year-old asked in the video's description": a noun phrase, then a speech
    verb, right after a quotation is its attribution even where the parser made the verb a modifier of
    the phrase ("asked" as a participle of "old"). Only a speech verb: after a question other verbs are
    as likely the reporter's narration."""
    for j in range(k + 1, min(k + PHRASE_SUBJECT_TOKENS, len(doc))):
        verb = doc[j]
        if "\n" in doc[j - 1].whitespace_:
            break
        if verb.pos_ == "VERB":
            phrase = doc[k:j]
            if not speech_cue(verb) or phrase.root.head.i not in (j, phrase.root.i):
                break
            return verb, phrase.root
        if verb.pos_ not in NOUN_PHRASE_POS and verb.tag_ != "HYPH" and verb.lower_ != "of":
            break
    return None, None


NEXT_SENTENCE_OPENING = 4  # tokens: "Trump said", "she yells", "said Mr. Obama"


def _dash_attribution(doc: Doc, st: Stretch, text: str) -> tuple[Token | None, Token | None]:
    """“…” ― Jane Doe: a dash right after the closing mark, then a name, on the same line."""
    k = st.end
    while k < len(text) and text[k] in " \t\u00a0":
        k += 1
    if k >= len(text) or text[k] not in "―—–-":
        return None, None
    dash = k
    while k < len(text) and text[k] in "―—–- \t\u00a0":
        k += 1
    j = _first_token_from(doc, k)
    if j >= len(doc) or (doc[j].pos_ != "PROPN" and doc[j].ent_type_ != "PERSON"):
        return None, None
    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and "\n" not in doc[j].whitespace_:
        j += 1
    cue = _first_token_from(doc, dash)
    if cue >= len(doc) or doc[cue].idx > dash:
        cue = max(0, cue - 1)
    return doc[cue], doc[j]


def _first_token_from(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after character `char`."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "with",
        "and",
        "or",
        "in",
        "on",
        "to",
        "for",
        "at",
        "by",
        "from",
        "as",
        "but",
        "nor",
    ]
)


def title_like(text: str) -> bool:
    """Title Case words (Gone with the Wind), short: a work's title or a name, not a statement."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words) and len(words) <= 8


PERSONAL_SUBJECTS = frozenset({"he", "she"})


def narrated_speaker(doc: Doc, text: str, st: Stretch, in_quote: list[bool]) -> Token | None:
    """The person the sentence right before a stand-alone quotation is about, as its speaker: "Jones
    was furious. “This is a disgrace.”", "Asked whether …, she laughed. “Ask me in twelve months.”".
    News writing names the speaker in the sentence before a quotation as often as in an attribution.
    Only where the quotation is a whole sentence of its own that closes its paragraph or runs straight
    into the next sentence, the sentence before shares its paragraph, lies outside quotation marks, and
    its last main clause's subject is a person: by name, "he"/"she" or a person noun ("The mayor shook
    her head.", "Her rival, Ann Moreno, laughed."). None otherwise."""
    quoted = text[st.inner_start : st.inner_end].strip()
    if not st.balanced or not quoted or not quoted[0].isupper() or quoted[-1] not in ".!?":
        return None
    before = text[: st.start].rstrip(" \t")
    if not before or before[-1] not in ".!?":
        return None
    after = text[st.end : st.end + 3].lstrip(" \t")
    if after and after[0] != "\n" and not after[0].isupper():
        return None
    end = _token_at(doc, len(before) - 1)
    if end is None or in_quote[end.i]:
        return None
    sent = end.sent
    if "\n" in text[sent.start_char : len(before)].strip():
        return None
    subject = _last_clause_subject(sent.root)
    if subject is None or in_quote[subject.i]:
        return None
    if subject.ent_type_ == "PERSON" or subject.lower_ in PERSONAL_SUBJECTS:
        return subject
    if subject.tag_ == "NN" and noun_type(subject.lower_) == "person":  # the mayor
        return subject
    named = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subject.children)
    return subject if named else None  # his challenger, Ann Moreno,


def _last_clause_subject(root: Token) -> Token | None:
    """The subject of a sentence's last main clause, where the quotation after it continues: "Playbook
    won't go that far, but Sherman wants …" is about Sherman; of two subjects the parser gave one verb
    ("Or maybe Jeb Bush, digital consultant Phil Musser says"), the one next to it."""
    verb: Token | None = root
    subject = None
    while verb is not None:
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        before = [c for c in own if c.i < verb.i]  # "…?" asked Dunn: else the inverted one
        subject = before[-1] if before else own[0] if own else subject
        conjoined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        verb = conjoined[-1] if conjoined else None
    return subject
