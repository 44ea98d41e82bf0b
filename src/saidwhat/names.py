"""Person names as an article prints them: the canonical form a speaker is given, the key people are
looked up by, and the repairs for what the recognizer gets wrong about names (a Title Case headline's verb
stuck to a name, a nickname in quotation marks that splits one). speakers.py decides who is meant;
this module only reads and compares names.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from saidwhat.first_names import gender_of
from saidwhat.headlines import first_line_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
POSSESSIVE = ("’s", "'s")
NAME_EDGE = " ,.;:―—–-\"“”‘’«»'<>"  # markup remnants too: `tweet-date="…">Sanders said`
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # Donald Trump Jr. is not Donald Trump
# letters British style writes after a name: an office or honour, no part of it (written in capitals)
POSTNOMINALS = frozenset({"KC", "QC", "MP", "MSP", "MEP", "AM", "MBE", "OBE", "CBE", "KBE", "DBE", "PhD"})
TITLES = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "mayor",
        "sen",
        "sen.",
        "senator",
        "rep",
        "rep.",
        "representative",
        "gov",
        "gov.",
        "governor",
        "president",
        "prime",
        "minister",
        "secretary",
        "chief",
        "judge",
        "justice",
        "gen",
        "gen.",
        "general",
        "col",
        "col.",
        "sgt",
        "sgt.",
        "lt",
        "lt.",
        "capt",
        "capt.",
        "professor",
        "prof",
        "prof.",
        "rev",
        "rev.",
        "father",
        "sister",
        "brother",
        "sir",
        "dame",
        "lord",
        "lady",
        "councilman",
        "councilwoman",
        "councilmember",
        "councilperson",
        "assemblymember",
        "selectman",
        "selectwoman",
        "commissioner",
        "director",
        "deputy",
        "chairman",
        "chairwoman",
        "ambassador",
        "detective",
        "officer",
        "chancellor",
        "superintendent",
        "coach",
        "sheriff",
        "principal",
        "rabbi",
        "pastor",
        "captain",
        "sergeant",
        "lieutenant",
        "colonel",
        "admiral",
        "trustee",
        "treasurer",
        "inspector",
        "constable",
        "clerk",
        "comptroller",
        "marshal",
        "alderman",
        "councillor",
        "councilor",
        "congressman",
        "congresswoman",
        "assemblyman",
        "assemblywoman",
    ]
)
# titles only ever put before a person's name: TITLES less the words that also open organisations or
# other phrases ("Chief Executive", "Deputy", "Director", "Justice Department", "Sister Cities"; "Prime
# Minister" is caught by "minister"), forms of address and kinship ("Sir", "Lady", "Father"), and the
# abbreviations written without their full stop ("Gen", "Sen")
PERSON_TITLES = TITLES - frozenset(
    {
        "brother",
        "capt",
        "chairman",
        "chairwoman",
        "chief",
        "col",
        "dame",
        "deputy",
        "director",
        "father",
        "gen",
        "general",
        "gov",
        "justice",
        "lady",
        "lord",
        "lt",
        "miss",
        "officer",
        "prime",
        "prof",
        "rep",
        "rev",
        "sen",
        "sgt",
        "sir",
        "sister",
    }
)


# a role the recognizer takes into the name where the sentence opens with it, capitalised ("Striker Kofi
# Mensah, who scored twice, …"): never part of a name of three words or more
LEADING_ROLES = frozenset(
    {
        "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "quarterback",
        "pitcher", "batsman", "bowler", "skipper", "captain", "coach", "manager", "boss", "professor",
        "prof", "prof.", "detective", "det.", "inspector", "officer", "constable", "superintendent",
        "ambassador", "commissioner", "councillor", "councilman", "councilwoman", "rabbi", "bishop",
        "reverend", "rev.", "pastor", "nurse", "teacher", "actor", "actress", "singer", "rapper",
    }
)  # fmt: skip


STRIPPED_OPENERS = TITLES | LEADING_ROLES


def clean_name(text: str) -> str:
    """The name without possessive, edge punctuation or leading titles (Mayor Elena Marsh -> Elena Marsh)."""
    words = text.split()
    while len(words) > 2 and words[0].lower() in STRIPPED_OPENERS and words[1][:1].isupper():
        words = words[1:]  # "Mayor Elena Marsh" -> "Elena Marsh"; "Senator from Texas" stays
    if (
        len(words) == 2
        and words[0].lower() in TITLES
        and words[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "miss")
    ):
        pass  # "Mr. Obama" keeps its honorific: it is how the article names him
    elif len(words) == 2 and words[0].lower() in TITLES:
        words = words[1:]
    while len(words) > 2 and words[-1].strip(",") in POSTNOMINALS:
        words = words[:-1]  # "Michael Grant KC", "Jane Smith MP": the same person as "Grant", "Smith"
    text = " ".join(words).strip(NAME_EDGE)  # Donald Trump'' (two-apostrophe quotation marks)
    for p in POSSESSIVE:
        if text.endswith(p):
            text = text[: -len(p)]
    text = text.strip(NAME_EDGE)
    last = text.rsplit(maxsplit=1)[-1] if text else ""
    if last.lower() in ("jr", "sr") and text != last:
        text += "."  # "Donald Trump Jr." keeps the full stop of its abbreviation
    return text


def name_key(name: str) -> tuple[str, ...]:
    """A name as the lower-cased words people are looked up by, without a leading honorific: British
    style writes "Ms Dunmore" without a full stop and the recognizer takes the honorific into the name,
    which must still find "Claire Dunmore"; a nickname's quotation marks go too ("Bobby" Scott)."""
    words = tuple(w for w in (t.lower().strip('"“”') for t in name.split()) if w)
    return words[1:] if len(words) > 1 and words[0] in HONORIFIC_GENDER else words


def ent_name(ent: SpacySpan) -> str:
    """A person entity's name, ending before a verb the recognizer swallowed ("Obama Says" in a Title
    Case headline, where the tagger, working on the sentence-cased headline, knows "Says" is a verb)."""
    end = next((t.i for t in ent if t.i > ent.start and (t.tag_.startswith("VB") or t.tag_ == "MD")), ent.end)
    return clean_name(ent.doc[ent.start : end].text)


def headline_only_names(doc: Doc, person_ents: list[SpacySpan], text: str | None = None) -> dict[int, str]:
    """Person names the recognizer took from a Title Case headline with a word stuck to them ("Derelict
    Obama", "Obama Speech"), by entity start: where the name appears nowhere but in the headline, it
    loses the words the article uses in lower case, and a first word that is no known first name before
    the end of a name the article gives in full."""
    text = doc.text if text is None else text
    lines = title_lines(doc, text)
    starts = [s for s, _ in lines]
    # a first line in sentence case ("The health secretary, Priya Shah, defended …") glues no words to a
    # name: the recognizer runs a name on only into capitalised words
    cased = [title_case(text[s:e]) for s, e in lines]

    def title_line(char: int) -> int | None:
        k = bisect_right(starts, char) - 1
        return k if k >= 0 and char < lines[k][1] else None

    def in_title(char: int) -> bool:
        return title_line(char) is not None

    headline = [e for e in person_ents if (k := title_line(e.start_char)) is not None and cased[k]]
    if not headline:
        return {}
    body_names = {ent_name(e) for e in person_ents if not in_title(e.start_char)}
    body_keys = [name_key(n) for n in body_names]
    lower_words = {t.text for t in doc if t.is_lower and t.is_alpha and not in_title(t.idx)}
    out: dict[int, str] = {}
    for ent in headline:
        name = ent_name(ent)
        if name in body_names:
            continue
        words = name.split()
        while len(words) > 1 and (
            words[0].lower() in lower_words
            or (
                gender_of(words[0]) is None
                and any(k[-len(words) + 1 :] == name_key(" ".join(words[1:])) for k in body_keys)
            )
        ):
            words = words[1:]
        while len(words) > 1 and words[-1].lower() in lower_words:
            words = words[:-1]
        # "Ben Carson Defends …": a name the article gives in the body, then the headline's verb
        known = [n for n in range(2, len(words)) if name_key(" ".join(words[:n])) in body_keys]
        if known and not any(w.lower().strip(".,") in NAME_SUFFIXES for w in words[known[-1] :]):
            words = words[: known[-1]]
        if len(words) < len(name.split()):
            out[ent.start] = " ".join(words)
    return out


MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"}
)


def title_lines(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of the headline (the first line, whatever its case) and of every later short
    line in Title Case: a live blog's entry titles ("Ted Cruz, Chris Christie Address Heroin Epidemic"),
    where the recognizer runs names on into the words after them just as in the headline. `text` is
    `doc.text` where the caller has it (spaCy joins every token to build it, on every access)."""
    text = doc.text if text is None else text
    line_end = first_line_end(doc)
    out = [(0, line_end)] if line_end else []
    start = line_end
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if len(line) <= 150 and not line.rstrip().endswith((".", ":", '"', "”")) and title_case(line, 3):
            out.append((start, end))
        start = end + 1
    return out


def title_case(line: str, min_words: int = 1) -> bool:
    """Are at least `min_words` of the line's words, and four in five of them, capitalised (minor words
    such as "of", "the" aside)?"""
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in MINOR_WORDS]
    return len(words) >= min_words and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def honorific_gender(ent: SpacySpan) -> str | None:
    """The gender an honorific right before a name, or first in it, gives ("Mrs. Clinton"), or the
    kinship noun the name is set off after ("their son, Humayun,"), or None."""
    inside = HONORIFIC_GENDER.get(ent.doc[ent.start].lower_) if len(ent) > 1 else None
    before = HONORIFIC_GENDER.get(ent.doc[ent.start - 1].lower_) if ent.start > 0 else None
    root = ent.root
    kin = KIN_GENDER.get(root.head.lower_) if root.dep_ == "appos" and root.head.i < root.i else None
    return inside or before or kin


KIN_GENDER = {
    **dict.fromkeys(
        ("son", "brother", "husband", "father", "uncle", "nephew", "grandfather", "widower"), "m"
    ),
    **dict.fromkeys(("daughter", "sister", "wife", "mother", "aunt", "niece", "grandmother", "widow"), "f"),
}


QUOTE_TOKENS = frozenset({'"', "“", "”", "``", "''"})


def with_nicknames(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with a nickname given in quotation marks kept inside its name: the recognizer breaks
    `Rep. Robert C. "Bobby" Scott` or `Marcia "Cia" Price` at the marks, leaving "Scott" a person of
    its own and the nickname a PERSON or a WORK_OF_ART."""
    from spacy.tokens import Span as SpacySpan

    person_at = {i: e for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    merged: list[SpacySpan] = []
    for opening in doc[1:-3]:
        if opening.text not in QUOTE_TOKENS:  # checked first: this walks every token of every article
            continue
        around = _nickname_shape(opening)
        if around is None or not opening.nbor(2).whitespace_:
            continue
        first, nick, last = around
        if last.pos_ not in ("PROPN", "NOUN") or not any(i in person_at for i in (first.i, nick.i, last.i)):
            continue
        start = person_at[first.i].start if first.i in person_at else first.i
        end = person_at[last.i].end if last.i in person_at else last.i + 1
        merged.append(SpacySpan(doc, start, end, label="PERSON"))
    return replacing_ents(ents, merged)


def is_nickname(doc: Doc, start: int, end: int) -> bool:
    """Is the quotation at characters [start, end) a nickname inside a person's name (Harold "Hal"
    Jensen, Robert C. "Bobby" Scott): one capitalised word in marks between two capitalised names, one
    of the three tagged as a person? It is part of the name, not a quotation."""
    inner = doc.char_span(start, end, alignment_mode="expand")
    around = _nickname_shape(inner[0]) if inner is not None and len(inner) == 3 else None
    if around is None:
        return False
    first, nick, last = around
    return last.pos_ == "PROPN" and "PERSON" in (first.ent_type_, nick.ent_type_, last.ent_type_)


def _nickname_shape(opening: Token) -> tuple[Token, Token, Token] | None:
    """The name word before, the nickname and the name word after a quotation opening at `opening`
    that holds one capitalised word between two capitalised names ('Harold "Hal" Jensen'), or None."""
    doc = opening.doc
    if opening.i == 0 or opening.i + 3 >= len(doc):
        return None
    first, nick, close, last = doc[opening.i - 1], doc[opening.i + 1], doc[opening.i + 2], doc[opening.i + 3]
    if opening.text not in QUOTE_TOKENS or close.text not in QUOTE_TOKENS:
        return None
    if first.pos_ != "PROPN" or not nick.is_title or not last.is_title:
        return None
    return first, nick, last


def replacing_ents(ents: list[SpacySpan], spans: list[SpacySpan]) -> list[SpacySpan]:
    """`ents` with `spans` in place of every entity they overlap, in text order."""
    if not spans:
        return ents
    kept = [e for e in ents if not any(f.start < e.end and e.start < f.end for f in spans)]
    return sorted(kept + spans, key=lambda e: e.start)


def shortened(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Is `short` a name `full` is also called by: its first and last name without the middle
    ("Donald Trump", "Donald J. Trump") or its last names ("Suu Kyi", "Guajardo Villarreal")?"""
    if len(short) < 2 or len(full) <= len(short):
        return False
    first_and_last = len(short) == 2 and short == (full[0], full[-1])
    return first_and_last or full[-len(short) :] == short


def suffixed(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Is `full` the name `short` with a generational suffix (Donald Trump -> Donald Trump Jr.)?"""
    rest = full[len(short) :]
    return full[: len(short)] == short and bool(rest) and all(w.strip(".,") in NAME_SUFFIXES for w in rest)


def is_sub(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    return all(t in big for t in small)


def mention_name(span: SpacySpan) -> str:
    """A mention as a name (`clean_name`), where a final "'s" that possesses nothing stays: it is part of
    the name of "Moody's" or "a spokesperson for McDonald's", not the possessive of "Trump's"."""
    name = clean_name(span.text)
    last = span[-1] if len(span) else None
    if last is not None and last.tag_ == "POS" and last.head.dep_ != "poss" and not name.endswith(last.text):
        name += last.text
    return name


def surname_key(tok: Token) -> tuple[str, ...]:
    """The name words of a bare surname the recognizer did not tag a person: the token, or the whole
    hyphenated surname it ends ("Cantwell-Hayes", three tokens, is not "Hayes": beside Maria
    Cantwell-Hayes and James Hayes, '"…," Cantwell-Hayes said' had gone to him)."""
    doc, i = tok.doc, tok.i
    return (doc[i - 2 : i + 1].text.lower(),) if hyphenated_at(doc, i) else (tok.lower_,)


def hyphenated_at(doc: Doc, i: int) -> bool:
    """Does token `i` end a hyphenated name, "Okafor-Lindqvist" (three tokens, no spaces)?"""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
