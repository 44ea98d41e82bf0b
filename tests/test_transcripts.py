"""Transcript turns: which labelled paragraphs are a dialogue, and where each turn's words end."""

from __future__ import annotations

from saidwhat import extract
from saidwhat.transcripts import transcript_turns

DIALOGUE = (
    "Partial transcript as follows:\n\n"
    '"WALLACE: Will she be at the debate?\n\n'
    '"PENCE: Well, look, she will not be there.\n\n'
    '"But the truth is that the campaign has other plans.\n\n'
    '"(CROSSTALK.)\n\n'
    '"WALLACE: Governor, one more question.\n\n'
    '"PENCE: And that is why we will win."\n\n'
    "Follow the show on Twitter."
)


def turn_texts(text: str) -> list[tuple[str, str]]:
    return [(text[slice(*t.label)], text[slice(*t.content)]) for t in transcript_turns(text)]


def test_turns_of_a_quoted_transcript() -> None:
    assert turn_texts(DIALOGUE) == [
        ("WALLACE", "Will she be at the debate?"),
        # a turn runs over the paragraphs after it, up to a stage direction
        (
            "PENCE",
            'Well, look, she will not be there.\n\n"But the truth is that the campaign has other plans.',
        ),
        ("WALLACE", "Governor, one more question."),
        # the last turn keeps its own paragraph, without the closing mark
        ("PENCE", "And that is why we will win."),
    ]


def test_colon_is_the_cue_and_offsets_point_into_the_text() -> None:
    turn = transcript_turns(DIALOGUE)[0]
    assert DIALOGUE[slice(*turn.colon)] == ":"
    assert DIALOGUE[turn.paragraph_start] == '"'


def test_notes_and_single_labels_are_no_transcript() -> None:
    notes = (
        "UPDATE: The vote was moved.\n\nCORRECTION: An earlier version misspelled a name.\n\nVIDEO: A clip."
    )
    assert transcript_turns(notes) == []
    one_speaker = "TRUMP: We will win.\n\nTRUMP: We will win big.\n\nTRUMP: Believe me."
    assert transcript_turns(one_speaker) == []  # a dialogue needs two speakers
    two_turns = "HOLT: Why?\n\nSMITH: Because."
    assert transcript_turns(two_turns) == []  # and three turns
    assert transcript_turns("Pence: Flowers Won't Be at Debate\n\nThe governor said so.") == []


def test_transcript_speakers_resolve_to_the_articles_people() -> None:
    text = "Republican vice-presidential nominee Mike Pence spoke to Fox News on Sunday.\n\n" + DIALOGUE
    got = [(q.kind, q.text, q.speaker, q.cue and q.cue.text) for q in extract(text).quotes]
    turns = [g for g in got if g[3] == ":"]
    assert [(kind, speaker) for kind, _, speaker, _ in turns] == [
        ("direct", "Wallace"),
        ("direct", "Mike Pence"),
        ("direct", "Wallace"),
        ("direct", "Mike Pence"),
    ]
    assert turns[3][1] == "And that is why we will win."
    # nothing nested inside a turn ("the truth is that …") is reported as a quote of its own
    assert got == turns


def test_a_turn_printed_bare_is_indirect_and_one_quoting_someone_is_mixed() -> None:
    # EVAL.md: `direct` is the words inside quotation marks; a bare turn has none, though verbatim
    bare = (
        "Governor Dana Whitfield spoke on television this week.\n\nPartial transcript:\n\n"
        "HOLT: Will you delay the rules?\n\n"
        "WHITFIELD: No. As the farmers told me, it is “now or never.”\n\n"
        "HOLT: Thank you, governor.\n\n"
        "The legislature returns in January."
    )
    turns = [(q.kind, q.speaker) for q in extract(bare).quotes if q.cue and q.cue.text == ":"]
    assert turns == [("indirect", "Holt"), ("mixed", "Dana Whitfield"), ("indirect", "Holt")]


def test_a_published_q_and_a_gives_the_answers_not_the_questions() -> None:
    text = (
        "Dr. Alicia Moreno took over as superintendent in July. She spoke with the Gazette last week.\n\n"
        "Q: What is your first priority?\n\n"
        "MORENO: Reading. Our third-grade reading scores are the lowest in the region.\n\n"
        "Q: Will you close schools?\n\n"
        "MORENO: I won't rule anything out.\n\n"
        "The board meets on Monday."
    )
    assert turn_texts(text) == [
        ("MORENO", "Reading. Our third-grade reading scores are the lowest in the region."),
        ("MORENO", "I won't rule anything out."),
    ]
    turns = [(q.text, q.speaker) for q in extract(text).quotes if q.cue and q.cue.text == ":"]
    assert turns == [
        ("Reading. Our third-grade reading scores are the lowest in the region.", "Alicia Moreno"),
        ("I won't rule anything out.", "Alicia Moreno"),
    ]


def test_a_bare_a_is_no_label() -> None:
    text = "Q: Why?\n\nA: Because.\n\nQ: When?\n\nA: Soon."
    assert transcript_turns(text) == []  # who answers is not named
