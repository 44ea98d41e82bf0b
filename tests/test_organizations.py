"""Institutions an article names (real parses): short names and "the company" resolve to the full name."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.organizations import OrgBook, definite_institution, fuller_description


def _book(nlp: Any, text: str) -> tuple[Any, OrgBook]:
    doc = nlp(text)
    return doc, OrgBook(doc, list(doc.ents))


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def test_a_short_name_leaving_out_a_corporate_word_is_the_full_name(nlp: Any) -> None:
    _, book = _book(nlp, "Regulators fined Nordlink Systems on Monday. Shares of Nordlink fell.")
    assert book.full_name("Nordlink") == "Nordlink Systems"
    assert book.full_name("Nordlink Systems") is None  # already the fullest


def test_a_shorter_name_that_leaves_out_more_than_a_corporate_word_is_another_institution(nlp: Any) -> None:
    _, book = _book(nlp, "Harvard Medical School hired him in May. Harvard said the hiring was routine.")
    assert book.full_name("Harvard") is None


def test_a_definite_noun_names_the_institution_whose_name_ends_with_it(nlp: Any) -> None:
    doc, book = _book(
        nlp, "The Irish Data Protection Commission fined the firm. Later the commission said it was final."
    )
    assert book.referent(_token(doc, "commission")) == "The Irish Data Protection Commission"


def test_a_noun_before_the_head_must_be_in_the_name(nlp: Any) -> None:
    doc, book = _book(nlp, "The Supreme Court declined the case. The appeals court said the law stood.")
    assert book.referent(_token(doc, "court")) is None


def test_the_company_is_the_last_business_named_and_no_ministry(nlp: Any) -> None:
    text = (
        "Regulators fined Acme Corp. on Monday. The Ministry of Justice said the ruling was final. "
        "The company said it would appeal."
    )
    doc, book = _book(nlp, text)
    assert book.referent(_token(doc, "company")) == "Acme Corp"


def test_the_company_is_a_business_the_article_called_one_even_named_once(nlp: Any) -> None:
    # the recognizer calls "Halcyon Pharma" a person; set off after "The drugmaker" it is a business
    text = (
        "Regulators are weighing stronger warnings on the drug. The drugmaker, Halcyon Pharma, said the "
        "medication was safe. “Millions of patients rely on this treatment,” the company said."
    )
    quotes = extract(text).quotes
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Halcyon Pharma", "organization")] * 2


def test_the_company_names_no_one_where_no_business_was_named(nlp: Any) -> None:
    doc, book = _book(
        nlp, "The Ministry of Justice said the ruling was final. The company said it would appeal."
    )
    assert book.referent(_token(doc, "company")) is None


def test_only_a_definite_singular_institution_noun_is_looked_up(nlp: Any) -> None:
    doc = nlp("The company said it would appeal. A company said so. Its parent company said no.")
    companies = [t for t in doc if t.lower_ == "company"]
    assert definite_institution(companies[0], doc[0:2])
    assert not definite_institution(companies[1], doc[companies[1].i - 1 : companies[1].i + 1])
    assert not definite_institution(companies[2], doc[companies[2].i - 2 : companies[2].i + 1])


def test_an_institution_speaker_is_named_in_full(nlp: Any) -> None:
    text = (
        "Regulators fined Nordlink Systems 1.2 billion euros on Monday over data transfers. Nordlink said it "
        "would appeal. The fine was unjustified, the company said in a statement."
    )
    quotes = extract(text).quotes
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Nordlink Systems", "organization")] * 2
    assert [q.speaker_mention.text for q in quotes if q.speaker_mention] == ["Nordlink", "the company"]


def test_a_bare_institution_noun_continues_the_one_fuller_description_before_it(nlp: Any) -> None:
    doc = nlp(
        "The plants will stay open, the economy ministry said. The ministry said tests showed shortages."
    )
    assert fuller_description([t for t in doc if t.lower_ == "ministry"][1]) == "the economy ministry"
    doc = nlp("The Saudi government denied it. The government said it had no role.")
    assert fuller_description([t for t in doc if t.lower_ == "government"][1]) == "the Saudi government"


def test_no_fuller_description_where_two_compete_or_a_name_or_an_adjective_qualifies(nlp: Any) -> None:
    doc = nlp("The foreign ministry was angry and the defence ministry was silent. The ministry said no.")
    assert fuller_description([t for t in doc if t.lower_ == "ministry"][2]) is None
    doc = nlp("The Trump campaign said no. The new agency opened. The campaign said yes. The agency said no.")
    assert fuller_description([t for t in doc if t.lower_ == "campaign"][1]) is None
    assert fuller_description([t for t in doc if t.lower_ == "agency"][1]) is None


def test_a_ministry_speaker_is_named_by_its_fuller_description(nlp: Any) -> None:
    text = (
        "Germany will keep two reactors on standby, the economy ministry said Tuesday. The ministry said a "
        "stress test had shown that shortages could not be ruled out."
    )
    quotes = extract(text).quotes
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("the economy ministry", "organization")] * 2


def test_a_description_after_a_places_possessive_is_the_fuller_one(nlp: Any) -> None:
    doc = nlp(
        "Germany's data protection regulator fined the software company Helix AG on Wednesday. The regulator "
        "said Helix had stored passwords without encryption."
    )
    regulator = [t for t in doc if t.text == "regulator"][-1]
    assert fuller_description(regulator) == "Germany's data protection regulator"
    # a person's possessive is no place's: "Trump's campaign" stays what it is
    doc = nlp("Donald Trump's digital campaign spent $2 million. The campaign said the money was well spent.")
    assert fuller_description([t for t in doc if t.text == "campaign"][-1]) is None


def test_a_short_name_the_recognizer_tagged_as_a_nationality_is_still_the_full_name(nlp: Any) -> None:
    text = (
        "BERLIN — Germany's data protection regulator fined the software company Helix AG 12 million euros "
        "on Wednesday for failing to protect the personal data of 3 million customers.\n\n"
        "The regulator said Helix had stored passwords without encryption and had waited six weeks before "
        'telling customers about the breach. "This was not a sophisticated attack," said Ulrike Brandt, '
        'the regulator\'s president. "The door was left wide open."\n\n'
        'Helix said it would appeal. The company called the fine "disproportionate" and said it had '
        "already spent 20 million euros on new security systems."
    )
    assert "NORP" in [e.label_ for e in nlp(text).ents if e.text == "Helix"]  # what this test is about
    speakers = [q.speaker for q in extract(text).quotes if q.start > text.index("Helix said")]
    assert speakers == ["Helix AG", "Helix AG", "Helix AG"]


def test_an_abbreviation_is_the_institution_named_in_full(nlp: Any) -> None:
    text = (
        "The Environmental Protection Agency proposed limits on soot. The International Monetary Fund cut "
        "its forecast. The Federal Reserve held rates. The Congressional Budget Office scored the bill while "
        "Congress was in recess. Ford recalled 9,000 trucks and Fordham University closed early."
    )
    _, book = _book(nlp, text)
    assert book.full_name("The EPA") == "The Environmental Protection Agency"  # initials
    assert book.full_name("IMF") == "The International Monetary Fund"
    assert book.full_name("the Fed") == "The Federal Reserve"  # a clipped modifier
    assert book.full_name("Congress") is None  # a word of its own, not "Congressional" clipped
    assert book.full_name("Ford") is None  # a name, not "Fordham" clipped
    assert book.full_name("FBI") is None  # no institution it abbreviates


def test_an_abbreviation_two_institutions_fit_names_neither(nlp: Any) -> None:
    text = "The Federal Bureau of Investigation and the Federal Bureau of Inquiry both declined to comment."
    _, book = _book(nlp, text)
    assert book.full_name("FBI") is None


def test_an_abbreviated_institution_speaker_is_named_in_full(nlp: Any) -> None:
    text = (
        "The International Monetary Fund cut its forecast on Tuesday. The IMF said growth would slow to "
        "2.9 percent."
    )
    speakers = [q.speaker for q in extract(text).quotes]
    assert speakers[0] == "The International Monetary Fund"


LUMINA = (
    "Shares of Lumina Semiconductor fell 14 percent on Thursday after the chipmaker lowered its revenue "
    "forecast for the year. Lumina now expects revenue of $4.1 billion to $4.3 billion, down from an "
    "earlier forecast of $4.8 billion. Another analyst, Kevin O'Donnell of Harbor Capital, said the reset "
    "might be a buying opportunity. The company also said it would cut about 5 percent of its workforce. "
    "A Lumina spokesman said affected employees would receive severance."
)


def test_a_company_the_recognizer_tags_as_a_person_once_is_the_company(nlp: Any) -> None:
    by_content = {q.text.split()[0]: q for q in extract(LUMINA).quotes}
    expects = by_content["revenue"]  # "Lumina now expects revenue …": the recognizer says PERSON
    assert (expects.speaker, expects.speaker_type) == ("Lumina Semiconductor", "organization")


def test_the_company_is_not_a_firm_named_only_as_a_persons_employer(nlp: Any) -> None:
    cut = next(q for q in extract(LUMINA).quotes if q.text.startswith("it would cut"))
    assert cut.speaker == "Lumina Semiconductor"  # not Harbor Capital, Kevin O'Donnell's firm


def test_a_utility_is_the_company(nlp: Any) -> None:
    text = (
        "Pacific Ridge Power, the utility that serves the area, said in a filing that one of its lines "
        "had failed. The company said it was cooperating with investigators."
    )
    quotes = extract(text).quotes
    assert [q.speaker for q in quotes] == ["Pacific Ridge Power"] * 2


def test_a_carrier_is_a_business_and_air_a_corporate_word() -> None:
    text = (
        "Nordic Air grounded all of its flights on Saturday after a software failure. The carrier said in a "
        "statement that the problem had been caused by a faulty update from an outside vendor."
    )
    assert [(q.speaker, q.speaker_type) for q in extract(text).quotes] == [("Nordic Air", "organization")]


def test_the_regulator_is_the_regulating_body_named_before(nlp: Any) -> None:
    text = (
        "Ireland's Data Protection Commission fined the video app ClipStream 345 million euros on Friday. "
        "The regulator found that ClipStream had set the accounts of teenagers to public by default."
    )
    doc, book = _book(nlp, text)
    assert book.referent(_token(doc, "regulator")) == "Data Protection Commission"
    # a business named last is no regulator
    doc, book = _book(nlp, "Acme Corp. fined nobody. The regulator said the rules were clear.")
    assert book.referent(_token(doc, "regulator")) is None


def test_the_force_is_the_police_named_before() -> None:
    text = (
        "Police arrested two men on Friday in Leeds, West Yorkshire Police said. According to a statement "
        "from the force, the men remain in custody."
    )
    custody = next(q for q in extract(text).quotes if "custody" in q.text)
    assert (custody.speaker, custody.speaker_type) == ("West Yorkshire Police", "organization")


def test_the_agency_is_the_public_body_of_an_agencys_kind_named_before(nlp: Any) -> None:
    text = (
        "According to a statement from the Federal Aviation Administration, the outage was caused by a "
        'faulty update. The agency said it was "closely monitoring" the situation.'
    )
    doc, book = _book(nlp, text)
    assert book.referent(_token(doc, "agency")) == "the Federal Aviation Administration"
    # a president's administration is no agency
    doc, book = _book(nlp, "The Obama administration changed the rule. The agency said it was watching.")
    assert book.referent(_token(doc, "agency")) is None


def test_a_headlines_bare_institution_is_the_one_named_below() -> None:
    text = (
        "Hospital admits errors in cancer screening\n\nSt. Luke's Hospital has admitted that more than 300 "
        "patients were not told of abnormal cancer screening results over a four-year period."
    )
    got = [(q.cue.text if q.cue else None, q.speaker, q.speaker_type) for q in extract(text).quotes]
    assert got[0] == ("admits", "St. Luke's Hospital", "organization")  # had been "Hospital"


def test_a_bare_police_is_the_one_force_the_article_names() -> None:
    text = (
        "Man charged\n\nA 24-year-old man has been charged with attempted murder, police said.\n\nWest "
        "Yorkshire Police said officers were called to Call Lane at about 2.40am."
    )
    assert [q.speaker for q in extract(text).quotes] == ["West Yorkshire Police"] * 2  # had been "police"
    two = text + " Officers from Greater Manchester Police said they had assisted."
    assert extract(two).quotes[0].speaker == "police"  # two forces: which one is unknown
