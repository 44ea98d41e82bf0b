"""Sources corrected after scoring: a document's issuer, a speech's user, time spent (real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat.source_fixes import time_spender
from saidwhat.subjects import subject_of


def source_word(nlp: Any, text: str, cue: str) -> str | None:
    """The word `subject_of` gives as the source of the first token whose text is `cue`."""
    doc = nlp(text)
    subject = subject_of(next(t for t in doc if t.text == cue))
    return subject.text if subject is not None else None


def _cue_and_source(nlp: Any, text: str, cue: str) -> tuple[Any, Any]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == cue)
    source = subject_of(tok)
    assert source is not None
    return tok, source


def test_the_issuer_of_a_statement_speaks_for_its_participle(nlp: Any) -> None:
    from saidwhat.source_fixes import document_issuer

    doc = nlp("Senator Dana Ruiz issued a statement saying that the vote was a mistake.")
    saying = next(t for t in doc if t.text == "saying")
    issuer = document_issuer(saying, saying.head)
    assert issuer is not None and issuer.text == "Ruiz"


def test_a_person_with_a_participle_speaks_himself(nlp: Any) -> None:
    from saidwhat.source_fixes import document_issuer

    text = "The mayor quoted a spokesman saying that the plant was closed."
    saying = next(t for t in nlp(text) if t.text == "saying")
    assert document_issuer(saying, saying.head) is None
    assert source_word(nlp, text, "saying") == "spokesman"


def test_the_user_of_a_speech_speaks_for_its_infinitive(nlp: Any) -> None:
    from saidwhat.source_fixes import instrument_user

    text = "Ramos used his acceptance speech to call for the resignation of the president."
    call, source = _cue_and_source(nlp, text, "call")
    assert source.text == "speech"  # the parse's object control
    user = instrument_user(call, source)
    assert user is not None and user.text == "Ramos"


def test_the_maker_of_a_report_speaks_for_its_participle(nlp: Any) -> None:
    from saidwhat.source_fixes import instrument_user

    text = "The inspector general released a scathing report documenting abuses of federal protocol."
    documenting, source = _cue_and_source(nlp, text, "documenting")
    user = instrument_user(documenting, source)
    assert user is not None and user.text == "general"


def test_a_person_hung_on_by_an_infinitive_is_no_instrument(nlp: Any) -> None:
    from saidwhat.source_fixes import instrument_user

    text = "Senator Warren forced Stumpf to admit that no senior executives had been fired."
    admit, source = _cue_and_source(nlp, text, "admit")
    assert instrument_user(admit, source) is None


def test_who_made_it_clear_speaks(nlp: Any) -> None:
    from saidwhat.source_fixes import made_clear_by

    text = "Jane Sanders made it clear that her supporters will not fall in line."
    clear, source = _cue_and_source(nlp, text, "clear")
    assert source.text == "it"
    maker = made_clear_by(clear, source)
    assert maker is not None and maker.text == "Sanders"


def test_an_extraposed_it_is_no_one(nlp: Any) -> None:
    from saidwhat.source_fixes import impersonal_it

    doc = nlp("It is worth noting that the tax bill was levied by the European Union.")
    noting = next(t for t in doc if t.text == "noting")
    assert impersonal_it(noting, doc[0])
    doc = nlp("The report was released on Monday. It notes that the bill was levied by the union.")
    notes = next(t for t in doc if t.text == "notes")
    it = next(t for t in doc if t.text == "It")
    assert not impersonal_it(notes, it)


def test_time_spent_reporting_belongs_to_who_spends_it(nlp: Any) -> None:
    doc = nlp("The mayor spent the morning insisting that the bridge was safe.")
    cue = next(t for t in doc if t.text == "insisting")
    parsed = subject_of(cue)
    assert parsed is not None and parsed.text == "morning"  # the parse: object control, as in "forced X to"
    spender = time_spender(cue, parsed)
    assert spender is not None and spender.text == "mayor"


def test_a_person_as_object_is_not_time_spent(nlp: Any) -> None:
    doc = nlp("Senator Warren forced Stumpf to admit that no senior executives had been fired.")
    cue = next(t for t in doc if t.text == "admit")
    parsed = subject_of(cue)
    assert parsed is not None and time_spender(cue, parsed) is None
