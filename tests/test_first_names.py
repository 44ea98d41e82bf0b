"""First-name genders: only names clearly of one gender are known; everything else stays unknown."""

from __future__ import annotations

from saidwhat.first_names import FEMALE, MALE, gender_of


def test_known_names_in_any_case() -> None:
    assert gender_of("Hillary") == "f"
    assert gender_of("DONALD") == "m"


def test_ambiguous_and_unknown_names_stay_unknown() -> None:
    for name in ("Jordan", "Taylor", "Kelly", "Kim", "Lee", "Xyzzy", ""):
        assert gender_of(name) is None


def test_no_name_is_listed_as_both() -> None:
    assert not MALE & FEMALE


def test_a_known_first_name_keeps_a_pronoun_from_the_wrong_person() -> None:
    from saidwhat import extract

    text = (
        "Katie Couric interviewed the senator on Monday. Rand Paul dodged every question about taxes. "
        "She said the answers were evasive."
    )
    said = [q for q in extract(text).quotes if q.cue and q.cue.text == "said"]
    assert [q.speaker for q in said] == ["Katie Couric"]
    assert gender_of("Marty") is None  # Marty Walz is a woman: not every common name is one gender
