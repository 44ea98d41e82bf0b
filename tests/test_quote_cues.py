"""Cues for quoted stretches: dash attributions, colon introductions, titles and scare quotes."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.extractor import token_quote_mask
from saidwhat.quote_cues import cue_near, title_like
from saidwhat.quotemarks import find_stretches


def first_quote_cue(nlp: Any, text: str, masked: bool = True) -> tuple[str | None, str | None]:
    """The words `cue_near` gives as cue and speaker of the text's first quotation; `masked=False`
    passes an empty quote mask (no token counted as quoted)."""
    doc = nlp(text)
    stretches = find_stretches(text)
    mask = token_quote_mask(doc, stretches) if masked else [False] * len(doc)
    cue, subj = cue_near(doc, stretches[0], mask)
    return (cue.text if cue is not None else None, subj.text if subj is not None else None)


def test_title_like() -> None:
    assert title_like("Gone with the Wind")
    assert title_like("The Apprentice")
    assert not title_like("we will find the money")


def test_dash_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Trump scares me and my family.” ― Krystal Correa\n“He is clueless.” ― Stephanie Egan"
    doc = nlp(text)
    stretches = find_stretches(text)
    mask = [False] * len(doc)
    got = [cue_near(doc, st, mask) for st in stretches]
    assert [subj.text for _, subj in got if subj is not None] == ["Correa", "Egan"]


def test_colon_introduction_in_previous_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Retired teacher Walter Green told the board:\n\n“I taught here for 34 years and never saw this.”"
    assert first_quote_cue(nlp, text, masked=False) == ("told", "Green")


def test_a_long_next_sentence_that_opens_with_the_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Who would have believed that we would have received almost 14 million votes?” Trump said, "
        "looking out on the cheering crowd in the arena on Thursday night."
    )
    assert first_quote_cue(nlp, text, masked=False) == ("said", "Trump")


def test_the_next_paragraph_never_attributes_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“That is not accepting responsibility at all.”\n\n"
        "In a statement issued Tuesday morning, the senator was more cautious about the bank."
    )
    assert first_quote_cue(nlp, text, masked=False) == (None, None)


def test_a_short_sentence_in_the_next_paragraph_is_no_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“You know what they say about men with small hands. You can’t trust them.”\n\nThe debate went on."
    assert first_quote_cue(nlp, text) == (None, None)


def test_a_short_subject_and_any_verb_after_a_comma_quote_attribute_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“France will always be France,” an angry Hollande retaliated on Wednesday."
    assert first_quote_cue(nlp, text) == ("retaliated", "Hollande")


def test_according_to_names_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "According to Limbaugh, “If it was left up to Hillary, she would not say anything positive.”"
    assert first_quote_cue(nlp, text) == ("According", "Limbaugh")


def test_subject_and_verb_right_after_the_quotation_attribute_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Did you shoot him? He better not be dead," she yells while moving along the street.'
    assert first_quote_cue(nlp, text) == ("yells", "she")


def test_a_noun_phrase_and_a_speech_verb_after_a_question_attribute_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "asked" a participle of "old": no subject of its own
    text = "“What if he had elocution lessons?” the 43-year-old asked in the video’s description."
    assert first_quote_cue(nlp, text) == ("asked", "old")
    # across a paragraph break the next sentence is narration, not the attribution
    text = "“Why should I be surprised?”\n\nThe administration said it was doing its best."
    assert first_quote_cue(nlp, text)[1] is None


def test_an_inverted_speaker_the_parser_read_as_an_object(nlp) -> None:  # type: ignore[no-untyped-def]
    # "added another New Hampshire Democrat": the parser makes the speaker the object of "added"
    text = "“It’s Bernie’s to lose at this point,” added another New Hampshire Democrat. “We will see.”"
    assert first_quote_cue(nlp, text) == ("added", "Democrat")


def test_the_one_told_is_never_the_speaker() -> None:
    from saidwhat import extract

    text = (
        "The anchor criticized the plan for a wall.\n\n“We were tremendously wrong to not have confronted "
        "him from the beginning,” Ramos, 58, told AFP in an interview."
    )
    direct = [q for q in extract(text).quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Ramos"]


def test_a_demonstrative_subject_is_no_speaker() -> None:
    from saidwhat import extract

    text = (
        "“She’s still got the best friends she had in grade school,” Bill Clinton has said. That makes "
        "her “by definition a trustworthy, reliable good person.”"
    )
    quotes = extract(text).quotes
    assert [q.speaker for q in quotes] == ["Bill Clinton"]  # "That" made no quote of its own
    # a relative "that" stands for a noun: it still attributes (here to the wrong noun, the parse's)
    text = '"We lost," the chairman said. T-shirts appeared in front of the headquarters that said "We won."'
    quotes = extract(text).quotes
    assert [(q.text, q.speaker_mention.text if q.speaker_mention else None) for q in quotes] == [
        ("We lost,", "the chairman"),
        ("We won.", "that"),
    ]


def test_a_name_given_by_a_passive_naming_verb_is_a_mixed_quote_of_its_agent(nlp: Any) -> None:
    from saidwhat import extract
    from saidwhat.quote_cues import passive_naming

    text = (
        'This feature of the movement has been called "strategic ambiguity" by Joshua Hendrick, a professor.'
    )
    doc = nlp(text)
    found = passive_naming(doc, find_stretches(text)[0])
    assert found is not None
    fragments, verb, agent = found
    assert [text[s:e] for s, e in fragments] == ["This feature of the movement", '"strategic ambiguity"']
    assert (verb.text, agent and agent.text) == ("called", "Hendrick")
    text = (
        "Democrats sued after Ohio eliminated what had been called the “Golden Week,” saying it hurt voters."
    )
    quotes = [(q.kind, q.text, q.speaker, q.cue and q.cue.text) for q in extract(text).quotes]
    assert quotes[0] == ("mixed", "what … the “Golden Week,”", None, "called")
    # an active naming verb, or a quotation it does not name, is not this rule's
    text = "The committee described the plan as “reckless.”"
    assert passive_naming(nlp(text), find_stretches(text)[0]) is None
    text = "The bill, which was signed on Friday, bans “assault weapons” outright."
    assert passive_naming(nlp(text), find_stretches(text)[0]) is None


def test_a_stand_alone_quotation_is_spoken_by_the_person_the_sentence_before_is_about() -> None:
    from saidwhat import extract

    text = (
        'Two candidates debated the budget on Tuesday. "We can fund every teacher," said Tom Brandt, the '
        'incumbent. Rival candidate Ann Moreno was furious. "This is a disgrace."\n\n'
        'The mayor shook her head. "Not today."\n\n'
        'The plan cost $4 billion. "It is a scandal."'
    )
    quotes = extract(text).quotes
    # Moreno's words are her own quote, not more of Brandt's; a plan says nothing: no quote
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("We can fund every teacher,", "Tom Brandt", quotes[0].cue),
        ("This is a disgrace.", "Ann Moreno", None),
        ("Not today.", "The mayor", None),
    ]


def test_a_narrated_sentence_that_attributes_the_quotation_before_it_adds_no_speaker() -> None:
    from saidwhat import extract

    text = (
        'At a rally, Mike Pence showed a clip of the debate.\n\n"Let me help you out - the answer is no," '
        'the nominee riffed, drawing laughs from the crowd. "And that is why we need a new senator!"\n\n'
        '"She will be fine," Dana Ortiz said. "Nobody doubts her." Ortiz shrugged. "Next question, please."'
    )
    quotes = extract(text).quotes
    # one quote around its attribution, as before; the same speaker named again goes on with her quote
    assert [(q.speaker, len(q.spans)) for q in quotes] == [("the nominee", 2), ("Dana Ortiz", 3)]


def test_a_rare_quotative_verb_attributes_the_quotation_before_it(nlp: Any) -> None:
    # "wondered" and "quipped" are too rare in PolNeAR train to be learned as quote cues
    text = (
        "Perez spoke for an hour.\n\n"
        '"Will he be the next attorney general?" a Democratic staffer in the room wondered. '
        "Perez has also been mentioned as a candidate."
    )
    got = [(q.kind, q.cue.text if q.cue else None, q.speaker) for q in extract(text).quotes]
    assert got == [("direct", "wondered", "a Democratic staffer")]
    (quote,) = extract("“That is a lot of money,” Mayor Ann Lee quipped.").quotes
    assert (quote.text, quote.speaker) == ("That is a lot of money,", "Ann Lee")
