"""People the recognizer missed or mislabelled, found from the rest of the article (speakers.py).

en_core_web_sm tags a surname alone where the article also gives the full name ("Oz" beside "Mehmet Oz"
untagged), a second person of a shared surname as an organisation or a place ("said Ana Reyes" beside
Tom Reyes, "Her brother, Tunde Adeyemi,"), a titled name as an organisation ("Chancellor Olaf Scholz"),
and a name set off after a role as anything at all ("The film's director, Nadia Haddad,"). Each function
takes the entity list and returns it with those spans made PERSON entities, in text order.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from saidwhat.first_names import gender_of
from saidwhat.mentions import INDUSTRY_NOUNS, noun_type
from saidwhat.names import PERSON_TITLES, TITLES, hyphenated_at, replacing_ents, with_nicknames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def with_full_names(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with the full names the recognizer missed: where it tags a surname alone as a person
    ("Oz"), a run of capitalised proper nouns compounded onto that surname elsewhere ("Mehmet Oz —
    Ivy League-trained surgeon …", not tagged at all, or tagged as no person and opening with a known
    first name: "said former player Marcus Reed") is that person's full name."""
    from spacy.tokens import Span as SpacySpan

    people = [e for e in ents if e.label_ == "PERSON"]
    ents = _with_hyphenated_full_names(doc, ents, people)
    in_full = {t.lower_ for e in people if len(e) > 1 for t in e}  # "Trump" beside "Donald Trump"
    surnames = {e.text.lower() for e in people if len(e) == 1 and e[0].is_title} - in_full
    # a surname the recognizer tagged nowhere, standing alone as a verb's subject ("Price said"), names
    # the full name tagged as something else ("Jamal Price's first-half header", an organisation)
    subjects = {
        t.lower_ for t in doc if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.is_title and not t.ent_type_
    }
    # tagged as something else ("said former player Marcus Reed … Reed recalled", an organisation):
    # a known first name and that surname
    relabelled = [
        SpacySpan(doc, e.start, end, label="PERSON")
        for e in ents
        if e.label_ != "PERSON"
        and 2 <= (end := e.end - (e[-1].tag_ == "POS")) - e.start <= 3
        and doc[end - 1].lower_ in (surnames | subjects) - in_full
        and _capitalised_names(doc[e.start : end])
        and gender_of(e[0].text) is not None
    ]
    if not surnames:
        return replacing_ents(ents, relabelled)
    ents = replacing_ents(ents, relabelled)
    tagged = {i for e in ents for i in range(e.start, e.end)}
    untagged = [t for t in _tokens_of(doc, surnames) if t.i not in tagged and t.pos_ == "PROPN"]
    if not untagged:
        return ents
    common = {t.text for t in doc if t.is_lower and t.is_alpha}  # "Outside Carrier" is no name
    stop = common | TITLES
    found: list[SpacySpan] = []
    for tok in untagged:
        start = _name_start(doc, tok, tagged, stop)
        if start < tok.i:
            found.append(SpacySpan(doc, start, tok.i + 1, label="PERSON"))
    return sorted(ents + found, key=lambda e: e.start) if found else ents


def _with_hyphenated_full_names(doc: Doc, ents: list[SpacySpan], people: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with the untagged full names of people tagged only by a hyphenated surname, three tokens
    to the tokenizer ("Mbeki-Carr was unmoved" beside an untagged "Democrat Rosalind Mbeki-Carr fired
    back", whose quotes then went to the bare surname): the given names compounded onto it."""
    from spacy.tokens import Span as SpacySpan

    hyphenated = {
        e.text.lower() for e in people if len(e) == 3 and hyphenated_at(doc, e.end - 1) and e[2].is_title
    }
    if not hyphenated:
        return ents
    tagged = {i for e in ents for i in range(e.start, e.end)}
    found: list[SpacySpan] = []
    for last in _tokens_of(doc, {name.rsplit("-", 1)[1] for name in hyphenated}):
        first = last.i - 2
        if first < 1 or doc[first : last.i + 1].text.lower() not in hyphenated or first in tagged:
            continue
        start = first
        while start > 0 and _compound_name_part(doc[start - 1], last) and start - 1 not in tagged:
            if doc[start - 1].lower_ in TITLES or doc[start - 1].ent_type_ in NOT_PEOPLE:
                break  # "Democrat", a party (NORP), opens no name
            start -= 1
        if start < first:
            found.append(SpacySpan(doc, start, last.i + 1, label="PERSON"))
    return replacing_ents(ents, found)


NOT_PEOPLE = frozenset({"GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "DATE", "EVENT", "PRODUCT", "LAW"})


def with_untagged_subjects(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with the names the recognizer tagged as nothing where they are a verb's subject: "Jamal
    Price scored twice on Sunday." (untagged, so "the striker said" after it had nobody to name). Two or
    three capitalised proper nouns compounded onto the subject, opening with a known first name, none a
    title, a word the article writes in lower case, or an institution or place noun ("Jordan Valley")."""
    from spacy.tokens import Span as SpacySpan

    found: list[SpacySpan] = []
    common: set[str] | None = None
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        start = tok.i
        while start > 0 and _compound_name_part(doc[start - 1], tok) and not doc[start - 1].ent_type_:
            start -= 1
        if not 2 <= tok.i + 1 - start <= 3 or gender_of(doc[start].text) is None:
            continue
        if common is None:
            common = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
        words = [t.lower_ for t in doc[start : tok.i + 1]]
        if any(w in TITLES or w in common for w in words) or noun_type(words[-1]) != "unknown":
            continue
        found.append(SpacySpan(doc, start, tok.i + 1, label="PERSON"))
    return replacing_ents(ents, found)


def with_namesakes(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with the people who share a surname with someone the article names in full, where the
    recognizer missed them: beside "Tom Reyes", "said Ana Reyes, a director at …" (tagged an
    organisation, or not at all) is a person of her own, not Tom Reyes. The words compounded onto the
    surname must open with a first name (a known one, or one that opens a person's name elsewhere in the
    article) and name no other kind of thing: "Stop Trump", "Republican Trump", "North Korea" are none."""
    from spacy.tokens import Span as SpacySpan

    people = [e for e in ents if e.label_ == "PERSON" and len(e) > 1]
    words_of = {e[-1].lower_: {t.lower_ for t in e} for e in people if e[-1].is_title}
    if not words_of:
        return ents
    # first names the article gives: a full name's first word, or a given name alone ("her sister, Chioma,")
    first_words = {e[0].lower_ for e in people} | {
        e[0].lower_ for e in ents if e.label_ == "PERSON" and len(e) == 1
    }
    in_person = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    found: list[SpacySpan] = []
    for tok in _tokens_of(doc, words_of):
        if tok.i in in_person or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        # "Chioma Okafor-Lindqvist" beside Adaeze Okafor-Lindqvist: the surname is three tokens
        surname = (tok.i - 2) if hyphenated_at(doc, tok.i) else tok.i
        own = {t.lower_ for t in doc[surname : tok.i + 1]}
        start = _name_start(doc, tok, in_person, TITLES | (words_of[tok.lower_] - own), surname)
        first = doc[start]
        # a name set off after a person noun is a person however tagged and whatever its first name:
        # "Her brother, Tunde Adeyemi," (a place to en_core_web_sm)
        set_off = tok.dep_ == "appos" and noun_type(tok.head.lower_) == "person"
        if start == surname or not (set_off or gender_of(first.lower_) or first.lower_ in first_words):
            continue
        if first.tag_ == "NNP" and (
            set_off or not any(t.ent_type_ in NOT_PEOPLE for t in doc[start : tok.i + 1])
        ):
            found.append(SpacySpan(doc, start, tok.i + 1, label="PERSON"))
    return replacing_ents(ents, found)


def with_repeated_names(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with every other tagging of a person's full name made that person: a name the article gives
    a person once stays a person wherever it recurs ("Declan Nolan" a work of art after a closing
    quotation mark, beside the person Declan Nolan, whose quote then went to his brother Padraig). An
    entity that holds more than the name ("Martin Luther King Day") is something named after the person;
    a name's last words alone are not taken ("White House" beside a mistagged "Obama White House")."""
    from spacy.tokens import Span as SpacySpan

    forms = {tuple(t.lower_ for t in e) for e in ents if e.label_ == "PERSON" and len(e) > 1}
    if not forms:
        return ents
    found = [
        SpacySpan(doc, e.start, e.end, label="PERSON")
        for e in ents
        if e.label_ != "PERSON"
        and 2 <= len(e) <= 4
        and tuple(t.lower_ for t in e) in forms
        and all(t.pos_ == "PROPN" and t.text[0].isupper() for t in e)
    ]
    return replacing_ents(ents, found)


def with_titled_people(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with a name right after a person's title made a person whatever the recognizer called it:
    en_core_web_sm tags "Chancellor Olaf Scholz" an organisation and "Governor Kathy Hochul" a place.
    The name must be one to three capitalised proper nouns, the title before the entity or inside it,
    first or after its own capitalised qualifier ('"…," Mayor Elena Marsh said', 'Competition
    Commissioner Ines Vermeulen said', tagged works of art); a name it did not tag at all must open
    with a known first name."""
    from spacy.tokens import Span as SpacySpan

    found: list[SpacySpan] = []
    for ent in ents:
        if ent.label_ == "PERSON":
            continue
        # the title inside the entity: '"…," Mayor Elena Marsh said' tagged a work of art after the
        # marks, also after the title's own qualifier ('Competition Commissioner Ines Vermeulen said')
        at = next((k for k in range(min(len(ent) - 1, 3)) if ent[k].lower_ in PERSON_TITLES), None)
        names = ent[at + 1 :] if at is not None else None
        if (
            names is not None
            and 1 <= len(names) <= 3
            and _capitalised_names(names)
            and all(t.is_title for t in ent[:at])
        ):
            found.append(SpacySpan(doc, names.start, ent.end, label="PERSON"))
            continue
        if ent.start == 0 or len(ent) > 3:
            continue
        title = doc[ent.start - 1]
        if title.lower_ not in PERSON_TITLES or title.ent_type_:
            continue
        if _capitalised_names(ent):
            found.append(SpacySpan(doc, ent.start, ent.end, label="PERSON"))
    # not tagged at all ("Superintendent Paul Reyes defended …"): a known first name and a surname
    for title in _tokens_of(doc, PERSON_TITLES):
        name = doc[title.i + 1 : title.i + 3]
        if title.ent_type_ or not title.is_title or len(name) < 2:
            continue
        if any(t.ent_type_ or t.pos_ != "PROPN" or not t.is_title for t in name):
            continue
        if gender_of(name[0].text) is not None:
            found.append(SpacySpan(doc, name.start, name.end, label="PERSON"))
    return replacing_ents(ents, found)


def _capitalised_names(words: Iterable[Token]) -> bool:
    return all(t.pos_ == "PROPN" and t.is_title for t in words)


def _tokens_of(doc: Doc, words: Iterable[str]) -> list[Token]:
    """The tokens whose lower-case form is one of `words`, in text order: found in the lower-case array,
    since a Python loop reading every token's text costs more (these run on every article)."""
    import numpy
    from spacy.attrs import LOWER

    hashes = [doc.vocab.strings[w] for w in words]
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), hashes))]


def _name_start(
    doc: Doc, surname: Token, taken: set[int], stop: AbstractSet[str], start: int | None = None
) -> int:
    """Where the run of capitalised proper nouns compounded onto `surname` starts before token `start`
    (the surname's first token: the surname's own index, or its first part's where it is hyphenated),
    `start` itself where there is none: it crosses no token a person already holds (`taken`) and no word
    in `stop` (by its lower-case form)."""
    start = surname.i if start is None else start
    while (
        start > 0
        and start - 1 not in taken
        and (_compound_name_part(doc[start - 1], surname) or _compound_name_part(doc[start - 1], doc[start]))
    ):
        if doc[start - 1].lower_ in stop:
            break
        start -= 1
    return start


def _compound_name_part(word: Token, surname: Token) -> bool:
    return word.dep_ == "compound" and word.head.i == surname.i and word.pos_ == "PROPN" and word.is_title


def with_given_names(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with each person's untagged given names: the recognizer tags only "Hassan" of "His
    Tanzanian counterpart, Samia Suluhu Hassan, said". Capitalised proper nouns compounded onto the
    name's last word, untagged, no title ("Sen.") and no word the article writes in lower case, opening
    with a known first name ("Marcel Lehel Lazar") or set off after a person noun. And the untagged
    surname tagged given names compound onto ("Opposition leader Maria Corina Machado": only "Maria
    Corina" tagged), not a role or institution noun ("Barack Obama Administration")."""
    from spacy.tokens import Span as SpacySpan

    common: set[str] | None = None

    def no_name(word: str) -> bool:  # a title, or a word the article writes in lower case
        nonlocal common
        if word in TITLES:
            return True
        if common is None:
            common = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
        return word in common

    found: list[SpacySpan] = []
    for ent in ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        start = ent.start
        while start > 0 and not doc[start - 1].ent_type_ and _compound_name_part(doc[start - 1], ent[-1]):
            if no_name(doc[start - 1].lower_):
                break
            start -= 1
        # a known first name opens it, or the name is set off after a person noun: a capitalised word
        # before a name is as often a title the recognizer left out ("Speaker Paul Ryan")
        set_off = ent.root.dep_ == "appos" and noun_type(ent.root.head.lower_) == "person"
        end = ent.end
        # the surname the tagged given names compound onto: "Maria Corina" tagged, "Machado" not
        if end < len(doc) and _compound_name_part(ent[-1], doc[end]) and gender_of(ent[0].lower_) is not None:
            surname = doc[end]
            plain = no_name(surname.lower_) or noun_type(surname.lower_) != "unknown"
            if not surname.ent_type_ and surname.pos_ == "PROPN" and surname.is_title and not plain:
                end += 1
        if (start < ent.start and (set_off or gender_of(doc[start].lower_) is not None)) or end > ent.end:
            found.append(SpacySpan(doc, start, end, label="PERSON"))
    return replacing_ents(ents, found)


def with_set_off_people(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with a name set off after a person noun made a person whatever the recognizer called it:
    "The film's director, Nadia Haddad, wrote …" (tagged an organisation, so a later "she" had only the
    article's other "people" to go to). One to three capitalised proper nouns, after a comma, the
    appositive of a noun that names a person's role (`mentions.noun_type`: not "Its parent company,
    Meta"). And the other way: a "person" set off after an institution's noun, or with one set off after
    it, is an institution ("The drugmaker, Halcyon Pharma, said": "the company" later is Halcyon Pharma;
    "Unison, the trust's largest union, said")."""
    from spacy.tokens import Span as SpacySpan

    found: list[SpacySpan] = []
    for ent in ents:
        words = [t for t in ent if not (t.text == "-" and hyphenated_at(doc, t.i + 1))]  # "Jon-Ivar Nygard"
        if not 1 <= len(words) <= 3 or not _capitalised_names(words):
            continue
        root, before = ent.root, doc[ent.start - 1] if ent.start > 0 else None
        if ent.label_ == "PERSON" and _institution_set_off_after(ent):  # "Unison, the trust's largest union,"
            found.append(SpacySpan(doc, ent.start, ent.end, label="ORG"))
            continue
        if root.dep_ != "appos" or root.head.i > ent.start or before is None or before.text != ",":
            continue
        if ent.label_ == "PERSON":
            if root.head.pos_ == "NOUN" and noun_type(root.head.lower_) == "organization":
                found.append(SpacySpan(doc, ent.start, ent.end, label="ORG"))
            continue
        if len(ent) == 1 and (ent.end >= len(doc) or doc[ent.end].text != ","):
            continue  # a given name alone is set off on both sides: "her sister, Chioma, forged" (a place)
        shared = root.head.lower_ in SHARED_ROLES and gender_of(ent[0].text) is None
        if ent[-1].lower_ in ORGANISATION_ENDINGS or shared:
            continue  # "Carrier's parent, United Technologies,"; not "Another parent, Marcus Bell,"
        if noun_type(root.head.lower_) == "person":
            found.append(SpacySpan(doc, ent.start, ent.end, label="PERSON"))
    # a given name alone, untagged: "her younger sister, Chioma,", "Their brother, Emeka, said"
    tagged = {i for e in ents for i in range(e.start, e.end)}
    for tok in _appositives(doc):
        if tok.i in tagged or tok.pos_ != "PROPN" or not tok.is_title or tok.i + 1 >= len(doc):
            continue
        set_off = doc[tok.i - 1].text == "," and doc[tok.i + 1].text == "," and tok.head.i < tok.i
        if set_off and noun_type(tok.head.lower_) == "person" and tok.head.lower_ not in SHARED_ROLES:
            found.append(SpacySpan(doc, tok.i, tok.i + 1, label="PERSON"))
    return replacing_ents(ents, found)


def _institution_set_off_after(ent: SpacySpan) -> bool:
    """Does an institution's noun follow the name, set off by a comma ("Unison, the trust's largest
    union, said"), or a relative clause on "which"? Then the name is an institution's, whatever the
    recognizer called it."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return False
    which = doc[ent.end + 1].lower_ == "which" and doc[ent.end + 1].head.head.i == ent.root.i
    if which and gender_of(ent[0].text) is None:
        # "De Telegraaf, which published the messages,": no person is a "which"; but after a first name
        # it is a title's before ("''The Making of Donald Trump,'' by … David Cay Johnston, which …")
        return True
    first = next((c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end), None)
    return (
        first is not None
        and first.left_edge.i == ent.end + 1  # the appositive right after the comma, not one hung further on
        and first.pos_ == "NOUN"
        and noun_type(first.lower_) == "organization"
        and first.lower_ not in INDUSTRY_NOUNS  # a trade is a person's too: "a retired letter carrier"
    )


def _appositives(doc: Doc) -> list[Token]:
    """The tokens the parser made appositives, read from the dependency array."""
    import numpy
    from spacy.attrs import DEP

    appos = doc.vocab.strings["appos"]
    return [doc[int(i)] for i in numpy.flatnonzero(doc.to_array([DEP]) == appos)]


# roles a company holds as often as a person: "Carrier's parent, United Technologies,"
SHARED_ROLES = frozenset(
    {"parent", "partner", "owner", "sponsor", "client", "customer", "member", "affiliate", "backer",
     "supplier", "rival", "competitor", "buyer", "seller", "contractor", "investor", "lender", "donor",
     "ally", "host", "publisher", "distributor", "developer", "operator", "creditor", "employer"}
)  # fmt: skip
ORGANISATION_ENDINGS = frozenset(
    {"technologies", "inc", "inc.", "corp", "corp.", "co", "co.", "llc", "ltd", "ltd.", "group", "partners",
     "holdings", "systems", "associates", "company", "bank", "foundation", "institute", "fund",
     "association", "union", "council", "party", "motors", "industries", "media", "news", "times", "post"}
)  # fmt: skip


def person_fixed(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with every fix of this module applied, in order: each reads the people the ones before
    found (a titled or set-off name first, then the full names, namesakes and repeats they make known)."""
    for fix in (
        with_titled_people,
        with_given_names,
        with_set_off_people,
        with_nicknames,
        with_untagged_subjects,
        with_full_names,
        with_namesakes,
        with_repeated_names,
    ):
        ents = fix(doc, ents)
    return ents


def set_off_person(noun: Token, person_ents: list[SpacySpan]) -> Token | None:
    """The name set off after a person noun that only this module's fixes made a person ("Their brother,
    Emeka, said": untagged, so `mentions.appositive_name` does not see it); `person_ents` the fixed
    PERSON entities. Or a fuller name set off after a bare one that shares its surname ("A second Van der
    Berg, Anouk van der Berg, …, said": hers, not the Van der Berg the article is about)."""
    if noun.pos_ == "PROPN":
        return _fuller_namesake(noun, person_ents)
    if noun.pos_ != "NOUN" or noun.is_title or noun_type(noun.lower_) != "person":
        return None
    if (named := _named(noun, person_ents)) is not None:  # "a man named Harold Fisk said"
        return named
    for appos in (c for c in noun.children if c.dep_ == "appos" and c.i > noun.i):
        if noun.doc[appos.left_edge.i - 1].text == "," and _in_person(appos, person_ents):
            return appos
        if (named := _named(appos, person_ents)) is not None:  # "The engineer, a man named Harold Fisk,"
            return named
    return None


def _in_person(tok: Token, person_ents: list[SpacySpan]) -> bool:
    return any(e.start <= tok.i < e.end for e in person_ents)


def _named(noun: Token, person_ents: list[SpacySpan]) -> Token | None:
    """The person's name in "a man named Harold Fisk", "a woman called Ana Ruiz", if `noun` is so named."""
    if noun.lower_ not in ("man", "woman", "person", "boy", "girl"):
        return None
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.lower_ in ("named", "called")):
        for name in (c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr")):
            if _in_person(name, person_ents):
                return name
    return None


def _fuller_namesake(name: Token, person_ents: list[SpacySpan]) -> Token | None:
    doc = name.doc
    own = next((e for e in person_ents if e.start <= name.i < e.end), None)
    if own is None:
        return None
    for appos in (c for c in name.children if c.dep_ == "appos" and c.i > name.i):
        fuller = next((e for e in person_ents if e.start <= appos.i < e.end), None)
        if (
            fuller is not None
            and doc[fuller.start - 1].text == ","
            and fuller.root.lower_ == own.root.lower_
            and len(fuller) > len(own)
        ):
            return appos
    return None


# what the recognizer calls a name it does not know that may be a person's (not an institution or place)
THINGS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def misread_person(ent: SpacySpan) -> bool:
    """Is the speaker's entity a person's name the recognizer read as a thing ("said committee chair Helen
    Obi": a facility)? Two or three capitalised words opening with a known first name."""
    words = list(ent)
    return (
        ent.label_ in THINGS
        and 2 <= len(words) <= 3
        and all(t.is_title and t.pos_ == "PROPN" for t in words)
        and gender_of(words[0].text) is not None
    )
