"""Each rule component on hand-built Docs, asserting exact spans, labels, norms and rules.

The Docs carry hand-written tags, parses and entities where a component reads
them, so that these tests do not depend on the statistical model.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.annotate import candidates
from extractor.annotate.candidates import CANDIDATES, MENTIONS
from extractor.annotate.gazetteers import load_knowledge
from extractor.annotate.nlp import register_components
from extractor.annotate.paper_acronyms import build_context
from extractor.resources import models_dir

RULES = ["gb_normalize", "gb_persons", "gb_gazetteer", "gb_acronyms", "gb_unit_patterns", "gb_organizations", "gb_dates",
         "gb_amounts", "gb_resolve"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_components()
    blank = spacy.blank("en")
    blank.add_pipe("gb_sentences")
    for name in RULES:
        config = {} if name in ("gb_normalize", "gb_acronyms") else {"models": str(models_dir())}
        blank.add_pipe(name, config=config)
    return blank


def run(nlp: Language, doc: Doc, texts: list[str] | None = None) -> Doc:
    doc._.gb_context = build_context(texts or [doc.text], load_knowledge())
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def found(doc: Doc, group: str = MENTIONS, label: str | None = None) -> list[tuple[str, str, str, str]]:
    spans = doc.spans.get(group, [])
    return sorted((s.text, s.label_, s.kb_id_, s.id_) for s in spans if label is None or s.label_ == label)


def test_gazetteer_names_acronyms_and_places(nlp: Language) -> None:
    doc = run(nlp, nlp.make_doc("The IOE and the International Organization of Employers met in Bogotá and Viet Nam."))
    assert found(doc) == [
        ("Bogotá", "PLACE", "CO", "gazetteer:cities.csv"),
        ("IOE", "PARTNER", "International Organisation of Employers", "gazetteer:partners.csv"),
        ("International Organization of Employers", "PARTNER", "International Organisation of Employers",
         "gazetteer:partners.csv"),
        ("Viet Nam", "PLACE", "VN", "gazetteer:countries.csv"),
    ]


def test_gazetteer_needs_the_capitals_of_a_name(nlp: Language) -> None:
    doc = run(nlp, nlp.make_doc("They save the children of LABADMIN/OSH staff in Save the Children programmes."))
    assert found(doc, label="PARTNER") == [("Save the Children", "PARTNER", "Save the Children", "gazetteer:partners.csv")]
    assert found(doc, label="PLACE") == []  # "OSH" is not the city of Osh


def test_weak_alias_needs_the_full_name_in_the_paper(nlp: Language) -> None:
    text = "The Coordination Group met."
    assert found(run(nlp, nlp.make_doc(text)), label="UNIT") == []
    in_paper = ["Membership of the Coordination Group of the InFocus Initiative on CSR grew.", text]
    assert found(run(nlp, nlp.make_doc(text), in_paper), label="UNIT") == [
        ("Coordination Group", "UNIT", "InFocus Initiative on CSR Coordination Group", "gazetteer:units.csv")]


def test_acronym_defined_in_the_paper_resolves_later_uses(nlp: Language) -> None:
    paper = ["It met the Ghana Employers’ Association (GEA) in Accra.", "The GEA has since trained 40 members."]
    first = run(nlp, nlp.make_doc(paper[0]), paper)
    later = run(nlp, nlp.make_doc(paper[1]), paper)
    assert found(first, label="PARTNER") == [
        ("GEA", "PARTNER", "Ghana Employers' Association", "acronym:use:heads:association"),
        ("Ghana Employers’ Association", "PARTNER", "Ghana Employers' Association",
         "acronym:definition:heads:association"),
    ]
    assert found(later, label="PARTNER") == [
        ("GEA", "PARTNER", "Ghana Employers' Association", "acronym:use:heads:association")]


def test_acronym_before_its_long_form(nlp: Language) -> None:
    paper = ["It worked with members of APINDO (the Indonesian Employers’ Association)."]
    doc = run(nlp, nlp.make_doc(paper[0]), paper)
    assert ("APINDO", "PARTNER", "APINDO", "acronym:use:gazetteer:partners.csv") in found(doc)


@pytest.mark.parametrize(("text", "unit", "canonical", "rule"), [
    ("The Subregional Office for South Asia and the IFC met.", "Subregional Office for South Asia",
     "Subregional Office for South Asia", "pattern:office-regional"),
    ("The ILO Subregional Office for the Andean Countries met.", "ILO Subregional Office for the Andean Countries",
     "Subregional Office for the Andean Countries", "pattern:office-regional"),
    ("Staff of the ILO Jakarta Office came.", "ILO Jakarta Office", "ILO Office in Jakarta", "pattern:office-city"),
    ("It helped the Country Office for Bangladesh.", "Country Office for Bangladesh",
     "ILO Country Office for Bangladesh", "pattern:office-country"),
    ("The ILO Office in Beijing and the China Enterprise Confederation met.", "ILO Office in Beijing",
     "ILO Office in Beijing", "pattern:office-ilo"),
    ("The DWT for South Asia advised.", "DWT for South Asia", "Decent Work Technical Support Team for South Asia",
     "pattern:dwt-short"),
    ("The DWT for South Asia and Country Office for India and the IOE met.",
     "DWT for South Asia and Country Office for India",
     "Decent Work Technical Support Team for South Asia and Country Office for India",
     "pattern:dwt-short-and-country-office"),
    ("The Decent Work Technical Support Team for Eastern and Southern Africa and Country Office for South Africa "
     "met.", "Decent Work Technical Support Team for Eastern and Southern Africa and Country Office for South Africa",
     "Decent Work Technical Support Team for Eastern and Southern Africa and Country Office for South Africa",
     "pattern:dwt-and-country-office"),
    ("The Green Jobs Programme Unit helped.", "Green Jobs Programme Unit", "Green Jobs Programme Unit",
     "pattern:hq-unit"),
])
def test_unit_patterns(nlp: Language, text: str, unit: str, canonical: str, rule: str) -> None:
    units = list(found(run(nlp, nlp.make_doc(text)), label="UNIT"))
    assert units == [(unit, "UNIT", canonical, rule)]


def test_a_place_inside_a_unit_is_a_place_too(nlp: Language) -> None:
    doc = run(nlp, nlp.make_doc("The Decent Work Technical Support Team for Eastern and Southern Africa met."))
    assert found(doc) == [
        ("Decent Work Technical Support Team for Eastern and Southern Africa", "UNIT",
         "Decent Work Technical Support Team for Eastern and Southern Africa", "pattern:dwt"),
        ("Eastern and Southern Africa", "PLACE", "", "gazetteer:regions.csv"),
    ]


def with_entities(nlp: Language, words: list[str], entities: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in entities]
    return doc


def test_organizations_by_head_word_and_company_noun(nlp: Language) -> None:
    words = ["A", "fire", "at", "the", "Zenor", "Knits", "factory", "alarmed", "the", "Chamber", "of", "Mines",
             "of", "Namibia", "and", "the", "Acme", "Widgets", "."]
    doc = run(nlp, with_entities(nlp, words, [(4, 6, "ORG"), (16, 18, "ORG")]))
    assert found(doc) == [
        ("Chamber of Mines of Namibia", "PARTNER", "Chamber of Mines of Namibia", "chunk+heads:chamber"),
        ("Namibia", "PLACE", "NA", "gazetteer:countries.csv"),
        ("Zenor Knits", "PARTNER", "Zenor Knits", "ner:ORG+company-noun"),
    ]  # the model's ORG "Acme Widgets" alone does not make a partner


def test_programmes_events_and_the_ilo_itself_are_not_reported(nlp: Language) -> None:
    text = ("The ILO, the Office and the Governing Body took part in the European Year of Equal Opportunities "
            "for All-Towards a Just Society and in Better Work Jordan.")
    doc = run(nlp, nlp.make_doc(text))
    assert found(doc) == [("Jordan", "PLACE", "JO", "gazetteer:countries.csv")]


@pytest.mark.parametrize(("text", "dates"), [
    ("Held on 12–14 September 2007 in Lima.", [("12–14 September 2007", "2007-09-12/2007-09-14", "date-day-range")]),
    ("The Development Plan for 2007–11 and the 2005–06 biennium.",
     [("2005–06", "2005/2006", "date-year-range"), ("2007–11", "2007/2011", "date-year-range")]),
    ("In 2007, from January–August 2013, and on 7 February 2007.",
     [("2007", "2007", "date-year"), ("7 February 2007", "2007-02-07", "date-day"),
      ("January–August 2013", "2013-01/2013-08", "date-month-range")]),
    ("The ISO 26000 standard; Convention No. 1987; GB.298/MNE/2/1.", []),
    ("On 11 and 12 November 1996, and on 17, 18 and 24 March 1997.",
     [("11 and 12 November 1996", "1996-11-11/1996-11-12", "date-day-list"),
      ("17, 18 and 24 March 1997", "1997-03-17/1997-03-24", "date-day-list")]),
    ("Geneva, 12 27 March 2015; over the period 2010 14 the rise; from 2014 10 on.",  # dashes lost
     [("12 27 March 2015", "2015-03-12/2015-03-27", "date-day-range-lost-dash"),
      ("2010 14", "2010/2014", "date-year-range-lost-dash"), ("2014", "2014", "date-year")]),
    ("Held from 1st to 3rd February 1995, on 14th November 1995 and on February 7th, 2007.",  # ordinal days
     [("14th November 1995", "1995-11-14", "date-day"),
      ("1st to 3rd February 1995", "1995-02-01/1995-02-03", "date-day-range"),
      ("February 7th, 2007", "2007-02-07", "date-day-us")]),
    ("The Employment Service Convention, 1948 (No. 88), and the Convention (No. 181) of 1997.",
     [("1948", "1948", "date-instrument-year"), ("1997", "1997", "date-year")]),
])
def test_dates(nlp: Language, text: str, dates: list[tuple[str, str, str]]) -> None:
    doc = run(nlp, nlp.make_doc(text))
    assert [(t, n, r.removeprefix("pattern:")) for t, _, n, r in found(doc, label="DATE")] == sorted(dates)


def parsed(nlp: Language, words: list[str], tags: list[str], heads: list[int], deps: list[str]) -> Doc:
    doc = Doc(nlp.vocab, words=words, tags=tags, heads=heads, deps=deps)
    return doc


def test_count_with_its_noun_and_money(nlp: Language) -> None:
    words = ["It", "organized", "six", "training", "activities", "for", "US$", "300,000", "."]
    tags = ["PRP", "VBD", "CD", "NN", "NNS", "IN", "$", "CD", "."]
    heads = [1, 1, 4, 4, 1, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "nummod", "compound", "dobj", "prep", "nmod", "pobj", "punct"]
    doc = run(nlp, parsed(nlp, words, tags, heads, deps))
    assert found(doc, label="AMOUNT") == [
        ("US$ 300,000", "AMOUNT", "300000 USD", "pattern:money-symbol"),
        ("six training activities", "AMOUNT", "6 training activities", "parse:count"),
    ]


@pytest.mark.parametrize(("text", "amounts"), [
    ("The cost, Sw.frs.150,000, was met; a further SFr 20,000 came later.",
     [("SFr 20,000", "20000 CHF"), ("Sw.frs.150,000", "150000 CHF")]),
    ("It received US$ 1.2 million, €2m and 50,000 dollars, a rise of 35 per cent.",
     [("35 per cent", "35 percent"), ("50,000 dollars", "50000 USD"), ("US$ 1.2 million", "1200000 USD"),
      ("€2m", "2000000 EUR")]),
])
def test_money_ends_at_its_last_digit(nlp: Language, text: str, amounts: list[tuple[str, str]]) -> None:
    doc = run(nlp, nlp.make_doc(text))
    assert sorted((t, n) for t, _, n, _ in found(doc, label="AMOUNT")) == sorted(amounts)


def test_count_whose_noun_is_the_subject(nlp: Language) -> None:
    words = ["Current", "membership", "stands", "at", "79", ",", "against", "paragraph", "21", "."]
    tags = ["JJ", "NN", "VBZ", "IN", "CD", ",", "IN", "NN", "CD", "."]
    heads = [1, 2, 2, 2, 3, 2, 2, 6, 7, 2]
    deps = ["amod", "nsubj", "ROOT", "prep", "pobj", "punct", "prep", "pobj", "nummod", "punct"]
    doc = run(nlp, parsed(nlp, words, tags, heads, deps))
    assert found(doc, label="AMOUNT") == [("79", "AMOUNT", "79 members", "parse:count")]


def test_count_takes_the_noun_of_the_count_before_it(nlp: Language) -> None:
    words = ["It", "received", "171", "queries", ",", "compared", "with", "139", "in", "2012", "."]
    tags = ["PRP", "VBD", "CD", "NNS", ",", "VBN", "IN", "CD", "IN", "CD", "."]
    heads = [1, 1, 3, 1, 1, 1, 5, 6, 7, 8, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "punct", "prep", "prep", "pobj", "prep", "pobj", "punct"]
    doc = run(nlp, parsed(nlp, words, tags, heads, deps))
    assert found(doc, label="AMOUNT") == [("139", "AMOUNT", "139 queries", "parse:count"),
                                          ("171 queries", "AMOUNT", "171 queries", "parse:count")]
    assert found(doc, label="DATE") == [("2012", "DATE", "2012", "pattern:date-year")]


def test_candidates_keep_every_proposal_and_mentions_the_arbitrated_ones(nlp: Language) -> None:
    doc = run(nlp, nlp.make_doc("The International Finance Corporation (IFC) met."))
    assert len(doc.spans[CANDIDATES]) > len(doc.spans[MENTIONS])
    assert found(doc) == [
        ("IFC", "PARTNER", "International Finance Corporation", "acronym:use:gazetteer:partners.csv"),
        ("International Finance Corporation", "PARTNER", "International Finance Corporation",
         "acronym:definition:gazetteer:partners.csv"),
    ]


SENT_TO_MODEL: list[str] = []


@Language.component("test_recording_ner")
def recording_ner(doc: Doc) -> Doc:
    SENT_TO_MODEL.append(doc.text)
    return doc


def test_the_model_ner_sees_only_sentences_with_unexplained_capitals(nlp: Language) -> None:
    from extractor.annotate.components.model_ner import ModelNer

    SENT_TO_MODEL.clear()
    if "test_recording_ner" not in nlp.component_names:
        nlp.add_pipe("test_recording_ner", last=True)
        nlp.disable_pipe("test_recording_ner")
    gate = ModelNer(nlp, "test_recording_ner", always=False, context=0, models=str(models_dir()))
    texts = ["The IOE met in Geneva in May 2010. The Acme Widgets Consortium met.",  # known, then an unknown name
             "Its 316th Session took place; Spanish and English versions exist."]  # calendar and language words
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        doc._.gb_context = build_context(texts, load_knowledge())
        for name in ("gb_sentences", "gb_normalize", "gb_gazetteer", "gb_acronyms", "gb_unit_patterns"):
            doc = nlp.get_pipe(name)(doc)
        docs.append(doc)
    assert len(list(gate.pipe(docs))) == 2
    assert SENT_TO_MODEL == ["The Acme Widgets Consortium met."]
    everything = ModelNer(nlp, "test_recording_ner", always=True, context=0, models=str(models_dir()))
    SENT_TO_MODEL.clear()
    list(everything.pipe(docs))
    assert ["The IOE met in Geneva in May 2010. ", "The Acme Widgets Consortium met.", texts[1]] == SENT_TO_MODEL


def test_an_unknown_place_takes_the_country_named_after_it(nlp: Language) -> None:
    words = ["Ministers", "met", "in", "Bad", "Neuenahr", ",", "Germany", ",", "and", "in", "Paris", "."]
    doc = run(nlp, with_entities(nlp, words, [(3, 5, "GPE")]))
    assert found(doc, label="PLACE") == [
        ("Bad Neuenahr", "PLACE", "DE", "ner:GPE+apposition"),
        ("Germany", "PLACE", "DE", "gazetteer:countries.csv"),
        ("Paris", "PLACE", "FR", "gazetteer:cities.csv"),
    ]


def test_an_unknown_place_takes_the_country_its_paragraph_names_most(nlp: Language) -> None:
    text = "In Colombia, meetings in Bogotá trained youth of Alto Baudó District, with a team in Lima."
    assert found(run(nlp, nlp.make_doc(text)), label="PLACE") == [
        ("Alto Baudó District", "PLACE", "CO", "rule:administrative-area+context"),
        ("Bogotá", "PLACE", "CO", "gazetteer:cities.csv"),
        ("Colombia", "PLACE", "CO", "gazetteer:countries.csv"),
        ("Lima", "PLACE", "PE", "gazetteer:cities.csv"),
    ]
    tied = "Meetings in Bogotá trained youth of Alto Baudó District, with a team in Lima."
    assert ("Alto Baudó District", "PLACE", "", "rule:administrative-area") in found(run(nlp, nlp.make_doc(tied)))
    known = "Youth of Jawa Barat Province and of KwaZulu-Natal met."  # an ISO 3166-2 area, named with its kind
    assert found(run(nlp, nlp.make_doc(known)), label="PLACE") == [
        ("Jawa Barat Province", "PLACE", "ID", "gazetteer:subdivisions.csv+administrative-area"),
        ("KwaZulu-Natal", "PLACE", "ZA", "gazetteer:regions.csv")]


def test_a_partners_acronym_joined_to_a_region_is_its_regional_body(nlp: Language) -> None:
    text = ("The ITUC Asia-Pacific regional organization (ITUC-AP) and ITUC-Africa met the ITUC; "
            "ITUC-AP will report. ILO Africa did not.")
    assert found(run(nlp, nlp.make_doc(text)), label="PARTNER") == [
        ("ITUC", "PARTNER", "International Trade Union Confederation", "gazetteer:partners.csv"),
        ("ITUC Asia-Pacific regional organization", "PARTNER", "ITUC Asia-Pacific",
         "acronym:definition:rule:acronym-region:International Trade Union Confederation"),
        ("ITUC-AP", "PARTNER", "ITUC Asia-Pacific", "acronym:use:rule:acronym-region:International Trade Union Confederation"),
        ("ITUC-AP", "PARTNER", "ITUC Asia-Pacific", "acronym:use:rule:acronym-region:International Trade Union Confederation"),
        ("ITUC-Africa", "PARTNER", "ITUC-Africa", "rule:acronym-region:International Trade Union Confederation"),
    ]


def test_people_are_no_entities_and_their_surnames_no_places(nlp: Language) -> None:
    text = ("Ms. K. Lindqvist (Government, Sweden) chaired; Mr. T. Bergen (Worker, Norway) and Ms. Lyon "
            "(Government, France) spoke. (Signed) K. Lindqvist. A meeting was held in Bergen.")
    assert found(run(nlp, nlp.make_doc(text))) == [
        ("Bergen", "PLACE", "NO", "gazetteer:cities.csv"),
        ("France", "PLACE", "FR", "gazetteer:countries.csv"),
        ("Norway", "PLACE", "NO", "gazetteer:countries.csv"),
        ("Sweden", "PLACE", "SE", "gazetteer:countries.csv"),
    ]
    people = [(s.text, s.id_) for s in candidates.candidates(run(nlp, nlp.make_doc(text)), "IGNORE")
              if s.id_.startswith("rule:person")]
    assert people == [("Ms. K. Lindqvist", "rule:person:person-title"), ("Mr. T. Bergen", "rule:person:person-title"),
                      ("Ms. Lyon", "rule:person:person-title"), ("K. Lindqvist", "rule:person:person-initials")]
    assert [s.start for s in candidates.candidates(run(nlp, nlp.make_doc(text)), "IGNORE")
            if s.id_.startswith("rule:person")] == [0, 10, 19, 31]


def test_a_lettered_heading_is_not_a_person(nlp: Language) -> None:
    assert found(run(nlp, nlp.make_doc("C. Kenya"))) == [("Kenya", "PLACE", "KE", "gazetteer:countries.csv")]


def test_a_units_former_name_has_todays_canonical(nlp: Language) -> None:
    doc = run(nlp, nlp.make_doc("The Bureau for Multinational Enterprise Activities and IFP/DIALOGUE reported."))
    assert found(doc) == [
        ("Bureau for Multinational Enterprise Activities", "UNIT", "MULTI", "gazetteer:unit_lineage.csv"),
        ("IFP/DIALOGUE", "UNIT", "DIALOGUE", "gazetteer:unit_lineage.csv"),
    ]


def test_money_with_spaced_thousands_and_convention_numbers(nlp: Language) -> None:
    doc = run(nlp, nlp.make_doc("It costs $41 500, then $100 200 under Convention (No. 88)."))
    assert found(doc, label="AMOUNT") == [("$100 200", "AMOUNT", "100200 USD", "pattern:money-symbol"),
                                         ("$41 500", "AMOUNT", "41500 USD", "pattern:money-symbol")]


def test_a_name_known_in_two_countries_takes_the_nearest_countrys(nlp: Language) -> None:
    text = "In Colombia, youth of Huila met the Office. Later, in Angola, Huila and Luanda."
    assert [(t, code) for t, _, code, _ in found(run(nlp, nlp.make_doc(text)), label="PLACE") if t == "Huila"] == [
        ("Huila", "AO"), ("Huila", "CO")]


@pytest.mark.parametrize(("text", "parsed"), [
    ("The Office trained 45 participants.", True),  # a count
    ("One of them met.", True),  # "one" is decided by its parse
    ("In 2000 workers joined.", True),  # a year-like number before a plural may count
    ("In 2007, the Office met twice.", False),  # a year
    ("In 2007 the Office met.", False),  # a year before a word that is no plural
    ("It cost US$ 2 million.", False),  # money: the amount patterns read it
    ("It rose by 45 per cent.", False),  # a share
    ("It met on 12 March.", False),  # a date
    ("See paragraph 12 of Convention (No. 88).", False),  # references
])
def test_the_parse_runs_only_where_a_number_may_count(nlp: Language, text: str, parsed: bool) -> None:
    from extractor.annotate.components.syntax import needs_parse

    doc = nlp.get_pipe("gb_sentences")(nlp.make_doc(text))
    assert [needs_parse(sentence) for sentence in doc.sents] == [parsed]


def test_the_model_ner_reads_a_passage_around_unexplained_words(nlp: Language) -> None:
    from extractor.annotate.components.model_ner import passages_for_model

    text = "The IOE met in Geneva in May 2010 and then, after talks, the Acme Widgets Consortium met. It ended."
    doc = nlp.make_doc(text)
    doc._.gb_context = build_context([text], load_knowledge())
    for name in ("gb_sentences", "gb_normalize", "gb_gazetteer", "gb_acronyms", "gb_unit_patterns"):
        doc = nlp.get_pipe(name)(doc)
    assert [p.text for p in passages_for_model(doc, context=2)] == [", the Acme Widgets Consortium met."]
    assert [p.text for p in passages_for_model(doc, context=0)] == [
        "The IOE met in Geneva in May 2010 and then, after talks, the Acme Widgets Consortium met."]


def test_the_parse_is_written_back_and_unparsed_sentences_keep_their_bounds() -> None:
    from extractor.annotate.nlp import load_pipeline

    nlp = load_pipeline()
    doc = nlp("The Office met in Geneva. It trained 45 participants. It closed.")
    assert [s.text for s in doc.sents] == ["The Office met in Geneva.", "It trained 45 participants.", "It closed."]
    assert [(t.text, t.tag_, t.dep_, t.head.text) for t in doc[6:11]] == [
        ("It", "PRP", "nsubj", "trained"), ("trained", "VBD", "ROOT", "trained"), ("45", "CD", "nummod", "participants"),
        ("participants", "NNS", "dobj", "trained"), (".", ".", "punct", "trained")]
    assert {t.tag_ for t in doc[:6]} == {""}  # no rule reads the first sentence's parse
    assert [(m.text, m.kb_id_) for m in doc.spans["gb_mentions"] if m.label_ == "AMOUNT"] == [
        ("45 participants", "45 participants")]


def test_sentences_end_at_a_stop_before_a_capital(nlp: Language) -> None:
    text = ("The Convention (No. 87) and art. 5 apply, as para. 3 says. Mr. K. Lindqvist (U.S. Department) met "
            "the IOE. “It ended,” he said. (The notes follow.)")
    doc = nlp.get_pipe("gb_sentences")(nlp.make_doc(text))
    assert [s.text for s in doc.sents] == [
        "The Convention (No. 87) and art. 5 apply, as para. 3 says.",
        "Mr. K. Lindqvist (U.S. Department) met the IOE.", "“It ended,” he said.", "(The notes follow.)"]
    question = nlp.get_pipe("gb_sentences")(nlp.make_doc("1. Please describe the service. Give figures."))
    assert [s.text for s in question.sents] == ["1. Please describe the service.", "Give figures."]
