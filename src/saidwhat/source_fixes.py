"""Sources the extractor corrects after the cue model has scored its candidates (subjects.py gives the
parse's source, which the model's features read): where the parse's source is a thing the speaker used
or made, the speaker is who used or made it. A statement's issuer ("She released a statement saying
…"), a speech's user ("Ramos used his acceptance speech to call for …"), the maker in "made it clear",
the spender of time ("spent weeks portraying …"), and no one for an extraposed "it" ("It's easy to
criticize …"). As candidate features these moved the retrained model the wrong way (dev -0.3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.subjects import IMPERSONAL_SUBJECTS, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# "Trump issued a statement saying …": the participle hangs on the document, but its issuer speaks
# (PolNeAR train: the gold source of all 10 such quotes is the issuer); "the statement said" keeps it
ISSUED_DOCUMENTS = frozenset({"statement", "statements", "release", "memo", "letter", "note", "message"})
ISSUING_VERBS = frozenset(
    {
        "issue", "issues", "issued", "issuing", "release", "releases", "released", "releasing",
        "put", "puts", "putting", "send", "sends", "sent", "sending", "post", "posts", "posted",
        "publish", "publishes", "published", "sign", "signs", "signed", "revise", "revised",
    }
)  # fmt: skip


def document_issuer(cue: Token, source: Token) -> Token | None:
    """Who issued the document a participle cue hangs on ("She released a statement saying …" -> she);
    None where the source is no issued statement ("a spokesman saying …" speaks himself). Applied after
    the cue model has scored its candidates: as a feature it moved the retrained model (dev -0.3)."""
    verb = source.head
    if cue.dep_ != "acl" or cue.head.i != source.i or source.dep_ != "dobj":
        return None
    if source.lower_ not in ISSUED_DOCUMENTS or verb.lower_ not in ISSUING_VERBS:
        return None
    return subject_of(verb, 1)


# what a speaker speaks through or with: "Ramos used his acceptance speech to call for …", "Trump fired
# back a response saying …", "POLITICO published a story detailing …", "spent many hours reflecting on …"
INSTRUMENT_NOUNS = frozenset(
    {
        "speech", "address", "remarks", "statement", "report", "story", "article", "paper", "op-ed",
        "column", "book", "memo", "letter", "email", "e-mail", "message", "note", "response", "reply",
        "ad", "advertisement", "spot", "video", "cover", "tweet", "post", "release", "petition",
        "interview", "appearance", "rally", "event", "time", "hour", "minute", "day", "week", "chance",
        "opportunity", "platform", "attempt", "effort", "reference", "record", "data", "much", "part",
        "conference", "briefing", "way",
    }
)  # fmt: skip
MAKE_FORMS = frozenset({"make", "makes", "made", "making"})
BE_FORMS = frozenset({"be", "is", "was", "are", "were", "been", "being", "'s", "’s"})


def _instrument(tok: Token) -> bool:
    """The pipeline has no lemmatizer: a plural is its singular with an s."""
    word = tok.lower_
    return word in INSTRUMENT_NOUNS or (word.endswith("s") and word[:-1] in INSTRUMENT_NOUNS)


# how an object hangs on the verb whose subject made or used it ("opened a rally", "in an article")
OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "dative", "npadvmod", "attr", "oprd"})


def instrument_user(cue: Token, source: Token) -> Token | None:
    """Who spoke through the thing a participle or infinitive cue hangs on: the subject of the verb
    that made or used it ("Ramos used his acceptance speech to call for …" -> Ramos; "Clinton made the
    remarks during a speech attacking …" -> Clinton). None where the source is no such thing, or no
    verb with a subject governs it. Applied after scoring, like document_issuer."""
    if source.pos_ not in ("NOUN", "ADJ") or source.ent_type_ or not _instrument(source):
        return None
    # "a platform to continue speaking out": the cue may hang on the thing through a verb it completes
    hanger = cue.head if cue.dep_ == "xcomp" and cue.head.dep_ in ("acl", "relcl") else cue
    hung = hanger.dep_ in ("acl", "relcl") and hanger.head.i == source.i
    used = cue.dep_ in ("xcomp", "advcl") and source.i < cue.i and cue.head in source.ancestors
    if not (hung or used):
        return None
    verb = source
    for _ in range(4):
        if verb.dep_ not in OBJECT_DEPS or verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    if verb.pos_ not in ("VERB", "AUX") or verb.i == source.i:
        return None
    # "His job in the Senate offers Sanders a platform to continue speaking out": the one given it
    given = next((c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "PRON")), None)
    subject = given or subject_of(verb, 1)
    if subject is None or subject.i == source.i or subject.lower_ in IMPERSONAL_SUBJECTS:
        return None
    return subject


def impersonal_it(cue: Token, source: Token) -> bool:
    """Is the source an extraposition's "it" ("It's easy to criticize …", "it's assumed the ruling …")
    rather than something the article names?"""
    if source.lower_ != "it":
        return False
    if source.dep_ == "nsubjpass":
        return True
    verb = source.head
    if source.dep_ != "nsubj" or verb.lower_ not in BE_FORMS or verb.i == cue.i:
        return False
    predicate = next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.pos_ == "ADJ"), None)
    return predicate is not None and (cue.i == predicate.i or predicate in cue.ancestors)


def made_clear_by(cue: Token, source: Token) -> Token | None:
    """ "Davis made it clear that …": the adjective's "it" is the object of "make"; its subject speaks."""
    if source.lower_ != "it" or cue.pos_ != "ADJ":
        return None
    verb = cue.head if cue.head.lower_ in MAKE_FORMS else source.head
    if verb.lower_ not in MAKE_FORMS or verb.i == cue.i:
        return None
    subject = subject_of(verb, 1)
    return None if subject is None or subject.lower_ in IMPERSONAL_SUBJECTS else subject


# "spent weeks portraying …", "took days answering …": a participle on a stretch of time speaks for
# whoever spends the time, not for the weeks
DURATIONS = frozenset(
    {"minutes", "hours", "days", "weeks", "months", "years", "decades", "time", "morning", "afternoon",
     "evening", "night", "week", "month", "year", "day"}
)  # fmt: skip


def time_spender(cue: Token, source: Token) -> Token | None:
    """The subject of "spent" where the parse made the time spent the cue's source ("The senator has
    spent weeks portraying the governor as …": the object of "spent" read as the participle's subject,
    as in "forced Stumpf to admit")."""
    if source.lower_ not in DURATIONS or source.pos_ != "NOUN" or source.dep_ not in ("dobj", "npadvmod"):
        return None
    if cue.dep_ == "xcomp" and source.head.i == cue.head.i:  # spent [weeks] [portraying …]
        spender = cue.head
    elif cue.dep_ == "acl" and cue.head.i == source.i:  # spent [weeks [portraying …]]
        spender = source.head
    else:
        return None
    return subject_of(spender, 1) if spender.pos_ in ("VERB", "AUX") else None
