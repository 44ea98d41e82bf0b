"""What a speaker mention is, read off the parse: its token range, the entity it names, the name set
off beside it, the description that introduced it, the role it names, its type where nothing names it.
Discourse state (who was named, quoted, the subject) is speakers.py's; these are functions of one
mention and the text before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.datelines import dateline_end
from saidwhat.models import SpeakerType

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# prepositional phrases that belong to a speaker's mention: "a spokesman for …", "officials at …", "a
# report by the inspector general" (its author)
MENTION_PREPS = frozenset({"for", "of", "at", "with", "from", "by"})
MENTION_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "prep", "npadvmod"})


# what makes a clause one of its own: a finite verb, an auxiliary, a subject
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
AUX_DEPS = frozenset({"aux", "auxpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def inverted_subject_clause(cue: Token, children: list[Token]) -> Token | None:
    """ "He wants to leave the party, say officials close to him": an inverted subject the parser read
    as a clause ("officials close to him" with "close" its verb). After a report ending in a comma
    just before a cue with no subject of its own, a clause opening with its subject right after the
    cue is who speaks, not what was said; returns that clause (`children`: the cue's)."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].text != "," or any(c.dep_ in SUBJECT_DEPS for c in children):
        return None
    if not any(c.dep_ == "ccomp" and c.i < cue.i for c in children):
        return None
    for clause in children:
        if clause.dep_ == "ccomp" and clause.i > cue.i:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            verbless = clause.tag_ not in FINITE_TAGS and not any(c.dep_ in AUX_DEPS for c in clause.children)
            if subject is not None and subject.left_edge.i == cue.i + 1 and verbless:
                return clause  # not "…, whose start-up uses big data, said Mr. Trump was a candidate"
    return None


def mention_range(src: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by `src`, without relative clauses or appositives."""
    left, right = src.i, src.i
    for child in src.children:
        if _second_role(src, child):  # its own phrase, without its relative clause: "…, who backs Cruz"
            right = max(right, mention_range(child)[1] - 1)
            continue
        if child.dep_ in MENTION_CUT_DEPS and not (
            child.dep_ == "prep" and child.i > src.i and child.lower_ in MENTION_PREPS
        ):
            continue
        left = min(left, child.left_edge.i)
        right = max(right, child.right_edge.i)
    clause = src.head
    if src.dep_ == "nsubj" and clause.dep_ == "ccomp" and clause.i > src.i:
        inverted = inverted_subject_clause(clause.head, list(clause.head.children))
        if inverted is not None and inverted.i == clause.i:  # "…, say officials close to him"
            right = max(right, clause.right_edge.i)
    doc = src.doc
    # "two people familiar with the investigation, who spoke on condition of anonymity …", "the mayor of
    # Dayton, where five stores will close,": a relative clause hung on a word inside the phrase is no part
    for k in range(src.i + 1, right):
        if doc[k].text == "," and (doc[k + 1].tag_ in ("WP", "WDT", "WP$") or doc[k + 1].lower_ == "where"):
            right = k - 1
            break
    # "RANGOON, Burma - Aung San Suu Kyi's allies": a wire dateline is no part of the name
    first = src.sent.start
    while first < left and doc[first].is_space:
        first += 1
    dash = dateline_end(doc, first) if first <= left else None
    left = left if dash is None or not left <= dash < src.i else dash + 1
    # "“… hunky-dory,” Gene Sperling, a top adviser, said": the parser hung the quotation's words on the
    # name; a quotation's closing mark after its punctuation ends them
    for k in range(src.i - 1, left, -1):
        if doc[k].is_quote and doc[k - 1].text in (",", ".", "!", "?"):
            left = k + 1
            break
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space or doc[right].dep_ == "cc"):
        right -= 1  # "the former secretary of state and": the parser hung the "and" inside the phrase
    return _after_reduced_relative(doc, left, src.i), right + 1


def _after_reduced_relative(doc: Doc, left: int, head: int) -> int:
    """Where the speaker's phrase starts after a reduced relative's antecedent the parser took into it:
    "…, a move critics called “a betrayal”" ("critics"), "a decision fishing communities described as
    …": after a comma, "a"/"an" and a singular noun before a plural head cannot be one phrase."""
    first = left + 1
    if left < 1 or doc[left - 1].text != "," or doc[left].lower_ not in ("a", "an"):
        return left
    if doc[head].tag_ != "NNS":
        return left
    antecedent = doc[first]
    if antecedent.lower_ in QUANTITY_NOUNS or antecedent.ent_type_ in ("CARDINAL", "QUANTITY"):
        return left  # "a dozen Carrier workers", "a handful of …": one phrase
    if first < head and antecedent.tag_ == "NN" and antecedent.head.i == head:
        return first + 1
    return left


QUANTITY_NOUNS = frozenset(
    {"dozen", "couple", "handful", "number", "lot", "group", "pair", "bunch", "host", "majority",
     "minority", "score", "crowd", "team", "panel", "coalition", "chorus", "range", "variety", "total",
     "series", "trio", "band", "slew", "bevy", "string", "hundred", "thousand", "million"}
)  # fmt: skip


def _second_role(src: Token, child: Token) -> bool:
    """ "the former secretary of state and current Democratic presidential nominee", "Regulators and
    environmental groups": a second common noun joined without a determiner of its own belongs to the
    same mention, another role of the same person or the rest of a group, as PolNeAR marks them ("the
    mayor and the police chief" stay apart; names joined are a group: speakers.py)."""
    return (
        child.dep_ == "conj"
        and child.i > src.i
        and src.pos_ == "NOUN"
        and child.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in child.children)
    )


def ent_in(span: SpacySpan, ents: list[SpacySpan]) -> SpacySpan | None:
    """The entity the mention's head belongs to ("White House spokesman Josh Earnest" is Josh Earnest,
    not the White House), else the longest entity inside the mention (`ents`: the document's entities,
    listed once per document because spaCy rebuilds them on every access). A name modifying a common
    noun is someone else: "Scott's niece" is not Scott, "the Clinton campaign" not Hillary Clinton, "a
    spokesman for Hillary Clinton" not Hillary Clinton."""
    root = span.root
    if root.ent_type_:
        headed = next((e for e in ents if e.start <= root.i < e.end), None)
        if headed is not None:
            return headed
    inside = [
        e
        for e in ents
        if span.start <= e.start
        and e.end <= span.end
        and not (
            root.pos_ == "NOUN"
            and root.is_lower
            and (
                (e.root.dep_ in ("poss", "compound", "amod") and e.root.head.i == root.i)
                or in_phrase_of(e.root, root)
            )
        )
    ]
    return max(inside, key=len) if inside else None


def in_phrase_of(tok: Token, root: Token) -> bool:
    """Does `tok` hang on `root` through a prepositional phrase (a spokesman *for Hillary Clinton*)? A
    name set off at the phrase's end names the whole ("An attorney for Pagliano, Mark MacDougall": the
    parser hangs the appositive on "Pagliano")."""
    if tok.dep_ == "appos" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
        return False
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "prep":
            return True
        tok = tok.head
    return False


# what an unnamed speaker is, by its head noun ("the spokeswoman said", "the ministry said")
PERSON_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "mayor", "senator", "governor", "president",
        "minister", "secretary", "official", "aide", "adviser", "advisor", "lawyer", "attorney",
        "director", "chairman", "chairwoman", "chair", "executive", "ceo", "manager", "leader",
        "candidate", "nominee", "lawmaker", "congressman", "congresswoman", "representative",
        "judge", "prosecutor", "detective", "officer", "chief", "sheriff", "commissioner", "economist",
        "analyst", "professor", "expert", "researcher", "strategist", "pollster", "historian",
        "author", "reporter", "journalist", "columnist", "writer", "woman", "man", "voter", "resident",
        "owner", "worker", "mother", "father", "source", "witness", "doctor", "student", "teacher",
        "wife", "husband", "son", "daughter", "sister", "brother", "niece", "nephew", "cousin", "aunt",
        "uncle", "widow", "parent", "friend", "neighbor", "neighbour", "grandmother", "grandfather",
        "ambassador", "envoy", "diplomat", "general", "soldier", "activist", "protester", "organizer",
        "priest", "pastor", "bishop", "coach", "player", "farmer", "businessman", "businesswoman",
        "counterpart", "predecessor", "successor", "colleague", "deputy", "founder", "scientist", "nurse",
        "driver", "victim", "survivor", "physician", "surgeon", "captain", "pilot", "engineer", "employee",
        "staffer", "clerk", "consultant", "lobbyist", "delegate", "donor", "supporter", "veteran", "mp",
        "mep", "msp", "cfo", "coo", "cto",
    }
)  # fmt: skip
# a business named by its trade ("The drugmaker, Halcyon Pharma,"): an institution, and a business
INDUSTRY_NOUNS = frozenset(
    {
        "drugmaker", "automaker", "carmaker", "chipmaker", "insurer", "manufacturer", "retailer",
        "conglomerate", "utility", "airline", "lender",
    }
)  # fmt: skip
ORGANIZATION_NOUNS = frozenset(
    {
        "ministry", "department", "agency", "government", "administration", "campaign", "company",
        "firm", "committee", "council", "commission", "court", "office", "party", "union", "group",
        "organization", "organisation", "association", "institute", "foundation", "bank", "police",
        "army", "military", "network", "newspaper", "board", "bureau", "pentagon", "university",
        "school", "hospital", "authority", "regulator", "watchdog", "embassy", "force",
    }
) | INDUSTRY_NOUNS  # fmt: skip


def noun_type(head: str) -> SpeakerType:
    """A speaker's type from its head noun where nothing named it: a role is a person, an institution
    an organization; anything else (a report, a poll) stays unknown."""
    if head in PERSON_NOUNS:
        return "person"
    if head in ORGANIZATION_NOUNS:
        return "organization"
    return "unknown"


DESCRIPTION_REACH = 2000  # tokens back to the "a"/"an" description a bare "the official" continues


def introducing_description(src: Token, mention: SpacySpan) -> SpacySpan | None:
    """The description that introduced an unnamed speaker: "A White House official, speaking on
    condition of anonymity, said …. The official declined to say …" is one official, "A White House
    official". A bare "the official" (the `mention` of `src`) goes to the nearest "a"/"an" description
    before it with that head noun, where that says more ("a woman" does not; a later "A new ad from the
    campaign …" makes "the ad" that new one). None where there is none."""
    words = [t for t in mention if not (t.is_punct or t.is_space)]
    if src.pos_ != "NOUN" or src.tag_ != "NN" or len(words) != 2 or words[0].lower_ != "the":
        return None
    doc = src.doc
    for j in range(src.i - 1, max(-1, src.i - DESCRIPTION_REACH), -1):
        tok = doc[j]
        # not what something is said to be ("He is not a smart man", "Bush is “like a spoiled child” and
        # “not a smart man”"; "Carrier, a company with …")
        if tok.lower_ != src.lower_ or tok.tag_ != "NN" or _predicated(tok):
            continue
        if next((c.lower_ for c in tok.children if c.dep_ == "det"), None) in ("a", "an"):
            left, right = mention_range(tok)
            described = doc[left:right]
            fuller = sum(not (t.is_punct or t.is_space) for t in described) > 2
            return described if fuller else None
    return None


def _predicated(noun: Token) -> bool:
    """Is the noun (or the first of the nouns it is coordinated with) a predicate or an appositive? A
    negated noun is ("not a smart man"), and so is one the parser coordinated with a verb."""
    if any(c.dep_ == "neg" for c in noun.children):
        return True
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
        if noun.pos_ in ("VERB", "AUX"):
            return True
    return noun.dep_ in ("attr", "appos", "acomp", "oprd")


def org_like(span: SpacySpan) -> bool:
    """Does a name no entity type was given look like an institution's: by a word of its name, or by
    the "which" its relative clause opens with ("NHS Providers, which represents hospital trusts,")?"""
    text = span.text
    if any(w in text for w in ("Department", "Ministry", "Agency", "Committee", "Party", "Office")):
        return True
    return any(c.dep_ == "relcl" and c.left_edge.lower_ == "which" for c in span.root.children)


# titles before a name that a later "the …" names again ("President Obama … the president said")
ROLE_TITLES = frozenset(
    {"president", "senator", "governor", "mayor", "secretary", "judge", "pope", "speaker"}
)
# titles put before a name that a later "the X" continues: "Detective Ana Ruiz … the detective said"
# (not kinship or address: "Father Mike" is no one's father in the article)
NAME_TITLES = ROLE_TITLES | frozenset(
    {"minister", "chief", "commissioner", "director", "chairman", "chairwoman", "ambassador",
     "detective", "officer", "sheriff", "coach", "general", "professor", "inspector", "superintendent",
     "representative", "chancellor", "captain", "sergeant", "lieutenant", "colonel", "admiral",
     "attorney", "prosecutor", "councilman", "councilwoman", "councilmember", "treasurer", "commander"}
)  # fmt: skip
# a title written short ("Gov. Daniel Okafor") names the same role as its full form ("the governor")
ABBREVIATED_TITLES = {
    f"{short}{dot}": full
    for short, full in (
        ("gov", "governor"), ("sen", "senator"), ("rep", "representative"), ("pres", "president"),
        ("sec", "secretary"), ("gen", "general"), ("adm", "admiral"), ("supt", "superintendent"),
        ("det", "detective"), ("sgt", "sergeant"), ("capt", "captain"), ("col", "colonel"),
        ("lt", "lieutenant"), ("prof", "professor"), ("insp", "inspector"), ("cmdr", "commander"),
        ("amb", "ambassador"), ("atty", "attorney"), ("comr", "commissioner"),
    )
    for dot in ("", ".")
}  # fmt: skip


PLACES = frozenset({"GPE", "NORP", "LOC"})


def role_word(tok: Token) -> str:
    """The role a title word names, its abbreviation spelled out: "Gov." -> "governor"."""
    return ABBREVIATED_TITLES.get(tok.lower_, tok.lower_)


# words that make a title another office: "the president" is not "Vice President Biden", nor is the
# minister "Deputy Minister Ivanova"
RANK_QUALIFIERS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "first", "under"})
FORMER = frozenset({"former", "ex"})


def role_keys(noun: Token) -> list[str]:
    """The roles a noun can name, first the one it was given as: with the qualifiers that make it another
    office ("vice president"), and "former" kept apart where it names someone else: "the former
    president" is the "former President Bill Clinton", or else the president the article named; "the
    president" is never the former one, but "the pollster" is the "former Clinton pollster"."""
    given = qualifiers(noun)
    word = role_word(noun)
    role = " ".join([*sorted(given & RANK_QUALIFIERS), word])
    if given & FORMER:
        return ["former " + role, role]
    return [role] if word in ROLE_TITLES else [role, "former " + role]


def qualifying(noun: Token) -> list[Token]:
    """The modifiers before a role noun: "Republican" in "the Republican nominee"."""
    return [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]


def qualifiers(noun: Token) -> frozenset[str]:
    """The words that say which role a noun names: "Republican" in "the Republican nominee"."""
    return frozenset(c.lower_ for c in qualifying(noun))


def proper_qualifiers(noun: Token) -> frozenset[str]:
    """The qualifiers that are a place or party ("Florida", "Democratic"): they tell one holder of a
    role from another, so only a holder given the same one can be meant."""
    return frozenset(c.lower_ for c in qualifying(noun) if c.pos_ == "PROPN" or c.ent_type_ in PLACES)


def named_partners(src: Token) -> list[Token]:
    """The other people named with a source in "A and B" / "A, B and C" (proper nouns joined by "and"),
    or none."""
    partners: list[Token] = []
    tok = src
    while True:
        nxt = next((c for c in tok.children if c.dep_ == "conj" and c.i > tok.i), None)
        if nxt is None or nxt.pos_ != "PROPN" or nxt.i - tok.i > 8:
            break
        partners.append(nxt)
        tok = nxt
    if not partners or not any(
        c.dep_ == "cc" and c.lower_ == "and" for t in (src, *partners) for c in t.children
    ):
        return []
    return partners


def in_subject(tok: Token) -> bool:
    """Is `tok` part of its clause's subject ("a majority of voters distrust …")?"""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def as_subject(root: Token) -> bool:
    """Is a name (its root token) a clause's subject, or set off beside one ("Sam Patel, a
    paediatrician, disagreed")? Subjects are what the text is about (centering: "Trump attacked Cruz.
    He said …" is Trump), unlike a name in an object or prepositional phrase ("took to Twitter"). The
    owner of a subject counts too: "Mr. Ryan's positions remain popular …, he said" is Ryan (PolNeAR
    train: 15 of the 18 resolutions this changed right, 2 wrong, read by hand). A name set off after a
    subject's prepositional phrase is the subject's too where the parser hung it on a noun no person
    is ("Lowe's colleague at the airline, chief executive Tom Lowe, was not available" gave Tom Lowe to
    "the airline"; "his wife, Jane," is the wife's)."""
    if root.dep_ == "appos":
        root = root.head
        if root.dep_ == "pobj" and root.head.dep_ == "prep" and noun_type(root.lower_) != "person":
            root = root.head.head
    if root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head
    if root.dep_ == "ROOT" and root.pos_ == "PROPN" and root.left_edge.i == root.sent.start:
        return any(t.pos_ == "VERB" for t in root.sent)  # "Trump, when asked …, often steam-rolls": misparsed
    return root.dep_ in ("nsubj", "nsubjpass")


def common_noun(tok: Token) -> bool:
    """A common noun, also where the tagger called it a proper one in lower case ("the senator says")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)


def rival_between(start: int, they: Token, narrated: Callable[[int], bool]) -> bool:
    """Could "they" mean something named after character `start` (where the group that spoke last was
    named)? A plural noun ("Polls show that a majority of voters believe …. They are hungry for
    change") or another subject ("his team does see …. They believe") between them makes it ambiguous,
    and "they" keeps its own mention; inside what the group said (not `narrated`), only a plural subject
    does ("Owners say the closure cost them customers. They added …" is the owners)."""
    doc = they.doc
    j = they.i - 1
    while j >= 0 and doc[j].idx >= start:
        tok = doc[j]
        j -= 1
        plural = tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "NORP"
        if not narrated(tok.idx):
            if plural and in_subject(tok):
                return True
        elif plural or (tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN")):
            return True
    return False
