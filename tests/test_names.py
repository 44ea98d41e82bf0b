"""Name forms: canonical names, lookup keys, shortened forms and nicknames (real pipeline where a
parse is needed)."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.names import (
    clean_name,
    headline_only_names,
    honorific_gender,
    name_key,
    shortened,
    suffixed,
    with_nicknames,
)


def test_clean_name_drops_titles_and_possessives_but_keeps_honorifics() -> None:
    assert clean_name("Mayor Elena Marsh’s") == "Elena Marsh"
    assert clean_name("Councilmember Dana Ruiz") == "Dana Ruiz"  # the West Coast's one-word title
    assert clean_name("Assemblymember Luis Ortega") == "Luis Ortega"
    assert clean_name("Mr. Obama") == "Mr. Obama"  # how the article names him
    assert clean_name("Senator from Texas") == "Senator from Texas"
    assert clean_name('">Sanders') == "Sanders"  # a scraped tag's remnant: tweet-date="…">Sanders said
    assert clean_name("Donald Trump Jr.,") == "Donald Trump Jr."  # the abbreviation keeps its full stop
    assert clean_name("Jr.") == "Jr"
    assert clean_name("Clerk Dennis Whitlock") == "Dennis Whitlock"  # "County Clerk Dennis Whitlock"
    assert clean_name("Congresswoman Ana Ruiz") == "Ana Ruiz"


def test_clean_name_drops_the_letters_british_style_writes_after_a_name() -> None:
    assert clean_name("Michael Grant KC") == "Michael Grant"
    assert clean_name("Mayor Tom Watts MP") == "Tom Watts"
    assert clean_name("Jane Smith MBE, OBE") == "Jane Smith"
    assert clean_name("Smith MP") == "Smith MP"  # a bare surname keeps them: nothing else to go by


def test_clean_name_drops_a_role_the_sentence_opened_with() -> None:
    assert clean_name("Striker Kofi Mensah") == "Kofi Mensah"
    assert clean_name("Coach Rosa Diaz") == "Rosa Diaz"
    assert clean_name("Det. Insp. Mark Lowe") == "Insp. Mark Lowe"  # an unknown abbreviation stays
    assert clean_name("Striker Mensah") == "Striker Mensah"  # two words: the role may be the name


def test_a_role_opening_the_sentence_is_no_part_of_the_speakers_name() -> None:
    text = (
        "City reach final\n\nStriker Kofi Mensah, who scored twice in the last ten minutes, was mobbed "
        'by fans. "I can\'t even describe it," the 23-year-old said.'
    )
    assert [q.speaker for q in extract(text).quotes] == ["Kofi Mensah"]  # had been "Striker Kofi Mensah"


def test_name_key_drops_a_leading_honorific_and_a_nicknames_marks() -> None:
    assert name_key("Ms Dunmore") == ("dunmore",)
    assert name_key('Robert C. "Bobby" Scott') == ("robert", "c.", "bobby", "scott")


def test_shortened_forms_of_a_full_name() -> None:
    assert shortened(("donald", "trump"), ("donald", "j.", "trump"))  # middle initial left out
    assert shortened(("suu", "kyi"), ("aung", "san", "suu", "kyi"))  # given names left out
    assert not shortened(("donald", "trump"), ("donald", "trump", "jr."))  # his son
    assert not shortened(("george", "w.", "bush"), ("george", "h.", "w.", "bush"))  # his father
    assert not shortened(("trump",), ("donald", "trump"))  # a bare surname is resolved elsewhere


def test_suffixed_is_the_same_name_with_a_generational_suffix() -> None:
    assert suffixed(("donald", "trump"), ("donald", "trump", "jr."))
    assert suffixed(("brent", "bozell"), ("brent", "bozell", "iii"))
    assert not suffixed(("donald", "trump"), ("donald", "j.", "trump"))
    assert not suffixed(("donald", "trump"), ("donald", "trump"))


def test_a_nickname_in_marks_joins_the_name_the_recognizer_split(nlp: Any) -> None:
    doc = nlp('Rep. Robert C. "Bobby" Scott threw open his back yard.')
    people = [e.text for e in with_nicknames(doc, list(doc.ents)) if e.label_ == "PERSON"]
    assert people == ['Robert C. "Bobby" Scott']


def test_title_lines_are_the_headline_and_later_title_case_lines(nlp: Any) -> None:
    from saidwhat.names import title_lines

    text = (
        "Senate passes the budget\n\nThe Senate passed the bill on Friday.\n\nTed Cruz, Chris Christie "
        "Address Heroin Epidemic\n\nThe Two Men Spoke At Length.\n\nOfficials said the vote was close."
    )
    lines = [text[s:e] for s, e in title_lines(nlp(text))]
    assert lines == ["Senate passes the budget", "Ted Cruz, Chris Christie Address Heroin Epidemic"]


def test_a_title_case_headline_loses_the_words_glued_to_a_name(nlp: Any) -> None:
    doc = nlp("Derelict Obama And Clinton Fail Again\n\nObama said the plan was fine.")
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert "Derelict Obama" in [e.text for e in people]  # what the recognizer glues in Title Case
    assert "Obama" in headline_only_names(doc, people).values()


def test_a_first_line_in_sentence_case_keeps_an_unlisted_first_name(nlp: Any) -> None:
    # "Priya" is in no first-name list; the first line is a sentence, not a Title Case headline, so
    # nothing is glued to the name and the later "Ms. Shah" is the same person, named in full
    text = (
        "The health secretary, Priya Shah, defended the plan on Tuesday.\n\n"
        "'We will not back down,' Ms. Shah told the BBC."
    )
    doc = nlp(text)
    assert headline_only_names(doc, [e for e in doc.ents if e.label_ == "PERSON"]) == {}
    assert [q.speaker for q in extract(text).quotes] == ["Priya Shah", "Priya Shah"]


def test_a_name_set_off_after_a_kinship_noun_has_its_gender(nlp: Any) -> None:
    doc = nlp("Their son, Humayun, died in Iraq. His wife, Dena Grayson, ran for Congress.")
    genders = {e.text: honorific_gender(e) for e in doc.ents if e.text in ("Humayun", "Dena Grayson")}
    assert genders == {"Humayun": "m", "Dena Grayson": "f"}
