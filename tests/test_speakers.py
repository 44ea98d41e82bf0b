"""Speaker resolution: full names, titles, roles, pronouns, shared surnames (real pipeline)."""

from __future__ import annotations

from saidwhat import extract


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


def test_title_is_dropped_and_surname_resolves_to_full_name() -> None:
    text = (
        "Mayor Elena Marsh opened the session. “We will not raise taxes,” Marsh said. "
        "She added that the budget was balanced."
    )
    assert speakers(text) == ["Elena Marsh", "Elena Marsh"]


def test_shared_surname_goes_to_the_person_the_discourse_is_about() -> None:
    text = (
        "Daniel Lopez moved to Denver last year, and his sister Maria Lopez now runs the restaurant. "
        "She opens the kitchen at six. “Every dish is still our mother’s recipe,” Lopez said."
    )
    assert speakers(text) == ["Maria Lopez"]


def test_role_noun_resolves_through_an_appositive() -> None:
    text = (
        "Rita Okafor, a spokeswoman for the department, spoke on Monday. "
        "The spokeswoman said the bridge remained safe for cars."
    )
    got = extract(text).quotes
    assert [q.speaker for q in got] == ["Rita Okafor"]
    assert got[0].speaker_mention is not None and got[0].speaker_mention.text == "The spokeswoman"


def test_institution_and_group_keep_their_description() -> None:
    got = extract("The Pentagon said the base would close. U.S. officials say the talks failed.").quotes
    assert [(q.speaker, q.speaker_type) for q in got] == [
        ("The Pentagon", "organization"),
        ("U.S. officials", "group"),
    ]


def test_an_epithet_before_a_full_name_is_not_part_of_the_name() -> None:
    text = (
        "Hillary Clinton spoke in Ohio on Monday. Later, Trump attacked Crooked Hillary Clinton in a tweet. "
        "Crooked Hillary Clinton said: “We will win.”"
    )
    got = {q.text: q.speaker for q in extract(text).quotes}
    assert got["We will win."] == "Hillary Clinton"
    assert "Crooked Hillary Clinton" not in got.values()


def test_a_middle_name_stays_in_the_full_name() -> None:
    text = "Mary Jane Blige sang on Friday. “I just want to know where we go from here,” Blige said."
    assert speakers(text) == ["Mary Jane Blige"]


def test_a_title_case_headline_verb_is_not_part_of_the_speaker_name() -> None:
    text = (
        "Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday.\n\n"
        "President Barack Obama sounded a call for the United States to accept more refugees on Monday."
    )
    names = speakers(text)
    assert names and all(name is None or "Seeks" not in name for name in names)
    assert "Barack Obama" in names


def test_a_surname_goes_to_the_person_named_most_not_the_last_named() -> None:
    text = (
        "Sen. Ted Cruz endorsed Donald Trump on Friday. Cruz said he would vote for the nominee. "
        "Trump once mocked a photo of Heidi Cruz, the senator's wife. "
        "“You don't get to attack my wife,” Cruz said in July."
    )
    by_text = {q.text: q.speaker for q in extract(text).quotes}
    assert by_text["You don't get to attack my wife,"] == "Ted Cruz"
    assert by_text["he would vote for the nominee"] == "Ted Cruz"


def test_a_title_before_a_phrase_that_is_no_name_stays() -> None:
    text = "Senator from Texas says he cannot allow Clinton to win the presidency."
    assert speakers(text) == ["Senator from Texas"]


def test_a_pronoun_continues_the_speaker_past_a_name_in_the_speakers_words() -> None:
    from saidwhat import extract

    text = (
        "White House spokesman Josh Earnest said Monday that President Barack Obama has long called for "
        "tax fairness. He said the president hopes his successor will push for the same goals."
    )
    assert [q.speaker for q in extract(text).quotes] == ["Josh Earnest", "Josh Earnest"]


def test_a_pronoun_takes_the_person_of_its_gender() -> None:
    from saidwhat import extract

    text = "Donald Trump said Hillary Clinton lied about her emails. She said the claim was absurd."
    assert [q.speaker for q in extract(text).quotes] == ["Donald Trump", "Hillary Clinton"]


def test_an_unnamed_speaker_is_typed_by_its_head_noun() -> None:
    from saidwhat import extract

    def typed(text: str) -> list[tuple[str | None, str]]:
        return [(q.speaker, q.speaker_type) for q in extract(text).quotes]

    assert typed("The spokeswoman added that talks would resume.") == [("The spokeswoman", "person")]
    assert typed("The ministry said the plant was closed.") == [("The ministry", "organization")]
    assert typed("A report said costs would rise.") == [("A report", "unknown")]


def test_a_possessor_is_not_the_person_the_mention_names() -> None:
    text = "Bobby Scott spoke first. “He will win,” Scott's niece said after the rally."
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.speaker_type) == ("Scott's niece", "person")
    # a name the head belongs to still wins: the spokesman is Brian Fallon
    text = "Hillary Clinton spoke. Clinton's spokesman Brian Fallon said she would win."
    assert speakers(text) == ["Brian Fallon"]


def test_an_honorific_picks_the_person_of_its_gender_among_a_shared_surname() -> None:
    text = (
        "Hillary Clinton and Bill Clinton arrived together. Bill Clinton spoke first. "
        "Mrs. Clinton said the plan would work."
    )
    assert speakers(text) == ["Hillary Clinton"]


def test_a_name_modifying_a_common_noun_is_not_the_speaker() -> None:
    got = [
        (q.speaker, q.speaker_type)
        for q in extract("Hillary Clinton spoke. The Clinton campaign said she would win.").quotes
    ]
    assert got == [("The Clinton campaign", "organization")]


def test_names_never_keep_two_apostrophe_quotation_marks() -> None:
    text = (
        "At the debate, Hillary Clinton suggested that Donald Trump ''doesn't want the American people to "
        "know'' what he paid. Mr. Trump said his returns were under audit."
    )
    assert "Donald Trump" in speakers(text)
    assert not any("'" in (s or "") for s in speakers(text))


def test_a_role_named_differently_is_not_the_person_given_the_role() -> None:
    text = (
        "Democratic vice presidential nominee Tim Kaine spoke in Ohio. Donald Trump spoke in Iowa. "
        "The Republican nominee said taxes would fall."
    )
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.speaker_type) == ("The Republican nominee", "person")
    # the same role, or the bare role noun, still goes to the person it was given to
    text = "Democratic vice presidential nominee Tim Kaine spoke in Ohio. The nominee said taxes would rise."
    assert speakers(text) == ["Tim Kaine"]
    assert [
        (q.speaker, q.speaker_type) for q in extract("The Russian ambassador said talks would resume.").quotes
    ] == [("The Russian ambassador", "person")]


def test_a_word_stuck_to_a_name_in_a_title_case_headline_is_not_part_of_it() -> None:
    text = (
        "Beneath Clinton Says Debate Was A Turning Point.\n\n"
        "Hillary Clinton told supporters on Monday that the debate had changed the race. "
        "Her aides said the campaign raised $18 million in a day."
    )
    first = extract(text).quotes[0]
    assert first.speaker == "Hillary Clinton"


def test_a_source_cited_with_according_to_does_not_take_the_discourse_over() -> None:
    # en_core_web_sm reads "Politico" as a person; "he" is still Donald Trump, the story's subject
    text = (
        "Donald Trump named his favourite rival on Tuesday. The campaign hired a new spokeswoman, "
        "according to Politico.\n\n“Rubio is not going to be the one,” he said."
    )
    got = [q for q in extract(text).quotes if q.kind == "direct"]
    assert [q.speaker for q in got] == ["Donald Trump"]


def test_he_is_the_last_subject_not_the_last_name() -> None:
    text = (
        "Senator Mark Olsen attacked Governor Paul Hines at a rally in Boise on Friday.\n\n"
        "“We cannot afford four more years of this,” he said."
    )
    assert speakers(text) == ["Mark Olsen"]


def test_his_as_a_source_resolves_like_he() -> None:
    text = "Donald Trump spoke in Ohio on Monday. His claim that the election was rigged drew criticism."
    got = extract(text).quotes
    assert [q.speaker for q in got] == ["Donald Trump"]


def test_a_title_given_with_the_name_is_a_role_that_holds_attention() -> None:
    text = (
        "President Obama met Senator Lamar Alexander in May. Alexander told him the bill would fail.\n\n"
        "In defeat, the president appeared cowed. “We will try again next year,” he said."
    )
    assert [q.speaker for q in extract(text).quotes if q.kind == "direct"] == ["Obama"]


def test_a_surname_subject_the_recognizer_took_for_an_organisation_holds_attention() -> None:
    # en_core_web_sm labels the second "Trump" ORG; he is still the subject "he" refers to
    text = (
        "Donald Trump spoke in Ohio. Rep. Jim Clyburn said the speech was an insult.\n\n"
        "Trump has record low support from black voters, with just 1 percent. "
        "“Look at how much African-American communities are suffering,” he said in August."
    )
    assert [q.speaker for q in extract(text).quotes if q.kind == "direct"] == ["Donald Trump"]


def test_a_british_honorific_without_a_full_stop_still_finds_the_full_name() -> None:
    # the recognizer takes "Ms Dunmore" as one name; it is Claire Dunmore, a woman
    text = (
        "The transport minister, Claire Dunmore, spoke in the Commons. "
        "Ms Dunmore said the routes were unaffordable. She added that savings would be reinvested."
    )
    assert speakers(text) == ["Claire Dunmore", "Claire Dunmore"]


def test_a_nickname_in_quotation_marks_stays_inside_the_name() -> None:
    # the recognizer breaks the name at the marks; "Scott" and "he" are still the whole of it
    text = (
        'Rep. Robert C. "Bobby" Scott opened his back yard to several hundred guests on Saturday. '
        'Scott bristles at the suggestion. "I have raised all I needed," he said.\n\n'
        'State Del. Marcia "Cia" Price said the district was "ready for him."'
    )
    assert speakers(text) == ['Robert C. "Bobby" Scott', 'Marcia "Cia" Price']


def test_a_quoted_title_between_names_is_no_nickname() -> None:
    text = 'The crowd chanted "Lock Her" Up at the rally in Tampa, Jordan Smith said.'
    assert speakers(text) == ["Jordan Smith"]


def test_a_name_without_its_middle_or_given_names_is_the_full_name() -> None:
    text = (
        "Republican nominee Donald J. Trump spoke in Ohio on Monday. Donald Trump later said the polls "
        "were rigged.\n\nMexico's economy minister, Ildefonso Guajardo Villarreal, spoke on Tuesday. "
        "Mr. Guajardo Villarreal said there was little point in responding."
    )
    assert speakers(text) == ["Donald J. Trump", "Ildefonso Guajardo Villarreal"]


def test_father_and_son_who_share_first_and_last_names_stay_apart() -> None:
    text = (
        "Former president George H. W. Bush and his son George W. Bush met in Houston on Friday. "
        "George W. Bush said the talks went well."
    )
    assert speakers(text) == ["George W. Bush"]


def test_a_name_without_the_suffix_of_another_is_not_that_person() -> None:
    text = (
        "Donald Trump Jr. met with a Russian lawyer in June 2016. Donald Trump said on Wednesday that "
        "his son was a high-quality person. Trump Jr. said in a statement that the meeting went nowhere."
    )
    assert speakers(text) == ["Donald Trump", "Donald Trump Jr."]


def test_a_headline_verb_stuck_to_a_name_the_body_gives_is_dropped() -> None:
    text = (
        "Ben Carson Defends His Tax Plan\n\n"
        "Ben Carson spoke in Iowa on Tuesday. Carson said the flat tax was fair to every family."
    )
    assert speakers(text) == ["Ben Carson"]


def test_the_owner_of_a_sentences_subject_holds_attention() -> None:
    # centering: "Ryan's positions remain popular" is about Ryan, who "he" then continues
    text = (
        "Paul Ryan spoke in Ohio on Monday. “It makes it harder,” said Senator Lindsey Graham of South "
        "Carolina. And while Mr. Ryan's positions remain popular with many Republicans, he said the party "
        "had to change."
    )
    assert speakers(text) == ["Lindsey Graham", "Paul Ryan"]


def test_what_someone_said_named_by_its_owner_is_theirs() -> None:
    text = (
        "Senator Dana Ruiz toured the flooded district on Monday. "
        "Her remarks suggested that the state would pay for the repairs."
    )
    (q,) = extract(text).quotes
    assert (q.speaker, q.speaker_type) == ("Dana Ruiz", "person")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Her remarks"


def test_a_namesake_the_recognizer_missed_is_not_the_person_named_before() -> None:
    text = (
        "Energy Minister Tom Reyes defended the plant on Tuesday. “We are not going to hide anything,” "
        "Reyes said. Environmental groups were not convinced. “This is a cover-up,” said Ana Reyes, a "
        "director at Green Watch."
    )
    assert speakers(text)[-2:] == ["Tom Reyes", "Ana Reyes"]


def test_a_fuller_namesake_set_off_after_a_bare_surname_is_the_speaker() -> None:
    text = (
        "“We have been patient for two years,” said Joost van der Berg, who chairs the dockers' section. "
        "A second Van der Berg, Anouk van der Berg, who runs a logistics firm, said her trucks had been idle."
    )
    assert speakers(text) == ["Joost van der Berg", "Anouk van der Berg"]


def test_a_name_set_off_after_a_role_after_a_common_noun_is_the_speaker() -> None:
    text = (
        "Robert Hale Jr. announced on Monday that he would run for the state Senate. His father, the former "
        "governor Robert Hale, said the decision was his son's alone."
    )
    assert speakers(text) == ["Robert Hale Jr.", "Robert Hale"]


def test_a_shared_surname_tie_goes_to_the_person_quoted_before() -> None:
    text = (
        "“I back the senator,” said Carl Benton III, who founded the Harbor Policy Center. His father, Carl "
        "Benton, Jr. was a speechwriter for two governors. “The party has lost its way,” Benton said."
    )
    assert speakers(text) == ["Carl Benton III", "Carl Benton III"]


def test_a_spokesman_for_someone_is_not_that_person() -> None:
    text = (
        "Hillary Clinton spoke in Ohio on Monday. A spokesman for Hillary Clinton said the campaign would "
        "not respond. An attorney for the company, Mark Dunn, said the suit had no merit."
    )
    assert speakers(text) == ["A spokesman for Hillary Clinton", "Mark Dunn"]


def test_a_surname_with_an_honorific_no_fuller_name_fits_is_its_own_person() -> None:
    text = (
        "President Obama urged black voters on Saturday to turn out in November. “My name may not be on "
        "the ballot,” Mr. Obama said. Later, Michelle Obama said the election was about the children."
    )
    assert speakers(text) == ["Obama", "Obama", "Michelle Obama"]  # "urged … to turn out" is a report too


def test_a_name_in_a_live_blog_entry_title_loses_the_verb_stuck_to_it() -> None:
    text = (
        "The Latest: candidates meet in New Hampshire\n\nThe debate opened with a question on taxes.\n\n"
        "Ted Cruz, Chris Christie Address Heroin Epidemic\n\nChris Christie said the epidemic was a "
        "disease. “We need treatment, not jail,” Christie said. The heroin crisis hit the state hard, and "
        "officials plan to address it."
    )
    assert speakers(text)[:2] == ["Chris Christie", "Chris Christie"]


def test_it_continues_the_institution_just_quoted_but_not_a_person() -> None:
    text = (
        "The city of Phoenix objected to the new campaign advertisement on Friday. The city said the ad "
        "used its logo without permission. It said the campaign had broken state law.\n\n"
        "Mayor Kate Gallego spoke later. She said the ad was misleading. It is worth noting that the ad "
        "ran only once, officials said."
    )
    # the impersonal "It is worth noting" comes after a person and names no one
    assert speakers(text) == ["The city", "The city", "Kate Gallego", "officials"]


def test_they_continues_the_group_just_quoted_unless_another_could_be_meant() -> None:
    text = (
        "Local business owners say the closure has already cost them customers. They added that the city "
        "had ignored their letters.\n\n"
        "Polls show that a majority of voters distrust the council. They said the bridge was a symbol of "
        "everything wrong with city hall."
    )
    # "they" after the polls could be the voters: it stays "They"
    assert speakers(text) == ["Local business owners", "Local business owners", "Polls", "They"]


def test_a_mislabelled_titled_name_is_a_person_a_pronoun_can_continue() -> None:
    # en_core_web_sm tags "Olaf Scholz" an organisation and the later "Scholz" a place
    text = (
        "President Joe Biden met Chancellor Olaf Scholz on Friday. The president said the alliance was "
        "strong. Scholz said Germany would increase spending. “We are united,” he said."
    )
    assert speakers(text) == ["Joe Biden", "Olaf Scholz", "Olaf Scholz"]


def test_a_surname_the_recognizer_missed_keeps_its_speaker_in_attention() -> None:
    # "Mendes" is tagged an organisation: she must still be the one "she" continues, not Ana Ortiz
    text = (
        '"We have never seen water this high," said Laura Mendes, a spokeswoman for the fire department. '
        'His neighbor, Ana Ortiz, said she had lost her car. "It\'s just a car," she said. '
        'Mendes said rescuers had pulled 40 people from cars. "Please do not drive through water," she said.'
    )
    assert speakers(text) == ["Laura Mendes", "Ana Ortiz", "Ana Ortiz", "Laura Mendes", "Laura Mendes"]


def test_he_goes_to_the_titled_man_the_recognizer_did_not_tag() -> None:
    text = (
        "Carlos Mendez said the vote was rushed. Superintendent Paul Reyes defended the process, saying the "
        "district had held nine public meetings. He said students would be moved to nearby schools."
    )
    assert speakers(text)[-1] == "Paul Reyes"


def test_people_named_together_speak_together() -> None:
    text = (
        "Board members Anne Fox and Derek Hall said in a joint statement that the vote was rushed. "
        "They added that they would appeal. Donald Trump and his campaign said the report was false."
    )
    quotes = extract(text).quotes
    assert [(q.speaker, q.speaker_type) for q in quotes] == [
        ("Anne Fox and Derek Hall", "group"),
        ("Anne Fox and Derek Hall", "group"),
        ("Donald Trump", "person"),  # a person and a common noun: the person's mention stays his own
    ]
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text.endswith("Derek Hall")


def test_the_president_is_not_the_vice_president_named_after_him() -> None:
    text = (
        "President Barack Obama opened the museum on Saturday. Vice President Joseph R. Biden Jr. spoke "
        "first. The museum, the president said, would make visitors face hard truths. "
        "The vice president said the day was long overdue."
    )
    assert speakers(text) == ["Barack Obama", "Joseph R. Biden Jr."]


def test_a_former_office_holder_is_not_the_one_in_office() -> None:
    text = (
        "President Barack Obama and former President Bill Clinton campaigned in Ohio on Monday. The former "
        "president said the race was close. The president said turnout would decide it."
    )
    assert speakers(text) == ["Bill Clinton", "Barack Obama"]
    # "former" before a role that is no office is incidental: the pollster is still the former pollster
    text = "Former Clinton pollster Douglas Schoen wrote a column. The pollster said Clinton could lose."
    assert speakers(text) == ["Douglas Schoen"]


def test_a_source_cited_by_its_role_and_name_is_the_named_person() -> None:
    text = (
        "According to the city's finance director, Priya Natarajan, the average homeowner will pay about "
        "$180 more a year. The mayor said the increase was modest."
    )
    assert speakers(text) == ["Priya Natarajan", "The mayor"]


def test_an_unnamed_speaker_keeps_the_description_it_was_introduced_by() -> None:
    text = (
        "A White House official, speaking on condition of anonymity, said the president would sign a "
        "compromise. The official declined to say which provisions the president favored. "
        "A woman at the rally said she was angry. The woman said she would vote anyway."
    )
    assert speakers(text) == [
        "A White House official",
        "A White House official",
        "A woman at the rally",
        "A woman at the rally",
    ]
    # nor what someone is said to be
    text = "He says Bush is “like a spoiled child” and “not a smart man.” Later, the man said he was tired."
    assert speakers(text)[-1] == "the man"
    # a description that says no more than "the spokesman", or none at all, stays as written
    assert speakers("A spokesman said talks would resume. The spokesman added that they would end.") == [
        "A spokesman",
        "The spokesman",
    ]


def test_a_final_s_that_possesses_nothing_is_part_of_the_name() -> None:
    assert speakers("A spokesperson for McDonald's said the company would raise wages.") == [
        "A spokesperson for McDonald's"
    ]
    assert speakers("Moody's said growth would slow. Trump's campaign said the poll was wrong.") == [
        "Moody's",
        "Trump's campaign",
    ]


def test_a_speaker_after_a_fronted_topic_and_before_a_relative_clause_is_the_speaker() -> None:
    text = (
        "“He’s funny,” New York attorney Eric Levine said of Trump. Of Carson, Levine, who has given "
        "money to Marco Rubio, said, “He’s flat-out scary. I think he’s a wonderful man.”"
    )
    assert speakers(text) == ["Eric Levine", "Eric Levine"]
    quote = extract(
        "According to two people familiar with the investigation, who spoke on condition of anonymity, "
        "investigators are focusing on a specialized unit."
    ).quotes[0]
    assert quote.speaker == "two people familiar with the investigation"  # not their relative clause


def test_a_titled_name_the_recognizer_tagged_with_its_title_as_a_work_is_a_person() -> None:
    # straight quotation marks before "Mayor Elena Marsh" make en_core_web_sm tag it WORK_OF_ART
    text = '"We will rebuild the bridge," Mayor Elena Marsh said. She added that taxes would not rise.'
    assert speakers(text) == ["Elena Marsh", "Elena Marsh"]


def test_a_full_name_tagged_as_no_person_is_the_person_its_surname_names() -> None:
    # en_core_web_sm tags "Marcus Reed" an organisation after "former player", "Reed" a person
    text = (
        '"He expected a lot from you," said former player Marcus Reed, now a college coach. Reed recalled '
        "that the coach drove him to practice every morning."
    )
    assert speakers(text) == ["Marcus Reed", "Marcus Reed"]


def test_a_nickname_in_quotation_marks_makes_no_mixed_quote() -> None:
    text = (
        'Friends remembered Harold "Hal" Jensen, who coached at Lincoln High School for 31 years, as a '
        "demanding but generous mentor."
    )
    assert [q.kind for q in extract(text).quotes] == ["indirect"]


def test_an_abbreviated_title_gives_the_role_a_later_description_names() -> None:
    text = (
        "Gov. Daniel Okafor ordered the first water cuts in a decade. Farmers were angry. "
        "The governor said he would decide in June whether to extend them."
    )
    assert speakers(text) == ["Daniel Okafor"]


def test_an_indefinite_role_is_someone_new() -> None:
    text = (
        "Senator Marco Rubio met the president on Thursday. "
        "A Democratic senator said Republicans had agreed to hold votes on background checks."
    )
    assert speakers(text) == ["A Democratic senator"]


def test_a_place_in_the_role_picks_the_holder_given_that_place() -> None:
    text = (
        "Florida Sen. Marco Rubio won the caucuses in Minnesota. "
        "Sen. Bernie Sanders won his home state. "
        "The Florida senator told reporters that he was looking ahead to the March 15 contest."
    )
    assert speakers(text) == ["Marco Rubio"]


def test_a_place_no_holder_was_given_resolves_to_no_one_named() -> None:
    text = (
        "Senator Joni Ernst campaigned in Iowa on Monday. "
        "The Florida senator told reporters that he felt good about his campaign."
    )
    assert speakers(text) == ["The Florida senator"]


def test_a_role_names_the_centre_of_the_discourse_over_a_holder_named_long_before() -> None:
    filler = "The campaign spent the week in small towns, where the crowds were larger than expected. " * 8
    text = (
        "Ted Cruz is running as an outsider. Cruz has spent months attacking the party's leaders. "
        "Sen. John McCain of Arizona lost a primary in 2000 after a flip-flop on the Confederate flag. "
        + filler
        + "Cruz appears in a new commercial. “I fought the amnesty plan,” the senator says."
    )
    assert speakers(text) == ["Ted Cruz"]


def test_a_role_names_its_holder_just_named_over_the_subject() -> None:
    text = (
        "Donald Trump attacked Sen. Ted Cruz at a rally on Monday. "
        "The senator said the attack showed that Trump was worried about Iowa."
    )
    # (whether "attacked Sen. Ted Cruz" is itself a report, as PolNeAR marks attacks, is the cue model's call)
    said = [q for q in extract(text).quotes if q.cue is not None and q.cue.text == "said"]
    assert [q.speaker for q in said] == ["Ted Cruz"]


def test_it_continues_the_institution_the_sentence_before_is_about() -> None:
    text = (
        "The port authority welcomed the agreement. In a statement, it said it expected the backlog to be "
        "cleared within ten days.\n\n"
        "The regulator published a report on Monday. It said prices had risen too fast.\n\n"
        "Analysts welcomed the cut. It's easy to be cynical about the deal, they said."
    )
    quotes = extract(text).quotes
    # "In a statement" makes "it" an issuer; a report between the regulator and "It" could be meant
    assert [(q.speaker, q.speaker_type) for q in quotes[:2]] == [
        ("The port authority", "organization"),
        ("It", "unknown"),
    ]
    assert all(q.speaker != "Analysts" or q.cue is None or q.cue.text != "cynical" for q in quotes)


def test_it_never_takes_a_person_or_a_subject_long_before() -> None:
    text = (
        "Ann Lee signed the order. It said the plant would close.\n\n"
        "The ministry met on Monday. The talks went on all night and the delegations argued over every "
        "clause of the text until the early hours, when the chairman finally called a pause and sent "
        "everyone home to sleep before a second round of talks that nobody expected to end soon. It said "
        "the deal was close."
    )
    assert [q.speaker for q in extract(text).quotes if q.cue is not None and q.cue.text == "said"] == [
        "It",
        "It",
    ]


def test_a_shared_surname_goes_to_the_namesake_the_paragraph_is_about() -> None:
    text = (
        "State Sen. Margaret Doyle accused her opponent of lying. Margaret Doyle said the record was clear. "
        "Doyle spoke in Nashua.\n\n"
        "Kevin Doyle, the Republican nominee, called the charge desperate. In an interview, he said the "
        "company had added jobs. “Margaret is behind and she knows it,” Doyle said.\n\n"
        "“He can't hide,” Doyle said."
    )
    # Margaret is named most; Kevin is the subject of the paragraph where "Doyle" speaks second. The
    # paragraph after names neither: the one named most.
    assert speakers(text) == [
        "Margaret Doyle",
        "Margaret Doyle",
        "Kevin Doyle",
        "Kevin Doyle",
        "Kevin Doyle",
        "Margaret Doyle",
    ]


def test_an_institution_named_beside_its_noun_is_an_organization_whatever_the_tagger_says() -> None:
    # a possessive inside the name keeps it a name
    (quote,) = extract(
        "The nurses' union, the Ontario Nurses' Association, said the hospital refused to talk."
    ).quotes
    assert (quote.speaker, quote.speaker_type) == ("the Ontario Nurses' Association", "organization")
    # "Unifor" is tagged a person, but the union it names is no one
    (quote,) = extract("The union, Unifor, said the plant would close.").quotes
    assert (quote.speaker, quote.speaker_type) == ("Unifor", "organization")


def test_a_role_set_off_beside_a_shared_surname_picks_its_holder() -> None:
    # "Adeyemi, the board chair," is the one introduced as board chair, not her brother named since
    text = (
        "Board chair Ngozi Adeyemi said the increase was needed.\n\n"
        "Her brother, Tunde Adeyemi, was less convinced. “The bill goes up and up,” he said.\n\n"
        "Adeyemi, the board chair, said she understood the frustration."
    )
    assert speakers(text) == ["Ngozi Adeyemi", "Tunde Adeyemi", "Ngozi Adeyemi"]


def test_a_headlines_bare_role_is_the_person_introduced_below_with_it() -> None:
    text = (
        "Mayor defends budget in heated town hall\n\n"
        "Mayor Grace Lindqvist faced tough questions from residents on Tuesday night. The mayor said the "
        "city would repave 40 miles of road this summer."
    )
    assert speakers(text) == ["Grace Lindqvist", "Grace Lindqvist"]
    # an indefinite role is no title of the one named below, but a lede's role the next paragraph names
    # its holder of (roles.named_below): the same person, unless the role's own sentence names her
    text = "A mayor defends his budget\n\nMayor Grace Lindqvist said the city would repave 40 miles of road."
    assert speakers(text) == ["Grace Lindqvist", "Grace Lindqvist"]
    text = "A mayor defends his budget\n\nThe council met.\n\nMayor Grace Lindqvist said it would repave."
    assert speakers(text)[0] == "A mayor"


def test_they_continues_the_group_the_sentence_before_is_about() -> None:
    text = "Health officials disagree. They say extra funding announced last month will cover the gap."
    assert speakers(text) == ["Health officials"]
    # things are no one who says: "they" stays as written
    text = "The results were mixed. They said turnout fell in every district."
    assert speakers(text) == ["They"]


def test_an_untagged_name_with_a_which_clause_is_an_institution() -> None:
    # in this context the recognizer tags "NHS Providers" as nothing; "which" says it is no person, and
    # the "it" after it continues it
    text = (
        "Hospital group warns of winter crisis\n\n"
        "NHS Providers, which represents hospital trusts in England, warned on Monday that emergency "
        "departments could face their worst winter on record. It said staff shortages had left many "
        'wards "running on fumes."'
    )
    got = [(q.speaker, q.speaker_type) for q in extract(text).quotes]
    assert got[-2:] == [("NHS Providers", "organization"), ("NHS Providers", "organization")]


def test_they_does_not_continue_a_subject_inside_a_quotation() -> None:
    text = (
        "The paper quotes the report: “In taking 129 lives, the attackers showed how deadly such weapons "
        "can be.” But they say the report leaves out a crucial point."
    )
    assert speakers(text)[-1] != "the attackers"


def test_he_goes_to_a_name_set_off_after_the_subjects_prepositional_phrase() -> None:
    text = (
        "Richard Moss, the regulator's director, said the fine was overdue. Harriet Lowe said the airline "
        "would appeal.\n\nMoss declined to comment on the appeal. Lowe's colleague at the airline, chief "
        "executive Tom Lowe, was not available for comment, but he told shareholders last month that the "
        'company "did everything it could."'
    )
    assert speakers(text)[-1] == "Tom Lowe"  # the parser hung him on "the airline"; Moss was the subject


def test_a_full_name_the_recognizer_retags_is_still_that_namesake() -> None:
    text = (
        '"They say they\'re listening," said Padraig Nolan, a fisherman. His brother, Declan Nolan, a '
        "marine biologist, was more measured.\n\nPadraig Nolan added that the fleet would keep protesting."
        '\n\n"It\'s a question of trust," Declan Nolan said.'  # a work of art to en_core_web_sm
    )
    assert speakers(text) == ["Padraig Nolan", "Padraig Nolan", "Declan Nolan"]


def test_a_hyphenated_surname_is_not_its_last_part() -> None:
    text = (
        'Sen. Maria Cantwell-Hayes said the rules would let "almost anyone" buy drones. Sen. James Hayes '
        'said they would hurt manufacturers.\n\n"This is a race to the bottom," Cantwell-Hayes said in an '
        'interview. Hayes called her concerns "overblown."'
    )
    assert speakers(text) == ["Maria Cantwell-Hayes", "James Hayes", "Maria Cantwell-Hayes", "James Hayes"]


def test_a_name_the_parser_made_the_root_still_holds_the_discourse() -> None:
    text = (
        'Ben Carson told reporters that the media was biased. "They never ask Hillary these questions," '
        "Carson said.\n\nDonald Trump, when asked about his own contradictions, often steam-rolls through "
        'the questions.\n\nFor example: "We made a terrible mistake getting involved in the first place," '
        "he told CNN in October."
    )
    got = extract(text).quotes
    assert [(q.cue.text if q.cue else None, q.speaker) for q in got][-2:] == [
        ("asked", None),  # the one asked is not who asked
        ("told", "Donald Trump"),  # "Trump" the parser's root, not the subject: he had gone to Carson
    ]


def test_sisters_who_share_a_hyphenated_surname_and_a_brother_named_alone() -> None:
    text = (
        "Adaeze Okafor-Lindqvist, 61, says her younger sister, Chioma, forged her signature. Chioma "
        'Okafor-Lindqvist denies it. "I have never signed anything in her name," she said.\n\n'
        '"She knew exactly what she was doing," Adaeze said.\n\nTheir brother, Emeka, said he had not '
        'spoken to either sister in months. "I love them both," he said.'
    )
    assert speakers(text)[-4:] == [
        "Chioma Okafor-Lindqvist",  # an organisation to the recognizer; her sister's quote before
        "Adaeze Okafor-Lindqvist",
        "Emeka",  # "Their brother" is the name set off after it
        "Emeka",
    ]


def test_she_continues_the_unnamed_speaker_just_before_but_not_past_a_named_one() -> None:
    text = (
        "The association's president, Beth Hanrahan, said auction houses were busy.\n\n"
        "A spokeswoman for the U.S. Department of Agriculture said the agency had approved emergency "
        'grazing. "We\'re doing what we can," she said.'
    )
    assert speakers(text)[1:] == [
        "A spokeswoman for the U.S. Department of Agriculture",
        "A spokeswoman for the U.S. Department of Agriculture",  # not Beth Hanrahan
    ]
    text = (
        "A reporter asked Governor Ana Ruiz how she was feeling on the last day of the campaign. "
        '"I am tired, but I am proud of this campaign," she said.'
    )
    assert speakers(text) == ["A reporter", "Ana Ruiz"]  # named since the reporter: she answers
    text = (
        "Northwind's chief executive, Paul Hendry, called the agreement fair.\n\n"
        "Some pilots were skeptical. One captain, who asked not to be named, said the raises barely kept "
        'pace with inflation. "It\'s better than nothing," he said, "but not by much."'
    )
    assert speakers(text)[1:] == ["One captain", "One captain"]  # not Paul Hendry


def test_a_surname_the_tagger_took_for_a_plural_noun_is_the_person() -> None:
    text = (
        "Veteran recalls collapse\n\nWalter Grimes was 19 when the old Carver Bridge collapsed beneath his "
        'truck. Both men survived. Grimes said he still dreams about the cold water, "every winter."'
    )
    got = [(q.speaker, q.speaker_type) for q in extract(text).quotes]
    assert got == [("Walter Grimes", "person")]  # "Grimes", tagged a plural noun, had been a group


def test_a_headlines_bare_title_the_recognizer_takes_for_a_name_is_its_holder() -> None:
    text = (
        "Pope urges leaders to act on climate\n\nVATICAN CITY — Pope Leo XIV on Sunday urged world leaders "
        'to take "courageous decisions" on climate change.\n\nSpeaking to crowds in St. Peter\'s Square, the '
        'pontiff said the Earth was "crying out."'
    )
    got = [(q.speaker_mention and q.speaker_mention.text, q.speaker) for q in extract(text).quotes]
    assert got[0] == ("Pope", "Leo XIV")  # had been "Pope": the recognizer tags the headline's title a person
    assert ("the pontiff", "Leo XIV") in got  # an epithet, as "he" would be


def test_a_role_whose_phrase_holds_an_institution_is_a_person() -> None:
    text = (
        "Pool to close\n\nCouncil leader Rachel Hunt's spokesman said she had “every sympathy” with "
        "swimmers. But she would not “sign a blank cheque,” he said."
    )
    got = [(q.speaker, q.speaker_type) for q in extract(text).quotes]
    assert got == [("Council leader Rachel Hunt's spokesman", "person")] * 2  # had been an organization
