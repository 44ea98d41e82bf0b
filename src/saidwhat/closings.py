"""Parse repairs for an attribution closing its sentence ("CLAUSE, SUBJECT said [on Tuesday]."), which
en_core_web_sm often hangs on the report the wrong way round, so the report is lost or its speaker is a
noun of the report. Run by reattach.set_off_participles: the first after its that-clause repair, the
other two after its repair of a subject read as an object.

`closing_attributions` puts right the first: an attribution closing the sentence after a comma ("The union
has rejected the offer, its general secretary Mick Lynch said on Wednesday.") read with the noun phrase
as an appositive of the last noun and "said" a subjectless modifier of the report: the phrase is the
speaker, and what comes before the comma what was said. So where the verb has its subject but hangs on
the report as a subordinate clause ("The chief executive has resigned …, the trust announced on
Friday."), for "announced", "reported", "stated", "warned" and "confirmed" too (CLOSING_VERBS).

`reports_read_as_modifiers` puts right a second: "A powerful storm swept across the region overnight,
knocking out power to 300,000 homes, utility officials said Saturday." read with "storm" a second
subject of "said" and "swept" its modifier. A speech verb with two subjects, the
first a noun whose past-tense verb has no subject of its own, the second set off by a comma before the
verb, has the first noun's verb for its complement, and the noun for that verb's subject.

`comparisons_read_as_subjects` puts right a third: "The chip will cost a third as much as the company's
flagship processor, Chief Executive Anna Wojcik said." read as a comparison whose verb is "said", the
processor its subject and the name the processor's appositive: the report was lost. A speech verb closing
the sentence after "as" or "than", a noun and a name set off after it, has the name for subject and the
sentence before the comma for its report; the noun is what "as" compares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.tree_edits import (
    SUBJECT_DEPS,
    TIME_NOUNS,
    TreeEdit,
    closes_its_sentence,
    has_subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# what a closing verb cannot have after it: it would say something of its own
SAYS_MORE = frozenset({"dobj", "ccomp", "xcomp", "dative", "conj"})
# verbs that close a report as "said" does, but never after a participle ("…, the trust announced on Friday.")
CLOSING_VERBS = frozenset({"announced", "reported", "stated", "warned", "confirmed"})
# the words of a speaker's noun phrase between the comma and the verb: "its general secretary Mick Lynch"
NOUN_PHRASE_TAGS = frozenset({"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "CD"})
CLOSING_REACH = 8  # tokens of that phrase at most


def closing_attributions(doc: Doc, speech_verbs: list[Token]) -> Doc:
    """`doc` with each misread closing attribution (module docstring) made the sentence's head;
    `speech_verbs` are its tokens among MAIN_SPEECH_VERBS and CLOSING_VERBS."""
    found = [repair for verb in speech_verbs if (repair := _closing_attribution(verb)) is not None]
    if not found:
        return doc
    tree = TreeEdit(doc)
    for verb, speaker, report, comma in found:
        tree.make_root(verb)
        tree.attach(report, verb, "ccomp")
        tree.attach(speaker, verb, "nsubj")
        tree.attach(comma, verb)
        tree.hand_over_trailing(report, verb)
    return tree.done()


def _closing_attribution(verb: Token) -> tuple[Token, Token, Token, Token] | None:
    """(verb, speaker phrase's head, report's head, comma) where `verb` closes its sentence after a comma
    and a noun phrase, and the sentence's head is the report before them: the verb with no subject of its
    own, or with the phrase for subject but hung on the report as a subordinate clause; else None."""
    if verb.dep_ not in ("ROOT", "advcl", "conj", "relcl", "acl"):
        return None
    hung_with_subject = has_subject(verb)  # "…, the trust announced on Friday.": hung on the report
    if verb.lower_ in CLOSING_VERBS and not hung_with_subject:
        return None  # "…, a plan announced earlier this year": a participle, what was announced
    # (not a conjunct: "…, and though they speak no English, their smiles said a lot" is a clause of its own)
    if hung_with_subject and (verb.dep_ != "advcl" or verb.head.i != verb.sent.root.i):
        return None
    doc, sent = verb.doc, verb.sent
    # the verb hung on the report, or heading it already with the speaker hung on the report's last noun
    report = sent.root if verb.dep_ != "ROOT" else next((c for c in verb.lefts if c.dep_ == "ccomp"), verb)
    k = verb.i - 1
    while k > sent.start and verb.i - k <= CLOSING_REACH and doc[k].tag_ in NOUN_PHRASE_TAGS:
        k -= 1
    if doc[k].text != "," or k == verb.i - 1 or report.i >= k or report.i == verb.i:
        return None
    phrase = doc[k + 1 : verb.i]
    tops = [t for t in phrase if not phrase.start <= t.head.i < phrase.end]
    if len(tops) != 1 or tops[0].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    if tops[0].dep_ in ("npadvmod", "tmod") or tops[0].lower_ in TIME_NOUNS:  # (no entities yet)
        return None  # "…, last week said …": when, not who
    if not closes_its_sentence(verb):
        return None  # the verb must close the sentence: only its own phrases after it
    if hung_with_subject and (
        tops[0].dep_ not in SUBJECT_DEPS
        or any((c.i > verb.i and c.dep_ in SAYS_MORE) or c.dep_ == "ccomp" for c in verb.children)
    ):
        return None  # "He resigned, the board announced a successor": the verb says something of its own
    return verb, tops[0], report, doc[k]


COMPARING_MARKS = frozenset({"as", "than"})


def comparisons_read_as_subjects(doc: Doc, speech_verbs: list[Token]) -> Doc:
    """`doc` with each closing attribution the parser took into a comparison put right (module
    docstring); `speech_verbs` are its tokens among MAIN_SPEECH_VERBS."""
    found = [repair for verb in speech_verbs if (repair := _comparison_read_as_subject(verb)) is not None]
    if not found:
        return doc
    tree = TreeEdit(doc)
    for verb, mark, compared, speaker, comma in found:
        report = verb.sent.root
        tree.attach(mark, verb.head, "prep")
        tree.attach(compared, mark, "pobj")
        tree.attach(speaker, verb, "nsubj")
        tree.attach(comma, verb)
        tree.make_root(verb)
        tree.attach(report, verb, "ccomp")
        tree.hand_over_trailing(report, verb)
    return tree.done()


def _comparison_read_as_subject(verb: Token) -> tuple[Token, Token, Token, Token, Token] | None:
    """(verb, "as"/"than", the compared noun, the speaker's head, the comma before it) where `verb` closes
    its sentence as "…, SPEAKER said" and the parser read it as the verb of the comparison, the compared
    noun its subject and the speaker that noun's appositive; else None."""
    if verb.dep_ not in ("advcl", "ccomp") or verb.i == verb.sent.root.i:
        return None
    mark = next((c for c in verb.lefts if c.dep_ == "mark" and c.lower_ in COMPARING_MARKS), None)
    compared = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    if mark is None or compared is None or mark.i > compared.i:
        return None
    speaker = next((c for c in compared.rights if c.dep_ == "appos"), None)
    if (
        speaker is None
        or speaker.right_edge.i != verb.i - 1
        or speaker.tag_ not in ("NNP", "NNPS", "NN", "NNS")
    ):
        return None
    comma = verb.doc[speaker.left_edge.i - 1]
    if comma.text != "," or comma.i <= compared.i:
        return None
    if not closes_its_sentence(verb):
        return None  # the verb must close the sentence: only its own phrases after it
    return verb, mark, compared, speaker, comma


def reports_read_as_modifiers(doc: Doc, speech_verbs: list[Token]) -> Doc:
    """`doc` with each report read as the modifier of a second subject of its speech verb put right (module
    docstring); `speech_verbs` are its tokens among MAIN_SPEECH_VERBS."""
    found = [repair for verb in speech_verbs if (repair := _report_read_as_modifier(verb)) is not None]
    if not found:
        return doc
    tree = TreeEdit(doc)
    for verb, noun, report in found:
        tree.attach(report, verb, "ccomp")
        tree.attach(noun, report)
        tree.retag(report, "VBD")
    return tree.done()


def _report_read_as_modifier(verb: Token) -> tuple[Token, Token, Token] | None:
    """(verb, the report's subject, the report's verb) where `verb` has two subjects, the second after a
    comma, and the first a noun whose subjectless past-tense verb the parser read as its modifier."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 2 or not subjects[0].i < subjects[1].i < verb.i:
        return None
    noun, speaker = subjects
    start = speaker.left_edge.i
    if start == 0 or verb.doc[start - 1].text != "," or noun.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    report = next((c for c in noun.rights if c.dep_ == "acl" and c.tag_ == "VBD"), None)
    if report is None or has_subject(report) or report.right_edge.i >= start:
        return None
    return verb, noun, report
