"""Mentions: named, titled, role references and unnamed political actors."""

import pytest

from newsledger import entities, nlp
from newsledger.document import Document


def analyse(body: str) -> Document:
    doc = Document("t.txt", body.encode(), "text", text=body, body=body, language="en")
    nlp.annotate([doc])
    return entities.find(doc)


def by_alias(doc: Document, form: str):
    hits = [e for e in doc.entities if form == e.name or form in e.aliases]
    assert hits, f"{form!r} not among {[(e.name, e.aliases) for e in doc.entities]}"
    return hits[0]


def test_offsets_point_into_the_body():
    doc = analyse("Kenyan Foreign Minister Wanjiru Otieno met President Carlos Mendes in Nairobi.")
    for m in doc.mentions:
        assert doc.body[m.start : m.end] == m.text


def test_titled_person_keeps_the_full_phrase_and_splits_the_role():
    doc = analyse("Kenyan Foreign Minister Wanjiru Otieno arrived in Lima on Monday for talks.")
    person = by_alias(doc, "Kenyan Foreign Minister Wanjiru Otieno")
    assert person.name == "Wanjiru Otieno"
    assert person.type == "PERSON"
    role = person.roles[0]
    assert role.title == "foreign minister" and role.country == "KEN" and not role.former


def test_former_role_is_marked():
    doc = analyse("Former prime minister Daniel Okafor criticised the budget on Tuesday.")
    person = by_alias(doc, "Former prime minister Daniel Okafor")
    assert person.roles[0].former and person.roles[0].title == "prime minister"


def test_possessive_and_leading_the_leave_the_name():
    doc = analyse(
        "The United Nations said Brazil's economy grew. Officials of the United Nations agreed."
    )
    names = {e.name for e in doc.entities}
    assert "United Nations" in names
    assert "Brazil's" not in names and "Brazil" in names


def test_country_words_become_one_country_entity():
    doc = analyse(
        "The US announced new aid. The United States said American diplomats would travel."
    )
    usa = [e for e in doc.entities if e.country == "USA" and e.type == "GPE"]
    assert len(usa) == 1
    assert {"US", "American"} <= set(usa[0].aliases) | {usa[0].name}


@pytest.mark.parametrize(
    ("sentence", "phrase", "sector", "country"),
    [
        ("The Sri Lankan army shelled the town.", "Sri Lankan army", "MIL", "LKA"),
        ("US lawmakers demanded an inquiry.", "US lawmakers", "LEG", "USA"),
        ("Police arrested four people after the march.", "Police", "COP", None),
        ("Croatian authorities rejected the claim.", "Croatian authorities", "GOV", "HRV"),
        ("Militants attacked a checkpoint overnight.", "Militants", "REB", None),
    ],
)
def test_unnamed_political_actors(sentence, phrase, sector, country):
    doc = analyse(sentence)
    actor = by_alias(doc, phrase)
    assert actor.sector == sector
    assert actor.country == country


def test_a_long_name_split_by_ner_reads_as_one_person():
    from newsledger import nlp
    from newsledger.document import Document
    from newsledger.entities import find

    body = (
        "Party Secretary General Mirza Fakhrul Islam Alamgir told a rally that police raided homes."
    )
    doc = Document("t.txt", b"", "text", text=body, body=body, language="en")
    find(nlp.annotate([doc])[0])
    people = [e.name for e in doc.entities if e.type == "PERSON"]
    assert people == ["Mirza Fakhrul Islam Alamgir"]


def test_the_dateline_place_is_a_place_whatever_ner_says():
    from newsledger import nlp
    from newsledger.document import Document
    from newsledger.entities import find

    body = "KELDOR (Wire) — The council approved the budget on Monday."
    doc = Document("t.txt", b"", "text", text=body, body=body, language="en")
    doc.lead = body.index("The council")
    find(nlp.annotate([doc])[0])
    keldor = next(e for e in doc.entities if e.name.upper() == "KELDOR")
    assert keldor.type == "GPE"
    assert all(e.type != "GPE" for e in doc.entities if e.name == "Wire")  # the agency
