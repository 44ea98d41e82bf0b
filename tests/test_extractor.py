"""End-to-end behaviour of quote finding and speaker attribution on short texts, real pipeline."""

from __future__ import annotations

from saidwhat import extract


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract(text).quotes]


def test_direct_quote_speaker_after() -> None:
    got = extract('"We will rebuild the bridge," Mayor Elena Marsh said on Tuesday.').quotes
    assert len(got) == 1
    q = got[0]
    assert (q.kind, q.speaker) == ("direct", "Elena Marsh")
    assert q.text == "We will rebuild the bridge,"
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Mayor Elena Marsh"
    assert q.speaker_type == "person"


def test_interrupted_quote_is_one_quote_with_two_spans() -> None:
    text = "“We are not going to raise taxes,” Elena Marsh said, “and we will find the money.”"
    got = extract(text).quotes
    assert len(got) == 1
    assert len(got[0].spans) == 2
    assert [text[s:e] for s, e in got[0].spans] == [
        "We are not going to raise taxes,",
        "and we will find the money.",
    ]


def test_indirect_speech_with_that_and_pronoun_speaker() -> None:
    text = (
        "Mayor Elena Marsh spoke at City Hall on Tuesday. "
        "She said that the city would not raise property taxes this year."
    )
    got = extract(text).quotes
    assert ("indirect", "Elena Marsh") in [(q.kind, q.speaker) for q in got]
    q = next(q for q in got if q.kind == "indirect")
    assert "the city would not raise property taxes" in q.text
    assert q.speaker_mention is not None and q.speaker_mention.text == "She"


def test_according_to_institution() -> None:
    text = "According to the Pentagon, the base will close next year."
    got = extract(text).quotes
    assert len(got) == 1
    assert got[0].kind == "indirect"
    assert got[0].speaker is not None and "Pentagon" in got[0].speaker
    assert got[0].cue is not None and got[0].cue.text == "According to"


def test_mixed_quote_covers_the_clause() -> None:
    text = "The minister said the deal was “inevitable” and long overdue."
    got = extract(text).quotes
    assert len(got) == 1
    assert got[0].kind == "mixed"
    assert got[0].text.startswith("the deal was")
    assert got[0].speaker == "The minister"


def test_title_and_no_comment_are_not_quotes() -> None:
    text = (
        'The cinema on Dock Street showed "Gone with the Wind" again. '
        "Councilman Ray Duarte declined to comment."
    )
    assert extract(text).quotes == ()


def test_offsets_point_into_the_given_text() -> None:
    text = "Intro line.\n\n“Every week we lose deliveries,” said Sam Whitfield, who runs a store."
    art = extract(text)
    for q in art.quotes:
        for s, e in q.spans:
            assert 0 <= s < e <= len(text)
        assert q.cue is None or text[q.cue.start : q.cue.end] == q.cue.text
        assert (
            q.speaker_mention is None
            or text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text
        )
