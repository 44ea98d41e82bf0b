"""Where a report ends before the speaker's next act or another speaker's clause (saidwhat.next_acts),
through extract() on real parses; the stranded subject itself is tested in test_adjacent_names."""

from __future__ import annotations

from saidwhat import extract


def test_a_reporting_verb_set_against_the_report_by_but_is_the_speakers_next_act() -> None:
    text = (
        'In a brief statement to parliament, Yesilgoz said she had "made an error of judgment" but denied '
        "any wrongdoing."
    )
    said = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "said")
    assert said.text == 'she had "made an error of judgment"'


def test_a_but_that_contrasts_within_the_report_stays_in_it() -> None:
    text = (
        "Ian Read said company leaders had paid attention to the political debate around inversions but "
        "decided to proceed with the deal."
    )
    said = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "said")
    assert said.text.endswith("but decided to proceed with the deal")


def test_a_reporting_verb_after_and_a_thing_said_is_the_speakers_next_act() -> None:
    # figures cannot call for a review: the speaker did, so the report ends before "and"
    text = (
        "Dr Sarah Kwan, who chairs the Royal College of Emergency Medicine, said the figures were a national "
        "disgrace and called for an urgent review."
    )
    said = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "said")
    assert said.text == "the figures were a national disgrace"


def test_a_verb_after_and_a_person_said_stays_in_the_report() -> None:
    # voters can find it offensive: PolNeAR keeps such a verb in what was reported
    text = (
        "Martha Raddatz said many black voters did not recognize themselves in the description and found "
        "it offensive."
    )
    said = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "said")
    assert said.text.endswith("and found it offensive")
