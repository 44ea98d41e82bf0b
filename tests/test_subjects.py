"""Who speaks for a cue: subjects, passive agents and the subject a cue borrows (real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.subjects import displaced_subject, participle_subject, sourceless, subject_of, the_one_asked


def source_word(nlp: Any, text: str, cue: str) -> str | None:
    """The word `subject_of` gives as the source of the first token whose text is `cue`."""
    doc = nlp(text)
    subject = subject_of(next(t for t in doc if t.text == cue))
    return subject.text if subject is not None else None


def test_responded_by_saying_inherits_the_verb_subject(nlp: Any) -> None:
    text = "President Obama responded to a mother on Wednesday by saying the issue was manufactured."
    assert source_word(nlp, text, "saying") == "Obama"


def test_object_control_makes_the_object_the_source(nlp: Any) -> None:
    text = "Senator Warren forced Stumpf to admit that no senior executives had been fired."
    assert source_word(nlp, text, "admit") == "Stumpf"


def test_a_passive_cue_without_agent_names_no_source(nlp: Any) -> None:
    text = "Peacekeepers have been accused of hurting the civilians they were sent to protect."
    assert source_word(nlp, text, "accused") is None


def test_a_passive_cue_with_an_agent_names_the_agent(nlp: Any) -> None:
    text = "Peacekeepers have been accused by human rights groups of hurting civilians."
    assert source_word(nlp, text, "accused") == "groups"


def test_a_dateline_subject_gives_way_to_its_appositive(nlp: Any) -> None:
    text = "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell a story."
    assert source_word(nlp, text, "said") == "Obama"


def test_a_noun_cue_in_a_verbs_prepositional_phrase_takes_the_verbs_subject(nlp: Any) -> None:
    text = "Clinton took offense at suggestions that she is not healthy enough to serve."
    assert source_word(nlp, text, "suggestions") == "Clinton"


def test_the_subject_nearest_the_cue_speaks(nlp: Any) -> None:
    text = "The Latest: Trump urges supporters to monitor polling places."
    assert source_word(nlp, text, "urges") == "Trump"


def test_a_name_set_off_after_a_subject_that_is_no_name_speaks(nlp: Any) -> None:
    text = "With 50 days to go, Minyon Moore, a senior adviser, called the remarks a wake-up call."
    assert source_word(nlp, text, "called") == "Moore"


def test_a_contracted_has_is_no_passive(nlp: Any) -> None:
    # the tagger reads "he's said" as a passive; it is "he has said"
    text = "While he's said he'll fight all the way to the convention, Sanders must decide what to demand."
    assert source_word(nlp, text, "said") == "he"
    text = "It's said that the senator will not run again."
    assert source_word(nlp, text, "said") is None


def test_the_first_verb_of_a_misparsed_coordination_lends_its_subject(nlp: Any) -> None:
    text = "Kasich jokingly offered the man a job as Secretary of Defense, then says he’ll welcome advice."
    assert source_word(nlp, text, "says") == "Kasich"


def test_a_participle_set_off_after_the_object_takes_the_clauses_subject(nlp: Any) -> None:
    # the parser hangs "telling" on "plans"; set off by a comma, it says what the minister did
    text = (
        "The transport minister, Claire Dunmore, has defended plans to cut 40 rural rail services, "
        'telling MPs the routes were "simply unaffordable".'
    )
    telling = next(t for t in nlp(text) if t.text == "telling")
    assert telling.dep_ == "acl" and telling.head.text == "plans"
    assert source_word(nlp, text, "telling") == "Dunmore"
    # no comma: the participle describes the noun, which speaks (as before)
    assert source_word(nlp, "The mayor quoted a spokesman saying that the plant was closed.", "saying") == (
        "spokesman"
    )


def test_the_name_after_a_wire_dateline_speaks(nlp: Any) -> None:
    from saidwhat.subjects import dateline_appositive

    doc = nlp("Headline.\n\nRANGOON, Burma - Aung San Suu Kyi's political allies on Monday predicted a win.")
    rangoon = next(t for t in doc if t.text == "RANGOON")
    allies = dateline_appositive(rangoon)
    assert allies is not None and allies.text == "allies"
    doc = nlp("Headline.\n\nNew York (AFP) – Oscar-winning actress Susan Sarandon is not sure she can vote.")
    york = next(t for t in doc if t.text == "York")
    named = dateline_appositive(york)
    assert named is not None and named.text == "Sarandon"  # the person, not the role before her


def test_a_hyphen_in_a_state_abbreviation_is_no_dateline(nlp: Any) -> None:
    from saidwhat.subjects import dateline_appositive

    doc = nlp("Sen. Rand Paul (R-Ky.) said the plan would give money to immigrants.")
    paul = next(t for t in doc if t.text == "Paul")
    assert dateline_appositive(paul) is None


def test_the_one_asked_is_not_the_one_asking(nlp: Any) -> None:
    doc = nlp("Asked what might surprise people about him, he says he still meets his old friends.")
    assert sourceless(doc[0])
    doc = nlp("Asked by a reporter whether he would run, the mayor smiled.")
    assert not sourceless(doc[0])  # the reporter asked
    doc = nlp("Ted Cruz, when asked what is wrong with the plan, responded that it cost too much.")
    assert sourceless(next(t for t in doc if t.text == "asked"))  # a set-off participle: Cruz was asked


def test_the_sender_of_a_message_speaks(nlp: Any) -> None:
    assert source_word(
        nlp, 'The message from Mayor Ian Doyle was blunt: "We will not back down."', "message"
    ) == ("Doyle")


def test_who_faces_criticism_does_not_voice_it(nlp: Any) -> None:
    from saidwhat.subjects import reaction_agent, reaction_frame

    doc = nlp("Trump has faced criticism from rivals that his rallies are unsafe.")
    criticism = next(t for t in doc if t.text == "criticism")
    assert reaction_frame(criticism)
    agent = reaction_agent(criticism)
    assert agent is not None and agent.text == "rivals"
    doc = nlp("President Obama has endured criticism for telling the British people to stay.")
    endured = next(t for t in doc if t.text == "criticism")
    assert reaction_frame(endured) and reaction_agent(endured) is None


def test_a_thing_raising_questions_asks_none_but_a_person_does(nlp: Any) -> None:
    from saidwhat.subjects import reaction_frame

    doc = nlp("The documents raised new questions about whether the foundation rewarded donors.")
    assert reaction_frame(next(t for t in doc if t.text == "questions"))
    doc = nlp("Activists raised concerns about racism and job security.")
    assert not reaction_frame(next(t for t in doc if t.text == "concerns"))
    doc = nlp("Ryan's comments could fuel Trump's nagging concern that he cannot trust the party.")
    assert not reaction_frame(next(t for t in doc if t.text == "concern"))  # Trump's own


def test_an_impersonal_passive_names_no_one(nlp: Any) -> None:
    from saidwhat.subjects import impersonal_passive

    doc = nlp("She is moving to Los Angeles but is expected to continue to appear on the show.")
    expected = next(t for t in doc if t.text == "expected")
    assert impersonal_passive(expected) and sourceless(expected)
    doc = nlp("They marched through a community known to be supportive of transgender rights.")
    assert impersonal_passive(next(t for t in doc if t.text == "known"))
    doc = nlp("The deal is expected by analysts to close in May.")
    assert not impersonal_passive(next(t for t in doc if t.text == "expected"))  # analysts expect it


def test_a_verb_read_as_a_reduced_relative_after_an_appositive_takes_the_noun(nlp: Any) -> None:
    # the parser reads "called" as "the manager (who was) called …"; the comma closing "Tyler Nash" says
    # the manager is the subject
    doc = nlp('Her campaign manager, Tyler Nash, called Benson\'s attack "desperate and false."')
    cue = next(t for t in doc if t.text == "called")
    assert cue.dep_ == "acl"  # the misparse this guards against
    subject = subject_of(cue)
    assert subject is not None and subject.text in ("manager", "Nash")


def test_the_subject_of_a_participle_the_parser_took_for_the_main_verb(nlp: Any) -> None:
    doc = nlp(
        "Campaign News\n\nRepublican activists clamoring to block Donald Trump from the GOP nomination "
        "say they are suddenly in the midst of a Dump-Trump bump."
    )
    say = next(t for t in doc if t.text == "say")
    subject = participle_subject(say)
    assert subject is not None and subject.text == "activists"
    # a cue with a subject of its own borrows none
    doc = nlp("Officials reviewing the plan said it was sound.")
    assert participle_subject(next(t for t in doc if t.text == "said")) is None


def test_a_subject_the_parser_hung_on_a_neighbouring_verb(nlp: Any) -> None:
    doc = nlp(
        "Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”"
    )
    boomed = next(t for t in doc if t.text == "boomed")
    assert boomed.head.dep_ == "dep"  # the misparse this reads through: "leaned" hung on "gestured"
    subject = displaced_subject(boomed)
    assert subject is not None and subject.text == "Trump"
    doc = nlp('Clinton, exasperated, famously responded: "What difference does it make?"')
    responded = next(t for t in doc if t.text == "responded")
    subject = displaced_subject(responded)
    assert subject is not None and subject.text == "Clinton"
    quote = extract('Clinton, exasperated, famously responded: "What difference does it make?"').quotes[0]
    assert (quote.kind, quote.speaker) == ("direct", "Clinton")


def test_no_subject_is_borrowed_across_a_quotation_or_from_a_dateline(nlp: Any) -> None:
    doc = nlp('"Better watch out for illegal conduct by Grimes," tweeted another.')
    assert displaced_subject(next(t for t in doc if t.text == "tweeted")) is None
    # a cue with a subject of its own has nothing displaced
    doc = nlp("The mayor said the bridge would reopen.")
    assert displaced_subject(next(t for t in doc if t.text == "said")) is None


def test_a_reduced_relative_after_an_appositive_missing_its_closing_comma(nlp: Any) -> None:
    # the appositive ends in a relative clause and the writer left out the comma that closes it
    text = (
        "“Clinton needs a strategy for targeting Stein voters,” Nate Silver, the polling guru who "
        "founded fivethirtyeight.com tweeted on Wednesday."
    )
    tweeted = next(t for t in nlp(text) if t.text == "tweeted")
    assert tweeted.dep_ == "acl"  # the misparse this reads through
    subject = subject_of(tweeted)
    assert subject is not None and subject.text == "Silver"
    assert [q.speaker for q in extract(text).quotes] == ["Nate Silver"]


def test_a_participle_set_off_after_its_noun_is_asked_whatever_the_tag(nlp: Any) -> None:
    # the tagger calls "asked" a past tense; set off by commas after "The minister" it is a participle
    doc = nlp('The minister, asked about the delay, said: "We will publish the report next week."')
    assert sourceless(next(t for t in doc if t.text == "asked"))
    assert not sourceless(next(t for t in doc if t.text == "said"))


def test_the_one_a_question_is_put_to_is_who_answers_next(nlp: Any) -> None:
    def asked(text: str) -> list[str]:
        return [t.text for t in nlp(text) if the_one_asked(t)]

    assert asked("Hannity asked Trump how high the wall would be.") == ["Trump"]
    assert asked("Conroy asked Sanders whether questions about his health were fair.") == ["Sanders"]
    assert asked("The host asked Warren about the plan.") == ["Warren"]
    assert asked("Hannity asked Trump to explain the cost.") == []  # a request: the asker goes on


def test_after_a_question_he_is_the_one_asked() -> None:
    text = (
        "Trump on the wall\n\nDuring an interview with Sean Hannity, Donald Trump discussed the wall.\n\n"
        "Hannity asked Trump how high the wall would be.\n\n“I think the height could be 35 to 45 feet,” he "
        "said."
    )
    got = [(q.speaker, q.speaker_mention.text if q.speaker_mention else None) for q in extract(text).quotes]
    assert got[-1] == ("Donald Trump", "he")  # had been Sean Hannity, the asker


def test_a_question_opening_the_sentence_is_no_answer_of_the_one_asked() -> None:
    text = (
        "Fishermen fear cuts\n\nDanish fisherman Lars Holm, 58, has fished out of Hirtshals for four "
        'decades.\n\nAsked what he would do now, Holm shrugged. "Sell the boat, maybe. Who knows?"'
    )
    asked = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "Asked")
    assert asked.speaker is None  # the tagger calls "Asked" a past tense: had been Holm's own words
