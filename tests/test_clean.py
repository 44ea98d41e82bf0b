"""clean.py: each repair on real scraped-text shapes, and the offset map checked character by character."""

from __future__ import annotations

import random
import re

import pytest

from saidwhat.clean import CleanText, clean_text

INVISIBLE = "\u00ad\ufeff\u2060"
ODD_DASHES = {"\u2015": "\u2014", "\u2012": "\u2013"}  # horizontal bar, figure dash: what they stand for


def check_mapping(clean: CleanText) -> None:
    """Every clean character that is not inserted comes from an equal original character (whitespace
    may stand for other whitespace, a dash for an odd dash), in order; the map has len(text) + 1
    entries ending at len(original)."""
    text, original, mapping = clean.text, clean.original, clean.to_original
    assert len(mapping) == len(text) + 1 and mapping[len(text)] == len(original)
    assert list(mapping) == [mapping[i] for i in range(len(mapping))]
    previous = -1
    for i, ch in enumerate(text):
        start, end = clean.span_to_original(i, i + 1)
        if clean.is_inserted(i):
            assert ch == " " and start == end
            continue
        assert mapping[i] == start and start > previous
        previous = start
        source = original[start:end]
        if ch.isspace():
            assert source and source.isspace(), (i, source)
        else:
            assert ODD_DASHES.get(source, source) == ch, (i, ch, source)


def mapped_text(clean: CleanText, start: int, end: int) -> str:
    s, e = clean.span_to_original(start, end)
    return clean.original[s:e]


def squeeze(text: str) -> str:
    return re.sub(rf"[\s{INVISIBLE}]+", "", text)


# ----------------------------------------------------------------------------------------- no repairs


def test_nothing_to_repair_is_the_identity() -> None:
    original = "The mayor said on Tuesday that the plan would go ahead.\n\nCouncil members agreed.\n"
    clean = clean_text(original)
    assert clean.text == original and clean.warnings == ()
    assert list(clean.to_original) == list(range(len(original) + 1))
    assert clean.span_to_original(4, 9) == (4, 9)
    assert clean_text("One line, no quotes.").text == "One line, no quotes."


def test_odd_spaces_become_plain_spaces_with_the_identity_map() -> None:
    original = "The\u00a0mayor\u2009said\u202fno.\u2028Next\u3000line."
    clean = clean_text(original)
    assert clean.text == "The mayor said no.\nNext line."
    assert list(clean.to_original) == list(range(len(original) + 1))
    check_mapping(clean)


def test_odd_dashes_become_the_dashes_the_parser_knows_with_the_identity_map() -> None:
    original = "WASHINGTON \u2015 The mayor said the 2010\u20122014 budget \u2015 all of it \u2015 was spent."
    clean = clean_text(original)
    assert clean.text == (
        "WASHINGTON \u2014 The mayor said the 2010\u20132014 budget \u2014 all of it \u2014 was spent."
    )
    assert list(clean.to_original) == list(range(len(original) + 1))
    check_mapping(clean)


def test_soft_hyphens_and_stray_bom_are_dropped() -> None:
    original = "infor\u00admation about the\ufeff plan"
    clean = clean_text(original)
    assert clean.text == "information about the plan"
    assert mapped_text(clean, 0, 11) == "infor\u00admation"
    check_mapping(clean)


# ----------------------------------------------------------------------------------------- line wraps


def test_lowercase_continuation_is_joined_and_paragraph_breaks_stay() -> None:
    original = (
        "The mayor said on Tuesday that the city would expand its bus\n"
        "network by 2026, a plan council members had debated.\n"
        "\n"
        "Opponents were not convinced.\n"
        "They said the cost was too high.\n"
    )
    clean = clean_text(original)
    assert clean.text == (
        "The mayor said on Tuesday that the city would expand its bus network by 2026, a plan council "
        "members had debated.\n\nOpponents were not convinced.\nThey said the cost was too high.\n"
    )
    assert list(clean.to_original) == list(range(len(original) + 1))  # "\n" -> " " keeps the length
    check_mapping(clean)


def test_hard_wrapped_block_joins_capitalised_continuations() -> None:
    original = (
        "It was a cold morning in the city when the council finally announced that\n"
        "Mayor Ana Ruiz would not seek another term, according to a statement\n"
        "released by her office late on Tuesday evening after weeks of rumors.\n"
        "The council said it would meet on Friday.\n"
        "Reporters waited outside.\n"
    )
    clean = clean_text(original)
    assert "announced that Mayor Ana Ruiz would not seek another term, according to a statement released" in (
        clean.text
    )
    assert "weeks of rumors.\nThe council said it would meet on Friday.\nReporters waited outside.\n" in (
        clean.text
    )
    check_mapping(clean)


def test_a_two_line_paragraph_takes_the_wrap_width_of_the_text() -> None:
    original = (
        "Mayor signs budget amid protests\n\n"
        "The mayor signed the city's $1.2 billion budget on Tuesday, calling it a\n"
        "responsible plan for hard times, while protesters outside City Hall were\n"
        "chanting against the cuts to libraries.\n\n"
        '"This budget cuts libraries and pools while police get a raise," said Amara\n'
        "Okonkwo-Reid, an organizer with Parks for All.\n\n"
        "Short paragraph here\n"
        "Next line\n"
    )
    clean = clean_text(original)
    assert "said Amara Okonkwo-Reid, an organizer" in clean.text
    assert "Short paragraph here\nNext line" in clean.text  # its next word would have fit: no wrap
    assert "Mayor signs budget amid protests\n\nThe mayor" in clean.text
    check_mapping(clean)


def test_headlines_and_list_items_are_not_glued() -> None:
    original = (
        "Mayor backs new transit plan\n"
        "The mayor said on Tuesday that the city would expand its bus network by 2026, a plan that council "
        "members had debated for months.\n"
        "Key points\n"
        "- more buses\n"
        "- new routes in the north\n"
        "1. Funding starts in May\n"
        "Photo: Ana Ruiz at City Hall\n"
        "Ruiz spoke for an hour.\n"
    )
    assert clean_text(original).text == original


def test_crlf_wrap_becomes_one_space_mapped_to_both_characters() -> None:
    original = "“We will win,”\r\nhe said.\r\n\r\nNext paragraph."
    clean = clean_text(original)
    assert clean.text == "“We will win,” he said.\r\n\r\nNext paragraph."
    space = clean.text.index(" he")
    assert clean.span_to_original(space, space + 1) == (14, 16)
    assert mapped_text(clean, 0, clean.text.index(".") + 1) == "“We will win,”\r\nhe said."
    check_mapping(clean)


def test_hyphenated_words_and_abbreviations_across_lines() -> None:
    original = "The well-\nknown lawyer met Mr.\nSmith at the U.S.\nembassy, officials said.\nThen she left."
    clean = clean_text(original)
    assert (
        clean.text
        == "The well-known lawyer met Mr. Smith at the U.S. embassy, officials said.\nThen she left."
    )
    assert mapped_text(clean, 4, 14) == "well-\nknown"
    check_mapping(clean)


def test_sentence_end_and_colon_keep_their_line_break() -> None:
    original = "He said this:\nWe will not stop.\nShe asked why?\nNobody knew!\n"
    assert clean_text(original).text == original


# -------------------------------------------------------------------------------------- quote spacing


def test_missing_spaces_around_curly_quotes() -> None:
    original = "Blake said he knows him“fairly well” and said,“We will win.”He left. “Yes,”she said."
    clean = clean_text(original)
    assert clean.text == (
        "Blake said he knows him “fairly well” and said, “We will win.” He left. “Yes,” she said."
    )
    inserted = [i for i in range(len(clean.text)) if clean.is_inserted(i)]
    assert len(inserted) == 4 and all(clean.text[i] == " " for i in inserted)
    quote = clean.text.index("“fairly")
    assert mapped_text(clean, quote - 1, quote + len("“fairly well”")) == "“fairly well”"
    check_mapping(clean)


def test_missing_spaces_around_straight_quotes_when_pairing_is_clear() -> None:
    original = 'He said"We won"and left, then said,"again".'
    clean = clean_text(original)
    assert clean.text == 'He said "We won" and left, then said, "again".'
    check_mapping(clean)


def test_apostrophes_and_inch_marks_are_never_touched() -> None:
    for original in (
        "I don't think the '90s were better, he said.",
        'The 27" monitor and the 32" one.',
        'She is 5\'9" tall and said "hi" to us.',
        "He is 6'2\"and fast.",
    ):
        clean = clean_text(original)
        assert clean.text == original, original


def test_unbalanced_or_non_english_marks_are_left_alone() -> None:
    for original in (
        "Swedish style: han sa,”Hej”och gick.",
        "An open “quote that never closes,”but then”what",
        'Three marks "a"b "c',
    ):
        assert clean_text(original).text == original, original


def test_quote_left_open_for_the_next_paragraph_is_still_repaired() -> None:
    original = "He said,“This goes on.\n\n“And on,”she added."
    assert clean_text(original).text == "He said, “This goes on.\n\n“And on,” she added."


# -------------------------------------------------------------------------------------- boilerplate


BLOG_TAIL = """Posted by Jane Doe at 10:32 AM
Email ThisBlogThis!Share to TwitterShare to Facebook
Labels: city hall, transit

No comments:

Post a Comment

Newer Post Older Post Home
Subscribe to: Post Comments (Atom)
"""

ARTICLE = (
    "The city council voted 7-2 on Monday to approve the budget.\n\n"
    "“This is a good day for the city,” said council president Maria Lopez.\n\n"
    "Opponents said the plan “ignores the neighborhoods.”\n\n"
)


def test_blog_tail_is_cut_with_a_warning() -> None:
    clean = clean_text(ARTICLE + BLOG_TAIL)
    assert clean.text == ARTICLE
    assert clean.warnings == (f"removed {len(BLOG_TAIL)} characters of boilerplate at the end",)
    check_mapping(clean)


def test_share_widget_tail_with_related_titles_is_cut() -> None:
    tail = (
        "Share this:\nTwitter\nFacebook\n\nLike this:\nLike Loading...\n\nRelated\n"
        "Mayor's transit plan faces opposition from council members in vote\n"
        "Budget hearing draws hundreds\n"
        "Copyright © 2024 The Daily Ledger. All rights reserved.\n"
        "Sign up for our newsletter\n"
    )
    clean = clean_text(ARTICLE + tail)
    assert clean.text == ARTICLE
    assert clean.warnings == (f"removed {len(tail)} characters of boilerplate at the end",)


def test_boilerplate_words_in_the_middle_are_kept() -> None:
    original = (
        "The mayor spoke on Tuesday about the plan and what it means for the city and its people.\n\n"
        "Share this:\n\n"
        "The council will vote next month, and opponents say they have the votes to block it.\n\n"
        "Read more: the vote is expected to be close, analysts said on Wednesday in a briefing.\n"
    )
    assert clean_text(original).text == original


def test_last_paragraph_starting_like_boilerplate_is_kept() -> None:
    original = (
        "The ruling was unexpected.\n\n"
        "Copyright law is a complex area of policy, experts said on Monday, and the ruling changes a lot.\n"
    )
    assert clean_text(original).text == original
    only_short_lines = "Menu\nHome\nNews\nShare this:\n"
    assert clean_text(only_short_lines).text == only_short_lines


# -------------------------------------------------------------------------------- repeated paragraphs


def test_repeated_paragraph_is_dropped_with_a_warning() -> None:
    first = "“We cannot wait any longer,” Mayor Ana Ruiz told reporters outside City Hall."
    original = (
        f"{first}\n\nThe council disagreed with the mayor on the timing.\n\n{first}\n\nThe end came soon.\n"
    )
    clean = clean_text(original)
    assert (
        clean.text
        == f"{first}\n\nThe council disagreed with the mayor on the timing.\n\nThe end came soon.\n"
    )
    repeat = original.index(first, 1)
    assert clean.warnings == (
        f"paragraph at offset {repeat} repeats the paragraph at offset 0; its quotes are reported once",
    )
    tail = clean.text.index("The end")
    assert mapped_text(clean, tail, len(clean.text)) == "The end came soon.\n"
    check_mapping(clean)


def test_repeat_differing_in_wrapping_and_spacing_is_dropped_and_short_repeats_stay() -> None:
    para = "The council will meet on Friday to discuss the transit plan and its cost."
    wrapped = "The council will meet on Friday to discuss\nthe transit  plan and its cost."
    original = f"Advertisement\n{para}\nAdvertisement\n{wrapped}\nHe left.\n"
    clean = clean_text(original)
    assert clean.text == f"Advertisement\n{para}\nAdvertisement\nHe left.\n"
    assert len(clean.warnings) == 1 and "repeats the paragraph at offset 14" in clean.warnings[0]
    check_mapping(clean)


def test_span_across_a_dropped_paragraph_covers_it_in_the_original() -> None:
    para = "A paragraph that is long enough to count as a real repeated paragraph."
    original = f"Intro.\n{para}\n{para}\nOutro.\n"
    clean = clean_text(original)
    assert clean.text == f"Intro.\n{para}\nOutro.\n"
    assert mapped_text(clean, 0, len(clean.text)) == original


# ------------------------------------------------------------------------------------------- the map


def test_span_to_original_edges_and_errors() -> None:
    clean = clean_text("said,“We”")
    assert clean.text == "said, “We”"
    assert clean.span_to_original(5, 6) == (5, 5)  # only the inserted space
    assert clean.span_to_original(5, 10) == (5, 9)  # the inserted space is skipped at the edge
    assert clean.span_to_original(0, 0) == (0, 0)
    assert clean.span_to_original(10, 10) == (9, 9)
    with pytest.raises(ValueError):
        clean.span_to_original(3, 2)
    with pytest.raises(ValueError):
        clean.span_to_original(0, 11)
    assert clean == clean_text("said,“We”") and hash(clean) == hash(clean_text("said,“We”"))


PIECES = [
    "The mayor said",
    " the plan “works”",
    "him“fairly well”",
    "said,“We won.”He left",
    ' said"no"again',
    " don't '90s 5'9\"",
    "\n",
    "\n",
    "\r\n",
    "\n\n",
    "well-\nknown",
    " according to\nMayor Ruiz",
    "\u00a0",
    "infor\u00admation",
    ".",
    ". ",
    ",",
    " Share this:",
    "\nShare this:\nTwitter\n",
    "\nPosted by Jane at 10:32 AM\nNo comments:\n",
    "\t",
    "  ",
]


def random_text(rng: random.Random) -> str:
    parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 40))]
    if rng.random() < 0.4:  # a long paragraph, maybe repeated later
        para = "\nThis paragraph is long enough to be a duplicate, the mayor said twice.\n"
        parts.insert(rng.randint(0, len(parts)), para)
        parts.insert(rng.randint(0, len(parts)), para)
    return "".join(parts)


@pytest.mark.parametrize("seed", range(20))
def test_random_spans_map_back_to_the_same_characters(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(25):
        clean = clean_text(random_text(rng))
        check_mapping(clean)
        n = len(clean.text)
        for _ in range(30):
            start = rng.randint(0, n)
            end = rng.randint(start, n)
            s, e = clean.span_to_original(start, end)
            assert 0 <= s <= e <= len(clean.original)
            real = [i for i in range(start, end) if not clean.is_inserted(i)]
            if not real:
                assert s == e
                continue
            assert s == clean.to_original[real[0]]
            assert clean.span_to_original(real[-1], real[-1] + 1)[1] == e
            kept = "".join(clean.text[i] for i in real)
            if not clean.warnings:  # nothing deleted but whitespace and invisible characters
                assert squeeze(clean.original[s:e]) == squeeze(kept)
            else:
                assert squeeze(kept) in squeeze(clean.original[s:e]) or _is_subsequence(
                    squeeze(kept), squeeze(clean.original[s:e])
                )


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def test_without_warnings_every_visible_original_character_is_kept() -> None:
    rng = random.Random(99)
    for _ in range(200):
        clean = clean_text(random_text(rng))
        if clean.warnings:
            continue
        covered: set[int] = set()
        for i in range(len(clean.text)):
            s, e = clean.span_to_original(i, i + 1)
            covered.update(range(s, e))
        missing = {clean.original[j] for j in range(len(clean.original)) if j not in covered}
        assert missing <= set(INVISIBLE) | {" ", "\n", "\r", "\t", "\u00a0"}, missing
