"""Who is speaking: the source token of a cue in the dependency parse.

A cue's source is its subject, the agent of a passive, or, for a cue with no subject of its own, the
subject of the verb it hangs from ("He spoke, saying …"). Some cues name no source at all (a passive
with no agent, a raising verb: "It appeared that …"); "according to" names its object, or that object's
author. frames.py attaches the source to every candidate it proposes; quote_cues.py asks for the
subject of the verb beside a quotation. The extractor corrects the source of accepted candidates
after scoring (source_fixes.py: a statement's issuer, a speech's user, "made it clear", an extraposed
"it", time spent), since the cue model's features read the parse's source; a wire dateline's appositive
is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhat.datelines import dateline_end
from saidwhat.mentions import SUBJECT_DEPS, noun_type

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# a cue with no subject of its own borrows its governor's: "He spoke, saying …", "X said … and added …"
INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "ccomp", "parataxis", "acomp"})
# "The deal is expected to …", "He is said to …": the passive subject is what is reported, and the
# sentence names no source
IMPERSONAL_PASSIVES = frozenset(
    {
        "expected", "seen", "thought", "believed", "considered", "viewed",
        "said", "reported", "rumored", "supposed", "projected", "estimated",
    }
)  # fmt: skip
# "It appeared that …", "The lack of enthusiasm seems to be …": raising verbs report an impression and
# name no source (PolNeAR train: 173 such attributions have none, 6 a source)
RAISING_VERBS = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})


def sourceless(cue: Token) -> bool:
    """Does the sentence name no source for this cue (a raising verb, a passive with no agent)?"""
    if cue.lower_ in RAISING_VERBS:
        return True
    if reaction_frame(cue):
        return reaction_agent(cue) is None
    if impersonal_passive(cue):
        return True
    # the tagger's VBD: "Asked what …" opening the sentence, "when asked", "The minister, asked about …,"
    set_off_after_noun = cue.dep_ == "acl" and cue.i > 0 and cue.doc[cue.i - 1].text == ","
    participle = cue.tag_ == "VBN" or (
        cue.tag_ == "VBD" and (cue.i == cue.sent.start or _when_before(cue) or set_off_after_noun)
    )
    set_off = cue.dep_ == "advcl" or (cue.dep_ in ("acl", "relcl") and cue.lower_ in QUESTIONED)
    if participle and set_off and not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        # "Asked what might surprise people, he says …", "Vermeulen, asked whether …, said": the one
        # asked is not the one asking
        return passive_agent(cue) is None
    passive = any(c.dep_ == "nsubjpass" for c in cue.children) and not _has_contracted(cue)
    return passive and passive_agent(cue) is None


def _when_before(verb: Token) -> bool:
    """ "when asked", "if pressed": a past form right after a subordinator, with no subject, is a
    participle whatever the tagger says (it calls "asked" a past tense). So is a questioned verb opening
    its sentence ("Asked what he would do now, Holm shrugged.")."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    opening = verb.i == verb.sent.start and verb.lower_ in QUESTIONED
    return (
        verb.tag_ in ("VBD", "VBN")
        and before is not None
        and (opening or (before.lower_ in SUBORDINATORS and before.head.i == verb.i))
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


SUBORDINATORS = frozenset({"when", "if", "once", "after", "unless", "while", "until", "as"})
CONTRACTED_AUX = frozenset({"'s", "’s"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
IMPERSONAL_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "which"})


def _has_contracted(cue: Token) -> bool:
    """ "He's said he'll fight …": the tagger reads the contracted "has" as a passive "is"; after a subject
    that is no impersonal pronoun ("it's said that …" is a passive) the cue is active."""
    contracted = any(c.dep_ == "auxpass" and c.lower_ in CONTRACTED_AUX for c in cue.children)
    if cue.tag_ not in ("VBN", "VBD") or not contracted:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lower_ not in IMPERSONAL_SUBJECTS


def subject_of(tok: Token, depth: int = 0, children: list[Token] | None = None) -> Token | None:
    """The grammatical source of a cue: its subject, passive agent, or its governor's subject.
    `children` is `list(tok.children)` where the caller has it (spaCy finds a token's children by
    scanning its whole subtree)."""
    if depth == 0 and tok.lower_ in RAISING_VERBS:
        return None
    agent_obj = None
    # the subject nearest the cue first: "The Latest: Trump urges …" gives "urges" two
    if children is None:
        children = list(tok.children)
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
    if len(subjects) > 1:
        subjects.sort(key=lambda c: (c.i > tok.i, -c.i if c.i < tok.i else c.i))
    for child in subjects:
        dep = child.dep_
        if dep == "nsubjpass" and not _has_contracted(tok):
            agent_obj = agent_obj or passive_agent(tok, children)
            if agent_obj is None:
                # "Peacekeepers have been accused of …": with no agent the passive names no source
                # (PolNeAR train: 376 such attributions have none, 66 the subject); a cue that
                # borrows this subject ("He was asked …, saying") still gets it
                return child if depth > 0 and tok.lower_ not in IMPERSONAL_PASSIVES else None
        elif not _dateline(child):
            return _named_appositive(child) or child
        elif (named := next((c for c in child.children if c.dep_ == "appos"), None)) is not None:
            return named  # "WASHINGTON -- President Obama, …, said": the dateline's appositive
    if agent_obj is not None:
        return agent_obj
    agent = passive_agent(tok, children)
    if agent is not None:
        return agent
    if tok.pos_ == "NOUN":  # "his comment", "Trump's claim": the possessor speaks
        owner = next((c for c in children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        # "The message from Mayor Ian Doyle was blunt: “…”", "a letter from 20 senators": the sender
        sender = next(
            (c for c in children if c.dep_ == "prep" and c.lower_ == "from" and c.i == tok.i + 1), None
        )
        if sender is not None and (sent := next((g for g in sender.children if g.dep_ == "pobj"), None)):
            return sent
        if tok.dep_ in ("dobj", "attr") and depth < 3 and tok.head.i != tok.i:
            return subject_of(tok.head, depth + 1)  # "Trump is raising questions about …"
        governor = tok.head.head
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and governor.pos_ == "VERB" and depth < 3:
            return subject_of(governor, depth + 1)  # "Trump took offense at suggestions that …"
    if tok.pos_ == "VERB" and (shared := _coordinated_subject(tok)) is not None:
        return shared
    if (
        (tok.tag_ == "VBN" or _when_before(tok))
        and depth == 0
        and (
            tok.dep_ == "advcl"
            or (
                tok.dep_ in ("relcl", "acl")
                and tok.lower_ in QUESTIONED
                and tok.i > tok.head.i
                and not subjects
            )
        )
    ):
        # "Asked about the blast, O'Neill said …", "Ted Cruz, when asked what is wrong, responded …":
        # the one asked is not who asked (a reduced relative only of these verbs: the tagger calls many
        # an active past "VBN": "Beruff, a Scott ally, called …")
        return None
    if depth < 3:
        dep = tok.dep_
        if dep == "acl" and (clause_verb := _free_participle_of(tok)) is not None:
            return subject_of(clause_verb, depth + 1)  # "defended plans to cut …, telling MPs …"
        if dep == "relcl" or (dep == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("PROPN", "NOUN")):
            return tok.head
        if dep == "acl" and _after_appositive(tok):  # "Her campaign manager, Tyler Nash, called …"
            return tok.head
        if dep == "xcomp" and tok.head.i != tok.i:  # "forced Stumpf to admit …": the object speaks
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None:
                return obj
        if dep in INHERIT_DEPS and tok.head.i != tok.i:
            return subject_of(tok.head, depth + 1)
        if dep == "prep" and tok.pos_ == "ADP" and tok.head.i != tok.i:  # responded by saying …
            return subject_of(tok.head, depth + 1)
    return None


QUESTIONED = frozenset({"asked", "pressed", "questioned", "quizzed", "queried", "interviewed", "challenged"})


def _free_participle_of(participle: Token) -> Token | None:
    """The verb of the clause a participle set off by a comma after that clause's object describes: the
    parser hangs it on the object ("has defended plans to cut 40 rail services, telling MPs …"), but the
    one telling is the one defending, not the plans."""
    doc = participle.doc
    start = participle.left_edge.i
    if participle.tag_ != "VBG" or start < 1 or doc[start - 1].text != ",":
        return None
    noun = participle.head
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def _after_appositive(verb: Token) -> bool:
    """Is `verb` the parser's reduced relative right after the comma closing its noun's appositive ("Her
    campaign manager, Tyler Nash, called the attack …")? There the noun is the verb's subject."""
    noun = verb.head
    doc = verb.doc
    if verb.i < 2 or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return False
    # the closing comma is often missing after an appositive ending in a relative clause: "Nate Silver,
    # the polling guru who founded fivethirtyeight.com tweeted …"
    edge = verb.i - 2 if doc[verb.i - 1].text == "," else verb.i - 1
    return any(
        c.dep_ == "appos" and c.right_edge.i == edge and doc[c.left_edge.i - 1].text == ","
        for c in noun.children
    )


def dateline_appositive(source: Token) -> Token | None:
    """The one who speaks after a wire dateline the parser took for the subject: "WASHINGTON (AP) —
    Donald Trump called …", "RANGOON, Burma - Aung San Suu Kyi's political allies predicted …" (the
    parse makes what follows the dash an appositive of the place); a person's name before a role."""
    doc = source.doc
    start = source.sent.start
    while start < source.i and doc[start].is_space:
        start += 1
    dash = dateline_end(doc, start)
    if dash is None or dash <= source.i:
        return None
    after = [c for c in source.subtree if c.i > dash and c.dep_ == "appos" and c.head.i < dash]
    return next((c for c in after if c.ent_type_ == "PERSON"), after[0] if after else None)


# "Trump has faced criticism from rivals", "He has fielded sharp criticism", "it was drawing complaints":
# the subject of these verbs is the target of the reaction, not its source
RECEIVING_VERBS = frozenset(
    {
        "face", "faces", "faced", "facing", "endure", "endures", "endured", "enduring", "draw", "draws",
        "drew", "drawn", "drawing", "receive", "receives", "received", "receiving", "field", "fields",
        "fielded", "fielding", "weather", "weathered", "attract", "attracts", "attracted", "attracting",
    }
)  # fmt: skip
# "The documents raised new questions about …", "this week's megadeal has renewed speculation": a thing
# that raises questions asks none (a person who raises them does: "Trump is raising questions about …")
PROVOKING_VERBS = frozenset(
    {
        "raise", "raises", "raised", "raising", "renew", "renews", "renewed", "renewing", "spark",
        "sparks", "sparked", "sparking", "fuel", "fuels", "fueled", "fuelled", "fueling", "prompt",
        "prompts", "prompted", "prompting", "trigger", "triggers", "triggered", "drive", "drives",
        "drove", "driven", "driving", "stir", "stirs", "stirred", "stirring",
    }
)  # fmt: skip
PERSON_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
REACTION_NOUNS = frozenset(
    {
        "criticism", "criticisms", "question", "questions", "complaint", "complaints", "opposition",
        "concern", "concerns", "doubt", "doubts", "speculation", "call", "calls", "attack", "attacks",
        "backlash", "condemnation", "scrutiny", "accusation", "accusations", "allegation",
        "allegations", "charge", "charges", "ridicule", "skepticism", "scepticism", "objection",
        "objections", "outrage", "fire", "rebuke", "rebukes", "praise", "suspicion", "suspicions",
    }
)  # fmt: skip


def impersonal_passive(cue: Token) -> bool:
    """ "She is moving to Los Angeles but is expected to continue …", "a community known to be
    supportive of …": an impersonal passive names no one who expects or knows, even where the
    parse lends it a subject from a coordinated verb or the noun it modifies."""
    if cue.lower_ not in IMPERSONAL_PASSIVES and cue.lower_ != "known":
        return False
    passive = any(c.dep_ == "auxpass" for c in cue.children) or (cue.dep_ == "acl" and cue.tag_ == "VBN")
    return passive and not _has_contracted(cue) and passive_agent(cue) is None


SHARE_ENTS = frozenset({"PERCENT", "CARDINAL"})
SHARE_DEPS = frozenset({"nsubj", "nummod", "npadvmod", "quantmod"})


def share_subject(cue: Token) -> Token | None:
    """A poll's share of respondents before a cue the parse left without a subject: "85% of
    Democrats said …" ("%" reads as punctuation, never a subject), "About 4 in 10 say …" ("10" hangs
    on the verb as a number)."""
    return next(
        (c for c in cue.children if c.i < cue.i and c.dep_ in SHARE_DEPS and c.ent_type_ in SHARE_ENTS),
        None,
    )


def participle_subject(cue: Token) -> Token | None:
    """ "Republican activists clamoring to block Donald Trump from the nomination say …": the parser read
    the participle phrase after the subject as the main verb and hung the cue on it as an unlabelled
    dependent; the participle's subject is the cue's."""
    head = cue.head
    if cue.dep_ != "dep" or head.tag_ != "VBG" or not head.i < cue.i:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)


def displaced_subject(cue: Token) -> Token | None:
    """A subject the parser hung on a neighbouring verb of a cue left without one: "Trump gestured …,
    then leaned in and boomed: “…”" ("leaned" an unlabelled dependent of "gestured", "boomed" its
    conjunct) and "Clinton, exasperated, famously responded: “…”" ("exasperated" read as a verb with
    the subject, hung on the cue as parataxis). Only with no quotation mark between subject and cue:
    `“…,” tweeted another` hangs the cue on the quotation's verb, whose subject is no speaker."""
    verb = cue
    while verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
        verb = verb.head
    subject = None
    if verb.dep_ == "dep" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.head.i), None)
    if subject is None:
        aside = next((c for c in cue.children if c.dep_ == "parataxis" and c.i < cue.i), None)
        if aside is not None and aside.pos_ == "VERB":
            subject = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i), None)
    if subject is None or any(t.is_quote for t in cue.doc[subject.i : cue.i]):
        return None
    if dateline_end(cue.doc, subject.left_edge.i) is not None:
        return None  # "WASHINGTON (AP) — Trump and Ryan pledged … after a meeting aimed …"
    return subject


def reaction_frame(cue: Token) -> bool:
    """Is this reaction noun (criticism, questions, complaints) the object of a verb whose subject
    does not voice it: one that receives it, or a thing that provokes it?"""
    verb = cue.head
    if cue.lower_ not in REACTION_NOUNS or cue.dep_ != "dobj" or verb.i == cue.i:
        return False
    if any(c.dep_ == "poss" for c in cue.children):  # "fuel Trump's nagging concern that …": his
        return False
    if verb.lower_ in RECEIVING_VERBS:
        return True
    if verb.lower_ not in PROVOKING_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and not _someone(subject)


AGENT_SUFFIXES = ("ers", "ors", "ists", "ians")  # insurers, investors, activists, politicians


def _someone(tok: Token) -> bool:
    """Could this subject voice a reaction: a person, group or institution, by name, pronoun or noun?"""
    word = tok.lower_
    if word in PERSONAL_PRONOUNS or word == "who" or tok.ent_type_ in PERSON_ENTS or tok.pos_ == "PROPN":
        return True
    singular = word[:-1] if word.endswith("s") else word
    return noun_type(singular) != "unknown" or word.endswith(AGENT_SUFFIXES)


def reaction_agent(cue: Token) -> Token | None:
    """Who voices a received reaction: "criticism from rivals" -> rivals."""
    for prep in (c for tok in (cue, cue.head) for c in tok.children if c.dep_ == "prep"):
        if prep.lower_ == "from":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _coordinated_subject(tok: Token) -> Token | None:
    """ "Kasich offered the man a job, then says he'll welcome advice": the parser hangs the first verb
    of a coordination on the second as a complement, leaving the second with no subject. Where the
    verb reports a clause after it and the clause before it has a subject, that subject speaks."""
    before = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i]
    after = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    if len(before) != 1 or not after:
        return None
    subject = next((c for c in before[0].children if c.dep_ == "nsubj"), None)
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in PERSONAL_PRONOUNS):
        return None  # "It was a mistake, says …": an impersonal subject speaks for no one
    return subject


def _named_appositive(subject: Token) -> Token | None:
    """A name set off after a subject that is no name: "With 50 days until the election, Minyon Moore,
    a senior adviser …, called …" (the parser's subject is "election")."""
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_:
        return None
    return next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _dateline(tok: Token) -> bool:
    """WASHINGTON — …: a dateline the parser took for the subject."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.is_upper and len(tok.text) > 2 and nxt is not None and nxt.text in ("—", "–", "-", "--")


def passive_agent(tok: Token, children: list[Token] | None = None) -> Token | None:
    for child in tok.children if children is None else children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def according_source(to: Token) -> Token | None:
    """Who "according to …" names: the object of "to", or the author of that object ("according to a
    speech by Mrs. Clinton", "… a speech Mrs. Clinton delivered"), or the last noun where the parser
    read a verb phrase ("to show insiders")."""
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        for prep in pobj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if author is not None:
                    return author
            if prep.dep_ == "relcl":  # "according to a speech Mrs. Clinton delivered in July"
                author = next((c for c in prep.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
                if author is not None and author.i > pobj.i:
                    return author
        return pobj
    nouns = [t for t in to.subtree if t.pos_ in ("NOUN", "PROPN") and t.i > to.i]
    return nouns[-1] if nouns else None


def impersonal_subject(cue: Token) -> Token | None:
    """The subject of an impersonal report verb: a passive with no agent (… is expected to …) or a
    raising verb (the lack of enthusiasm seems to be …)."""
    if cue.lower_ in RAISING_VERBS:
        return next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if cue.lower_ not in IMPERSONAL_PASSIVES or passive_agent(cue) is not None:
        return None
    return next((c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i), None)


def holds_its_subject(
    doc: Doc, source: int | None, cue: int | None, fragments: list[tuple[int, int]]
) -> bool:
    """Does a sourceless quote (its `fragments` in characters) hold its cue's own subject ("Mayor Angela
    Brooks, who proposed the plan, is expected to sign it")? Its content is then the reporter's narration,
    whose subject stays salient; what "Asked about …" frames is a question, and holds no subject."""
    if source is not None or cue is None:
        return False
    subjects = [c.idx for c in doc[cue].children if c.dep_ in SUBJECT_DEPS]
    return any(s <= k < e for k in subjects for s, e in fragments)


QUESTION_WORDS = frozenset({"how", "what", "why", "whether", "if", "when", "where", "who", "which"})


def the_one_asked(root: Token) -> bool:
    """Is a name (its root token) the one a question is put to ("Hannity asked Trump how high the wall
    would be", "… asked Sanders whether …", "… asked her about …")? The next answer is theirs, so they
    hold attention as a subject would; "asked Trump to resign" is a request, and the asker goes on."""
    verb = root.head
    if root.dep_ != "dobj" or verb.lower_ not in ("asked", "asks", "ask", "asking"):
        return False
    return any(
        c.i > root.i
        and (
            (c.dep_ == "ccomp" and c.left_edge.lower_ in QUESTION_WORDS)
            or (c.dep_ == "prep" and c.lower_ == "about")
        )
        for c in verb.children
    )
