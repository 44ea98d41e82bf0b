"""Where a reported clause starts and ends: the boundary rules of content.py on real parses."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.content import Attribution, close_open_quotation, length, overlap, with_both_marks
from saidwhat.quotemarks import find_stretches


def test_length_and_overlap_of_fragment_lists() -> None:
    assert length([(0, 5), (10, 12)]) == 7
    assert overlap([(0, 5), (10, 12)], [(3, 11)]) == 3


def test_content_ending_inside_a_quotation_runs_to_its_close() -> None:
    text = 'He called Burma a "good news story in an era of setbacks" on Friday.'
    stretches = find_stretches(text)
    a = Attribution(cue=1, fragments=[(10, text.index(" in an era"))], source=0, prob=0.9)
    close_open_quotation(a, stretches)
    assert text[a.fragments[0][0] : a.fragments[0][1]] == 'Burma a "good news story in an era of setbacks'


def test_a_fragment_holding_an_opening_mark_keeps_the_closing_one() -> None:
    text = 'She said Clinton is in "good enough health to serve," and left. "We won," he said.'
    stretches = find_stretches(text)
    clause = (9, text.index(',"') + 1)  # ends where the quoted words do, before the closing mark
    direct = (text.index("We won"), text.index(',"', text.index("We won")) + 1)
    mixed, quoted = with_both_marks((clause, direct), stretches, text)
    assert text[mixed[0] : mixed[1]] == 'Clinton is in "good enough health to serve,"'
    assert text[quoted[0] : quoted[1]] == "We won,"  # the quoted words alone: no stray closing mark


def test_a_mixed_quote_reaches_the_caller_with_balanced_marks(nlp: Any) -> None:
    quote = extract('The mayor said the plant was "safe for now."').quotes[0]
    assert quote.kind == "mixed" and quote.text == 'the plant was "safe for now."'


def test_content_that_starts_inside_the_quotation_is_left_alone() -> None:
    text = 'He said "we will win this state by ten points" on Monday.'
    stretches = find_stretches(text)
    start = text.index("we will")
    a = Attribution(cue=1, fragments=[(start, start + 11)], source=0, prob=0.9)
    close_open_quotation(a, stretches)
    assert a.fragments == [(start, start + 11)]


def test_unnest_keeps_the_outer_report(nlp: Any) -> None:
    text = "The senator said she wanted to meet the families and let them know that help was coming."
    assert [q.cue.text for q in extract(text).quotes if q.cue is not None] == ["said"]


def test_a_second_report_coordinated_with_the_first_is_its_own_quote(nlp: Any) -> None:
    text = (
        "British Prime Minister Theresa May said this week that the country would formally declare its "
        "intention to leave by the end of March and suggested that it would withdraw from the single market."
    )
    quotes = {q.cue.text: q for q in extract(text).quotes if q.cue is not None}
    assert quotes["said"].text.endswith("by the end of March")
    assert quotes["suggested"].text == "that it would withdraw from the single market"
    assert quotes["suggested"].speaker == quotes["said"].speaker == "Theresa May"


def test_a_report_coordinated_with_its_own_subject_keeps_its_speaker(nlp: Any) -> None:
    text = "The mayor said the plant would close in March and the governor said that it would stay open."
    by_speaker = {q.speaker: q.text for q in extract(text).quotes}
    assert by_speaker == {
        "The mayor": "the plant would close in March",
        "the governor": "that it would stay open",
    }


def test_a_second_report_after_a_comma_ends_the_first(nlp: Any) -> None:
    # a participle with the same source, and a concessive clause with its own
    text = (
        "The senator said he did not believe those attacks cost Romney the election, arguing that "
        "divisions in the party were a bigger hurdle."
    )
    by_cue = {q.cue.text: q for q in extract(text).quotes if q.cue is not None}
    assert by_cue["said"].text == "he did not believe those attacks cost Romney the election"
    assert by_cue["arguing"].text == "that divisions in the party were a bigger hurdle"
    assert by_cue["arguing"].speaker == "The senator"
    text = (
        "The attorney general said government work erases some barriers, though she noted that "
        "clients are beginning to demand diverse legal teams."
    )
    by_cue = {q.cue.text: q for q in extract(text).quotes if q.cue is not None}
    assert by_cue["said"].text == "government work erases some barriers"
    assert by_cue["noted"].text == "that clients are beginning to demand diverse legal teams"


def test_a_second_report_after_a_quotation_closed_on_its_comma(nlp: Any) -> None:
    # the comma sits inside the closing mark: “…,” adding that … is still a second report
    text = 'Peabody said: "Patriot Coal was highly successful," adding that its value quadrupled.'
    by_cue = {q.cue.text: q for q in extract(text).quotes if q.cue is not None}
    assert (by_cue["said"].kind, by_cue["said"].text) == ("direct", "Patriot Coal was highly successful,")
    assert (by_cue["adding"].kind, by_cue["adding"].text) == ("indirect", "that its value quadrupled")
    assert by_cue["adding"].speaker == "Peabody"


def test_a_wire_dateline_is_no_part_of_the_content(nlp: Any) -> None:
    for dateline in ("MILLBROOK — ", "WASHINGTON (AP) — ", "CLEVELAND, July 19 (UPI) — "):
        text = (
            f"{dateline}Hundreds of residents were evacuated after the river burst its banks, officials said."
        )
        quotes = extract(text).quotes
        assert [q.text for q in quotes] == [
            "Hundreds of residents were evacuated after the river burst its banks"
        ], dateline


def test_a_relative_clause_calling_something_a_quotation_is_its_own_quote(nlp: Any) -> None:
    # "called" sits inside the outer content; it used to be dropped with it, losing the quotation
    quotes = extract('He apologized for the remarks, which he called "stupid and hurtful."').quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "the remarks"),
        ("mixed", 'which … "stupid and hurtful."'),  # the pronoun and what follows the cue (PolNeAR)
    ]


def test_a_free_relative_naming_a_quotation_is_its_pronoun_and_what_follows_the_cue(nlp: Any) -> None:
    # PolNeAR marks "what | a “fraudulent scheme”": who called it so is the speaker, not the content
    text = (
        "The bank faces lawsuits over what former employees have called "
        "a “fraudulent scheme” to open accounts."
    )
    (q,) = extract(text).quotes
    assert (q.kind, q.text, q.speaker) == (
        "mixed",
        "what … a “fraudulent scheme” to open accounts",
        "former employees",
    )


def test_a_relative_clause_reporting_what_its_pronoun_did_is_its_own_quote(nlp: Any) -> None:
    # "said" sat inside the outer content and was dropped with it as one of its verbs
    text = (
        "He attacked other candidates for accepting his personal donations, "
        "which he said were accompanied by leverage."
    )
    quotes = [(q.cue.text if q.cue else None, q.text) for q in extract(text).quotes]
    assert ("said", "which … were accompanied by leverage") in quotes
    # a noun's complement with a subject of its own is the outer report's content, not a second one
    text = "The senator repeated the claim that she said the deal was dead."
    assert "said" not in [q.cue.text for q in extract(text).quotes if q.cue is not None]


def test_a_report_after_a_colon_introduced_quotation_is_its_own(nlp: Any) -> None:
    text = 'Gov. Janet Mills said: "The state is ready." She added that the Guard was on standby.'
    quotes = extract(text).quotes
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("direct", "The state is ready.", "Janet Mills"),
        ("indirect", "that the Guard was on standby", "Janet Mills"),
    ]


def test_a_dash_opening_the_reporters_gloss_ends_the_content(nlp: Any) -> None:
    text = (
        "Gingrich dismissed Estonia as being in the “suburbs of St. Petersburg” — a metaphor for the "
        "party's abandonment of principle."
    )
    (quote,) = extract(text).quotes
    assert quote.text == "Estonia as being in the “suburbs of St. Petersburg”"
    assert quote.kind == "mixed"
    # a hyphen is no dash
    text = "Clinton has embraced Obama's go-it-alone approach, the senator said."
    assert "go-it-alone approach" in extract(text).quotes[0].text
    # a pair of dashes sets off an aside inside the clause, which goes on after it
    text = (
        "Margaret Doyle said in Nashua that Kevin Doyle — no relation — had “shipped jobs overseas” while "
        "running a manufacturing company."
    )
    (quote,) = extract(text).quotes
    assert quote.text.endswith("while running a manufacturing company")
    assert quote.kind == "mixed"


def test_a_horizontal_bar_is_read_as_the_dash_it_stands_for(nlp: Any) -> None:
    # en_core_web_sm tags "―" (U+2015, HuffPost's dash) a noun: the gloss after it had joined the content
    text = "Officials said the bridge would close for repairs ― a move that angered commuters."
    (quote,) = extract(text).quotes
    assert quote.text == "the bridge would close for repairs"
    # offsets and text stay the caller's: the bars of an aside are in the quote as written
    text = "The mayor said the library ― closed since the flood ― would reopen in March."
    (quote,) = extract(text).quotes
    assert quote.text == "the library ― closed since the flood ― would reopen in March"
    assert text[quote.start : quote.end] == quote.text


def test_a_participle_after_a_quoted_clause_is_the_reporters(nlp: Any) -> None:
    text = (
        'The Republican nominee has questioned whether the moderators will be "fair" to him, engaging in '
        "what analysts described as age-old pre-debate tactics."
    )
    quote = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "questioned")
    assert quote.text == 'whether the moderators will be "fair" to him'
    assert quote.kind == "mixed"
    # with no quotation in the clause the participle may still belong to what was reported
    text = "Officials said the storm hit the coast overnight, leaving thousands without power."
    quote = extract(text).quotes[0]
    assert quote.text.endswith("leaving thousands without power")


def test_a_semicolon_ends_the_reported_clause_wherever_the_last_comma_is(nlp: Any) -> None:
    text = (
        "Officials said the timing of the deal was not intentional; they only learned of the "
        "arrangements with Mills, Samuelson and Bentel on Friday."
    )
    quote = extract(text).quotes[0]
    assert quote.text == "the timing of the deal was not intentional"
    # a semicolon inside a quotation is the speaker's
    text = 'Officials said the deal was "late; very late" and would be reviewed.'
    assert "would be reviewed" in extract(text).quotes[0].text


def test_according_to_after_the_reported_clause_is_a_source_of_its_own(nlp: Any) -> None:
    text = (
        "The president told her that it was not that simple, "
        "according to an account she gave to the newspaper."
    )
    got = {q.cue.text: q for q in extract(text).quotes if q.cue is not None}
    assert got["told"].text == "that it was not that simple"


def test_a_headline_label_keeps_everything_after_its_colon(nlp: Any) -> None:
    text = (
        "Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health Issues; It’s ‘in Their Heads.’"
        "\n\nIn offering analysis of the election, Caddell said the race had tightened."
    )
    first = extract(text).quotes[0]
    assert (first.kind, first.speaker) == ("mixed", "Pat Caddell")
    assert first.text.endswith("It’s ‘in Their Heads.’")


def test_a_whole_quoted_sentence_after_its_cue_ends_the_content(nlp: Any) -> None:
    text = (
        "Members will still meet for drinks, but he said, “It’s time we change how we do it,” "
        "promising the club will return to its roots."
    )
    quotes = extract(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [("direct", "It’s time we change how we do it,")]


def test_a_quoted_fragment_stays_part_of_its_clause(nlp: Any) -> None:
    text = "The minister said the deal was “inevitable” and overdue."
    assert [(q.kind, q.text) for q in extract(text).quotes] == [
        ("mixed", "the deal was “inevitable” and overdue")
    ]


def test_a_subjectless_verb_after_the_attribution_describes_the_speaker(nlp: Any) -> None:
    text = (
        "Delegates were furious.\n\n“This is just a scripted television show and we are all props,” said "
        "Virginia delegate Beau Correll, angered that party leaders ignored the movement."
    )
    got = [q for q in extract(text).quotes if q.speaker == "Beau Correll"]
    assert [(q.kind, q.spans, q.text) for q in got] == [
        ("direct", ((26, 87),), "This is just a scripted television show and we are all props,")
    ]


def test_a_participle_after_a_comma_inside_the_closing_mark_is_the_reporters(nlp: Any) -> None:
    text = (
        "Trump said things “should be wrapped up by Cleveland,” referring to the party’s July convention, "
        "where Republicans will select a nominee."
    )
    got = extract(text).quotes
    assert [(q.kind, q.text) for q in got] == [("mixed", "things “should be wrapped up by Cleveland,”")]


def test_including_after_a_quotation_goes_on_with_the_clause(nlp: Any) -> None:
    # "including" is a participle by its tag, but it lists more of what was said, not what the speaker did
    text = (
        "He said Trump has “several ways” of reaching the magic number, including with the 100 or so "
        "“unbound” delegates who go to Cleveland."
    )
    (quote,) = extract(text).quotes
    assert quote.kind == "mixed"
    assert quote.text.endswith("including with the 100 or so “unbound” delegates who go to Cleveland")


def test_bare_verbs_continue_an_infinitive_deep_in_the_clause(nlp: Any) -> None:
    # the parser hangs "secure" on the cue; it continues "to take on", the clause's last infinitive
    text = (
        'The governor said his fellow Texan is ready to "take on the Washington cartel," secure the border, '
        "strengthen the military, and improve health care for veterans."
    )
    (quote,) = extract(text).quotes
    assert quote.text.endswith("strengthen the military, and improve health care for veterans")
    # a clause with no infinitive is not continued by bare verbs after it
    text = "The senator said the bill is dead, and vowed to try again next year."
    said = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "said")
    assert said.text == "the bill is dead"


def test_a_past_modal_coordinated_with_a_past_cue_goes_on_with_the_report(nlp: Any) -> None:
    # the parser hangs "would examine" on "said"; "would" is the report's future, not the reporter's
    text = (
        'In Brussels, the European Commission said it was "in contact with the company" and would examine '
        "whether EU rules had been breached."
    )
    (quote,) = extract(text).quotes
    assert quote.text.endswith("and would examine whether EU rules had been breached")
    # a verb of the narrator's, or a clause of its own, stays out
    text = "The senator said the bill was dead, and she left the chamber."
    said = next(q for q in extract(text).quotes if q.cue is not None and q.cue.text == "said")
    assert said.text == "the bill was dead"


def test_a_speech_participle_hung_on_the_object_is_a_second_report(nlp: Any) -> None:
    text = (
        "The transport minister, Claire Dunmore, has defended plans to cut 40 rural rail services, "
        'telling MPs the routes were "simply unaffordable".'
    )
    got = [(q.kind, q.cue.text if q.cue else None, q.speaker, q.text) for q in extract(text).quotes]
    assert got == [
        ("indirect", "defended", "Claire Dunmore", "plans to cut 40 rural rail services"),
        ("mixed", "telling", "Claire Dunmore", 'the routes were "simply unaffordable"'),
    ]


def test_a_quotation_introduced_by_a_clause_and_a_colon_starts_the_quote(nlp: Any) -> None:
    text = (
        "In her speech, Shonda Rhimes declared the need for strong will and drive: “Change the world and "
        "when you’ve done that, change it again,” she said."
    )
    (q,) = extract(text).quotes
    assert (q.kind, q.text, q.speaker) == (
        "direct",
        "Change the world and when you’ve done that, change it again,",
        "Shonda Rhimes",
    )


def test_a_name_the_parser_hung_on_the_quotation_is_the_cues_source(nlp: Any) -> None:
    from saidwhat.content import end_before_inverted_source

    text = (
        "“Yes, I support the mayor,” Carl Benton III, founder of the Harbor Policy Center, tells the "
        "Ledger in an interview."
    )
    doc = nlp(text)
    cue = next(t.i for t in doc if t.text == "tells")
    # the content as the parser of a longer article gave it: the name inside the quoted clause's subtree
    a = Attribution(cue=cue, fragments=[(0, text.index(", tells"))], source=None, prob=0.9)
    end_before_inverted_source(doc, a, find_stretches(text), text)
    assert text[a.fragments[0][0] : a.fragments[0][1]] == "“Yes, I support the mayor,”"


def test_a_subject_in_quotation_marks_does_not_keep_the_name_in_the_content(nlp: Any) -> None:
    from saidwhat.content import end_before_inverted_source

    text = (
        "“He is right. There is a disconnect between the White House and the military,” Carl Benton, "
        "a retired general, said Thursday on Channel Nine’s “Morning Edition.”"
    )
    doc = nlp(text)
    cue = next(t.i for t in doc if t.text == "said")
    title_word = next(t.i for t in doc if t.text == "Morning")
    # as the parser of the article gave it: the content starts at the quotation's second sentence and
    # runs over the name; the cue's subject is a word of the programme's title
    start = text.index("There")
    a = Attribution(cue=cue, fragments=[(start, text.index(", said"))], source=title_word, prob=0.9)
    end_before_inverted_source(doc, a, find_stretches(text), text)
    assert text[a.fragments[0][0] : a.fragments[0][1]].endswith("military,”")
    assert a.source is None  # the extractor's adjacent-name rule then finds Carl Benton


def test_a_clause_after_the_quotation_stays_in_the_content(nlp: Any) -> None:
    from saidwhat.content import end_before_inverted_source

    text = "“Enough,” Carl Benton wrote before he left, tells the Ledger."
    doc = nlp(text)
    cue = next(t.i for t in doc if t.text == "tells")
    a = Attribution(cue=cue, fragments=[(0, text.index(", tells"))], source=None, prob=0.9)
    end_before_inverted_source(doc, a, find_stretches(text), text)
    assert a.fragments == [(0, text.index(", tells"))]  # a verb after the closing mark: no bare name


def test_a_second_that_clause_of_the_same_cue_continues_the_content(nlp: Any) -> None:
    text = (
        'Senate Republican leader Mitch McConnell said in a statement that the bill was "far from '
        'perfect," but that it kept the government open.'
    )
    quotes = extract(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("mixed", 'that the bill was "far from perfect," but that it kept the government open')
    ]


def test_naming_someone_as_a_quotation_ends_before_the_occasion(nlp: Any) -> None:
    # the parser hangs "Wednesday on …" and "during …" on the quoted noun; they say when, not what
    for tail in (" Wednesday on The Morning Show.", " during a campaign stop in Flint."):
        text = f'Gov. Ann Price described the budget as a "shameful mess"{tail}'
        assert [(q.kind, q.text, q.speaker) for q in extract(text).quotes] == [
            ("mixed", 'the budget as a "shameful mess"', "Ann Price")
        ], tail
    # what continues the naming stays: a second quotation joined by "and"
    text = 'Gov. Ann Price described the budget as a "shameful mess" and a "gift to lobbyists."'
    assert [q.text for q in extract(text).quotes] == [
        'the budget as a "shameful mess" and a "gift to lobbyists."'
    ]


def test_a_relative_pronoun_and_a_quotation_as_two_objects_is_its_own_quote(nlp: Any) -> None:
    # the parser reads "which" and "a total disaster" as two objects of "declared"
    text = "He warned that Trump would win the race, which he declared “a total disaster” for the party."
    quotes = extract(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "that Trump would win the race"),
        ("mixed", "which … “a total disaster” for the party"),
    ]
    # a relative pronoun that is the subject is no object named: no quote of its own
    text = "She shared an editorial that accuses Sanders of running a “fiction-filled campaign” online."
    assert "accuses" not in [q.cue.text for q in extract(text).quotes if q.cue is not None]


def test_a_fragment_holding_a_closing_mark_keeps_the_opening_one(nlp: Any) -> None:
    # the parser makes the quotation's first word the subject: the content started after the mark
    quote = extract("Obama said “it gets me mad” every time he thinks about the children.").quotes[0]
    assert quote.kind == "mixed"
    assert quote.text == "“it gets me mad” every time he thinks about the children"


def test_a_clause_ending_before_the_quotations_own_stop_gets_its_closing_mark(nlp: Any) -> None:
    # the parse ends the clause at "tomorrow"; the full stop and the closing mark follow it
    for opening, closing in (("“", "”"), ("''", "''")):
        text = f"Clinton is telling customers at a breakfast spot that {opening}I need you tomorrow.{closing}"
        (quote,) = extract(text).quotes
        assert quote.text == f"that {opening}I need you tomorrow.{closing}", opening


def test_a_second_that_clause_runs_on_where_the_parser_lost_it() -> None:
    text = (
        'He told reporters at a briefing that the storm was "stronger than any model predicted" and that '
        "the company had pre-positioned more crews than ever before."
    )
    (q,) = extract(text).quotes
    assert q.kind == "mixed"
    assert q.text.endswith("and that the company had pre-positioned more crews than ever before")


def test_more_bare_verbs_continue_an_infinitive_the_parser_cut(nlp: Any) -> None:
    # the parser hangs "exceed" and "grow … create" on the cue, which they cannot agree with
    text = "Mr. Obama has been promising to meet and in some cases exceed his goals without new laws."
    assert extract(text).quotes[0].text == "to meet and in some cases exceed his goals without new laws"
    text = "Clinton wants to triple the size of the program, grow the Peace Corps and create a reserve."
    assert extract(text).quotes[0].text == (
        "to triple the size of the program, grow the Peace Corps and create a reserve"
    )
    # a subject of its own makes the rest a clause of its own
    text = "The governor promised to cut taxes, and lawmakers approve."
    assert extract(text).quotes[0].text == "to cut taxes"


def test_a_source_the_parser_hung_inside_the_quotation_ends_the_content(nlp: Any) -> None:
    # in this context the parser reads "the union's president" as the object of "playing", so the
    # reported clause ran over the closing mark and its speaker; the phrase ends with a name: the source
    text = (
        "The mayor tweeted on Sunday that the chief had lost the confidence of this community. Within "
        "hours, the police union fired back.\n\n"
        '"The mayor is playing politics with public safety," the union\'s president, Dan Kowalski, wrote '
        "in a letter to the city council."
    )
    doc = nlp(text)
    assert next(t for t in doc if t.text == "president").dep_ != "nsubj"  # what this test is about
    quote = extract(text).quotes[-1]
    assert (quote.text, quote.kind, quote.speaker) == (
        "The mayor is playing politics with public safety,",
        "direct",
        "Dan Kowalski",
    )


def test_a_clause_after_a_quotations_comma_goes_on_when_it_has_another_subject(nlp: Any) -> None:
    # the comma inside the marks is the quotation's; "and" and a subject of its own continue the report
    text = (
        "Chen said the bridge had been a “costly mistake,” and the county would have to pay for the repairs."
    )
    (q,) = extract(text).quotes
    assert (
        q.text == "the bridge had been a “costly mistake,” and the county would have to pay for the repairs"
    )
    # the speaker's own next act, or the narrator's, is not part of it
    for tail in ("and he left the room", "and threatened to sue the county", "and I agree"):
        text = f"Chen said the bridge had been a “costly mistake,” {tail}."
        said = [q.text for q in extract(text).quotes if q.cue is not None and q.cue.text == "said"]
        assert said == ["the bridge had been a “costly mistake,”"], tail


def test_a_time_right_after_the_cue_is_when_it_was_said_not_what() -> None:
    text = (
        "Cuts\n\nHelio Systems said on Wednesday it would cut 1,200 jobs. The firm said last week it had "
        "hired a new chief. He said on Friday that it was over."
    )
    got = [q.text for q in extract(text).quotes]
    assert got == ["it would cut 1,200 jobs", "it had hired a new chief", "that it was over"]
