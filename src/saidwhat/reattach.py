"""Parse repairs after en_core_web_sm's parser, for a construction news uses all the time and the parser
reads backwards: a participle set off after the subject ("Vermeulen, asked whether the deal could be
unwound, said: “…”"). The tagger calls "asked" a past tense, so the parser makes it the sentence's verb
and the real one, "said", its complement: the question and the answer then come out as one quote of the
one who was asked. `set_off_participles` moves the tree back: the speech verb heads the sentence, the
subject is its subject again, and the participle modifies the subject. The parser also misreads it the
other way round: "said" heads the sentence but with no subject, "asked" its complement with the subject
("Tennant asked"); the same repair then only moves the subject and the participle.

`that_clauses` (that_clauses.py) puts right a second misreading: a that-clause read as a relative clause
on the listener, or on the time or place of speaking.

Only a speech verb after a comma, with no subject of its own, is taken for the sentence's verb, and only
after a participle that directly follows the subject and its comma ("Smith, who asked …, said" is a
relative clause the parser reads right).

The repairs run in the order numbered here, each on the tree the ones before it left; of the repairs
of an attribution closing its sentence (closings.py), `closing_attributions` runs after the second,
`reports_read_as_modifiers` and `comparisons_read_as_subjects` after the seventh.

`verbs_read_as_adjectives` puts right a third: "'We are over the moon,' said zoo director Hannah
Kowalczyk." read with "said" an adjective on "director" and the name heading the sentence, so the
mention ran "said zoo director Hannah Kowalczyk". A speech verb right after a quotation's closing mark
(and its comma), read as a modifier of the noun phrase after it, heads the sentence, the phrase its subject.

`places_read_as_subjects` puts right a fourth: "Outside court, one of the victims, Margaret Boyd, said …"
read with "Outside" an adjective on "court", "court" the subject and the people set off after it its
appositive and conjunct: the speaker was "Outside court". A sentence opening "Outside" or "Inside" and a
bare noun, set off by a comma and read as a speech verb's subject, has the phrase for a place and the
first phrase set off after it for the subject.

`subjects_read_as_conjuncts` puts right a fifth: "In testimony before the House Oversight Committee,
Rachel Kim, who served as deputy chief of staff, said …" read with the name a conjunct of "Committee", so
"said" had no subject and the report no speaker. A speech verb without a subject, after a phrase set off
by commas that the parser hung on the last noun of a prepositional phrase opening the sentence, has that
phrase for subject.

`subjects_read_as_modifiers` puts right a sixth: '"…," the 19-year-old said.' read with "the" and "old"
hung on "said" as its determiner and modifier, so the speaker was "the". A speech verb with no subject but
a determiner of its own before it has for subject the word right before it, and that word takes the
words between.

`subjects_read_as_objects` puts right a seventh: "The chief of staff resigned on Friday, a day after a local
news site published text messages …" read with "after" a preposition and "site" its object, so
"published" had no subject and took "resigned"'s: the chief of staff published the messages. A finite
verb without a subject, right after a noun phrase that "after", "before", "since" or "until" governs,
has that phrase for subject and the word for its marker.

`verbs_read_as_modifiers` puts right an eighth: "State Sen. Maria Elena Durazo, who joined the picket
line on Saturday, called on the hospital to return" read with the name as the sentence's head and
"called" a participle modifying it. A sentence headed by a noun with a past-tense verb set off after it
by a comma has that verb for its head, and the noun for its subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.closings import (
    CLOSING_VERBS,
    closing_attributions,
    comparisons_read_as_subjects,
    reports_read_as_modifiers,
)
from saidwhat.that_clauses import that_clauses
from saidwhat.tree_edits import (
    MAIN_SPEECH_VERBS,
    SUBJECT_DEPS,
    TreeEdit,
    has_subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# verbs of manner that answer the question only before a colon or closing the sentence ("Tennant, asked …,
# smiled: “…”", "Cole, asked whether she would resign, laughed.")
MANNER_VERBS = frozenset({"smiled", "laughed", "shrugged", "sighed", "grinned", "nodded"})
PARTICIPLE_TAGS = ("VBD", "VBN")  # the tagger's past tense for the participle: "asked"


def set_off_participles(doc: Doc) -> Doc:
    """`doc` with each misread "SUBJECT, PARTICIPLE …, SPEECH-VERB …" put right (module docstring)."""
    import numpy
    from spacy.attrs import LOWER

    hashes = [doc.vocab.strings[w] for w in MAIN_SPEECH_VERBS | MANNER_VERBS | CLOSING_VERBS]
    speech_verbs = [doc[k] for k in numpy.flatnonzero(numpy.isin(doc.to_array([LOWER]), hashes)).tolist()]
    repairs = []
    complements = []  # the other misreading: the participle the verb's complement, with the subject
    for verb in speech_verbs:
        if verb.lower_ in CLOSING_VERBS or (
            verb.lower_ in MANNER_VERBS and (verb.i + 1 == len(doc) or doc[verb.i + 1].text not in (":", "."))
        ):
            continue  # "Cole, asked whether she would resign, laughed." closes the sentence as "said" would
        participle = verb.head
        subject = _misread(verb, participle)
        if subject is not None:
            repairs.append((verb, participle, subject))
        elif (found := _misread_as_complement(verb)) is not None:
            complements.append((verb, *found))
    if repairs or complements:
        tree = TreeEdit(doc)
        for verb, participle, _ in repairs:
            tree.take_place(verb, participle)  # the root, or where the participle hung
            tree.hand_over_trailing(participle, verb)
        for verb, participle, subject in repairs + complements:  # the subject the verb's, the participle its
            tree.attach(subject, verb)
            tree.attach(participle, subject, "acl")
            tree.retag(participle, "VBN")
        doc = tree.done()
    # the token positions stay as they are: the speech verbs found here serve the closing attributions
    main_verbs = [verb for verb in speech_verbs if verb.lower_ in MAIN_SPEECH_VERBS]
    closers = [verb for verb in speech_verbs if verb.lower_ in MAIN_SPEECH_VERBS | CLOSING_VERBS]
    doc = closing_attributions(that_clauses(doc), closers)
    doc = places_read_as_subjects(verbs_read_as_adjectives(doc, main_verbs), main_verbs)
    doc = subjects_read_as_conjuncts(doc, main_verbs)
    doc = subjects_read_as_objects(subjects_read_as_modifiers(doc, main_verbs))
    doc = comparisons_read_as_subjects(reports_read_as_modifiers(doc, main_verbs), main_verbs)
    return verbs_read_as_modifiers(doc)


def _misread(verb: Token, participle: Token) -> Token | None:
    """The subject, where `verb` is the sentence's speech verb the parser hung on a participle set off
    after that subject; else None."""
    if verb.dep_ != "ccomp" or participle.i >= verb.i or participle.tag_ not in PARTICIPLE_TAGS:
        return None
    return _set_off_from(participle) if _subjectless_after_comma(verb) else None


def _subjectless_after_comma(verb: Token) -> bool:
    """Does the speech verb follow a comma with no subject of its own, as after a set-off participle?"""
    return verb.i > 0 and verb.doc[verb.i - 1].text == "," and not has_subject(verb)


def _set_off_from(participle: Token) -> Token | None:
    """The participle's subject, where the participle directly follows it and a comma: the subject the
    parser gave the participle belongs to the sentence's verb ("Vermeulen, asked …")."""
    doc = participle.doc
    subject = next((c for c in participle.children if c.dep_ in SUBJECT_DEPS and c.i < participle.i), None)
    if subject is None or participle.i < 2 or doc[participle.i - 1].text != ",":
        return None
    return subject if subject.right_edge.i in (participle.i - 2, participle.i - 1) else None


def _misread_as_complement(verb: Token) -> tuple[Token, Token] | None:
    """(participle, subject) where the parser read "Tennant, asked whether …, said: “…”" the other way
    round: the speech verb heads the sentence, but with no subject, and the participle is its
    complement with the subject as its own ("Tennant asked"); else None."""
    if not _subjectless_after_comma(verb):
        return None
    for participle in verb.lefts:
        if participle.dep_ == "ccomp" and participle.tag_ in PARTICIPLE_TAGS:
            subject = _set_off_from(participle)
            if subject is not None:
                return participle, subject
    return None


def verbs_read_as_modifiers(doc: Doc) -> Doc:
    """`doc` with each sentence the parser headed by a name, its verb read as the name's modifier, put
    right (module docstring)."""
    found = []
    for sent in doc.sents:
        head = sent.root
        if head.tag_ not in ("NNP", "NNPS", "NN", "NNS"):  # coarse tags come later (attributes.py)
            continue
        verb = next(
            (c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBD" and doc[c.i - 1].text == ","), None
        )
        if verb is not None and not has_subject(verb):
            found.append((head, verb))
    if not found:
        return doc
    tree = TreeEdit(doc)
    for head, verb in found:
        tree.make_root(verb)
        tree.attach(head, verb, "nsubj")
        tree.hand_over_trailing(head, verb)
    return tree.done()


def subjects_read_as_modifiers(doc: Doc, speech_verbs: list[Token]) -> Doc:
    """`doc` with each subject read as a determiner and modifier of its speech verb put right (module
    docstring); `speech_verbs` are its tokens among MAIN_SPEECH_VERBS."""
    found = []
    for verb in speech_verbs:
        determiner = next((c for c in verb.lefts if c.dep_ == "det"), None)
        if determiner is None or has_subject(verb):
            continue
        subject = doc[verb.i - 1]
        if subject.head.i == verb.i and subject.tag_ in ("JJ", "NN", "NNS", "NNP", "NNPS"):
            found.append((verb, subject, determiner))
    if not found:
        return doc
    tree = TreeEdit(doc)
    for verb, subject, determiner in found:
        tree.attach(subject, verb, "nsubj")  # the word right before the verb
        for word in doc[determiner.i : subject.i]:
            if word.head.i == verb.i:
                tree.attach(word, subject)
    return tree.done()


PLACE_OPENERS = frozenset({"outside", "inside"})  # tagged adjectives before a bare noun: "Outside court,"


def places_read_as_subjects(doc: Doc, speech_verbs: list[Token]) -> Doc:
    """`doc` with each opening place read as its speech verb's subject put right (module docstring);
    `speech_verbs` are its tokens among MAIN_SPEECH_VERBS."""
    found = []
    for verb in speech_verbs:
        place = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if place is None or place.i < 1 or place.i + 1 >= len(doc):
            continue
        opener, comma = doc[place.i - 1], doc[place.i + 1]
        if opener.lower_ not in PLACE_OPENERS or opener.head.i != place.i or comma.text != ",":
            continue
        if opener.i != verb.sent.start:
            continue
        set_off = [c for c in place.rights if c.dep_ in ("appos", "conj") and c.i > comma.i]
        if set_off:
            found.append((verb, opener, place, set_off))
    if not found:
        return doc
    tree = TreeEdit(doc)
    for verb, opener, place, set_off in found:
        tree.attach(opener, verb, "prep")
        tree.retag(opener, "IN")
        tree.attach(place, opener, "pobj")
        subject = set_off[0]
        tree.attach(subject, verb, "nsubj")
        for other in set_off[1:]:  # "retired teacher Margaret Boyd": the subject's appositive
            tree.attach(other, subject, "appos")
        for child in place.rights:  # the commas between
            if child.dep_ == "punct":
                tree.attach(child, verb if child.i == place.i + 1 else subject)
    return tree.done()


def subjects_read_as_conjuncts(doc: Doc, speech_verbs: list[Token]) -> Doc:
    """`doc` with each subject read as a conjunct or appositive of the noun ending an opening phrase put
    right (module docstring); `speech_verbs` are its tokens among MAIN_SPEECH_VERBS."""
    found = [(verb, subject) for verb in speech_verbs if (subject := _subject_in_opener(verb)) is not None]
    if not found:
        return doc
    tree = TreeEdit(doc)
    for verb, subject in found:
        tree.attach(subject, verb, "nsubj")
        tree.attach(doc[subject.left_edge.i - 1], verb)  # the comma before the subject
    return tree.done()


def _subject_in_opener(verb: Token) -> Token | None:
    """The subject of a speech verb left without one, where the parser hung it, set off by commas, on the
    last noun of a phrase opening the sentence that hangs on the verb ("In testimony before the House
    Oversight Committee, Rachel Kim, who served …, said"); else None."""
    doc = verb.doc
    if has_subject(verb) or verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    subject = doc[verb.i - 2]
    while subject.head.i != subject.i and subject.head.i < verb.i and subject.dep_ not in ("conj", "appos"):
        subject = subject.head  # up from the end of "Rachel Kim, who served …": to "Kim"
    while subject.dep_ in ("conj", "appos") and subject.head.dep_ in ("conj", "appos"):
        subject = subject.head  # "…, his lawyer, Jane Doe, said": the first phrase set off, the name its own
    if subject.dep_ not in ("conj", "appos") or subject.tag_ not in ("NNP", "NNPS", "NN", "NNS"):
        return None
    if subject.right_edge.i not in (verb.i - 2, verb.i - 1) or doc[subject.left_edge.i - 1].text != ",":
        return None
    noun = subject.head
    if noun.dep_ != "pobj" or noun.i > subject.i:
        return None
    opener = noun.head
    while opener.dep_ == "pobj" or (opener.dep_ == "prep" and opener.head.dep_ == "pobj"):
        opener = opener.head  # "In testimony before the committee": up to "In"
    if opener.dep_ != "prep" or opener.head.i != verb.i or opener.i != verb.sent.start:
        return None
    return subject


def verbs_read_as_adjectives(doc: Doc, speech_verbs: list[Token]) -> Doc:
    """`doc` with each speech verb after a quotation read as a modifier of its speaker's phrase put right
    (module docstring); `speech_verbs` are its tokens among MAIN_SPEECH_VERBS."""
    found = []
    for verb in speech_verbs:
        if verb.dep_ != "amod" or verb.i < 2 or verb.head.i < verb.i or not doc[verb.i - 1].is_quote:
            continue
        phrase = verb.head
        while phrase.dep_ in ("compound", "amod") and phrase.head.i > phrase.i:
            phrase = phrase.head
        if phrase.tag_ in ("NN", "NNS", "NNP", "NNPS"):
            found.append((verb, phrase))
    if not found:
        return doc
    tree = TreeEdit(doc)
    for verb, phrase in found:
        tree.take_place(verb, phrase)
        tree.retag(verb, "VBD")
        tree.attach(phrase, verb, "nsubj")
        for child in phrase.children:  # the quotation and its marks before the verb, the full stop after
            if child.i < verb.i or (child.i > phrase.i and child.dep_ == "punct"):
                tree.attach(child, verb)
    return tree.done()


SUBORDINATORS = frozenset({"after", "before", "since", "until"})  # read as prepositions: "a day after X did"


def subjects_read_as_objects(doc: Doc) -> Doc:
    """`doc` with each subject read as the object of a subordinator put right (module docstring)."""
    import numpy
    from spacy.attrs import LOWER

    hashes = [doc.vocab.strings[w] for w in SUBORDINATORS]
    found = []
    for k in numpy.flatnonzero(numpy.isin(doc.to_array([LOWER]), hashes)).tolist():
        word = doc[k]
        noun = next((c for c in word.children if c.dep_ == "pobj"), None)
        if word.dep_ != "prep" or noun is None or noun.right_edge.i + 1 >= len(doc):
            continue
        verb = doc[noun.right_edge.i + 1]
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("advcl", "conj", "ccomp", "relcl"):
            continue
        hung = word.head.head.i == verb.i or word.head.i == verb.head.i  # "a day after", "resigned after"
        if hung and not has_subject(verb):
            found.append((word, noun, verb))
    if not found:
        return doc
    tree = TreeEdit(doc)
    for word, noun, verb in found:
        tree.attach(noun, verb, "nsubj")
        tree.attach(word, verb, "mark")
        tree.retag(word, "IN")
    return tree.done()
