"""Build tests/data/fixtures.jsonl: hand-written news-style texts, one phenomenon each, with gold quotes.

Offsets are never typed by hand: each quote is given by its content text (and its cue word), located with
str.find, and verified (direct content must sit between quotation marks, cues outside the content,
speakers and aliases must be named in the text, no ambiguous bare surname as alias). Run it after editing
a text; `--check` fails if fixtures.jsonl is not what this script would write (the test suite runs that).

The texts are invented. Conventions follow PolNeAR (shared/data/polnear/README.txt): direct content is
what is inside the marks; indirect and mixed content is the reported clause including "that"; a quote
interrupted by its attribution is one quote with two spans; a quote reopened over paragraphs is one quote.
Speakers are entity-level: the fullest name the text gives, or the descriptive phrase for a group or an
institution; a pronoun or role resolves to its antecedent where the text gives one.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("fixtures.jsonl")
OPEN_MARKS = "\"“‘«'"  # ' for two-apostrophe quotation marks
CLOSE_MARKS = "\"”’»'"


@dataclass
class Q:
    """A gold quote by its text: `content` (list = discontinuous fragments, in order), kind, speaker, cue."""

    content: str | list[str]
    kind: str
    speaker: str  # "" where the text names no source (the question put in "X, asked whether …, said")
    cue: str
    aliases: list[str] = field(default_factory=list)
    occurrence: int | None = None  # which occurrence of the (first) fragment, 1-based; needed if repeated
    unclosed: bool = False  # a direct quote whose closing mark is missing: it runs to the paragraph end
    turn: bool = False  # a transcript turn: the words after a speaker label ("HOLT: …"), no marks


@dataclass
class F:
    id: str
    phenomenon: str
    text: str
    quotes: list[Q] = field(default_factory=list)


FIXTURES = [
    F("straight_double_quotes", "straight double quotation marks",
      "County finance director Helen Marsh presented the library plan on Monday. The county will close two "
      'branch libraries next spring. "We simply cannot keep every building open on this budget," Marsh said. '
      "The two branches lend about 90,000 books a year.",
      [Q("We simply cannot keep every building open on this budget,", "direct", "Helen Marsh", "said")]),
    F("curly_double_quotes", "curly double quotation marks",
      "The Riverside Hawks lost their third straight game on Saturday, falling 28-7 at home. “We played "
      "scared for four quarters,” coach Tom Becker said after the game. The team hosts Lakeview next week.",
      [Q("We played scared for four quarters,", "direct", "Tom Becker", "said", ["coach Tom Becker"])]),
    F("single_curly_quotes", "single curly quotation marks (British style)",
      "Rail fares will rise by 4 per cent in January. Priya Nair chairs the commuter "
      "group Fair Fares. ‘Passengers are being asked to pay more for a service that keeps getting worse,’ "
      "Ms Nair said. The first new trains are due in 2027.",
      [Q("Passengers are being asked to pay more for a service that keeps getting worse,", "direct",
         "Priya Nair", "said", ["Ms Nair"])]),
    F("two_apostrophes", "two apostrophes as double quotation marks (newspaper archive text)",
      "The county's new budget cuts road repair by a third. ''We're patching the same potholes every "
      "spring,'' said Dana Whitfield, the county's highway superintendent. ''It's money thrown in a hole.''\n\n"
      "Commissioners will vote on the budget next week.",
      [Q(["We're patching the same potholes every spring,", "It's money thrown in a hole."], "direct",
         "Dana Whitfield", "said")]),
    F("guillemets", "guillemets as quotation marks",
      "The trade talks in Geneva ended on Thursday without a deal. «We will not sign this agreement in its "
      "current form,» Foreign Minister Luca Bianchi told the assembly. The next round of talks opens in "
      "April.",
      [Q("We will not sign this agreement in its current form,", "direct", "Luca Bianchi", "told",
         ["Foreign Minister Luca Bianchi"])]),
    F("nested_quotes", "single quotes nested inside a double-quoted quote (one quote)",
      "Rosa Delgado has lived in the building on Pine Street for 11 years. Last week she found an eviction "
      "letter under her door. “The letter said ‘final notice,’ but nobody had ever sent us a first one,” "
      "Delgado said.",
      [Q("The letter said ‘final notice,’ but nobody had ever sent us a first one,", "direct",
         "Rosa Delgado", "said")]),
    F("unbalanced_quote", "opening mark without a closing mark: the quote runs to the paragraph end",
      "Shops on Elm Street have lost customers since the roadwork began in May.\n\nBakery owner Sam "
      "Whitfield told the council on Tuesday: “We lost our lunch crowd in the first week and nobody from the "
      "city has called us back.\n\nThe work is scheduled to finish in October.",
      [Q("We lost our lunch crowd in the first week and nobody from the city has called us back.", "direct",
         "Sam Whitfield", "told", ["Bakery owner Sam Whitfield"], unclosed=True)]),
    F("interrupted_quote", "a direct quote interrupted by its attribution (one quote, two spans)",
      "Karen Liu manages the Fairview paper mill, which employs 300 people. “The mill will stay open through "
      "the winter,” Karen Liu said, “but after March I cannot promise anything.” The mill has made paper "
      "in Fairview since 1952.",
      [Q(["The mill will stay open through the winter,", "but after March I cannot promise anything."],
         "direct", "Karen Liu", "said")]),
    F("interrupted_quote_short_resumption", "a quote interrupted by its attribution and resumed with a few "
      "words (one quote, two spans, however short the second)",
      "Governor Paul Denton campaigned in Dayton on Monday night. \"My record speaks for itself,\" he said, "
      "\"and so does hers.\" The two candidates meet again next week.",
      [Q(["My record speaks for itself,", "and so does hers."], "direct", "Paul Denton", "said")]),
    F("multi_paragraph_quote", "one quote over several paragraphs, reopened at each, closed at the end; "
      "one fragment a paragraph, as PolNeAR gives them (the reopening mark is no content)",
      "Retired teacher Walter Green told the school board on Thursday:\n\n“I taught in this district for 34 "
      "years, and I have never seen morale this low.\n\n“Teachers are leaving for districts that pay more "
      "and ask less. If the board does nothing, the best of them will be gone within two years.”\n\nThe "
      "board will vote on the new contract next month.",
      [Q(["I taught in this district for 34 years, and I have never seen morale this low.", "Teachers are "
          "leaving for districts that pay more and ask less. If the board does nothing, the best of them "
          "will be gone within two years."], "direct", "Walter Green", "told",
         ["Retired teacher Walter Green"])]),
    F("colon_introduction", "speaker before the quote, introduced with a colon",
      "The state published its hospital figures on Monday. Health Minister Ingrid Solberg said: “The "
      "waiting lists are too long, and we know it.” The ministry will hire 400 nurses this year.",
      [Q("The waiting lists are too long, and we know it.", "direct", "Ingrid Solberg", "said",
         ["Health Minister Ingrid Solberg"])]),
    F("speaker_after_quote", "speaker named after the quote",
      "A fire destroyed a warehouse near the port late Tuesday. “Nobody was hurt, and that is what matters "
      "tonight,” Fire Chief Alan Brooks said. The cause of the fire is under investigation.",
      [Q("Nobody was hurt, and that is what matters tonight,", "direct", "Alan Brooks", "said",
         ["Fire Chief Alan Brooks"])]),
    F("inverted_cue", "inverted cue: said X, a detective with …",
      "Police have made no arrests in the jewellery store robbery on Main Street. “We are following several "
      "leads and expect to make arrests soon,” said Mark Ortiz, a detective with the Harbor City Police "
      "Department.",
      [Q("We are following several leads and expect to make arrests soon,", "direct", "Mark Ortiz", "said")]),
    F("appositive", "appositive between speaker and cue: X, the ministry's press secretary, said",
      "Negotiators left Vienna on Tuesday without an agreement. Lena Fischer, the ministry’s press "
      "secretary, said the talks would resume on Friday. Both sides have sent new proposals.",
      [Q("the talks would resume on Friday", "indirect", "Lena Fischer", "said")]),
    F("role_with_antecedent", "role noun as speaker, resolved to the person named before",
      "Maria Kowalski is the spokeswoman for the state transportation department. Crews finished the last "
      "inspection of the Cedar River bridge on Sunday. “The bridge will reopen to traffic on Monday "
      "morning,” the spokeswoman said.",
      [Q("The bridge will reopen to traffic on Monday morning,", "direct", "Maria Kowalski", "said")]),
    F("role_without_antecedent", "role noun as speaker with no named antecedent: the mention is the speaker",
      "Video of the oil spill near Gull Point spread quickly online over the weekend. “We are reviewing the "
      "footage and will respond in due course,” a spokeswoman for the agency said. Cleanup crews arrived "
      "on Sunday.",
      [Q("We are reviewing the footage and will respond in due course,", "direct",
         "a spokeswoman for the agency", "said")]),
    F("pronoun_speaker", "pronoun as speaker, resolved to the person named before",
      "Olivia Grant lost her job at the distribution centre in March. Since then she has applied for "
      "dozens of positions. “I sent out 60 applications and heard back from two,” she said in an email.",
      [Q("I sent out 60 applications and heard back from two,", "direct", "Olivia Grant", "said")]),
    F("pronoun_after_named_content", "a pronoun continues the speaker, not a person named inside the speaker's words",
      "White House spokesman Josh Earnest said Monday that President Barack Obama has long called for tax "
      "fairness. He said the president hopes his successor will push for the same goals.",
      [Q("that President Barack Obama has long called for tax fairness", "indirect", "Josh Earnest", "said"),
       Q("the president hopes his successor will push for the same goals", "indirect", "Josh Earnest", "said")]),
    F("pronoun_gender", "a pronoun goes to the person of its gender, here the one named in the report",
      "Governor Daniel Ortiz said Senator Maria Chen had misled voters about the budget. She said the "
      "numbers from the governor were simply wrong.",
      [Q("Senator Maria Chen had misled voters about the budget", "indirect", "Daniel Ortiz", "said"),
       Q("the numbers from the governor were simply wrong", "indirect", "Maria Chen", "said")]),
    F("shared_surname", "two people share a surname: the bare surname is the one the discourse is about",
      "Daniel Lopez moved to Denver last year, and his sister Maria Lopez now runs the family restaurant "
      "alone. She still opens the kitchen at six every morning. “Every dish on the menu is still our "
      "mother’s recipe,” Lopez said.",
      [Q("Every dish on the menu is still our mother’s recipe,", "direct", "Maria Lopez", "said")]),
    F("father_and_son", "a father and a son share a name: the suffix tells them apart",
      "Robert Hale Jr. announced on Monday that he would run for the state Senate. His father, the former "
      "governor Robert Hale, said the decision was his son alone to make. “I will not campaign for anyone,” Hale "
      "Jr. told reporters.",
      [Q("that he would run for the state Senate", "indirect", "Robert Hale Jr.", "announced"),
       Q("the decision was his son alone to make", "indirect", "Robert Hale", "said",
         ["the former governor Robert Hale"]),
       Q("I will not campaign for anyone,", "direct", "Robert Hale Jr.", "told")]),
    F("namesake_introduced_late", "a second person with the same surname, named after the first is quoted",
      "Energy Minister Tom Reyes visited the plant on Tuesday. “We are not going to hide anything,” Reyes "
      "said. Environmental groups were not convinced. “This is a cover-up,” said Ana Reyes, a director at "
      "Green Watch.",
      [Q("We are not going to hide anything,", "direct", "Tom Reyes", "said", ["Energy Minister Tom Reyes"]),
       Q("This is a cover-up,", "direct", "Ana Reyes", "said")]),
    F("namesakes_unlisted_first_names", "siblings share a surname and have first names in no list; the "
      "recognizer tags one of them a place",
      "Board chair Ngozi Adeyemi said the increase was needed to replace pipes laid in the 1950s.\n\n"
      "Her brother, Tunde Adeyemi, who runs a bakery on Main Street, was less convinced. “Every month the "
      "bill goes up and the water tastes the same,” he said.\n\n"
      "Adeyemi, the board chair, said she understood the frustration. She added that low-income households "
      "could apply for a discount.",
      [Q("the increase was needed to replace pipes laid in the 1950s", "indirect", "Ngozi Adeyemi", "said",
         ["Board chair Ngozi Adeyemi"]),
       Q("Every month the bill goes up and the water tastes the same,", "direct", "Tunde Adeyemi", "said"),
       Q("she understood the frustration", "indirect", "Ngozi Adeyemi", "said"),
       Q("that low-income households could apply for a discount", "indirect", "Ngozi Adeyemi", "added")]),
    F("full_name_in_first_sentence", "a first line in sentence case names the speaker in full; the body "
      "then uses an honorific and the surname",
      "The health secretary, Priya Shah, defended the plan on Tuesday.\n\n"
      "‘We will not back down,’ Ms. Shah told the BBC.",
      [Q("the plan", "indirect", "Priya Shah", "defended"),
       Q("We will not back down,", "direct", "Priya Shah", "told")]),
    F("institution_speaker", "institution as speaker",
      "A rocket attack hit a coalition base in the region early Friday. The Pentagon said two service "
      "members were slightly injured. Both have returned to duty.",
      [Q("two service members were slightly injured", "indirect", "The Pentagon", "said")]),
    F("institution_coreference", "an institution named in full, then by a short name and as \"the company\": "
      "each is the full name, not the ministry named between",
      "Regulators fined Nordlink Systems 1.2 billion euros on Monday over data transfers. Nordlink said it "
      "would appeal. The Ministry of Justice said the ruling was final. The fine was unjustified, the "
      "company said in a statement.",
      [Q("it would appeal", "indirect", "Nordlink Systems", "said"),
       Q("the ruling was final", "indirect", "The Ministry of Justice", "said"),
       Q("The fine was unjustified", "indirect", "Nordlink Systems", "said", occurrence=1)]),
    F("institution_appositive", "an institution's name set off after a common noun names the speaker",
      "The tower would rise 40 stories over the harbor. The developer, Bayline Partners, said in a "
      "statement that it had already lowered the building twice.",
      [Q("that it had already lowered the building twice", "indirect", "Bayline Partners", "said")]),
    F("institution_description", "a bare institution noun continues the fuller description before it",
      "Germany will keep two reactors on standby until April, the economy ministry said on Tuesday. The "
      "ministry said a stress test of the grid had shown that shortages could not be ruled out.",
      [Q("Germany will keep two reactors on standby until April", "indirect", "the economy ministry", "said"),
       Q("a stress test of the grid had shown that shortages could not be ruled out", "indirect",
         "the economy ministry", "said")]),
    F("parenthetical_one_word_subject", "an attribution set off inside its content after a one-word subject",
      "Consumer prices rose 0.4 percent in May. Inflation, the central bank said, will peak this year. "
      "Fuel, the bank noted, has already begun to get cheaper. Wages, the bank said in its report, will "
      "rise more slowly.",
      [Q(["Inflation", "will peak this year"], "indirect", "the central bank", "said"),
       Q(["Fuel", "has already begun to get cheaper"], "indirect", "the central bank", "noted"),
       Q(["Wages", "will rise more slowly"], "indirect", "the central bank", "said")]),
    F("narrated_speaker", "a stand-alone quotation after a sentence about its speaker, with no cue of its own",
      "Two candidates debated the school budget on Tuesday night. \"We can fund every teacher without "
      "raising taxes,\" said Tom Brandt, the incumbent. His challenger, Ann Moreno, laughed. \"Show me the "
      "numbers.\"\n\nBrandt did not answer. The moderator, Lisa Grant, moved on. \"Next question.\"",
      [Q("We can fund every teacher without raising taxes,", "direct", "Tom Brandt", "said"),
       Q("Show me the numbers.", "direct", "Ann Moreno", "laughed"),
       Q("Next question.", "direct", "Lisa Grant", "moved on")]),
    F("it_after_institution_subject", "\"it\" speaking for the institution the sentence before is about",
      "Dock workers returned to work on Monday after a three-week strike. The port authority welcomed the "
      "agreement. In a statement, it said it expected the backlog to be cleared within ten days.",
      [Q("it expected the backlog to be cleared within ten days", "indirect", "The port authority", "said")]),
    F("occasion_that_clause", "a that-clause after the place or occasion of the speech",
      "The former mayor was convicted of bribery on Friday. His lawyer, Dana Whitfield, told reporters outside "
      "the courthouse that the jury had erred.",
      [Q("that the jury had erred", "indirect", "Dana Whitfield", "told")]),
    F("group_speaker", "group as speaker (present tense say)",
      "The drone struck a fuel depot near the border on Wednesday night. U.S. officials say the drone was "
      "launched from inside the country. The border area has been tense for months.",
      [Q("the drone was launched from inside the country", "indirect", "U.S. officials", "say")]),
    F("indirect_say_no_that", "indirect quote with say and no complementizer",
      "Heavy rain is forecast for the weekend. Deputy Mayor Chris Patel said the parade would go ahead as "
      "planned. About 50,000 people watched the parade last year.",
      [Q("the parade would go ahead as planned", "indirect", "Chris Patel", "said",
         ["Deputy Mayor Chris Patel"])]),
    F("said_that", "indirect quote with said that",
      "Fuel prices in the state are the highest in a decade. Governor Elaine Park said that the state would "
      "not raise fuel taxes this year. Lawmakers return to the capital in January.",
      [Q("that the state would not raise fuel taxes this year", "indirect", "Elaine Park", "said",
         ["Governor Elaine Park"])]),
    F("according_to", "attribution with according to",
      "Three people were arrested after the protest outside city hall turned violent, according to Sheriff "
      "Dale Hunt. The protest had been peaceful for most of the afternoon.",
      [Q("Three people were arrested after the protest outside city hall turned violent", "indirect",
         "Dale Hunt", "according to", ["Sheriff Dale Hunt"])]),
    F("statement_that", "said in a statement that",
      "Storms grounded hundreds of flights across the region on Sunday. Northwind Airlines said in a "
      "statement that it would refund every passenger on the cancelled flights. Other carriers offered "
      "vouchers.",
      [Q("that it would refund every passenger on the cancelled flights", "indirect", "Northwind Airlines",
         "said")]),
    F("told_reporters_that", "told reporters that",
      "The farm bill faces a close vote in the Senate next week. Senator Rachel Adams told reporters that "
      "she would vote against the bill. The vote is set for Thursday.",
      [Q("that she would vote against the bill", "indirect", "Rachel Adams", "told",
         ["Senator Rachel Adams"])]),
    F("tweeted", "tweeted as a cue",
      "The committee held its third hearing on the stadium deal on Friday. Representative Mike Dunn tweeted "
      "that the hearing was a waste of taxpayer money. The committee meets again in two weeks.",
      [Q("that the hearing was a waste of taxpayer money", "indirect", "Mike Dunn", "tweeted",
         ["Representative Mike Dunn"])]),
    F("wrote", "wrote as a cue",
      "A water main broke under Lincoln Elementary School on Thursday morning. In a letter to parents, "
      "principal Susan Hale wrote that classes would move to the public library until the repairs were "
      "done.",
      [Q("that classes would move to the public library until the repairs were done", "indirect",
         "Susan Hale", "wrote", ["principal Susan Hale"])]),
    F("mixed_quote", "a reported clause with a quoted fragment (one mixed quote)",
      "The zoning proposal would allow taller buildings near the river. Councilman Greg Foster said the "
      "proposal was “dead on arrival” and would not get a vote this year. The river district has grown "
      "by 3,000 residents since 2020.",
      [Q("the proposal was “dead on arrival” and would not get a vote this year", "mixed", "Greg Foster",
         "said", ["Councilman Greg Foster"])]),
    F("title_in_quotes", "a film title in quotation marks: no quote",
      "The Palace cinema on Front Street reopened on Saturday after a two-year renovation. For its first "
      "night, the cinema showed “Gone with the Wind” again, as it did when it opened in 1940. Tickets sold "
      "out in an hour.",
      []),
    F("scare_quotes", "scare quotes: no quote",
      "The city council approved the so-called “reform” of the parking rules on Tuesday. Under the new "
      "rules, downtown meters will run until 10 p.m. and fines will double.",
      []),
    F("declined_to_comment", "declined to comment: no quote",
      "A former employee has sued Brightline Logistics for unpaid overtime. The lawsuit was filed in federal "
      "court on Monday. A spokesman for the company declined to comment.",
      []),
    F("journalist_narration", "journalist narration only: no quote",
      "The old ferry terminal on the east bank closed for good on Sunday. For 60 years, boats left the dock "
      "every half hour for the island. The last crossing carried 41 passengers and two dogs. The building "
      "will be demolished in the spring.",
      []),
    F("hard_line_wraps", "scraped text with line breaks inside sentences",
      "The water utility will raise rates by 8 percent\nnext year to pay for pipe repairs. “We have put off "
      "the\nrepairs for far too long,” utility director Nora\nQuinn said at a public hearing on Monday. The "
      "board\nwill vote on the increase in December.",
      [Q("We have put off the\nrepairs for far too long,", "direct", "Nora Quinn", "said",
         ["utility director Nora Quinn"])]),
    F("missing_space_before_mark", "no space before an opening quotation mark",
      "The city named Victor Hayes its new police chief on Wednesday. Councilwoman Beth Carter said she "
      "knows him“fairly well” from their years on the school board. Hayes starts on March 1.",
      [Q("she knows him“fairly well” from their years on the school board", "mixed", "Beth Carter", "said",
         ["Councilwoman Beth Carter"])]),
    F("blog_boilerplate", "blog boilerplate after the article: no quote in it",
      "Posted by Harbor Watch\n\nThe harbor commission approved the new ferry schedule on Tuesday. “This "
      "gives commuters four more boats a day,” commission chair Frank Ellis said.\n\nNo comments:\n\nPost a "
      "Comment\n\nNewer Post Older Post Home",
      [Q("This gives commuters four more boats a day,", "direct", "Frank Ellis", "said",
         ["commission chair Frank Ellis"])]),
    F("duplicated_paragraph", "a paragraph duplicated by the scraper: its quote counts once, at the first",
      "The city museum will reopen its east wing in June after three years of restoration.\n\n“The work took "
      "longer than anyone expected, but the ceilings look the way they did in 1890,” curator Amelia Stone "
      "said.\n\n“The work took longer than anyone expected, but the ceilings look the way they did in 1890,” "
      "curator Amelia Stone said.\n\nTickets go on sale next month.",
      [Q("The work took longer than anyone expected, but the ceilings look the way they did in 1890,",
         "direct", "Amelia Stone", "said", ["curator Amelia Stone"], occurrence=1)]),
    F("transcript_turns", "an interview transcript: speaker labels, no speech verbs, no quotation marks "
      "(`indirect` by EVAL.md's definition of kind, though verbatim)",
      "Governor Dana Whitfield appeared on a Sunday morning television program this week.\n\n"
      "Partial transcript:\n\nHOLT: Governor, farmers say the rules will cost them their harvest. Are they "
      "wrong?\n\nWHITFIELD: They are not wrong to worry. But the reservoirs are at a third of capacity, and "
      "we cannot wait another summer.\n\nHOLT: Will you delay the rules?\n\nWHITFIELD: No. The rules take "
      "effect on July 1.\n\nThe legislature returns in January.",
      [Q("Governor, farmers say the rules will cost them their harvest. Are they wrong?", "indirect", "Holt",
         ":", turn=True),
       Q("They are not wrong to worry. But the reservoirs are at a third of capacity, and we cannot wait "
         "another summer.", "indirect", "Dana Whitfield", ":", turn=True),
       Q("Will you delay the rules?", "indirect", "Holt", ":", turn=True),
       Q("No. The rules take effect on July 1.", "indirect", "Dana Whitfield", ":", turn=True)]),
    F("characterisation_as", "a characterisation in quoted words after \"as\", by a verb outside the speech "
      "lexicon and by \"referred to\" (mixed); the time spent is not the speaker",
      "The race for the Third District seat turned bitter this week. State Senator Laura Quinn has spent "
      "weeks portraying her opponent, Victor Hale, as a “career opportunist.” Hale, a businessman, referred "
      "to Quinn as “a rubber stamp for the governor” at a debate on Tuesday. The election is on Nov. 8.",
      [Q("her opponent, Victor Hale, as a “career opportunist.”", "mixed", "Laura Quinn", "portraying",
         ["State Senator Laura Quinn"]),
       Q("Quinn as “a rubber stamp for the governor”", "mixed", "Victor Hale", "referred")]),
    F("office_ranks", "a title with a rank is another office: \"the president\" is not the vice president "
      "named after him, \"the former president\" is the former one",
      "President Barack Obama and Vice President Joseph R. Biden Jr. opened the museum on Saturday, joined by "
      "former President Bill Clinton. The president said the museum would make visitors face hard truths. "
      "The vice president said the day was long overdue. The former president said he had waited years "
      "for it.",
      [Q("the museum would make visitors face hard truths", "indirect", "Barack Obama", "said"),
       Q("the day was long overdue", "indirect", "Joseph R. Biden Jr.", "said"),
       Q("he had waited years for it", "indirect", "Bill Clinton", "said")]),
    F("unnamed_speaker_description", "an unnamed speaker keeps the description that introduced it: \"the "
      "official\" is \"A White House official\"",
      "The White House and Senate leaders met for three hours on Monday. A White House official, speaking "
      "on condition of anonymity, said the president would sign a compromise. The official declined to "
      "say which provisions the president favored.",
      [Q("the president would sign a compromise", "indirect", "A White House official", "said"),
       Q("to say which provisions the president favored", "indirect", "A White House official",
         "declined")]),
    F("according_to_role_and_name", "\"according to\" a role and a name set off after it: the person named",
      "Property taxes in Millbrook will rise next year. According to the city's finance director, Priya "
      "Natarajan, the average homeowner will pay about $180 more.",
      [Q("the average homeowner will pay about $180 more", "indirect", "Priya Natarajan", "According to")]),
    F("q_and_a_interview", "a published Q&A: the interviewer's \"Q:\" turns are no quotes, the named "
      "answers are the interviewee's",
      "Dr. Alicia Moreno took over as superintendent in July. She spoke with the Gazette last week.\n\n"
      "Q: What is your first priority?\n\nMORENO: Reading. Our third-grade reading scores are the lowest in "
      "the region.\n\nQ: Will you close schools?\n\nMORENO: I will not rule anything out.\n\n"
      "The school board meets on Monday.",
      [Q("Reading. Our third-grade reading scores are the lowest in the region.", "indirect",
         "Alicia Moreno", ":", turn=True),
       Q("I will not rule anything out.", "indirect", "Alicia Moreno", ":", turn=True)]),
    F("passive_naming", "a name given in quotation marks by a passive naming verb: the subject and the name "
      "(mixed), the agent its source",
      "The plan to merge the two school districts was unveiled on Friday. It was described as “reckless” "
      "by the teachers' union president, Tom Hale. Parents will hold a meeting next week.",
      [Q(["It", "as “reckless”"], "mixed", "Tom Hale", "described")]),
    F("abbreviated_institution", "an institution named in full, then by its initials or a clipped word: "
      "the full name",
      "The Federal Reserve left interest rates unchanged on Wednesday. The Fed said inflation had eased "
      "over the summer. Separately, the Environmental Protection Agency proposed tighter limits on soot. "
      "The EPA said the rule would prevent thousands of premature deaths a year.",
      [Q("inflation had eased over the summer", "indirect", "The Federal Reserve", "said"),
       Q("tighter limits on soot", "indirect", "the Environmental Protection Agency", "proposed"),
       Q("the rule would prevent thousands of premature deaths a year", "indirect",
         "the Environmental Protection Agency", "said")]),
    F("relative_clause_report", "a report in a relative clause on another report's object: the pronoun "
      "and the clause after the cue, in two fragments; the object's report ends before it",
      "Councilwoman Rosa Diaz criticized the new parking fees, which she said would drive shoppers out of "
      "downtown. The council votes on Thursday.",
      [Q("the new parking fees", "indirect", "Rosa Diaz", "criticized"),
       Q(["which", "would drive shoppers out of downtown"], "indirect", "Rosa Diaz", "said")]),
    F("brothers_full_name_retagged", "brothers who share a surname; the second one's full name, tagged a "
      "work of art after the closing mark, is still him",
      'Fishermen were unimpressed. "They say they\'re listening, but they\'ve said that before," said Padraig '
      "Nolan, who has fished out of Cobh for 31 years. His brother, Declan Nolan, a marine biologist at "
      "University College Cork, was more measured.\n\nPadraig Nolan added that the fleet would keep "
      'protesting until the plan was scrapped.\n\n"It\'s a question of trust," Declan Nolan said.',
      [Q("They say they're listening, but they've said that before,", "direct", "Padraig Nolan", "said"),
       Q("that the fleet would keep protesting until the plan was scrapped", "indirect", "Padraig Nolan",
         "added"),
       Q("It's a question of trust,", "direct", "Declan Nolan", "said")]),
    F("hyphenated_surname_namesake", "a hyphenated surname beside a person named by its last part: "
      "'Cantwell-Hayes' is not 'Hayes'",
      'Sen. Maria Cantwell-Hayes said the rules would let "almost anyone" buy drones. Sen. James Hayes said '
      'they would hurt manufacturers.\n\n"This is a race to the bottom," Cantwell-Hayes said in an interview. '
      'Hayes called her concerns "overblown."',
      [Q('the rules would let "almost anyone" buy drones', "mixed", "Maria Cantwell-Hayes", "said"),
       Q("they would hurt manufacturers", "indirect", "James Hayes", "said"),
       Q("This is a race to the bottom,", "direct", "Maria Cantwell-Hayes", "said"),
       Q('her concerns "overblown."', "mixed", "James Hayes", "called")]),
    F("participle_after_subject", "a participle set off after the subject, then the speech verb "
      "(the parser reads the participle as the verb); a namesake named in between",
      "Competition Commissioner Ines Vermeulen fined the company on Monday. Her predecessor, Karl "
      "Vermeulen, had approved the deal. Ines Vermeulen, pressed on the timing of the fine, said: \"We "
      'acted as soon as we knew."',
      [Q("We acted as soon as we knew.", "direct", "Ines Vermeulen", "said")]),
    F("absolute_with_clause", "a report inside an absolute 'with X doing' clause after a verb that reports "
      "nothing",
      "The two candidates for governor clashed repeatedly over school funding on Tuesday night, with "
      'Republican Dale Whitaker accusing his opponent of "writing checks the state can\'t cash."',
      [Q('his opponent of "writing checks the state can\'t cash."', "mixed", "Dale Whitaker", "accusing")]),
    F("wire_ministry_and_counterpart", "a definite institution noun continuing the fuller description before "
      "it (its adjective tagged a name); a person's given names the recognizer left out",
      "NAIROBI, Kenya (AP) — Kenya and Tanzania have agreed to reopen the Namanga border crossing, Kenya's "
      "foreign ministry said Sunday.\n\nThe ministry said in a statement that trucks would be allowed "
      "through from Monday morning.\n\nKenyan President William Ruto attended the signing. His Tanzanian "
      "counterpart, Samia Suluhu Hassan, said the two countries would set up a joint health task force.",
      [Q("Kenya and Tanzania have agreed to reopen the Namanga border crossing", "indirect",
         "Kenya's foreign ministry", "said"),
       Q("that trucks would be allowed through from Monday morning", "indirect", "Kenya's foreign ministry",
         "said", occurrence=None),
       Q("the two countries would set up a joint health task force", "indirect", "Samia Suluhu Hassan",
         "said")]),
    F("colon_block_paragraph", "a speech verb's colon ending its paragraph introduces the paragraph below, "
      "printed without marks (a block quote, an embedded post): indirect by EVAL.md's definition",
      "Sen. Harriet Oyelaran spent Tuesday at home in Baltimore. In a post on X, she wrote:\n\nThis plan "
      "spends $40 billion and does not add a single new bus route. Marylanders deserve better.\n\nThe "
      "Transportation Department will hold a hearing on the plan next week.",
      [Q("This plan spends $40 billion and does not add a single new bus route. Marylanders deserve better",
         "indirect", "Harriet Oyelaran", "wrote")]),
    F("anonymous_source_beside_a_role_holder", "an anonymous source introduced by 'One' whose role a named "
      "person holds, then 'he said': someone new, not the named captain nor the man named before",
      "Northwind's chief executive, Paul Hendry, called the agreement fair. Captain Renee Oduya, who chairs "
      "the union's Northwind branch, said members would vote on it in January.\n\nSome pilots were "
      "skeptical. One captain, who asked not to be named, said the raises barely kept pace with inflation. "
      '"It\'s better than nothing," he said, "but not by much."',
      [Q("the agreement fair", "indirect", "Paul Hendry", "called"),
       Q("members would vote on it in January", "indirect", "Renee Oduya", "said"),
       Q("the raises barely kept pace with inflation", "indirect", "One captain", "said"),
       Q(["It's better than nothing,", "but not by much."], "direct", "One captain", "said", occurrence=None)]),
    F("fuller_namesake_and_misread_institution", "a fuller name set off after a bare surname a named person "
      "shares ('A second Van der Berg, Anouk van der Berg,'); a company the recognizer calls a person, set "
      "off after 'The drugmaker', later 'the company'",
      '"We have been patient for two years," said Joost van der Berg, who chairs the dockers\' section. A '
      "second Van der Berg, Anouk van der Berg, who runs a logistics firm, said her trucks had been idle "
      "since Thursday.\n\nThe drugmaker, Halcyon Pharma, said the medication was safe when used as "
      'directed. "Millions of patients rely on this treatment," the company said.',
      [Q("We have been patient for two years,", "direct", "Joost van der Berg", "said"),
       Q("her trucks had been idle since Thursday", "indirect", "Anouk van der Berg", "said"),
       Q("the medication was safe when used as directed", "indirect", "Halcyon Pharma", "said"),
       Q("Millions of patients rely on this treatment,", "direct", "Halcyon Pharma", "said")]),
    F("british_single_quotes_and_reported_future", "British single quotes around a phrase opening like an "
      "elision ('nothing …'); a past modal coordinated with the cue goes on with the report",
      "LONDON — The environment secretary, Steve Barclay, has rejected calls to resign, insisting he had "
      "'nothing to apologise for'.\n\nIn Brussels, the European Commission said it was 'in contact with "
      "the company' and would examine whether EU rules had been breached.",
      [Q("he had 'nothing to apologise for'", "mixed", "Steve Barclay", "insisting"),
       Q("it was 'in contact with the company' and would examine whether EU rules had been breached",
         "mixed", "the European Commission", "said")]),
    F("company_tagged_a_person_and_an_analysts_firm", "market words taken into a company's name ('Shares "
      "of Lumina Semiconductor'); the company tagged a person once ('Lumina now expects'); 'the company' "
      "after a firm named only as an analyst's employer",
      "Shares of Lumina Semiconductor fell 14 percent on Thursday. Lumina now expects revenue of $4.1 "
      "billion for the year. Kevin O'Donnell, an analyst at Harbor Capital, said the reset might be a buying "
      "opportunity. The company also said it would cut about 5 percent of its workforce.",
      [Q("revenue of $4.1 billion for the year", "indirect", "Lumina Semiconductor", "expects"),
       Q("the reset might be a buying opportunity", "indirect", "Kevin O'Donnell", "said"),
       Q("it would cut about 5 percent of its workforce", "indirect", "Lumina Semiconductor", "said")]),
    F("asked_participle_and_age_epithet", "'X, asked whether …, smiled: “…”' (the question no one's, the "
      "answer X's, the parser reading it the other way round); 'the 19-year-old' names whom the story "
      "follows, not the name nearest the quote",
      "Bristol Rovers manager Jack Tennant was delighted after the 2-1 win. Tennant, asked whether Kofi "
      "Mensah would now start, smiled: \"Let's not get carried away.\"\n\nMensah, who joined on loan in "
      "January, scored the winner past goalkeeper Tom Reyes. \"My mum was in the stand,\" the 19-year-old "
      "said.",
      [Q("whether Kofi Mensah would now start", "indirect", "", "asked"),
       Q("Let's not get carried away.", "direct", "Jack Tennant", "smiled"),
       Q("My mum was in the stand,", "direct", "Kofi Mensah", "said")]),
    F("told_of_speaker_and_misread_that_clauses", "a quotation whose verb shares the subject of what was "
      "told ('told jurors that he handed her a folder and said, “…”'); a that-clause read as a relative "
      "clause on the listener; a participle set off behind the source of 'according to'",
      "Rachel Nguyen, a former scheduler for Mayor Victor Salas, told jurors that he handed her a folder in "
      "March 2022 and said, “Make these disappear.” The court's spokesman, Ian Marsh, told a daily "
      "briefing that the trial would be extended by a week.\n\nAccording to the indictment, unsealed in "
      "May, Salas steered a $40 million parking contract to a campaign donor.",
      [Q("that he handed her a folder in March 2022", "indirect", "Rachel Nguyen", "told"),
       Q("Make these disappear.", "direct", "Victor Salas", "said"),
       Q("that the trial would be extended by a week", "indirect", "Ian Marsh", "told"),
       Q("Salas steered a $40 million parking contract to a campaign donor", "indirect", "the indictment",
         "According to")]),
    F("punctuation_outside_marks", "British and European punctuation: the comma or full stop after the "
      "closing mark, even after a short quotation ('‘Never’, he added.')",
      "Junior doctors in Wales will strike for three days next month. ‘We have been left with no choice’, "
      "said Dr Owen Pritchard, who chairs the BMA's Welsh committee. Asked whether talks could still "
      "avert the walkout, he said: ‘Not on this offer’. ‘Not yet’, he added.\n\nThe Welsh Government said it "
      "was disappointed.",
      [Q("We have been left with no choice", "direct", "Owen Pritchard", "said", ["Dr Owen Pritchard"]),
       Q("whether talks could still avert the walkout", "indirect", "", "Asked"),
       Q("Not on this offer", "direct", "Owen Pritchard", "said"),
       Q("Not yet", "direct", "Owen Pritchard", "added"),
       Q("it was disappointed", "indirect", "The Welsh Government", "said")]),
    F("definite_role_then_pronoun", "a speaker the article names only by a definite role ('The "
      "company's chief executive said …'), then 'he': the role is the pronoun's only antecedent",
      "Harbour Freight will close its depot in Hull by June, with the loss of 140 jobs. The company's "
      "chief executive said the site had lost money for five years. He added that staff would be offered "
      "posts in Leeds.",
      [Q("the site had lost money for five years", "indirect", "The company's chief executive", "said"),
       Q("that staff would be offered posts in Leeds", "indirect", "The company's chief executive",
         "added")]),
    F("elder_and_younger_namesakes", "father and son share a surname: 'the elder Brennan' is the one a kin "
      "noun did not make the son, and a 'he' after 'The senior Brennan' is him",
      "Harold Brennan built Brennan Tools from a garage in 1974. His son, Kevin Brennan, now runs it, and "
      "the two no longer speak.\n\n“I gave that company everything,” the elder Brennan said in an "
      "interview. “Kevin sold it to people who will close it.”\n\nKevin Brennan sees it otherwise. “Without "
      "this deal, we were bankrupt by spring,” he said.\n\nThe senior Brennan was unconvinced. “We'll "
      "see,” he said.",
      [Q(["I gave that company everything,", "Kevin sold it to people who will close it."], "direct",
         "Harold Brennan", "said"),
       Q("Without this deal, we were bankrupt by spring,", "direct", "Kevin Brennan", "said"),
       Q("We'll see,", "direct", "Harold Brennan", "said")]),
    F("cited_person_then_she_and_a_parent_named", "a person cited by 'according to' with her full name is "
      "who the next 'she said' continues; a name set off after 'Another parent' is a person (the "
      "recognizer tagged it an institution, as a company's parent would be)",
      "Parents at the meeting were divided. “My daughter needs to reach me in an emergency,” said Jennifer "
      "Wu, whose daughter is in ninth grade.\n\nAnother parent, Marcus Bell, disagreed. “We managed "
      "without phones for decades,” he said.\n\nStudents were not consulted, according to the student "
      "council president, Maya Torres, 17. She said students planned to petition the board.",
      [Q("My daughter needs to reach me in an emergency,", "direct", "Jennifer Wu", "said"),
       Q("We managed without phones for decades,", "direct", "Marcus Bell", "said"),
       Q("Students were not consulted", "indirect", "Maya Torres", "according to"),
       Q("students planned to petition the board", "indirect", "Maya Torres", "said")]),
    F("lede_role_named_below", "a lede's indefinite role ('A federal judge … calling it “…”') is the "
      "holder the next paragraph names with that role; an anonymous one stays unnamed",
      "A federal judge on Friday temporarily blocked the county's new voting map, calling it “a "
      "transparent attempt to dilute the votes of Black residents.”\n\nU.S. District Judge Rosa Alvarez "
      "wrote that the county had ignored its own experts. A county official, who spoke on condition of "
      "anonymity, said the county would appeal.\n\nCounty attorney Mark Dunn said the map was lawful.",
      [Q("it “a transparent attempt to dilute the votes of Black residents.”", "mixed", "Rosa Alvarez",
         "calling", ["A federal judge"]),
       Q("that the county had ignored its own experts", "indirect", "Rosa Alvarez", "wrote"),
       Q("the county would appeal", "indirect", "A county official", "said"),
       Q("the map was lawful", "indirect", "Mark Dunn", "said")]),
    F("epithets_name_whom_the_story_follows", "a definite epithet ('the striker', 'the Republican') names "
      "whom the story follows, as 'he' would, not someone its own sentence has for subject; a name the "
      "recognizer tagged as nothing, or as an institution with its possessive, is a person",
      "Senator Ann Kemp was delighted after the billionaire owner said the stadium would stay. “This "
      "club belongs to the town,” the Republican said.\n\nJamal Price scored twice on Sunday. “It was a "
      "great day for the club,” the striker said.\n\nManager Steve "
      "Holloway singled out Tom Reyes's goal. Reyes said the team would “go again” next week.",
      [Q("the stadium would stay", "indirect", "the billionaire owner", "said"),
       Q("This club belongs to the town,", "direct", "Ann Kemp", "said", ["the Republican"]),
       Q("It was a great day for the club,", "direct", "Jamal Price", "said", ["the striker"]),
       Q("the team would “go again” next week", "mixed", "Tom Reyes", "said")]),
    F("misparsed_openers_and_closers", "parse repairs: 'Outside court, one of the victims, NAME, said' "
      "(the place read as the subject), a report read as the modifier of a second subject of the "
      "closing 'officials said', and 'the 19-year-old' read as the speech verb's determiner",
      "A powerful storm swept across the county overnight, knocking out power to 30,000 homes, utility "
      "officials said Saturday.\n\nRichard Hale, 58, was jailed for six years on Friday. Outside court, "
      "one of the victims, retired teacher Margaret Boyd, said the sentence was “nowhere near enough”. "
      "“I lost my pension,” she said.\n\nLiam Ortiz, a student at Hale's old school, St. Mary's, "
      "watched the hearing. \"He should have got more,\" the 19-year-old said.",
      [Q("A powerful storm swept across the county overnight, knocking out power to 30,000 homes",
         "indirect", "utility officials", "said"),
       Q("the sentence was “nowhere near enough”", "mixed", "Margaret Boyd", "said",
         ["one of the victims, retired teacher Margaret Boyd"]),
       Q("I lost my pension,", "direct", "Margaret Boyd", "said"),
       Q("He should have got more,", "direct", "Liam Ortiz", "said", ["the 19-year-old"])]),
    F("agency_and_narrated_subject", "'the agency' is the public body of an agency's kind named before; "
      "a name inside what a sourceless cue frames ('X is expected to …') is the reporter's subject, whom "
      "the next 'she' names; British post-nominal letters are no part of a name",
      "SkyJet cancelled 800 flights on Sunday. According to a statement from the Federal Aviation "
      "Administration, the outage was caused by a faulty update. The agency said it was “closely "
      "monitoring” the situation.\n\nPassenger Ellen Park said she had waited nine hours. Transport "
      "Secretary Angela Brooks is expected to meet airline bosses on Monday. In a statement, she called "
      "the outage “unacceptable.”\n\nThe airline's lawyer, Michael Grant KC, said it would compensate "
      "passengers. Grant said the update had been tested.",
      [Q("the outage was caused by a faulty update", "indirect", "the Federal Aviation Administration",
         "According to"),
       Q("it was “closely monitoring” the situation", "mixed", "the Federal Aviation Administration",
         "said", ["The agency"]),
       Q("she had waited nine hours", "indirect", "Ellen Park", "said"),
       Q(["Transport Secretary Angela Brooks", "to meet airline bosses on Monday"], "indirect", "",
         "expected"),
       Q("the outage “unacceptable.”", "mixed", "Angela Brooks", "called"),
       Q("it would compensate passengers", "indirect", "Michael Grant", "said"),
       Q("the update had been tested", "indirect", "Michael Grant", "said")]),
    F("wire_attribution_forms", "wire forms: '…, according to people familiar with the inquiry' (a "
      "person cited after the report), 'said on Wednesday it would …' (the time is no part of what was "
      "said), 'said at the time that …' (read as a relative clause on the time), a source's anonymity "
      "and its reason, and 'said zoo director NAME' after a quotation (the verb read as an adjective)",
      "Investigators are examining whether Alder Group understated the value of its properties, "
      "according to people familiar with the inquiry.\n\nAlder Group said on Wednesday it would "
      "cooperate. Its former auditor, Ruth Keller, said at the time that the accounts were sound.\n\nThe "
      "review could end next month, said one of the people, who asked not to be identified because the "
      "inquiry is confidential.\n\n'We have nothing to hide,' said company director Hannah Kowalczyk.",
      [Q("Investigators are examining whether Alder Group understated the value of its properties",
         "indirect", "people familiar with the inquiry", "according to"),
       Q("it would cooperate", "indirect", "Alder Group", "said"),
       Q("that the accounts were sound", "indirect", "Ruth Keller", "said"),
       Q("The review could end next month", "indirect", "one of the people", "said"),
       Q("We have nothing to hide,", "direct", "Hannah Kowalczyk", "said")]),
    F("closing_and_opening_misparses", "parse repairs: a that-clause read as a relative clause on the "
      "place of speaking ('told reporters outside the offices that …'), a closing attribution read as a "
      "comparison ('as much as X, NAME said') or hung with its subject on the report ('…, the trust "
      "announced'), a subject read as a conjunct of an opening phrase ('In testimony before the "
      "committee, NAME, who …, said')",
      "Hospital chief resigns\n\nThe chief executive of Northgate Hospitals has resigned after a damning "
      "report into waiting times, the trust announced on Friday.\n\nUnion leader Mick Lynch told reporters "
      "outside the conciliation service's offices that members would be balloted within a fortnight.\n\n"
      "A new scanner will cost about a third as much as the old one, finance director Ana Wojcik "
      "said at a board meeting.\n\nIn testimony before the health committee, Rachel Kim, who served as "
      "deputy chief executive until March, said she had seen the inspection report in January.",
      [Q("The chief executive of Northgate Hospitals has resigned after a damning report into waiting "
         "times", "indirect", "the trust", "announced"),
       Q("that members would be balloted within a fortnight", "indirect", "Mick Lynch", "told"),
       Q("A new scanner will cost about a third as much as the old one", "indirect",
         "Ana Wojcik", "said"),
       Q("she had seen the inspection report in January", "indirect", "Rachel Kim", "said")]),
    F("questions_messages_and_set_off_names", "'Asked …, NAME shrugged.' (the question is no one's); "
      "'released a statement saying …' (the words follow the participle); 'a move critics called “…”' "
      "(the antecedent is no part of the speaker); a name set off after the subject's participle ('The "
      "union representing border staff, the PCS, said'); a role the sentence opens with is no part of the "
      "name ('Striker Kofi Mensah'); 'Hunt's spokesman' continued by 'he'",
      "Pool to close\n\nThe council closed the Eastside pool, a move critics called “a betrayal of the "
      "town.” The union representing pool staff, the GMB, said the decision was rushed.\n\nStriker Kofi "
      "Mensah, who learned to swim there, was among the protesters. Asked what he would do now, Mensah "
      "shrugged.\n\nCouncillor Amir Patel said the pool had lost money for years. Council leader Rachel "
      "Hunt's spokesman said she had “every sympathy” with swimmers. But she would not “sign a blank "
      "cheque,” he said.\n\nThe pool's owners later released a statement saying they were “deeply "
      "saddened.”",
      [Q("a betrayal of the town.", "direct", "critics", "called"),
       Q("the decision was rushed", "indirect", "the GMB", "said"),
       Q("what he would do now", "indirect", "", "Asked"),
       Q("the pool had lost money for years", "indirect", "Amir Patel", "said"),
       Q("she had “every sympathy” with swimmers", "mixed", "Council leader Rachel Hunt's spokesman",
         "said"),
       Q("she would not “sign a blank cheque,”", "mixed", "Council leader Rachel Hunt's spokesman", "said",
         occurrence=1),
       Q("they were “deeply saddened.”", "mixed", "The pool's owners", "saying")]),
]  # fmt: skip


def _find(text: str, piece: str, occurrence: int, after: int = 0) -> int:
    at = after - 1
    for _ in range(occurrence):
        at = text.find(piece, at + 1)
        if at < 0:
            raise ValueError(f"{piece!r} not found (occurrence {occurrence})")
    return at


def _cue(text: str, cue: str, frags: list[tuple[int, int]]) -> tuple[int, int]:
    """The occurrence of the cue nearest the quote and outside its content."""
    best: tuple[int, int] | None = None
    at = text.find(cue)
    while at >= 0:
        inside = any(s <= at < e for s, e in frags)
        distance = min(abs(at - frags[0][0]), abs(at - frags[-1][1]))
        if not inside and (best is None or distance < best[0]):
            best = (distance, at)
        at = text.find(cue, at + 1)
    if best is None:
        raise ValueError(f"cue {cue!r} not found outside the quote")
    return best[1], best[1] + len(cue)


def build_quote(fx: F, q: Q) -> dict[str, Any]:
    """Locate one gold quote and check it against the conventions in the module docstring."""
    text = fx.text
    pieces = q.content if isinstance(q.content, list) else [q.content]
    if q.occurrence is None and text.count(pieces[0]) > 1:
        raise ValueError(f"{fx.id}: {pieces[0]!r} occurs more than once; give its occurrence")
    frags: list[tuple[int, int]] = []
    after = 0
    for n, piece in enumerate(pieces):
        start = _find(text, piece, (q.occurrence or 1) if n == 0 else 1, after)
        frags.append((start, start + len(piece)))
        after = start + len(piece)
    if q.kind == "direct" and not q.turn:
        for n, (s, e) in enumerate(frags):
            if text[s - 1] not in OPEN_MARKS:
                raise ValueError(
                    f"{fx.id}: direct content must follow an opening mark: {text[s - 5 : s + 5]!r}"
                )
            closed = e < len(text) and text[e] in CLOSE_MARKS
            paragraph_end = e == len(text) or text.startswith("\n\n", e)
            reopened = n + 1 < len(frags)  # a paragraph left open, its quote reopened below
            if not (closed or ((q.unclosed or reopened) and paragraph_end)):
                raise ValueError(
                    f"{fx.id}: direct content must end at a closing mark: {text[e - 5 : e + 5]!r}"
                )
    elif q.kind == "direct":
        if any(text[s - 2 : s] != ": " for s, _ in frags):
            raise ValueError(f"{fx.id}: a transcript turn must follow its label's colon")
    elif q.kind in ("indirect", "mixed"):
        has_marks = any(c in OPEN_MARKS for s, e in frags for c in text[s:e])
        if has_marks != (q.kind == "mixed"):
            raise ValueError(f"{fx.id}: a mixed quote contains a quoted fragment, an indirect one none")
    else:
        raise ValueError(f"{fx.id}: unknown kind {q.kind!r}")
    cue = _cue(text, q.cue, frags)
    flat = " ".join(text.split()).lower()  # a name may be broken by a hard line wrap
    for name in [q.speaker, *q.aliases] if q.speaker else q.aliases:  # "": no source ("Asked whether …")
        if name.lower() not in flat:
            raise ValueError(f"{fx.id}: speaker form {name!r} is not in the text")
    for alias in q.aliases:
        if len(alias.split()) < 2:
            raise ValueError(f"{fx.id}: alias {alias!r} is a bare name; aliases must be full forms")
    out: dict[str, Any] = {
        "start": frags[0][0],
        "end": frags[-1][1],
        "text": text[frags[0][0] : frags[-1][1]],
    }
    if len(frags) > 1:
        out["spans"] = [list(f) for f in frags]
    out.update({"kind": q.kind, "speaker": q.speaker or None, "speaker_aliases": q.aliases, "cue": list(cue),
                "cue_text": text[cue[0] : cue[1]]})  # fmt: skip
    return out


def build() -> list[dict[str, Any]]:
    """Every fixture as a gold document, after checking ids are unique."""
    ids = [fx.id for fx in FIXTURES]
    if len(set(ids)) != len(ids):
        raise ValueError("fixture ids must be unique")
    return [
        {
            "id": fx.id,
            "phenomenon": fx.phenomenon,
            "text": fx.text,
            "quotes": [build_quote(fx, q) for q in fx.quotes],
        }
        for fx in FIXTURES
    ]


def render() -> str:
    return "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in build())


def main(argv: list[str]) -> int:
    content = render()
    if "--check" in argv:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != content:
            print(f"{OUT} is out of date: run python {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(content, encoding="utf-8")
    print(f"wrote {len(FIXTURES)} fixtures to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
