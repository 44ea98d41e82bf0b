"""Turn the source token of an attribution into a mention span and a canonical entity of the article.

A bare surname or a pronoun is not a speaker: readers resolve it to the entity the discourse is about.
We keep the people named in full (PERSON entities), the roles tied to them ("Jane Doe, the agency's
spokeswoman") and who was mentioned or quoted last, then resolve each mention in reading order:
  full name -> the longest name in the article that contains it;
  bare surname or first name -> among the full names sharing it, the one named most so far (the entity
    the discourse is about), then the most recently active one;
  he/she/his -> the last speaker, unless someone has since been the subject of a clause outside
    reported content (a name in what the speaker said, an object or "according to Politico" does not
    take the discourse over), else the person most recently a subject; skipping people whose gender is
    known to differ (by honorific, an earlier pronoun or a clearly gendered first name: first_names.py).
    On 308 hand-labelled pronoun sources of PolNeAR dev (pronoun_eval.py), subjects rather than any
    mention lifted the right person from 71.8% to 85.7% of the attached pronouns (89.4% with titles);
  role noun -> the person the article tied that role to, else the mention; "it" -> the institution that
    spoke last, close before, unless the sentence before is about another (organizations.py).
Name forms (names.py): "Donald J. Trump" is "Donald Trump" in full; a nickname stays in its name.
Namesakes stay apart ("Donald Trump Jr."; "the elder Brennan", people.py; "said Ana Reyes" beside Tom
Reyes); a tie goes to the one quoted more by name, then the most recent; "Mr. Obama" beside "Michelle
Obama" is a person of his own. What a mention is, and its name set off: mentions.py, appositives.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from saidwhat.appositives import according_to, appositive_name
from saidwhat.headlines import first_line_end
from saidwhat.mentions import (
    NAME_TITLES,
    PERSON_NOUNS,
    as_subject,
    common_noun,
    ent_in,
    introducing_description,
    mention_range,
    named_partners,
    noun_type,
    org_like,
    rival_between,
    role_word,
)
from saidwhat.models import Span, SpeakerType
from saidwhat.names import (
    clean_name,
    ent_name,
    headline_only_names,
    honorific_gender,
    mention_name,
    name_key,
    suffixed,
    surname_key,
)
from saidwhat.org_ents import organization_fixed, with_joint_body
from saidwhat.organizations import (
    OrgBook,
    definite_institution,
    fuller_description,
    sentence_before_start,
    subject_before,
    subject_since,
)
from saidwhat.people import Person, by_generation, containing, generation_asked, named_people
from saidwhat.person_ents import misread_person, person_fixed, set_off_person
from saidwhat.quotemarks import inside_paragraph_quotation
from saidwhat.roles import RoleBook, epithet, named_below, role_beside, sentence_has_its_subject
from saidwhat.subjects import AGENT_SUFFIXES, the_one_asked
from saidwhat.unnamed import UnnamedSpeaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
# what someone said, named by its owner: "His remarks suggested …" is his (a group's "their message"
# keeps the mention: the group is named elsewhere)
SPOKEN_NOUNS = frozenset(
    {
        "remarks", "remark", "comments", "comment", "speech", "message", "tweet", "tweets", "rhetoric",
        "response", "reply", "answer", "words", "reaction", "suggestion", "claim", "testimony",
    }
)  # fmt: skip
IT_REACH = 600  # characters from the last non-person speaker's mention within which "it" continues it
THEY_REACH = 400  # the same for "they" and the last group that spoke
ROLE_REACH = 150  # tokens within which a role's holder, named again, stays the one the role names
CENTRE_REACH = 60  # tokens within which the last clause subject is the centre a role noun may name


@dataclass
class EntityResolver:
    """Per-article state for resolving mentions in reading order (see the module docstring)."""

    doc: Doc
    contents: list[tuple[int, int]] = field(default_factory=list)  # characters of reported content
    text: str | None = None  # doc.text, where the caller has it (spaCy rebuilds it on every access)
    people: list[Person] = field(default_factory=list)
    # the roles given so far ("spokeswoman", "vice president": `role_keys`) and their holders
    roles: RoleBook[Person] = field(default_factory=RoleBook)
    last_speaker: Person | None = None
    _cursor: int = 0
    _tied: bool = False  # the last lookup chose among namesakes by salience, not by the name itself
    # the last speaker that is no person (an institution, a report): name, type, where its mention ended
    _last_thing: tuple[str, SpeakerType, int] | None = None
    _last_group: tuple[str, int] | None = None  # the last group that spoke: name, where its mention ended
    # the last person that spoke whom no name gives ("A spokeswoman for …"), for a "she" after it
    _unnamed: UnnamedSpeaker = field(default_factory=UnnamedSpeaker)
    _epithets: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    orgs: OrgBook = field(init=False)  # the institutions named, for "the company said"
    _ents: list[SpacySpan] = field(default_factory=list)

    def __post_init__(self) -> None:
        ents = list(self.doc.ents)
        # institutions and people the recognizer missed or mislabelled, each fix on the last one's entities
        self._ents = person_fixed(self.doc, organization_fixed(self.doc, ents))
        self._person_ents = [e for e in self._ents if e.label_ == "PERSON"]
        self.orgs = OrgBook(self.doc, self._ents)
        self._headline_names = headline_only_names(self.doc, self._person_ents, self.text)
        named = {ent.start: self._ent_name(ent) for ent in self._person_ents}
        self.people, self._epithets = named_people(self._person_ents, named)
        self._headline_end = first_line_end(self.doc)

    def _ent_name(self, ent: SpacySpan) -> str:
        return self._headline_names.get(ent.start) or ent_name(ent)

    def _advance(self, upto: int) -> None:
        """Record person mentions, genders and role links seen in the text before token `upto`."""
        for ent in self._person_ents:
            if ent.start < self._cursor or ent.start >= upto:
                continue
            gender = honorific_gender(ent)
            role = role_beside(ent)
            key, asked = name_key(self._ent_name(ent)), generation_asked(ent)
            person = self._lookup(key, gender, at=ent.start, role=role, generation=asked)
            if person is None:
                continue
            person.last_seen = ent.start
            if self._outside(ent.start_char):
                person.last_outside = ent.start
                if as_subject(ent.root) or the_one_asked(ent.root):
                    person.last_subject = ent.start
            person.mentions += 1
            if gender is not None:
                person.gender = gender
            self.roles.give_around(ent.root, person)
        # subjects the recognizer did not label as people hold attention too: "the president" (a role
        # given to someone), a bare surname it took for an organisation ("Trump has record low support")
        for tok in self.doc[self._cursor : upto]:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_ == "PERSON":
                continue
            if common_noun(tok):
                holder = self.roles.holder(tok)  # None where the noun names no role given so far
            elif tok.pos_ == "PROPN":
                holder = self._lookup(surname_key(tok))
            else:
                continue
            if holder is not None and self._outside(tok.idx):
                holder.hold(tok.i, subject=True)
        self._cursor = max(self._cursor, upto)
        self._tied = False  # its lookups only count mentions; the next one decides the speaker

    def _outside(self, char: int) -> bool:
        """Is character `char` outside every reported content (the reporter's own words)?"""
        return not any(s <= char < e for s, e in self.contents)

    def _lookup(
        self,
        toks: tuple[str, ...],
        gender: str | None = None,
        at: int | None = None,
        role: Token | None = None,
        generation: str | None = None,
    ) -> Person | None:
        """The person a name means; `gender` (from an honorific: Mrs. Clinton) rules out the others. A
        name shared by several, mentioned at token `at`, is the one of them given the role set off
        beside it (`role`: "Adeyemi, the board chair," after "Board chair Ngozi Adeyemi" and her brother
        Tunde Adeyemi), else the one the paragraph is about."""
        if not toks:
            return None
        toks = self._epithets.get(toks, toks)
        matches = containing(self.people, toks)
        if gender is not None:
            matches = [p for p in matches if p.gender in (None, gender)] or matches
        if not matches:
            return None
        if len(matches) == 1:
            return matches[0]
        holder = self.roles.holder(role) if role is not None else None
        if holder is not None and any(p is holder for p in matches):
            return holder
        if generation is not None:  # "the elder Brennan": of father and son, the father
            return by_generation(matches, generation)
        # "George W. Bush" is not his father George H. W. Bush, nor "Donald Trump" his son Donald Trump
        # Jr.; but "Brent Bozell" is "L. Brent Bozell III" where the article names him so more often
        exact = next((p for p in matches if p.tokens == toks), None)
        if exact is not None and (
            len(toks) > 2 or all(suffixed(toks, p.tokens) for p in matches if p is not exact)
        ):
            return exact
        # people who share a surname: the one the article has named most so far, the discourse's topic
        # ("Cruz" after a single "Heidi Cruz" in a story about Ted Cruz), then the one quoted most ("Brent
        # Bozell III … tells Breitbart", not "his father, Brent Bozell, Jr."), then the most recent, then
        # the one of that very name (the first "President Obama" beside a "Michelle Obama" named later)
        self._tied = exact is None
        centred = self._paragraph_subjects(matches, at) if at is not None else []
        if len(centred) == 1:  # "Kevin Doyle … called the charge “desperate.” … “…,” Doyle said"
            return centred[0]
        return max(matches, key=lambda p: (p.mentions, p.quoted, p.last_seen, p is exact))

    def _paragraph_subjects(self, people: list[Person], at: int) -> list[Person]:
        """Those of `people` who have been a clause's subject in the paragraph of token `at`, in a sentence
        before its own ("Freddy, as he was known, ''…,'' Mr. Trump said" is not Freddy)."""
        text = self.text if self.text is not None else self.doc.text
        start = text.rfind("\n", 0, self.doc[at].idx) + 1
        end = self.doc[at].sent.start
        return [p for p in people if 0 <= p.last_subject < end and self.doc[p.last_subject].idx >= start]

    def resolve(self, src: Token) -> tuple[str, Span, SpeakerType]:
        """Canonical name, mention span and type of the source token `src`. "It" as a source continues
        the last speaker that is no person, close before it ("Donald Trump's campaign is defending his
        tweets. It's denouncing …"; "…,” the report says. It also points out …") unless the sentence
        before has a subject of its own since; where none spoke, the institution the sentence before is
        about ("The port authority welcomed the agreement. In a statement, it said …"); an impersonal
        "it" ("It's worth noting …") after a person stays "It". "They" continues the last group that spoke,
        close before it, where nothing between could be meant instead (`rival_between`)."""
        name, mention, stype = self._resolve(src)
        if stype == "person" and src.dep_ in JOINT_DEPS and (partners := named_partners(src)):
            name, mention, stype = self._jointly(name, mention, partners)
        group = self._last_group
        if src.lower_ == "they":
            if (
                group is not None
                and src.idx - group[1] < THEY_REACH
                and not rival_between(group[1], src, self._outside)
            ):
                name, stype = group[0], "group"
            elif (before := self._group_before(src)) is not None:
                name, stype = before, "group"  # "Health officials disagree. They say …"
                self._last_group = (name, mention.end)
        elif stype == "group" and src.lower_ not in GROUP_PRONOUNS:
            self._last_group = (name, mention.end)
        if src.lower_ in PERSON_PRONOUNS:
            text = self.text if self.text is not None else self.doc.text
            name = self._unnamed.continued_by(src, PERSON_PRONOUNS[src.lower_], text, self.people) or name
        elif stype == "person":
            self._unnamed.note(src, name, mention.end, self.people)
        last = self._last_thing
        if src.lower_ == "it":
            near = last if last is not None and src.idx - last[2] < IT_REACH else None
            if near is not None and near[2] >= sentence_before_start(src):
                return near[0], mention, near[1]  # "…, according to the SITE group. It said …"
            if (before := self._institution_before(src)) is not None:
                self._last_thing = (before, "organization", mention.end)
                return before, mention, "organization"
            if near is not None and not subject_since(src, near, self._outside):
                return near[0], mention, near[1]
        else:  # a thing "it" can continue: an institution, or a singular common noun
            thing = stype == "organization" or (
                stype == "unknown"
                and src.pos_ == "NOUN"
                and src.tag_ == "NN"
                and src.lower_ not in PERSON_NOUNS
            )
            self._last_thing = (name, stype, mention.end) if thing else None
        return name, mention, stype

    def _institution_before(self, it: Token) -> str | None:
        """The institution a speaking "it" continues where none spoke just before: the subject of the
        sentence before, if an institution no person's name could be ("The port authority welcomed the
        agreement. In a statement, it said …"; organizations.subject_before says which subject)."""
        subject = subject_before(it, IT_REACH)
        if subject is None:
            return None
        left, right = mention_range(subject)
        ent = ent_in(self.doc[left:right], self._ents)
        if ent is not None:
            if ent.label_ not in ("ORG", "GPE") or self._lookup(name_key(clean_name(ent.text))) is not None:
                return None
        elif not definite_institution(subject, self.doc[left:right]):
            return None
        name, _, stype = self._resolve(subject)
        return name if stype == "organization" else None

    def _group_before(self, they: Token) -> str | None:
        """The group a speaking "they" continues where none spoke just before: the plural subject of the
        sentence before ("Health officials disagree. They say …"), as `_institution_before` for "it"."""
        subject = subject_before(they, THEY_REACH)
        if subject is None:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None and owner.tag_ in ("NNS", "NNPS"):
            subject = owner  # "Democrats’ numbers … have fallen. … they’re hopeful": the Democrats
        if subject.tag_ not in ("NNS", "NNPS") or subject.ent_type_ not in ("", "NORP"):
            return None
        if inside_paragraph_quotation(self.text if self.text is not None else self.doc.text, subject.idx):
            return None  # a subject inside a quotation ("“… the Paris attackers showed …” But they …")
        word = subject.lower_
        if not (word == "people" or word.endswith(AGENT_SUFFIXES) or noun_type(word[:-1]) != "unknown"):
            return None  # "The results …", "such measures …": no one who says
        name, _, stype = self._resolve(subject)
        return name if stype == "group" else None

    def _jointly(self, name: str, mention: Span, partners: list[Token]) -> tuple[str, Span, SpeakerType]:
        """ "Anne Fox and Derek Hall said in a joint statement": both speak, as a group named by both
        people's canonical names, its mention running over both."""
        names = [name]
        end = mention.end
        for partner in partners:
            other, other_mention, other_type = self._resolve(partner)
            if other_type != "person":
                return name, mention, "person"
            names.append(other)
            end = other_mention.end
        self.last_speaker = None  # a pair spoke: a later "he" or "she" continues neither by default
        text = self.text if self.text is not None else self.doc.text
        joint = " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]
        return joint, Span(text[mention.start : end], mention.start, end), "group"

    def _resolve(self, src: Token) -> tuple[str, Span, SpeakerType]:
        doc = self.doc
        if src.pos_ == "ADP":  # "Of Carson, Levine … said": the parser made the preposition the subject
            src = next((c for c in src.children if c.dep_ == "pobj"), src)
        left, right = with_joint_body(src, self._ents, *mention_range(src))  # "Devon and Cornwall Police"
        self._advance(left)
        span = doc[left:right]
        mention = Span(span.text, span.start_char, span.end_char)
        lower = src.lower_
        if src.tag_ in ("WP", "WDT") and src.head.dep_ == "relcl" and src.head.head.i != src.i:
            name, _, stype = self.resolve(src.head.head)  # "X, who said …": the speaker is X
            return name, mention, stype
        owner = next((c for c in src.children if c.dep_ == "poss"), None) if lower in SPOKEN_NOUNS else None
        if owner is not None and owner.lower_ not in ("its", "their"):
            name, _, stype = self.resolve(owner)  # "his remarks suggested …": he is who said it
            return name, mention, stype
        named = appositive_name(src) or set_off_person(src, self._person_ents)
        if named is not None:  # "His father, the former governor Robert Hale, said": Robert Hale
            name, _, stype = self.resolve(named)
            return name, mention, stype
        if lower in PERSON_PRONOUNS:
            person = self._salient_person(PERSON_PRONOUNS[lower], left)
            if person is not None:
                person.gender = person.gender or PERSON_PRONOUNS[lower]
                return self._spoke(person), mention, "person"
            return mention.text, mention, "person"
        # "“…,” the 19-year-old said": whom "she" would name, unless the subject of its own sentence
        person = self._salient_person(None, left) if epithet(src) and not self.roles.holder(src) else None
        if person is not None and not sentence_has_its_subject(src, person.last_subject):
            return self._spoke(person), mention, "person"
        if lower in GROUP_PRONOUNS:
            return mention.text, mention, "group"
        ent = ent_in(span, self._ents)
        bare = ent is not None and len(ent) == 1 and src.idx < self._headline_end  # "Pope urges …": a title
        if bare and (holder := self._introduced_below(src)) is not None:  # the recognizer took for a name
            return self._spoke(holder), mention, "person"
        if ent is not None and misread_person(ent):
            return self._ent_name(ent), mention, "person"
        if ent is not None and ent.label_ == "PERSON":
            if src.dep_ == "appos" and noun_type(src.head.lower_) == "organization":
                return self._ent_name(ent), mention, "organization"  # "The union, Unifor,": misread
            toks, gender = name_key(self._ent_name(ent)), honorific_gender(ent)
            asked = generation_asked(ent)
            person = self._lookup(toks, gender, at=ent.start, role=role_beside(ent), generation=asked)
            if person is not None:
                return self._spoke_here(person, src, at=ent.start), mention, "person"
            return self._ent_name(ent), mention, "person"
        untagged = src.is_title and src.pos_ != "PROPN" and not src.ent_type_  # a surname tagged a verb
        if untagged and (person := self._lookup((src.lower_,), at=src.i)) is not None:  # or a plural
            return self._spoke_here(person, src), mention, "person"
        if common_noun(src) and src.tag_ in ("NN", "NNP") and (holder := self.roles.holder(src)):
            return self._spoke(self._centre_over(holder, role_word(src), left)), mention, "person"
        if src.tag_ in ("NNS", "NNPS") and not src.ent_type_:  # U.S. officials: a group, not the U.S.
            force = self.orgs.police_force(src)  # "…, police said" ¶ "West Yorkshire Police said"
            return (force, mention, "organization") if force else (mention_name(span), mention, "group")
        if ent is not None and ent.label_ in ORG_LABELS:
            person = self._lookup(name_key(clean_name(ent.text)), role=role_beside(ent))
            if person is not None and (src.pos_ == "PROPN" or src.is_title):
                return self._spoke_here(person, src), mention, "person"  # "Trump" read as an organisation
            # not "The Podesta Group's CEO"; "Helix" tagged a nationality is still Helix AG's short name
            own_name = ent.label_ in ("ORG", "NORP") and ent.start <= src.i < ent.end
            full = self.orgs.full_name(ent.text) if own_name else None  # "Nordlink": Nordlink Systems
            role = not own_name and noun_type(lower) == "person"  # "Council leader Rachel Hunt's spokesman"
            return full or mention_name(span), mention, "person" if role else "organization"
        if src.tag_ in ("NNS", "NNPS"):
            return mention_name(span), mention, "group"
        if src.idx < self._headline_end and (holder := self._introduced_below(src)) is not None:
            return self._spoke(holder), mention, "person"  # "Mayor defends budget" ¶ "Mayor Grace …"
        if src.idx < self._headline_end and (org := self.orgs.named_below(src)) is not None:
            return org, mention, "organization"  # "Hospital admits errors" ¶ "St. Luke's Hospital …"
        if src.pos_ == "PROPN":
            person = self._lookup(surname_key(src), at=src.i, role=role_beside(span))
            if person is not None:  # a bare surname the tagger did not label as a person
                return self._spoke_here(person, src), mention, "person"
            if (full := self.orgs.full_name(span.text)) is not None:
                return full, mention, "organization"
            return mention_name(span), mention, "organization" if org_like(span) else "person"
        definite = definite_institution(src, span)
        org = self.orgs.referent(src) if definite else None
        if org is not None and self._lookup(name_key(org)) is None:  # not a person the recognizer misread
            return org, mention, "organization"  # "the company said": the one named before
        if definite and (described := fuller_description(src)) is not None:
            return described, mention, "organization"  # "The ministry said": the economy ministry
        text = self.text if self.text is not None else doc.text
        ahead = named_below(src, self._person_ents, text, self._outside)
        if ahead is not None and (person := self._lookup(name_key(self._ent_name(ahead)))) is not None:
            return self._spoke(person), mention, "person"  # "A federal judge …" ¶ "Judge Robert Pitman"
        return mention_name(introducing_description(src, span) or span), mention, noun_type(lower)

    def _introduced_below(self, role: Token) -> Person | None:
        """The person a headline's bare role ("Mayor defends budget …") names: the first one the article
        gives that role below it ("Mayor Grace Lindqvist faced …"), the introduction the body reads."""
        if role.lower_ not in NAME_TITLES or any(c.dep_ in ("det", "poss") for c in role.children):
            return None  # "A mayor …", "Obama's adviser …": someone not named
        later: RoleBook[Person] = RoleBook()
        for ent in self._person_ents:
            if ent.start > role.i and (person := self._lookup(name_key(self._ent_name(ent)))) is not None:
                later.give_around(ent.root, person)
                if (holder := later.holder(role)) is not None:
                    self._tied = False
                    return holder
        self._tied = False
        return None

    def resolve_label(
        self, first: int, start: int, end: int, unknown: SpeakerType = "person"
    ) -> tuple[str, Span, SpeakerType]:
        """A label that names a speaker, characters [start, end) from token `first`: a transcript turn's
        ("PENCE:") or a headline's ("Rush Limbaugh: …"). The person the article names in full ("PENCE" is
        Mike Pence), else the label itself ("WALLACE" -> Wallace) as an `unknown`-typed speaker."""
        self._advance(first)
        around = self.doc.char_span(start, end, alignment_mode="expand")  # not doc.text: rebuilt per access
        label = around.text[start - around.start_char : end - around.start_char] if around is not None else ""
        mention = Span(label, start, end)
        person = self._lookup(name_key(clean_name(label)))
        if person is not None:
            name = self._spoke(person)
            return (name.title() if name.isupper() else name), mention, "person"
        name = clean_name(label)
        return (name.title() if name.isupper() else name), mention, unknown

    def _spoke_here(self, person: Person, src: Token, at: int | None = None) -> str:
        """A named speaker holds attention from their mention (token `at`, else `src`), labelled as a
        person or not: "Mendes said …. “…,” she said" is Mendes, not a woman named between; so is a full
        name cited by "according to" (not a one-word one the recognizer may misread, "Politico")."""
        cited = according_to(src) and len(person.tokens) < 2
        person.hold(src.i if at is None else at, subject=not cited)
        return self._spoke(person)

    def _spoke(self, person: Person) -> str:
        self.last_speaker = person
        if not self._tied:  # a surname the tie-break gave away does not make its winner more quoted
            person.quoted += 1
        return person.name

    def _centre_over(self, holder: Person, role: str, at: int) -> Person:
        """The person a role noun (`role`, at token `at`) names: its holder, unless the holder was last
        named long before and the clause just before is about someone else the article names more
        ("Recall Sen. John McCain …" paragraphs back; "Cruz defends his bona fides in a commercial: “…,”
        the senator says" is Cruz, whom the article never titles)."""
        if at - holder.last_seen < ROLE_REACH or noun_type(role) != "person":
            return holder
        centre = max(self.people, key=lambda p: p.last_subject, default=None)
        if (
            centre is None
            or centre is holder
            or at - centre.last_subject > CENTRE_REACH
            or centre.mentions <= holder.mentions
            or self.roles.holds_office(centre)
        ):
            return holder
        return centre

    def _salient_person(self, gender: str | None, before: int) -> Person | None:
        def fits(p: Person) -> bool:  # of that gender, if one is given
            return (gender is None or p.gender in (None, gender)) and 0 <= p.last_seen < before

        candidates = [p for p in self.people if fits(p)]
        speaker = self.last_speaker
        # nobody has come up since the last speaker but inside what was reported: the speaker goes on
        if (
            speaker is not None
            and speaker in candidates
            and not any(p.last_subject > speaker.last_subject for p in candidates)
        ):
            return speaker
        return (
            max(candidates, key=lambda p: (p.last_subject, p.last_outside, p.last_seen))
            if candidates
            else None
        )

    def note_quote_speaker(self, name: str | None) -> None:
        """A quote attributed without a mention (continuation) keeps its speaker salient."""
        for p in self.people:
            if p.name == name:
                self.last_speaker = p


JOINT_DEPS = frozenset({"nsubj", "nsubjpass", "appos"})  # the speaker named as such, not an antecedent
