"""The institutions an article names, so that an institution speaker is named in full.

"Nordlink Systems was fined … Nordlink said it would appeal. … the company said in a statement" is one
institution, Nordlink Systems, three times. Readers resolve these two ways, and so do we:
  a short name -> the full name it shortens, where what it leaves out is a corporate word ("Nordlink"
    beside "Nordlink Systems", "Acme" beside "Acme Corp."): not "Harvard" beside "Harvard Medical
    School", another institution; or that abbreviates it, by its initials ("the EPA", "NAACP") or a
    clipped first word ("the Fed"), where exactly one institution named fits;
  "the company", "the commission" -> the institution the article tied that noun to: the noun its name
    ends with ("the Irish Data Protection Commission", "the Ministry of Defence"), or one set beside it
    ("The developer, Bayline Partners, said"; "Nordlink Systems, a Norwegian company,"); a business
    noun with no such tie ("the company", "the firm") -> the last business named before it, within
    BUSINESS_REACH tokens (not a ministry, a court or a party, whatever was named last); "the
    regulator", "the watchdog" -> the last commission, authority, agency … named within that reach.
Where nothing ties the noun to a named institution, the mention stays the speaker (speakers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from saidwhat.mentions import INDUSTRY_NOUNS, ORGANIZATION_NOUNS, PERSON_NOUNS, qualifying
from saidwhat.names import clean_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# words that name a company's legal form or line of business after its name: what a short name may leave out
CORPORATE_WORDS = frozenset(
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "companies", "group", "holdings",
        "ltd", "limited", "llc", "llp", "plc", "ag", "sa", "as", "asa", "nv", "bv", "gmbh", "se", "ab",
        "systems", "technologies", "technology", "partners", "industries", "international", "enterprises",
        "communications", "pharmaceuticals", "pharma", "labs", "laboratories", "airlines", "airways",
        "motors", "semiconductor", "semiconductors", "software", "energy", "power", "electric",
        "petroleum", "foods", "media", "capital", "securities", "therapeutics", "entertainment",
        "networks", "solutions", "air",
    }
)  # fmt: skip
# nouns for a business: with no institution tied to them, the last business named is meant
BUSINESS_NOUNS = (
    # "carrier" only here: a person's trade too ("a retired letter carrier said")
    frozenset({"company", "firm", "corporation", "business", "developer", "startup", "carrier"})
    | INDUSTRY_NOUNS
)
# words in an institution's name that say it is no business ("the company" never means these)
PUBLIC_WORDS = frozenset(
    {
        "ministry", "department", "agency", "commission", "committee", "council", "court", "party",
        "government", "administration", "office", "police", "army", "university", "school", "hospital",
        "parliament", "congress", "senate", "house", "union", "association", "foundation", "institute",
        "authority", "board", "bureau", "service", "fund", "nations", "organization", "organisation",
        "convention", "program", "programme", "campaign", "center", "centre", "project", "coalition",
        "caucus", "league", "alliance", "society", "forum", "federation", "reserve", "network",
    }
)  # fmt: skip
# nouns for an institution by what it does over others: "the regulator" is the commission named before
REGULATING_KINDS = frozenset({"commission", "authority", "agency", "board", "office", "bureau", "regulator"})
# "the force" is the police named before (British usage: "a statement from the force")
OVERSEER_NOUNS = {"regulator": REGULATING_KINDS, "watchdog": REGULATING_KINDS, "force": frozenset({"police"})}
# "the agency" is the public body of such a kind named before ("the Federal Aviation Administration", "the
# National Weather Service"), named in three words or more: "the Obama administration" is no agency
AGENCY_KINDS = frozenset({"agency", "administration", "service", "bureau", "authority"})
BUSINESS_REACH = 400  # tokens back within which "the company" may mean the last business named


@dataclass
class _Institution:
    name: str  # the fullest form the article gives
    words: tuple[str, ...]  # its words, lower case, without punctuation and a leading "the"
    nouns: set[str] = field(default_factory=set)  # the nouns the article tied to it ("company")
    mentions: list[int] = field(default_factory=list)  # token positions where it is named
    # named for itself at least once, not only as someone's employer ("an analyst at Westbrook Securities")
    standalone: bool = False

    @property
    def business(self) -> bool:
        return PUBLIC_WORDS.isdisjoint(self.words)


def _acronym(words: tuple[str, ...], name: str) -> bool:
    return len(words) == 1 and len(name) >= 4 and name.isupper()


def name_words(text: str) -> tuple[str, ...]:
    words = tuple(w.strip(".,'’").lower() for w in text.split())
    words = tuple(w for w in words if w)
    return words[1:] if words[:1] == ("the",) else words


def shortens(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Is `short` the name `full` without its trailing corporate words ("nordlink" / "nordlink systems")?"""
    return (
        len(short) < len(full)
        and full[: len(short)] == short
        and all(w in CORPORATE_WORDS for w in full[len(short) :])
    )


NAME_LINKS = frozenset({"of", "the", "and", "for", "on", "&"})  # words an institution's initials skip
CLIPPED_MIN, CLIPPED_MAX = 3, 4  # letters a clipped first word keeps ("Fed"; not "Congress": a word)


def _abbreviates(short: str, full: tuple[str, ...]) -> bool:
    """Is `short`, as written, an abbreviation of the name `full`: its initials ("EPA": Environmental
    Protection Agency; "DOJ": Department of Justice; "NAACP", skipping "for the") or its first word
    clipped ("Fed": Federal Reserve; "the Met": Metropolitan Opera)? A reader takes either for the
    institution named in full."""
    word = short.strip(".,'’").removeprefix("the ").removeprefix("The ")
    if " " in word or len(word) < 2 or len(full) < 2:
        return False
    if word.isupper():
        letters = word.replace(".", "").lower()
        every = "".join(w[0] for w in full)
        content = "".join(w[0] for w in full if w not in NAME_LINKS)
        return letters in (every, content)
    clipped = word.lower()
    if not word[0].isupper() or not CLIPPED_MIN <= len(clipped) <= CLIPPED_MAX < len(full[0]):
        return False
    # a clipped modifier ("Fed", "the Met"), not a name that happens to begin another ("Ford", Fordham)
    return full[0].startswith(clipped) and full[0].endswith(CLIPPED_ENDINGS)


CLIPPED_ENDINGS = ("al", "an", "ic")


def _before_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words up to its "of", where its head noun is ("ministry of defence")."""
    return words[: words.index("of")] if "of" in words else words


def _kind_noun(words: tuple[str, ...]) -> str | None:
    """The institution noun a name ends with, or opens before "of" ("ministry of defence")."""
    head = _before_of(words)
    return head[-1] if head and head[-1] in ORGANIZATION_NOUNS else None


# words before a company's name that a recognizer takes into it ("Shares of Lumina Semiconductor fell")
AFFILIATION_PREPS = frozenset({"of", "at", "with", "for", "from"})


def _affiliation(ent: SpacySpan) -> bool:
    """Is `ent` named only as a person's employer ("Kevin O'Donnell of Harbor Capital", "an analyst at
    Westbrook Securities")? Such a firm is where a voice comes from, not what the article is about: its
    "the company said" means the company the story follows."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in AFFILIATION_PREPS or prep.head is prep:
        return False
    person = prep.head
    return person.ent_type_ == "PERSON" or person.lower_ in PERSON_NOUNS


def _nouns_beside(ent: SpacySpan) -> set[str]:
    """Nouns set beside a name: its appositive ("Nordlink Systems, a Norwegian company,") or the noun
    it is the appositive of ("The developer, Bayline Partners,")."""
    root = ent.root
    beside = {c.lower_ for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        beside.add(root.head.lower_)
    return beside


class OrgBook:
    """The article's institutions (ORG entities), merged by name form, with the nouns tied to them."""

    def __init__(self, doc: Doc, ents: list[SpacySpan]) -> None:
        self.institutions: list[_Institution] = []
        found: list[tuple[SpacySpan, tuple[str, ...]]] = []
        for ent in ents:
            if ent.label_ != "ORG" or any(t.pos_ in ("VERB", "AUX") for t in ent):
                continue  # not a headline the recognizer took for a name ("Suspect Named By Police")
            words = name_words(clean_name(ent.text))
            # not a bare capitalised noun ("Bank", "the Commission"): nothing names one institution
            if words and len(words) <= 8 and not all(w in ORGANIZATION_NOUNS for w in words):
                found.append((ent, words))
        fullest: dict[tuple[str, ...], _Institution] = {}
        for _, words in sorted(found, key=lambda f: -len(f[1])):
            if words in fullest:
                continue
            longer = self._unique(fullest, words, self._display(found, words))
            if longer is None:
                longer = _Institution(self._display(found, words), words)
                self.institutions.append(longer)
            fullest[words] = longer
        for ent, words in found:
            inst = fullest[words]
            inst.mentions.append(ent.start)
            inst.standalone = inst.standalone or not _affiliation(ent)
            inst.nouns |= _nouns_beside(ent)
            if (kind := _kind_noun(words)) is not None:
                inst.nouns.add(kind)
        self._by_words = fullest

    @staticmethod
    def _unique(
        fullest: dict[tuple[str, ...], _Institution], words: tuple[str, ...], written: str
    ) -> _Institution | None:
        """The one institution a name shortens ("Nordlink": Nordlink Systems) or abbreviates ("the
        EPA", "the Fed"), or None: with two that fit ("the FBI" beside the Federal Bureau of
        Investigation and the Federal Bureau of Inquiry) which is meant is unknown."""
        shortened = next((inst for full, inst in fullest.items() if shortens(words, full)), None)
        if shortened is not None:
            return shortened
        fits = {id(inst): inst for full, inst in fullest.items() if _abbreviates(written, full)}
        return next(iter(fits.values())) if len(fits) == 1 else None

    @staticmethod
    def _display(found: list[tuple[SpacySpan, tuple[str, ...]]], words: tuple[str, ...]) -> str:
        return next(clean_name(ent.text) for ent, w in found if w == words)

    def full_name(self, name: str) -> str | None:
        """The fuller name of the institution `name` shortens ("Nordlink": "Nordlink Systems"), or None
        where `name` is already the fullest (or names no institution the article has)."""
        words = name_words(clean_name(name))
        inst = self._by_words.get(words)
        if inst is None:  # "Nordlink", "the Fed" where the recognizer did not label it
            inst = self._unique(self._by_words, words, clean_name(name))
        return inst.name if inst is not None and inst.words != words else None

    def named_below(self, noun: Token) -> str | None:
        """The institution a headline's bare noun ("Hospital admits errors …") names: the first one the
        article names below it whose name ends with the noun ("St. Luke's Hospital")."""
        if any(c.dep_ in ("det", "poss") for c in noun.children) or noun.lower_ not in ORGANIZATION_NOUNS:
            return None
        below = [
            (min(m for m in inst.mentions if m > noun.i), inst)
            for inst in self.institutions
            if inst.mentions and max(inst.mentions) > noun.i
        ]
        fits = [(at, inst) for at, inst in below if inst.words[-1:] == (noun.lower_,)]
        return min(fits, key=lambda pair: pair[0])[1].name if fits else None

    def police_force(self, noun: Token) -> str | None:
        """The force a bare "police" names ("…, police said." in a lede, "West Yorkshire Police said"
        below it): the one police force the article names, before or after; None where it names none or
        two ("Devon and Cornwall Police" and the Met), or where "police" is qualified ("Israeli police")."""
        if noun.lower_ != "police" or any(c.dep_ in ("poss", "compound", "amod") for c in noun.children):
            return None
        forces = {inst.name for inst in self.institutions if inst.mentions and "police" in inst.words}
        return forces.pop() if len(forces) == 1 else None

    def referent(self, noun: Token) -> str | None:
        """The institution a definite institution noun ("the company", `noun` its head) names, or None:
        the last one named before it that the article tied the noun to, else for a business noun the
        last business named within BUSINESS_REACH tokens."""
        word = noun.lower_
        # a noun before the head must be in the name: "the budget office" is the Congressional Budget
        # Office, "the appeals court" is not the Supreme Court
        qualifiers = {c.lower_ for c in qualifying(noun) if c.dep_ == "compound"}
        before = [(max(m for m in inst.mentions if m < noun.i), inst) for inst in self.institutions
                  if any(m < noun.i for m in inst.mentions) and qualifiers <= set(inst.words)]  # fmt: skip
        tied = [(at, inst) for at, inst in before if word in inst.nouns]
        if tied:
            return _latest(tied)
        near = [(at, inst) for at, inst in before if noun.i - at <= BUSINESS_REACH]
        if word in OVERSEER_NOUNS:  # "the regulator": the last public body of a regulating kind named
            kinds = OVERSEER_NOUNS[word]
            return _latest([(at, inst) for at, inst in near if _kind_noun(inst.words) in kinds])
        if word == "agency":
            heads = [(at, inst, _before_of(inst.words)) for at, inst in near]
            return _latest([(at, inst) for at, inst, h in heads if len(h) >= 3 and h[-1] in AGENCY_KINDS])
        if word not in BUSINESS_NOUNS:
            return None
        return _latest(
            [
                (at, inst)
                for at, inst in near
                if inst.business and inst.standalone and self._established(inst, noun.i)
            ]
        )

    @staticmethod
    def _established(inst: _Institution, at: int) -> bool:
        """Is `inst` a business the article has dwelt on before token `at`: named twice, or named with a
        corporate word ("Apple Inc.")? Not one passing mention ("sued by the NAACP"), nor an acronym of
        four letters or more (NAACP, ACLU: rarely businesses). Or one the article calls a business ("The
        drugmaker, Halcyon Pharma, said")."""
        if _acronym(inst.words, inst.name):
            return False
        corporate = not CORPORATE_WORDS.isdisjoint(inst.words[1:])
        return corporate or len(inst.mentions) >= 2 or not BUSINESS_NOUNS.isdisjoint(inst.nouns)


def _latest(named: list[tuple[int, _Institution]]) -> str | None:
    """The name of the institution named last among (position, institution) pairs, or None."""
    return max(named, key=lambda t: t[0])[1].name if named else None


DESCRIPTION_REACH = 600  # tokens back within which "the ministry" may continue "the economy ministry"


def fuller_description(noun: Token) -> str | None:
    """The fuller unnamed description a definite institution noun continues ("the economy ministry said
    … The ministry said": "the economy ministry"; "Germany's data protection regulator", a place's),
    where the article gave exactly one within DESCRIPTION_REACH tokens: the same noun after "the" (or
    a place's possessive) with a word before it that says which one (`_describes`: not "the new
    ministry", not "the Trump campaign"). With two ("the foreign ministry",
    "the defence ministry") which is meant is unknown, and the mention stays the speaker."""
    doc = noun.doc
    own = {c.lower_ for c in qualifying(noun)}
    forms: dict[str, str] = {}
    for tok in doc[max(0, noun.i - DESCRIPTION_REACH) : noun.i]:
        if tok.lower_ != noun.lower_ or tok.tag_ not in ("NN", "NNP"):
            continue
        if tok.tag_ == "NNP" and any(c.i > tok.i and c.dep_ == "prep" for c in tok.children):
            continue  # "the nonpartisan Commission on Presidential Debates": a name, not a description
        mods = [c for c in qualifying(tok) if _describes(c)]
        det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
        place = det is not None and det.dep_ == "poss" and det.ent_type_ in ("GPE", "NORP")
        if (
            not mods
            or det is None
            or (det.lower_ != "the" and not place)
            or not own <= {m.lower_ for m in mods}
        ):
            continue
        if len(mods) > len(own):  # "Germany's data protection regulator … The regulator said": in full
            phrase = doc[det.left_edge.i if place else min(m.left_edge.i for m in mods) : tok.i + 1].text
            forms.setdefault(phrase.lower(), phrase if place else "the " + phrase)
    return next(iter(forms.values())) if len(forms) == 1 else None


# adjectives that say nothing of which institution is meant ("the new ministry", "the same company")
PASSING_ADJECTIVES = frozenset(
    {"new", "same", "other", "former", "old", "whole", "entire", "big", "bigger", "biggest", "small",
     "large", "largest", "current", "previous", "latest", "main", "only", "first", "last", "next", "own",
     "embattled", "troubled", "beleaguered", "powerful", "influential", "struggling", "presidential",
     "political", "nonpartisan", "bipartisan"}
)  # fmt: skip


def _describes(modifier: Token) -> bool:
    """Does a modifier say which institution it is, as a common noun ("the economy ministry"), an
    adjective ("the central bank") or a place or nationality ("the Saudi government")? Not a person's
    or another institution's name ("the Trump campaign" is one of several campaigns an article may
    follow), not a passing adjective ("the new ministry")."""
    if modifier.ent_type_ in ("NORP", "GPE"):
        return True
    if modifier.ent_type_:
        return False
    if modifier.dep_ == "amod":
        return modifier.pos_ == "ADJ" and modifier.lower_ not in PASSING_ADJECTIVES
    # a lower-case word the tagger calls a name is a common one ("Kenya's foreign ministry")
    common = modifier.pos_ in ("NOUN", "ADJ") or (modifier.pos_ == "PROPN" and modifier.is_lower)
    return common and modifier.lower_ not in PASSING_ADJECTIVES


def definite_institution(src: Token, mention: SpacySpan) -> bool:
    """Is the mention a definite singular institution noun with nothing of its own to name it ("the
    company", "the Oslo-based company"; not "a company", "the companies", "its parent company")?"""
    words = [t for t in mention if not (t.is_punct or t.is_space)]
    return (
        src.tag_ == "NN"
        and (src.lower_ in ORGANIZATION_NOUNS or src.lower_ in BUSINESS_NOUNS)
        and bool(words)
        and words[0].lower_ == "the"
        and not any(t.pos_ == "PROPN" or t.dep_ == "poss" for t in words)
    )


# things an "it" may speak for as well as an institution: with one named between, "it" is ambiguous
DOCUMENT_NOUNS = frozenset(
    {
        "report", "study", "survey", "poll", "letter", "memo", "document", "analysis", "filing", "lawsuit",
        "complaint", "ruling", "bill", "law", "plan", "proposal", "review", "audit", "paper", "article",
        "book", "ad", "advertisement", "video", "post", "release", "order", "decision", "agreement", "deal",
        "contract", "treaty", "resolution", "measure", "policy", "guidance", "rule", "regulation", "website",
        "statement", "budget", "investigation", "inquiry", "probe", "assessment", "estimate", "forecast",
    }
)  # fmt: skip
# what an issuer speaks in: "In a statement, it said" makes "it" the statement's issuer
ISSUER_MEDIA = frozenset({"statement", "release", "email", "interview", "letter", "filing", "post", "tweet"})


def subject_before(it: Token, reach: int) -> Token | None:
    """The subject of the sentence before a speaking "it" that nothing closer can be meant by: "The port
    authority welcomed the agreement. In a statement, it said …". None where the sentence holding "it"
    has a subject before it, the subject lies more than `reach` characters back, or a document that
    could speak as "it" ("released a report. It said …") comes between — unless the cue's own "in a
    statement" makes "it" an issuer, which no document is. Whether the subject is an institution is the
    caller's question."""
    doc, sent = it.doc, it.sent
    if it.dep_ != "nsubj" or it.head.pos_ != "VERB":  # "It's easy to be cynical about …": no one
        return None
    prev = _sentence_before(it)
    if prev is None or any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[sent.start : it.i]):
        return None
    subject = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or it.idx - subject.idx > reach:
        return None
    issuer = any(
        prep.lower_ == "in" and any(obj.lower_ in ISSUER_MEDIA for obj in prep.children)
        for prep in it.head.children
    )
    if not issuer and any(t.lower_ in DOCUMENT_NOUNS for t in doc[subject.i + 1 : it.i]):
        return None
    return subject


def _sentence_before(tok: Token) -> SpacySpan | None:
    """The sentence before the one holding `tok`, if any."""
    start = tok.sent.start
    return tok.doc[start - 1].sent if start > 0 else None


def sentence_before_start(it: Token) -> int:
    """The character where the sentence before the one holding `it` starts (its own, if it is the first)."""
    return (_sentence_before(it) or it.sent).start_char


def subject_since(it: Token, last: tuple[str, str, int], narrated: Callable[[int], bool]) -> bool:
    """Has the sentence before the one holding `it` a subject of its own after the last institution that
    spoke (`last`: its name, type and the character its mention ended at), a noun in the reporter's words
    (`narrated(char)`) that does not name that institution again? Then "it" may mean that subject as
    well: "The port authority said …. The regulator published a report on Monday. It said …" is not the
    port authority; "a congressional report … The report also … It said" still is the report."""
    prev = _sentence_before(it)
    if prev is None:
        return False
    named = set(last[0].lower().split())
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.pos_ in ("NOUN", "PROPN")
        and t.idx >= last[2]
        and narrated(t.idx)
        and t.lower_ not in named
        for t in prev.root.children
    )
