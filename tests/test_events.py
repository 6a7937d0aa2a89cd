"""Events stage: categories, arguments, negation, attribution, dates, dedup, stories.

Documents are built by running the real nlp and entities stages on sentences
written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger import entities, events, nlp
from newsledger.document import Document, Event, Span
from newsledger.events import dates, implicit, lexicon
from newsledger.events.lexicon import PLOVER


@pytest.fixture(scope="module")
def parse():
    nlp.model()

    def run(text: str, published: str | None = "2024-03-13") -> Document:
        doc = Document(source="t.txt", raw=text.encode(), kind="text", body=text)
        doc.published = published
        nlp.annotate([doc])
        entities.find(doc)
        return events.extract(doc)

    return run


def names_ids(doc: Document, name: str) -> set[str]:
    return {e.local_id for e in doc.entities if e.name == name}


def names(doc: Document, ids: list[str]) -> set[str]:
    out = set()
    for i in ids:
        ent = doc.entity(i)
        out |= {ent.name, *ent.aliases} if ent else {i}
    return out


def only(doc: Document, etype: str):
    found = [e for e in doc.events if e.type == etype]
    assert len(found) == 1, [(e.type, e.actor, e.recipient) for e in doc.events]
    return found[0]


# --- categories and arguments ------------------------------------------------------
def test_compound_actors_meet(parse):
    doc = parse("Peru and Bolivia held talks in Lima on the border dispute.")
    ev = only(doc, "CONSULT")
    assert {"Peru", "Bolivia"} <= names(doc, ev.actor + ev.recipient)
    assert ev.location == "Lima"


def test_recipient_of_urged(parse):
    doc = parse("The Chilean foreign minister urged Argentina to reopen the border crossing.")
    ev = only(doc, "REQUEST")
    assert "Argentina" in names(doc, ev.recipient)


def test_passive_agent_is_actor(parse):
    doc = parse("The convoy of Bolivia was attacked by Peruvian troops near the border.")
    ev = only(doc, "ASSAULT")
    assert any("Peruvian" in n for n in names(doc, ev.actor))


def test_only_plover_categories_in_lexicon():
    cats = {e.category for entries in lexicon.triggers().values() for e in entries}
    assert cats <= set(PLOVER)
    assert sum(len(v) for v in lexicon.triggers().values()) > 500


# --- negation and modality ---------------------------------------------------------
def test_negated_verb_keeps_its_type(parse):
    doc = parse("Peru did not meet the Bolivian delegation in Lima.")
    ev = only(doc, "CONSULT")
    assert ev.negated


def test_denial_is_negated_and_attributed_to_the_denier(parse):
    doc = parse("Senator Mark Ruiz denied meeting the Iranian ambassador in Geneva.")
    ev = only(doc, "CONSULT")
    assert ev.negated
    assert "Mark Ruiz" in names(doc, [ev.attributed_to])


def test_ruled_out_is_a_rejection_not_a_negation(parse):
    doc = parse("Finance Minister Laura Bell ruled out talks with the striking unions.")
    ev = only(doc, "REJECT")
    assert not ev.negated


@pytest.mark.parametrize(
    "text",
    [
        "The bloc ruled out new sanctions against Tarsia.",
        "The bloc ruled out the reimposition of sanctions on Tarsia.",
    ],
)
def test_a_ruled_out_act_named_by_a_noun_is_negated_too(parse, text):
    doc = parse(text)
    assert not only(doc, "REJECT").negated
    sanction = only(doc, "SANCTION")
    assert sanction.negated
    assert "Tarsia" in names(doc, sanction.recipient)


def test_future_meeting_is_agree_with_future_mode(parse):
    doc = parse("Peru will meet Bolivia in Lima next month.")
    ev = only(doc, "AGREE")
    assert ev.aux_mode == "future"


# --- attribution -------------------------------------------------------------------
def test_speaker_said(parse):
    doc = parse("Ana Ruiz said that Peru threatened Bolivia with sanctions.")
    ev = only(doc, "THREATEN")
    assert "Ana Ruiz" in names(doc, [ev.attributed_to])


def test_speaker_told(parse):
    doc = parse("Ana Ruiz told reporters that Peru had attacked Bolivia.")
    ev = only(doc, "ASSAULT")
    assert "Ana Ruiz" in names(doc, [ev.attributed_to])


def test_claimed_is_alleged(parse):
    doc = parse("Ana Ruiz claimed that Peru had attacked Bolivia.")
    ev = only(doc, "ASSAULT")
    assert "Ana Ruiz" in names(doc, [ev.attributed_to])
    assert ev.certainty == "alleged"


def test_quoted_speech(parse):
    doc = parse('"Peru attacked our border posts," Bolivian President Luis Arce said.')
    ev = only(doc, "ASSAULT")
    assert "Luis Arce" in names(doc, [ev.attributed_to])


def test_according_to_sources(parse):
    doc = parse("According to sources, Peru and Bolivia held secret talks in Lima.")
    assert only(doc, "CONSULT").attributed_to == "sources"


def test_sources_say(parse):
    doc = parse("Sources say that Peru met with Bolivian officials last week.")
    assert only(doc, "CONSULT").attributed_to == "sources"


def test_another_outlet_reported(parse):
    doc = parse("Peru met with Bolivian officials in Lima, Reuters reported.")
    ev = only(doc, "CONSULT")
    assert any("Reuters" in n for n in names(doc, [ev.attributed_to]))


def test_outlet_own_voice(parse):
    doc = parse("Peru sent food aid to Bolivia after the floods.")
    ev = only(doc, "AID")
    assert ev.attributed_to == "outlet"
    assert ev.certainty == "asserted"


def test_a_statement_is_its_makers_report(parse):
    doc = parse("Peru condemned Bolivia over the border closure.")
    ev = only(doc, "ACCUSE")
    assert "Peru" in names(doc, [ev.attributed_to])


def test_reportedly_is_hedged(parse):
    doc = parse("Peru reportedly attacked Bolivian troops near the border.")
    assert only(doc, "ASSAULT").certainty == "hedged"


def test_reported_wrongdoing_is_an_accusation_by_the_speaker(parse):
    doc = parse("Ana Ruiz told the committee that journalists have been tortured in Peru.")
    ev = only(doc, "ACCUSE")
    assert "Ana Ruiz" in names(doc, ev.actor)
    assert "Peru" in names(doc, ev.recipient)


# --- dates -------------------------------------------------------------------------
def test_relative_date_against_published(parse):
    doc = parse("Peru met Bolivia in Lima on Monday.", published="2024-03-13")
    assert only(doc, "CONSULT").date == "2024-03-11"


def test_unknown_date_stays_unknown(parse):
    doc = parse("Peru met Bolivia in Lima on Monday.", published=None)
    assert only(doc, "CONSULT").date is None


def test_few_days_ago():
    assert dates.resolve("few days ago", "2024-03-13") == "2024-03-10"
    assert dates.resolve("last year", "2024-03-13") is None


@given(st.text(max_size=40))
def test_date_resolution_never_raises(text):
    out = dates.resolve(text, "2024-03-13")
    assert out is None or len(out) == 10


# --- evidence and dedup ------------------------------------------------------------
def test_headline_and_body_are_one_event_with_two_spans(parse):
    text = "Peru meets Bolivia in Lima.\n\nPeru met Bolivia in Lima on Monday to discuss trade."
    doc = parse(text)
    ev = only(doc, "CONSULT")
    assert len(ev.evidence) == 2
    for span in ev.evidence:
        assert text[span.start : span.end] == span.text


# --- stories -----------------------------------------------------------------------
class _Store:
    """Only what grouping asks of a store: no stored events yet."""

    def story_candidates(self, entity_ids, since, until):
        return []


def _with_kb_ids(doc: Document) -> Document:
    for ent in doc.entities:
        ent.kb_id = "K-" + ent.name.lower()
    return doc


def test_two_reports_of_one_meeting_share_a_story(parse):
    a = _with_kb_ids(parse("Peru met Bolivia in Lima on Monday.", published="2024-03-13"))
    b = _with_kb_ids(parse("Bolivia held talks with Peru on Monday.", published="2024-03-12"))
    events.group_stories([a, b], _Store())
    assert only(a, "CONSULT").story == only(b, "CONSULT").story


def test_a_later_meeting_is_another_story(parse):
    a = _with_kb_ids(parse("Peru met Bolivia in Lima on Monday.", published="2024-03-13"))
    b = _with_kb_ids(parse("Peru met Bolivia in La Paz on Monday.", published="2024-04-17"))
    events.group_stories([a, b], _Store())
    assert only(a, "CONSULT").story != only(b, "CONSULT").story


# --- rules that keep precision -----------------------------------------------------
def test_a_condition_is_not_an_event(parse):
    doc = parse(
        "The farmers said they would block the highway if the government did not meet them."
    )
    assert not [e for e in doc.events if e.type in ("CONSULT", "REJECT", "AGREE")]


def test_declining_to_comment_is_no_rejection(parse):
    doc = parse("Defence Minister Paul Okafor declined to comment on the report.")
    assert not [e for e in doc.events if e.type == "REJECT"]


def test_calling_off_a_strike_is_a_concession(parse):
    doc = parse("The teachers' union called off its strike after talks with the ministry.")
    assert [e for e in doc.events if e.type == "CONCEDE"]


def test_said_they_would_is_the_speakers_promise(parse):
    # the manual: an announced release or withdrawal is a CONCEDE, not a RETREAT yet
    doc = parse("The rebels said they would release the hostages on Friday.")
    ev = only(doc, "CONCEDE")
    assert ev.aux_mode == "future"
    assert any("rebels" in n for n in names(doc, ev.actor))


def test_police_reporting_a_killing_do_not_accuse(parse):
    doc = parse("Three civilians were killed in a bombing in the capital, police said.")
    assert not [e for e in doc.events if e.type == "ACCUSE"]


def test_a_promise_of_force_is_a_threat(parse):
    doc = parse("The militia vowed to attack government positions near the airport.")
    assert only(doc, "THREATEN").actor


# --- entities the events stage touches -------------------------------------------
def test_unnamed_actor_becomes_a_nominal_entity(parse):
    doc = parse("Senior Hungarian and Romanian officials agreed to cooperate on refugees.")
    ev = only(doc, "AGREE")
    forms = names(doc, ev.actor)
    assert any("officials" in f for f in forms)
    assert {"Hungarian", "Romanian"} & forms


def test_a_modifier_does_not_lend_its_name_to_the_phrase(parse):
    doc = parse("The Green Party Youth Committee urged Peru to free the activists.")
    for ent in doc.entities:
        if "Committee" in ent.name:
            assert "Green" not in ent.aliases and "Green Party" not in ent.aliases


def test_a_stored_report_lends_its_story(parse):
    from newsledger.store.base import StoredEvent

    class Stored:
        def story_candidates(self, entity_ids, since, until):
            ids = sorted(entity_ids)
            return [StoredEvent("d0", 0, "CONSULT", ids, [], False, "2024-03-11", "S-old")]

    doc = _with_kb_ids(parse("Peru met Bolivia in Lima on Monday.", published="2024-03-13"))
    events.group_stories([doc], Stored())
    assert only(doc, "CONSULT").story == "S-old"


def test_a_quotation_over_two_sentences_is_the_speakers(parse):
    doc = parse(
        '"The Peruvian army attacked our villages. Peru also arrested our teachers,"'
        " opposition leader Maria Lopez told reporters."
    )
    found = [e for e in doc.events if e.type in ("ASSAULT", "COERCE")]
    assert found
    for ev in found:
        assert any("Lopez" in n for n in names(doc, [ev.attributed_to]))


def test_anonymous_officials_are_sources(parse):
    doc = parse(
        "Peru and Bolivia held secret talks in Lima last week, two officials said"
        " on condition of anonymity."
    )
    assert only(doc, "CONSULT").attributed_to == "sources"


def test_the_channel_reported(parse):
    doc = parse("A private television channel reported that Peru had arrested Bolivian traders.")
    ev = only(doc, "COERCE")
    assert any("channel" in n for n in names(doc, [ev.attributed_to]))


def test_should_in_reported_speech_is_a_demand(parse):
    doc = parse("Ana Ruiz told the Peruvian president that early elections should be held.")
    ev = only(doc, "REQUEST")
    assert "Ana Ruiz" in names(doc, ev.actor)


def test_the_demand_of_a_protest_is_its_topic(parse):
    doc = parse("Thousands of Chilean students marched in Santiago to demand free education.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_a_blockade_by_a_state_is_coercion(parse):
    doc = parse("Peru blockaded the Bolivian border crossings on Friday.")
    assert only(doc, "COERCE").actor


def test_fighting_corruption_is_no_assault(parse):
    doc = parse("The new Peruvian government vowed to fight corruption and attacked inflation.")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_a_relative_clause_on_an_object_is_background(parse):
    doc = parse("Peru said it would respect the treaty it signed with Bolivia in 1990.")
    assert not [e for e in doc.events if e.type == "SUPPORT"]


def test_burning_a_flag_is_a_protest(parse):
    doc = parse("Bolivian students burned a Peruvian flag outside the embassy in La Paz.")
    assert only(doc, "PROTEST").mode == "vandalize"


def test_calling_someone_names_is_an_accusation(parse):
    doc = parse('The Peruvian foreign minister called the Bolivian government "illegitimate".')
    assert only(doc, "ACCUSE").actor


def test_every_cue_list_the_code_reads_exists():
    import re
    from pathlib import Path

    import newsledger.events as package

    names = set()
    for path in Path(package.__file__).parent.glob("*.py"):
        names |= set(re.findall(r'words\("([a-z_]+)"\)', path.read_text(encoding="utf-8")))
    assert names
    missing = {n for n in names if n not in lexicon.cues()}
    assert not missing


def test_a_death_reported_without_a_culprit_accuses_nobody(parse):
    doc = parse("Governor Ana Ruiz said ten villagers were killed when the bridge collapsed.")
    assert not [e for e in doc.events if e.type == "ACCUSE"]


SENTENCES = [
    "Peru and Bolivia held talks in Lima on Monday.",
    '"We will not negotiate," Bolivian President Luis Arce said.',
    "According to sources, Peru urged Bolivia to reopen the border.",
    "Police arrested dozens of protesters outside the parliament.",
    "Ana Ruiz claimed that Peru had bombed a Bolivian village.",
    "The minister denied meeting the rebels.",
    "Thousands of farmers marched in La Paz to demand lower fuel prices.",
    "Chile will send food aid to Peru next week.",
]


@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_event_is_well_formed(parse, picked):
    text = "\n\n".join(picked)
    doc = parse(text)
    local = {e.local_id for e in doc.entities}
    for ev in doc.events:
        assert ev.type in PLOVER
        assert ev.actor and set(ev.actor) <= local and set(ev.recipient) <= local
        assert ev.attributed_to in local | {"sources", "outlet"}
        for span in ev.evidence:
            assert text[span.start : span.end] == span.text


def test_a_sanction_under_consideration_is_a_hypothetical_threat(parse):
    doc = parse("The Andean Council is considering sanctions against the Varnesian junta.")
    ev = only(doc, "THREATEN")
    assert ev.aux_mode == "hypothetical"
    assert "Andean Council" in names(doc, ev.actor)


def test_according_to_names_the_source_not_the_target(parse):
    doc = parse("Tarsia has supplied rifles to the Unity Front, according to Varnesian officials.")
    ev = only(doc, "AID")
    assert not any("officials" in n for n in names(doc, ev.recipient))
    assert "Unity Front" in " ".join(names(doc, ev.recipient))


def test_rejecting_the_claims_is_aimed_at_who_made_them(parse):
    doc = parse(
        "The Unity Front accused the interior ministry of torturing detainees.\n\n"
        "Interior Minister Miro Halden denied the allegations on Tuesday."
    )
    ev = only(doc, "REJECT")
    assert "Unity Front" in " ".join(names(doc, ev.recipient))


def test_welcoming_the_deal_is_aimed_at_both_parties(parse):
    doc = parse(
        "Varnesia and Tarsia signed an agreement on river trade on Monday.\n\n"
        "Solmere welcomed the deal."
    )
    welcome = [e for e in doc.events if "Solmere" in names(doc, e.actor)]
    assert welcome and {"Varnesia", "Tarsia"} <= names(doc, welcome[0].recipient)


def test_an_ultimatum_points_at_the_threat_not_a_later_appeal(parse):
    doc = parse(
        "The Coastal Union threatened to suspend Varnesia unless it freed the detainees.\n\n"
        "Tarsian President Ola Wend urged the Varnesian government to open talks.\n\n"
        "Varnesian Foreign Minister Keto Aru rejected the ultimatum on state radio."
    )
    ev = only(doc, "REJECT")
    assert "Coastal Union" in " ".join(names(doc, ev.recipient))
    assert "Ola Wend" not in names(doc, ev.recipient)


def test_the_claims_beat_a_description_misattached_to_them(parse):
    doc = parse(
        "The Unity Front accused the army of shelling villages.\n\n"
        "General Sava Orin rejected the accusations in a statement read on state television."
    )
    ev = only(doc, "REJECT")
    assert "Unity Front" in " ".join(names(doc, ev.recipient))


def test_travel_bans_are_sanctions(parse):
    doc = parse("Varnesia imposed travel bans on six Tarsian officials on Friday.")
    ev = only(doc, "SANCTION")
    assert "Varnesia" in names(doc, ev.actor)


def test_an_unnamed_junta_governs_the_country_the_article_is_about(parse):
    doc = parse(
        "Mali's military seized power in March. Mali has been suspended from the "
        "Coastal Union since.\n\n"
        "Senegal urged the junta to release political prisoners."
    )
    ev = only(doc, "REQUEST")
    assert "Mali" in names(doc, ev.recipient)


def test_an_unnamed_government_is_named_after_its_state(parse):
    doc = parse(
        "Mali's military seized power in March. Mali was suspended from the Coastal Union.\n\n"
        "The government rejected the demand."
    )
    government = next(e for e in doc.entities if e.name == "government")
    assert "Government of Mali" in government.aliases


def test_a_named_administration_keeps_its_own_country(parse):
    doc = parse("The Halden administration said Chile must drop its tariffs on Peruvian grain.")
    ev = only(doc, "REQUEST")
    assert "Chile" not in names(doc, ev.actor)


def test_regional_leaders_act_as_their_bloc_when_it_is_named(parse):
    doc = parse(
        "The Economic Community of West African States (ECOWAS) met in Abuja.\n\n"
        "West African leaders threatened to impose sanctions on Guinea."
    )
    ev = only(doc, "THREATEN")
    assert "ECOWAS" in names(doc, ev.actor)


def test_denying_an_order_for_a_crackdown_negates_the_crackdown(parse):
    doc = parse("General Sava Orin denied ordering a crackdown on the protesters.")
    ev = only(doc, "COERCE")
    assert ev.negated and "Sava Orin" in names(doc, ev.actor)
    assert not [e for e in doc.events if e.type == "REJECT"]


def test_armed_men_firing_is_an_attack_but_firing_staff_is_not(parse):
    doc = parse("Varnesian border guards fired first, the ministry said.")
    assert only(doc, "ASSAULT")
    doc = parse("The company fired its chief executive on Monday.")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_refusing_what_was_demanded_answers_the_demand(parse):
    doc = parse(
        "Opposition leader Mara Vell demanded a debate in parliament on the border.\n\n"
        "Interior Minister Keto Aru ruled out a separate debate on the issue."
    )
    ev = only(doc, "REJECT")
    assert "Mara Vell" in names(doc, ev.recipient)


def test_a_name_inside_a_quotation_is_no_antecedent(parse):
    doc = parse(
        'Spokesperson Lin Bao told reporters that "Tarvo is our territory". '
        "He urged Varnesia to stop the survey."
    )
    ev = only(doc, "REQUEST")
    assert "Lin Bao" in names(doc, ev.actor)


def test_a_warning_that_names_nobody_is_aimed_at_the_speakers_last_target(parse):
    doc = parse(
        "General Sava Orin accused Tarsia of shelling the border post.\n\n"
        '"Any repetition will receive a firm answer," Orin warned.'
    )
    ev = only(doc, "THREATEN")
    assert "Tarsia" in names(doc, ev.recipient)


def test_a_denial_that_names_nobody_answers_the_accuser(parse):
    accuse = Event(type="ACCUSE", actor=["A"], recipient=["B"])
    reject = Event(type="REJECT", actor=["B"], recipient=[])
    implicit.fill([accuse, reject], is_place=lambda e: False, home=None)
    assert reject.recipient == ["A"]


def test_an_act_naming_nobody_is_aimed_at_the_sides_usual_target(parse):
    first = Event(type="ACCUSE", actor=["A"], recipient=["B"])
    elsewhere = [Event(type=t, actor=["C"], recipient=["D"]) for t in ("AGREE", "CONSULT", "AID")]
    warning = Event(type="THREATEN", actor=["A"], recipient=[])
    implicit.fill([first, *elsewhere, warning], is_place=lambda e: False, home=None)
    assert warning.recipient == ["B"]


def test_a_commitment_naming_nobody_is_made_to_the_usual_counterpart(parse):
    talks = Event(type="CONSULT", actor=["A"], recipient=["B"])
    other = Event(type="AID", actor=["C"], recipient=["D"])
    pledge = Event(type="AGREE", actor=["A"], recipient=[])
    implicit.fill([talks, other, pledge], is_place=lambda e: False, home=None)
    assert pledge.recipient == ["B"]


def test_a_foreign_commitment_naming_nobody_is_made_to_the_articles_state(parse):
    pledge = Event(type="AGREE", actor=["donor"], recipient=[])
    implicit.fill([pledge], is_place=lambda e: False, home="country")
    assert pledge.recipient == ["country"]


def test_a_protest_at_no_named_party_is_also_aimed_at_the_state(parse):
    march = Event(type="PROTEST", actor=["crowd"], recipient=["jailed demonstrators"])
    implicit.fill([march], lambda e: False, "country", is_actor=lambda e: False)
    assert march.recipient == ["jailed demonstrators", "country"]


def test_a_demand_for_release_is_aimed_at_the_jailers(parse):
    arrest = Event(type="COERCE", actor=["security service"], recipient=["man"])
    demand = Event(
        type="REQUEST",
        actor=["ministry"],
        recipient=["man"],
        evidence=[Span("requested the man's early release", 0, 34)],
    )
    implicit.fill([arrest, demand], lambda e: False, None, is_actor=lambda e: False)
    assert "security service" in demand.recipient


def test_whose_country_is_the_leaders_state(parse):
    doc = parse(
        "Lithuania closed the crossing in May.\n\nLithuanian President Gitanas Nauseda, whose "
        "country closed its own border with Belarus for several weeks, spoke on Monday."
    )
    closing = [e for e in doc.events if "Belarus" in names(doc, e.recipient)]
    assert closing and "Lithuania" in names(doc, closing[0].actor)


def test_an_implicit_target_is_never_the_events_own_source(parse):
    first = Event(type="REJECT", actor=["speaker"], recipient=["country"])
    second = Event(type="REJECT", actor=["country"], recipient=[], attributed_to="speaker")
    implicit.fill([first, second], is_place=lambda e: False, home=None)
    assert "speaker" not in second.recipient


def test_a_protest_at_a_square_is_aimed_at_the_government(parse):
    rally = Event(type="PROTEST", actor=["crowd"], recipient=["square"])
    implicit.fill([rally], is_place=lambda e: e == "square", home="country")
    assert rally.recipient == ["country"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Varnesia withdrew from the Coastal Union in 2023.", "SANCTION"),
        ("Varnesia withdrew its troops from the border town.", "RETREAT"),
        ("Keto Aru held a video call with Tarsian President Ola Wend.", "CONSULT"),
        ("Keto Aru wrote to Ola Wend asking him to reopen the border.", "REQUEST"),
        ("Keto Aru wrote to Ola Wend making new allegations of fraud.", "ACCUSE"),
        ("The Coastal Union announced $25 million in humanitarian aid for Varnesia.", "AID"),
        ("Varnesia and Tarsia began joint drills off the coast on Monday.", "COOPERATE"),
        ("President Ola Wend said he was very unhappy with Keto Aru.", "ACCUSE"),
        ("Ambassador Ola Wend called on Senator Keto Aru at his office.", "CONSULT"),
        ("Ambassador Ola Wend called on Senator Keto Aru to resign.", "REQUEST"),
        ("Varnesian fighter jets were scrambled shortly after 2 a.m.", "MOBILIZE"),
        ("Varnesia said 3,000 soldiers would be sent to its eastern border.", "MOBILIZE"),
        ("Riot police used water cannon to clear the demonstrators.", "ASSAULT"),
        ("Thousands marched in the capital to demand the resignation of Ola Wend.", "PROTEST"),
        ("Tarsia responded with tariffs on Varnesian steel.", "SANCTION"),
        ("Ola Wend said she would not retract her remarks on the border.", "REJECT"),
        ("Varnesia said it would answer any new tariff with measures of its own.", "THREATEN"),
    ],
)
def test_the_act_decides_the_category(parse, text, kind):
    doc = parse(text)
    assert only(doc, kind)
    assert len(doc.events) == 1, [(e.type, e.trigger) for e in doc.events]


def test_sources_who_asked_not_to_be_named_request_nothing(parse):
    doc = parse("Officials who asked not to be named said the army had deployed two ships.")
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_sending_an_ambassador_is_no_aid(parse):
    doc = parse("Varnesia sent only its ambassador to the inauguration in Tarsia.")
    assert not [e for e in doc.events if e.type == "AID"]


def test_denying_a_report_negates_what_it_reported(parse):
    doc = parse(
        "The defence ministry denied a report by the Daily Ledger that Varnesia had "
        "attacked the border post."
    )
    ev = only(doc, "ASSAULT")
    assert ev.negated


def test_condemning_an_attack_is_aimed_at_the_attackers_not_the_place(parse):
    doc = parse(
        "Gunmen of the Black Hills Brigade attacked a mosque in Kaura Namoda on Friday.\n\n"
        "President Ola Wend condemned the Kaura Namoda attack."
    )
    ev = only(doc, "ACCUSE")
    assert "Black Hills Brigade" in " ".join(names(doc, ev.recipient))
    assert "Kaura Namoda" not in names(doc, ev.recipient)


def test_blocking_a_sanctions_package_is_a_veto(parse):
    doc = parse("Varnesia on Monday blocked the Coastal Union's new package of sanctions.")
    ev = only(doc, "REJECT")
    assert "Coastal Union" in names(doc, ev.recipient)
    assert not [e for e in doc.events if e.type in ("COERCE", "PROTEST")]


def test_proposing_that_another_party_act_asks_it_to(parse):
    doc = parse("The mediators proposed that the Unity Front place its weapons in storage.")
    ev = only(doc, "REQUEST")
    assert "Unity Front" in names(doc, ev.recipient)


def test_coordinated_nationalities_name_their_countries(parse):
    doc = parse(
        "Egypt, Qatar and the United States hosted the talks.\n\n"
        "The Unity Front called on the Egyptian, Qatari and US mediators to act."
    )
    ev = only(doc, "REQUEST")
    assert {"Egypt", "Qatar", "United States"} <= names(doc, ev.recipient)


def test_party_activists_and_the_police_stand_for_the_ones_named(parse):
    doc = parse(
        "The Harbour Metropolitan Police banned the rally called by the People's Front.\n\n"
        "Police detained 47 party activists overnight."
    )
    ev = next(e for e in doc.events if e.type == "COERCE" and "47" in e.evidence[0].text)
    assert "Harbour Metropolitan Police" in names(doc, ev.actor)
    assert "People's Front" in " ".join(names(doc, ev.recipient))


def test_brussels_acting_is_the_european_union(parse):
    doc = parse(
        "The European Union offered to host the signing.\n\nBrussels welcomed the final text."
    )
    ev = only(doc, "SUPPORT")
    assert "European Union" in names(doc, ev.actor) and "Brussels" not in names(doc, ev.actor)


def test_not_accepting_the_accusations_rejects_them(parse):
    doc = parse("Tarsia said Varnesia does not accept the Coastal Union's accusations.")
    ev = only(doc, "REJECT")
    assert not ev.negated and "Coastal Union" in " ".join(names(doc, ev.recipient))


def test_the_envoy_is_the_ambassador_named_before_not_the_last_person(parse):
    doc = parse(
        "Tarsian Ambassador Ola Wend called on opposition leader Keto Aru at his office. "
        "The envoy reaffirmed Tarsia's support for Varnesia."
    )
    ev = only(doc, "SUPPORT")
    assert "Ola Wend" in names(doc, ev.actor) and "Keto Aru" not in names(doc, ev.actor)


def test_denying_an_attempt_negates_the_act_attempted(parse):
    doc = parse("President Ola Wend denied that his government was trying to silence critics.")
    ev = only(doc, "COERCE")
    assert ev.negated


def test_the_kremlin_acting_is_russia(parse):
    doc = parse(
        "Poland accused Russia of a deliberate provocation.\n\n"
        "The Kremlin also rejected the accusations."
    )
    ev = only(doc, "REJECT")
    assert "Russia" in names(doc, ev.actor) and "Poland" in names(doc, ev.recipient)


def test_a_body_named_after_its_state_acts_for_it_and_a_named_modifier_counts(parse):
    doc = parse(
        "The Rapid Support Forces (RSF) attacked the town. The United States condemned it.\n\n"
        "The US Treasury imposed sanctions on two RSF field commanders."
    )
    ev = only(doc, "SANCTION")
    assert {"US Treasury", "United States"} <= names(doc, ev.actor)
    assert "Rapid Support Forces" in names(doc, ev.recipient)


def test_a_possessor_of_the_claims_is_their_maker(parse):
    doc = parse(
        "The Sovereignty Council accused the Unity Front of shelling the market.\n\n"
        "The Unity Front rejected the Coastal Army's account."
    )
    ev = only(doc, "REJECT")
    assert "Coastal Army" in " ".join(names(doc, ev.recipient))


def test_dismissing_an_announcement_answers_whoever_made_it(parse):
    doc = parse(
        "General Sava Orin announced a unilateral three-month ceasefire.\n\n"
        "President Ola Wend dismissed the announcement as a manoeuvre."
    )
    ev = only(doc, "REJECT")
    assert "Sava Orin" in names(doc, ev.recipient)


def test_concern_that_names_nobody_is_at_whoever_last_used_force(parse):
    attack = Event(type="ASSAULT", actor=["navy"], recipient=["boat"])
    concern = Event(type="ACCUSE", actor=["envoy"], recipient=[])
    implicit.fill([attack, concern], is_place=lambda e: False, home=None)
    assert concern.recipient == ["navy"]


def test_a_verb_the_parser_read_as_a_reduced_relative_keeps_its_subject(parse):
    doc = parse(
        "The envoys called on the authorities to release those detained without charge and "
        "to allow Keto Aru to move freely."
    )
    ev = only(doc, "REQUEST")
    assert "envoys" in names(doc, ev.actor)


def test_an_army_refusing_talks_is_a_refusal_not_a_deployment(parse):
    doc = parse("General Sava Orin said the army would not negotiate with the Unity Front.")
    ev = only(doc, "REJECT")
    assert "Unity Front" in names(doc, ev.recipient)


def test_promising_to_hold_those_responsible_accountable_threatens(parse):
    doc = parse("The Coastal Union said it will hold those responsible accountable.")
    assert only(doc, "THREATEN")


@pytest.mark.parametrize("who", ["all parties", "the warring parties", "both sides"])
def test_an_appeal_to_all_parties_reaches_both_sides_of_the_fight(parse, who):
    doc = parse(f"Varnesia and Tarsia exchanged fire on Monday. Qatar urged {who} to stop.")
    ev = only(doc, "REQUEST")
    assert {"Varnesia", "Tarsia"} <= names(doc, ev.recipient)


def test_ruling_out_an_act_is_a_refusal_and_the_act_negated(parse):
    doc = parse("Keto Aru ruled out signing a border agreement with Tarsia.")
    refusal = only(doc, "REJECT")
    assert not refusal.negated
    signing = only(doc, "AGREE")
    assert signing.negated and "Keto Aru" in names(doc, signing.actor)


def test_an_arrest_with_no_agent_is_by_the_police_the_article_named(parse):
    doc = parse(
        "The Harbour Metropolitan Police said the march was illegal.\n\n"
        "At least 37 people were detained on Sunday."
    )
    ev = next(e for e in doc.events if e.type == "COERCE")
    assert "Harbour Metropolitan Police" in names(doc, ev.actor)


def test_an_indefinite_noun_points_at_nothing(parse):
    doc = parse(
        "The Unity Front accused the interior ministry of torture.\n\n"
        "Miro Halden rejected a proposal to cut the budget."
    )
    ev = only(doc, "REJECT")
    assert not ev.recipient or "Unity Front" not in " ".join(names(doc, ev.recipient))


# --- phrases, recodings and pair anaphora -------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Varnesian and Tarsian border guards exchanged fire near the river crossing.", "ASSAULT"),
        ("Varnesia closed its border crossing with Tarsia on Friday.", "SANCTION"),
        ("Some demonstrators hurled stones at the Varnesian police.", "ASSAULT"),
        ("The Tarsian minister lashed out at the Varnesian government.", "ACCUSE"),
        ("The Varnesian president hit back at Tarsia over the dam.", "ACCUSE"),
        ("Varnesian police denied that officers used force against the Unity Front.", "ASSAULT"),
    ],
)
def test_phrases_select_their_category(parse, text, etype):
    doc = parse(text)
    assert [e.type for e in doc.events] == [etype], [(e.type, e.trigger) for e in doc.events]


def test_a_denied_use_of_force_is_a_negated_assault(parse):
    doc = parse("The Varnesian army denied that its soldiers had used force against protesters.")
    assert only(doc, "ASSAULT").negated


def test_a_verdict_by_a_panel_accuses_and_by_a_court_convicts(parse):
    doc = parse("The ethics committee found Senator Ana Ruiz guilty of misconduct.")
    assert only(doc, "ACCUSE").mode == "allege"
    doc = parse("A Varnesian court found Senator Ana Ruiz guilty of fraud.")
    ev = only(doc, "SANCTION")
    assert ev.mode == "convict" and "Ana Ruiz" in " ".join(names(doc, ev.recipient))


def test_a_vow_to_go_to_court_is_a_threat(parse):
    doc = parse("Speaking to reporters, Ana Ruiz vowed to challenge the ban in court.")
    ev = only(doc, "THREATEN")
    assert not any("reporter" in n or "court" in n for n in names(doc, ev.recipient))


def test_an_agency_named_in_a_threat_is_its_target_not_the_press(parse):
    doc = parse(
        "Syria warned on Monday that it would halt cooperation with the Global Water Agency"
        " (GWA) if the agency's Board of Trustees adopts a motion criticising Damascus."
    )
    ev = next(e for e in doc.events if e.type == "THREATEN")
    assert any("Water Agency" in n for n in names(doc, ev.recipient))


def test_press_heard_by_a_speaker_is_no_recipient(parse):
    doc = parse("Ana Ruiz told the news agency that Peru threatened to attack Bolivia.")
    for ev in doc.events:
        assert not any("agency" in n for n in names(doc, ev.recipient))


def test_asking_a_state_to_admit_monitors_is_a_request_to_that_state(parse):
    doc = parse("Envoy Maria Lopez said she had asked Damascus to give monitors access to jails.")
    ev = only(doc, "REQUEST")
    assert "Damascus" in names(doc, ev.recipient)


def test_rejecting_the_protest_answers_who_lodged_it(parse):
    doc = parse(
        "The Foreign Ministry of Peru lodged a protest with Chile over the incursion."
        " A navy spokesman accused Chile of an illegal act."
        " The Chilean embassy in Lima rejected the protest."
    )
    ev = only(doc, "REJECT")
    assert any("Foreign Ministry" in n for n in names(doc, ev.recipient))


def test_dismissing_the_protests_targets_the_protesters(parse):
    doc = parse(
        "Thousands of students marched in Quito on Tuesday."
        " Interior Minister Ana Ruiz dismissed the protests as chaos."
    )
    ev = only(doc, "REJECT")
    assert any("student" in n for n in names(doc, ev.recipient))


def test_rejecting_an_accusation_answers_the_accuser_not_the_accused(parse):
    doc = parse(
        "Britain accused Iran of arming the rebels."
        " Foreign Minister Ali Zarif rejected the accusation that Iran was arming the rebels."
    )
    ev = only(doc, "REJECT")
    assert names(doc, ev.recipient) & {"Britain"}
    assert "Iran" not in names(doc, ev.recipient)


@pytest.mark.parametrize(
    ("text", "etype", "actor", "recipients", "not_recipient"),
    [
        (  # an official acts for a state: the state is acted upon too
            "Indian Foreign Minister Arun Mehta accused Nepal of harbouring militants on"
            " Monday. Nepal rejected the charge.",
            "REJECT",
            "Nepal",
            {"Arun Mehta", "India"},
            None,
        ),
        (  # an opposition leader speaks for no state
            "India's opposition leader Ravi Kumar accused Nepal of harbouring militants on"
            " Monday. Nepal rejected the charge.",
            "REJECT",
            "Nepal",
            {"Ravi Kumar"},
            "India",
        ),
        (  # a participle that accuses is a second act, not the first one's content
            "Peru barred Evo Morales from entering the country, accusing him of stirring unrest.",
            "ACCUSE",
            "Peru",
            {"Evo Morales"},
            None,
        ),
        (  # the parser hangs the subject on the fronted phrase; the platform is no target
            "In a statement on Telegram, rebel spokesman Amir Dagan accused the army of"
            " shelling a market in Tarsa.",
            "ACCUSE",
            "Amir Dagan",
            {"army"},
            "Telegram",
        ),
        (  # who a warning says will act is the warner's side; who must comply is warned
            "Spokesperson Lin Bao warned that Varnesia would take resolute measures if"
            " Tarsia continued the survey.",
            "THREATEN",
            "Lin Bao",
            {"Tarsia"},
            "Varnesia",
        ),
        (  # a subject that undergoes the promised act is the one warned
            "Spokesperson Lin Bao warned that Tarsia could face visa restrictions.",
            "THREATEN",
            "Lin Bao",
            {"Tarsia"},
            None,
        ),
        (  # "said Y had done A, and urged Z": the step back in tense returns to the speaker
            "Spokesman Ilo Dessa said the government had not withdrawn any troops from the"
            " region, and urged Governor Kano Ruta to work with the police.",
            "REQUEST",
            "Ilo Dessa",
            {"Kano Ruta"},
            None,
        ),
        (  # the clause of the act charged names no one accused: not the arms
            "Varnesia accused Tarsia of allowing arms smuggling across the border.",
            "ACCUSE",
            "Varnesia",
            {"Tarsia"},
            "arms",
        ),
        (  # forces "would be sent" by nobody named: the one who announces it sends them
            "Defence Minister Ola Wend said 3,000 soldiers would be sent to the border.",
            "MOBILIZE",
            "Ola Wend",
            set(),
            None,
        ),
        (  # force with no target named is used on the crowd the sentence names
            "Police fired tear gas after some protesters tried to climb the main gate.",
            "ASSAULT",
            "Police",
            {"protesters"},
            None,
        ),
        (  # officials in a capital act for its state; a source there stays unnamed
            "Tajikistan and Kyrgyzstan traded accusations. On Monday, officials in Dushanbe"
            " declined an invitation to hold talks in Bishkek.",
            "REJECT",
            "Tajikistan",
            set(),
            None,
        ),
        (  # "charged that X had ...": X is the accused
            "Opposition leader Mara Vell charged that the Tarsian government had rigged the vote.",
            "ACCUSE",
            "Mara Vell",
            {"Tarsian government"},
            None,
        ),
        (  # the possessor of the act's own noun makes it: not its target
            "Foreign Minister Ola Wend conveyed India's strong protest to the Chinese ambassador.",
            "ACCUSE",
            "India",
            {"China"},
            "India",
        ),
        (  # a charge "at" someone is a physical one
            "Riot police charged at the protesters outside parliament.",
            "ASSAULT",
            "Riot police",
            {"protesters"},
            None,
        ),
        (  # calling someone's act unacceptable accuses whoever did it
            "Tarsia fired two missiles on Tuesday. Varnesian Prime Minister Ola Wend said"
            " the repeated launches were absolutely unacceptable.",
            "ACCUSE",
            "Ola Wend",
            {"Tarsia"},
            None,
        ),
        (  # "outrageous comments by X": X made what the speaker condemns
            'Spokesman Ilo Dessa said the expulsion followed "hostile and outrageous"'
            " comments by Tarsian officials.",
            "ACCUSE",
            "Ilo Dessa",
            {"Tarsian officials"},
            None,
        ),
        (  # the speaker's refusal restated in their own words is one refusal
            "Party leader Karl Brandt rejected a proposal by Finance Minister Lena Voss,"
            " saying the Greens would not accept new debt.",
            "REJECT",
            "Karl Brandt",
            {"Lena Voss"},
            None,
        ),
        (  # an encounter told as the setting of what was said is an encounter
            "Foreign Minister Ola Wend told Keto Aru in a phone call on Monday that Varnesia"
            " wanted calm.",
            "CONSULT",
            "Ola Wend",
            {"Keto Aru"},
            None,
        ),
        (
            "Ola Wend made the remarks during a meeting with Tarsian envoy Keto Aru.",
            "CONSULT",
            "Ola Wend",
            {"Keto Aru"},
            None,
        ),
    ],
)
def test_who_acts_on_whom(parse, text, etype, actor, recipients, not_recipient):
    doc = parse(text)
    ev = only(doc, etype)
    assert actor in names(doc, ev.actor)
    assert names(doc, ev.recipient) >= recipients
    assert not_recipient not in names(doc, ev.recipient)


def test_deeds_in_a_reported_past_perfect_stay_with_their_doer(parse):
    doc = parse("Officials said rebels had attacked the convoy and abducted ten workers.")
    assert doc.events
    assert all("rebels" in names(doc, ev.actor) for ev in doc.events)


def test_a_charge_another_party_denies_is_still_made(parse):
    doc = parse(
        "Asked about the raids, spokesman Omar Latif accused Kabul of sheltering militants"
        " in Kunar, a charge Afghanistan's Foreign Ministry has consistently denied."
    )
    ev = only(doc, "ACCUSE")
    assert not ev.negated
    assert ev.attributed_to in names_ids(doc, "Omar Latif")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Tarsia fired two ballistic missiles into the sea on Tuesday.", "MOBILIZE"),
        ("Tarsia test-fired a new missile on Sunday.", "MOBILIZE"),
        ("Tarsian rebels fired rockets at Varnesia on Sunday.", "ASSAULT"),
    ],
)
def test_a_missile_test_is_a_show_of_force_not_an_attack(parse, text, etype):
    ev = only(parse(text), etype)
    assert etype != "MOBILIZE" or ev.mode == "weapons"


@pytest.mark.parametrize(
    "text",
    [
        "Kenya declared a diplomat at the Ugandan embassy persona non grata on Friday.",
        "Libya declared the envoy persona non grata.",
    ],
)
def test_declaring_a_diplomat_persona_non_grata_expels(parse, text):
    assert only(parse(text), "SANCTION").mode == "expel"


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Kurti and Vucic did not sit down together on Thursday.", {"Kurti", "Vucic"}),
        ("The envoy spoke to reporters hours after meeting Ola Wend.", {"envoy", "Ola Wend"}),
    ],
)
def test_meetings_told_in_passing(parse, text, actors):
    doc = parse(text)
    ev = only(doc, "CONSULT")
    assert actors <= names(doc, ev.actor + ev.recipient)
    assert "reporters" not in names(doc, ev.recipient)  # the press briefing is no meeting


def test_a_denied_use_of_firearms_is_a_negated_assault(parse):
    doc = parse("Interior Minister Ola Wend denied that police had used firearms at the march.")
    assert only(doc, "ASSAULT").negated


def test_no_intention_of_force_is_a_negated_threat(parse):
    doc = parse("Varnesia has no intention of invading Tarsia.")
    ev = only(doc, "THREATEN")
    assert ev.negated and ev.aux_mode == "future"
    assert "Varnesia" in names(doc, ev.actor) and "Tarsia" in names(doc, ev.recipient)


def test_officials_in_a_capital_are_still_unnamed_sources(parse):
    doc = parse(
        "Tajikistan and Kyrgyzstan traded accusations. Officials in Dushanbe, speaking on"
        " condition of anonymity, said Kyrgyz guards had fired on a Tajik patrol."
    )
    assert only(doc, "ASSAULT").attributed_to == "sources"


def test_the_meeting_told_before_is_no_new_meeting(parse):
    doc = parse("In the meeting, the Varnesian delegation raised the border dispute.")
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_a_body_agreeing_to_impose_sanctions_sanctions(parse):
    doc = parse("The European Union agreed to impose sanctions on Serbia.")
    ev = only(doc, "SANCTION")
    assert "Serbia" in names(doc, ev.recipient)


def test_a_vow_to_impose_sanctions_still_threatens(parse):
    doc = parse("The European Union vowed to impose sanctions on Serbia.")
    assert "Serbia" in names(doc, only(doc, "THREATEN").recipient)


def test_a_vow_of_punishment_is_a_threat(parse):
    doc = parse("President Ilo Marek vowed that those behind the bombing would be punished.")
    assert [e.type for e in doc.events] == ["THREATEN"]


def test_ordering_an_inquiry_is_an_investigation_without_target(parse):
    doc = parse("Premier Ilo Marek ordered a special committee to investigate the shootings.")
    ev = only(doc, "ACCUSE")
    assert ev.mode == "investigate" and not ev.recipient
    assert ev.attributed_to == "outlet"


def test_a_petition_alleging_misconduct_is_an_accusation(parse):
    doc = parse("Ana Ruiz submitted a petition alleging that Ilo Marek made threats against her.")
    ev = only(doc, "ACCUSE")
    assert "Ana Ruiz" in names(doc, ev.actor) and "Ilo Marek" in names(doc, ev.recipient)
    assert not [e for e in doc.events if e.type == "THREATEN"]


def test_an_event_in_a_since_clause_is_background(parse):
    doc = parse("Ties have soured since the Varnesian cabinet resigned in 2019.")
    assert not doc.events


def test_the_terms_of_a_deal_are_not_new_events(parse):
    doc = parse(
        "Under the agreement, Varnesia will hand over the suspects to Tarsia, "
        "while the Tarsian finance ministry will release the frozen funds."
    )
    assert not doc.events


def test_the_two_sides_are_the_parties_of_the_earlier_clash(parse):
    doc = parse(
        "Varnesian and Tarsian troops exchanged fire on Monday.\n\n"
        "Spokesman Ilo Marek accused Ana Ruiz of lying.\n\n"
        "By evening the two sides had agreed to a ceasefire."
    )
    ev = only(doc, "AGREE")
    actors = " ".join(names(doc, ev.actor))
    assert "Varnesia" in actors and "Tarsia" in actors and "Marek" not in actors
    assert not any("side" in e.name for e in doc.entities)


def test_both_sides_with_no_earlier_parties_is_no_event(parse):
    assert not parse("Both sides agreed to a ceasefire.").events


def test_a_crowd_gathering_protests_but_leaders_gathering_do_not(parse):
    assert [e.type for e in parse("Protesters gathered outside parliament.").events] == ["PROTEST"]
    assert not parse("World leaders gathered in Paris for the summit.").events


def test_denying_the_reports_is_the_deniers_statement(parse):
    doc = parse("The Varnesian government dismissed the reports on Monday.")
    ev = only(doc, "REJECT")
    assert ev.attributed_to in ev.actor


def test_an_embassy_speaks_for_itself(parse):
    doc = parse("The US embassy in Varnesia condemned the attacks.")
    ev = only(doc, "ACCUSE")
    assert "embassy" in doc.entity(ev.attributed_to).name.lower()


def test_a_court_ordered_payment_is_a_sanction(parse):
    doc = parse("An arbitration court ordered Varnesia to pay damages to Tarsia.")
    assert only(doc, "SANCTION").mode == "convict"


def test_a_who_clause_on_a_person_reports_the_news(parse):
    doc = parse(
        "The motion was tabled by Senator Ana Ruiz, who accused Prime Minister Ilo Marek "
        "of hiding the contracts."
    )
    ev = only(doc, "ACCUSE")
    assert "Ana Ruiz" in names(doc, ev.actor) and "Ilo Marek" in names(doc, ev.recipient)


def test_a_who_clause_recalling_the_past_is_background(parse):
    doc = parse("Troops fought the rebels, who had overrun the town last month.")
    assert all("overrun" not in (e.trigger or "") for e in doc.events)


def test_an_urged_demand_is_the_urgers_statement(parse):
    doc = parse("The Varnesian Bar Association urged the Senate to reverse the suspension.")
    ev = only(doc, "REQUEST")
    assert ev.attributed_to in ev.actor


def test_joining_the_demonstration_joins_the_earlier_protest(parse):
    doc = parse(
        "Thousands of farmers protested outside the ministry on Monday.\n\n"
        "The Unity Front also joined the demonstration."
    )
    ev = only(doc, "PROTEST")
    assert "Unity Front" in names(doc, ev.actor)


def test_the_lawmaker_is_the_senator_named_before(parse):
    doc = parse(
        "Senator Ana Ruiz was suspended on Tuesday.\n\n"
        "The lawmaker had accused Ilo Marek of harassment."
    )
    ev = only(doc, "ACCUSE")
    assert "Ana Ruiz" in names(doc, ev.actor)
    assert names(doc, ev.recipient) & {"Ilo Marek"} and "harassment" not in names(doc, ev.recipient)


def test_officials_of_the_two_countries_are_the_earlier_parties(parse):
    doc = parse(
        "Armenian and Azerbaijani troops exchanged fire on Monday.\n\n"
        "Village elders held talks with officials of the two countries."
    )
    ev = only(doc, "CONSULT")
    people = " ".join(names(doc, ev.actor + ev.recipient))
    assert "Armenia" in people and "Azerbaijan" in people


def test_a_place_near_the_clash_is_not_its_target(parse):
    doc = parse("Varnesian and Tarsian guards clashed near the Kolna crossing.")
    ev = only(doc, "ASSAULT")
    assert not any("Kolna" in n for n in names(doc, ev.recipient))


def test_what_it_called_names_the_target(parse):
    doc = parse("The Varnesian foreign ministry condemned what it called Tarsia's aggression.")
    ev = only(doc, "ACCUSE")
    assert "Tarsia" in " ".join(names(doc, ev.recipient))


def test_a_past_verb_after_a_modal_clause_is_the_speakers(parse):
    doc = parse(
        "Ilo Marek said Tarsia should face history squarely and criticised what he "
        "called Tarsia's military build-up."
    )
    ev = only(doc, "ACCUSE")
    assert "Ilo Marek" in names(doc, ev.actor) and "Tarsia" not in names(doc, ev.actor)


def test_a_ministry_speaks_for_itself_not_its_country(parse):
    doc = parse("Tarsia's foreign ministry said Ilo Marek had rejected a Varnesian proposal.")
    ev = only(doc, "REJECT")
    assert "ministry" in doc.entity(ev.attributed_to).name.lower()


def test_according_to_inside_a_relative_clause_vouches_for_it_only(parse):
    doc = parse(
        "Ilo Marek asked Tarsia to act against rebel commanders who, according to "
        "Varnesia, operate freely from Tarsian territory."
    )
    ev = only(doc, "REQUEST")
    assert ev.attributed_to in ("outlet", *(e.local_id for e in doc.entities if "Marek" in e.name))
    assert ev.attributed_to not in names_ids(doc, "Varnesia")


def test_a_said_act_with_no_other_source_is_its_makers_statement(parse):
    for text, kind in [
        ("Keto Aru urged Tarsia to reopen the border.", "REQUEST"),
        ("Keto Aru rejected the Tarsian proposal.", "REJECT"),
        ("Keto Aru threatened to close the border.", "THREATEN"),
        ("Keto Aru praised Tarsia for reopening the border.", "SUPPORT"),
    ]:
        doc = parse(text)
        ev = only(doc, kind)
        assert doc.entity(ev.attributed_to).name == "Keto Aru", text
    doc = parse("Varnesian troops shelled the border town on Monday.")
    assert only(doc, "ASSAULT").attributed_to == "outlet"


def test_a_clause_of_time_under_a_speech_verb_is_the_outlets(parse):
    doc = parse(
        "Ilo Marek warned Tarsia on Monday after a far-right activist burned a copy "
        "of the Koran outside the Tarsian embassy."
    )
    ev = only(doc, "PROTEST")
    assert ev.attributed_to == "outlet"


# --- demands, cyber attacks, rescues, stances and claims ------------------------------
def test_saying_another_must_act_is_a_demand_not_their_act(parse):
    doc = parse("The Varnesian envoy said Tarsia must be ready to negotiate with the rebels.")
    ev = only(doc, "REQUEST")
    assert "Tarsia" in names(doc, ev.recipient)
    assert not [e for e in doc.events if e.type == "CONSULT"]
    doc = parse("The aid agency said Tarsian forces must guarantee safety to allow convoys in.")
    assert [e.type for e in doc.events] == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Tarsian hackers defaced hundreds of Varnesian government websites.", "COERCE", "cyber"),
        ("Protesters defaced a statue of the Varnesian king.", "PROTEST", "vandalize"),
        ("Tarsian doctors handed over medicine to the Red Cross in Varnesia.", "AID", None),
        ("Varnesian helicopters evacuated the wounded from Tarsia.", "AID", None),
        ("Varnesia evacuated its embassy in Tarsia.", "RETREAT", "withdraw"),
        ("Tarsian rebels exploded a series of bombs in Varnesia.", "ASSAULT", "explosives"),
        ("Varnesian troops recaptured the village from Tarsian forces.", "ASSAULT", None),
        ("Tarsian rebels laid down their arms on Monday.", "RETREAT", "disarm"),
        ("Tarsian forces launched rocket fire against the rebels.", "ASSAULT", "heavy-weapons"),
    ],
)
def test_the_object_selects_the_category(parse, text, etype, mode):
    doc = parse(text)
    assert [(e.type, e.mode) for e in doc.events] == [(etype, mode)], [
        (e.type, e.trigger) for e in doc.events
    ]


def test_a_present_tense_relative_clause_is_a_stance_not_news(parse):
    doc = parse("The Unity Front, which rejects the Tarsian plan, won the vote in Varnesia.")
    assert not [e for e in doc.events if e.type == "REJECT"]


def test_claiming_an_attack_is_no_accusation(parse):
    doc = parse("Tarsian gunmen said they attempted to assassinate the Varnesian president.")
    assert [e.type for e in doc.events] == ["ASSAULT"]


def test_seeking_to_act_is_an_attempt_but_seeking_aid_a_request(parse):
    doc = parse("The leaders of Varnesia and Tarsia sought to ease tensions over the dam.")
    assert not [e for e in doc.events if e.type == "REQUEST"]
    doc = parse("Varnesia sought military aid from Tarsia.")
    assert "Tarsia" in names(doc, only(doc, "REQUEST").recipient)


def test_a_passive_agent_after_a_gerund_is_the_accuser(parse):
    doc = parse("The mayor was accused of taking bribes by the Varnesian anti-graft agency.")
    ev = only(doc, "ACCUSE")
    assert any("anti-graft agency" in n for n in names(doc, ev.actor))


def test_what_a_demand_asks_for_is_not_the_addressees_act(parse):
    doc = parse("The union reiterated its demand that Varnesia ease restrictions on workers.")
    ev = only(doc, "REQUEST")
    assert "Varnesia" in names(doc, ev.recipient)
    assert [e.type for e in doc.events] == ["REQUEST"]
    doc = parse("The Tarsian president issued a reminder to Varnesia that it must cooperate.")
    assert [e.type for e in doc.events] == ["REQUEST"]
    assert "Varnesia" in names(doc, doc.events[0].recipient)


def test_a_batch_of_troops_arriving_is_no_visit(parse):
    doc = parse("A first batch of Varnesian peacekeeping troops arrived in Tarsia on Tuesday.")
    assert not [e for e in doc.events if e.type == "CONSULT"]
    doc = parse("The head of the Varnesian army arrived in Tarsia for talks.")
    assert [e.type for e in doc.events] == ["CONSULT"]


def test_what_is_allowed_is_the_permissions_content(parse):
    doc = parse("Varnesia allowed Tarsian refugees to return home.")
    assert [e.type for e in doc.events] == ["CONCEDE"]
    assert "Tarsian refugees" in names(doc, doc.events[0].recipient)
    doc = parse("Varnesia refused to allow Tarsian planes to land and evacuate the observers.")
    assert [e.type for e in doc.events] == ["REJECT"]


def test_the_speaker_acts_after_a_passive_or_a_clause_about_a_thing(parse):
    doc = parse(
        "The Varnesian defence ministry said two soldiers were killed and accused the "
        "Tarsian Front of shelling army posts."
    )
    ev = only(doc, "ACCUSE")
    assert any("defence ministry" in n for n in names(doc, ev.actor))
    assert "Tarsian Front" in names(doc, ev.recipient)
    doc = parse(
        "Tarsian spokesman Omar Belu said the treaty was lawful and accused Varnesia of "
        "pursuing maximalist claims."
    )
    ev = only(doc, "ACCUSE")
    assert "Omar Belu" in names(doc, ev.actor) and "Varnesia" in names(doc, ev.recipient)


def test_a_predicate_participle_passes_its_subject_on(parse):
    doc = parse(
        "The Tarsian Foreign Office said it was deeply concerned and called on Varnesian "
        "authorities to ensure due process."
    )
    ev = only(doc, "REQUEST")
    assert any("Foreign Office" in n for n in names(doc, ev.actor))


def test_a_clash_between_sides_codes_each_side_both_ways(parse):
    doc = parse("Clashes broke out on Sunday between Varnesian troops and the Tarsian Front.")
    ev = only(doc, "ASSAULT")
    assert "Tarsian Front" in names(doc, ev.actor) and "Tarsian Front" in names(doc, ev.recipient)
    assert any("Varnesia" in n for n in names(doc, ev.actor))
    doc = parse("Talks took place between Varnesia and Tarsia.")
    ev = only(doc, "CONSULT")
    assert {"Varnesia", "Tarsia"} <= names(doc, ev.actor) and not ev.recipient


def test_reserving_the_right_to_respond_is_a_threat(parse):
    doc = parse("Varnesia reserved the right to respond at a time of its choosing.")
    assert [e.type for e in doc.events] == ["THREATEN"]
    doc = parse("Tarsia said it would reconsider its military cooperation with Varnesia.")
    assert "Varnesia" in names(doc, only(doc, "THREATEN").recipient)


def test_a_protest_note_is_an_accusation(parse):
    doc = parse("Varnesia dispatched a formal protest note to the Tarsian government.")
    ev = only(doc, "ACCUSE")
    assert any("Tarsian" in n for n in names(doc, ev.recipient))


def test_a_capital_acting_or_acted_upon_is_its_state(parse):
    doc = parse("Kenya and Somalia argued. Nairobi rejected the claims made by Mogadishu.")
    ev = only(doc, "REJECT")
    assert names(doc, ev.actor) >= {"Kenya"} and "Nairobi" not in names(doc, ev.actor)
    doc = parse("Kenya accused Mogadishu of harbouring militants, Somalia's neighbours said.")
    assert "Somalia" in names(doc, only(doc, "ACCUSE").recipient)
    doc = parse("Kenyan and Somali ministers held talks in Nairobi on Monday.")
    assert only(doc, "CONSULT").location == "Nairobi"


def test_denying_that_an_event_noun_took_place_negates_it(parse):
    doc = parse(
        "Officials denied that any fresh Varnesian deployment had taken place on the border."
    )
    ev = only(doc, "MOBILIZE")
    assert ev.negated and any("Varnesia" in n for n in names(doc, ev.actor))
    assert not [e for e in doc.events if e.type == "REJECT"]
    doc = parse("Tarsia denied that its vessels had rammed the Varnesian ship.")
    assert only(doc, "ASSAULT").negated


def test_asking_another_party_to_investigate_is_a_request(parse):
    doc = parse("Varnesia urged Tarsia to investigate the incident.")
    assert "Tarsia" in names(doc, only(doc, "REQUEST").recipient)
    doc = parse("Premier Ilo Marek ordered a special committee to investigate the shootings.")
    assert only(doc, "ACCUSE").mode == "investigate"


def test_a_quotation_in_a_coordinated_clause_does_not_make_naming(parse):
    doc = parse(
        'Premier Ilo Marek denounced the strike and called on Tarsia to "take serious steps".'
    )
    assert {e.type for e in doc.events} == {"ACCUSE", "REQUEST"}


def test_calling_remarks_a_quoted_pejorative_accuses_their_maker(parse):
    doc = parse('The Varnesian Front called the Tarsian army\'s remarks "regrettable".')
    assert any("Tarsian army" in n for n in names(doc, only(doc, "ACCUSE").recipient))


def test_welcoming_a_step_is_aimed_at_whoever_took_it(parse):
    doc = parse(
        "The Varnesian Commission launched legal action against Tarsia on Monday.\n\n"
        "Opposition leader Ana Ruiz welcomed the step."
    )
    ev = only(doc, "SUPPORT")
    assert any("Commission" in n for n in names(doc, ev.recipient))


def test_an_appeal_to_no_one_named_is_aimed_at_the_articles_state(parse):
    appeal = Event(type="REQUEST", actor=["union"], recipient=[])
    own = Event(type="REQUEST", actor=["country"], recipient=[])
    implicit.fill([appeal, own], is_place=lambda e: False, home="country")
    assert appeal.recipient == ["country"] and own.recipient == []


def test_a_description_as_recipient_still_gets_the_named_target(parse):
    accuse = Event(type="ACCUSE", actor=["A"], recipient=["B"])
    reject = Event(type="REJECT", actor=["B"], recipient=["the diplomat"])
    named = Event(type="REJECT", actor=["B"], recipient=["C"])
    implicit.fill([accuse, reject, named], lambda e: False, None, is_actor=lambda e: len(e) == 1)
    assert reject.recipient == ["the diplomat", "A"] and named.recipient == ["C"]


def test_a_described_actor_gets_the_body_or_title_holder_it_stands_for(parse):
    doc = parse(
        "The Varnesian National Police said the march was illegal.\n\n"
        "Officers detained 43 people near the square on Sunday."
    )
    assert "Varnesian National Police" in names(doc, only(doc, "COERCE").actor)
    doc = parse(
        "Senator Ana Ruiz met Tarsian exiles on Monday.\n\n"
        "The senator urged Tarsia to release the prisoners."
    )
    assert "Ana Ruiz" in names(doc, only(doc, "REQUEST").actor)


def test_a_crowd_never_takes_the_name_of_whoever_acted_before(parse):
    doc = parse(
        "The Varnesian National Police arrested the union leader on Friday.\n\n"
        "Thousands of people marched in the capital on Saturday."
    )
    march = only(doc, "PROTEST")
    assert "Varnesian National Police" not in names(doc, march.actor)


def test_a_plural_event_noun_read_as_a_verb_is_still_the_event(parse):
    doc = parse(
        "Varnesia and Tarsia announced parallel asset freezes and travel bans on the judges."
    )
    ev = only(doc, "SANCTION")
    assert {"Varnesia", "Tarsia"} <= names(doc, ev.actor) and "judges" in names(doc, ev.recipient)


def test_councillors_and_chancelleries_are_actors(parse):
    doc = parse("Several councillors demanded a full accounting of the contract.")
    assert [e.type for e in doc.events] == ["REQUEST"]
    doc = parse("The chancellery had asked the Varnesian Commission to examine legal options.")
    assert "Varnesian Commission" in names(doc, only(doc, "REQUEST").recipient)


def test_arrest_warrants_are_coercion(parse):
    doc = parse("Prosecutors have issued arrest warrants for at least 12 blockade leaders.")
    assert "blockade leaders" in names(doc, only(doc, "COERCE").recipient)


def test_working_together_makes_each_side_the_others_recipient(parse):
    doc = parse("Peru and Bolivia held a joint cooperative activity off the coast.")
    ev = only(doc, "COOPERATE")
    assert {"Peru", "Bolivia"} <= names(doc, ev.recipient)


def test_a_charge_in_a_relative_clause_on_the_object_is_news(parse):
    doc = parse("Premier Ilo Marek attacked the Governor, whom he accused of acting for Tarsia.")
    ev = only(doc, "ACCUSE")
    assert "Ilo Marek" in names(doc, ev.actor) and "Governor" in names(doc, ev.recipient)
    doc = parse(
        "The Varnesian Treasury imposed sanctions on a dozen shipping firms it accused of "
        "smuggling oil."
    )
    ev = only(doc, "ACCUSE")
    assert any("Treasury" in n for n in names(doc, ev.actor))
    assert any("firms" in n for n in names(doc, ev.recipient))


def test_one_side_saying_one_act_twice_in_a_sentence_is_one_event(parse):
    doc = parse(
        "Polish Foreign Minister Jan Kowal voiced support for the Czech decision, saying "
        "Poland stands firmly with the Czech Republic."
    )
    assert len([e for e in doc.events if e.type == "SUPPORT"]) == 1


def test_a_failure_with_no_one_to_blame_accuses_nobody(parse):
    doc = parse("Ambassador Jane Doe said the talks failed.")
    assert not [e for e in doc.events if e.type == "ACCUSE"]
    doc = parse("Ambassador Jane Doe said Tarsia failed to protect the talks.")
    assert "Tarsia" in names(doc, only(doc, "ACCUSE").recipient)


def test_a_grievance_that_names_no_culprit_still_accuses_when_it_says_wrong(parse):
    doc = parse(
        "The Unity Front told the envoy about the killings of its workers in custody and "
        "the illegal ban on its leader."
    )
    assert only(doc, "ACCUSE").actor


@pytest.mark.parametrize(
    "text",
    [
        "The Varnesian government did not comment on the Tarsian drone strike.",
        "Ilo Marek did not say whether Varnesia would cut electricity supplies to Tarsia.",
        "The finance ministry neither confirmed nor denied the report.",
        "CNW writer Ana Ruiz in Dhaka contributed to this report.",
    ],
)
def test_saying_nothing_and_bylines_are_no_events(parse, text):
    assert parse(text).events == []


def test_a_silence_does_not_silence_the_next_clause(parse):
    doc = parse("The ministry did not comment, but it accused Tarsia of lying.")
    assert "Tarsia" in names(doc, only(doc, "ACCUSE").recipient)


def test_a_predicate_the_parser_hung_on_the_subject_keeps_its_actor(parse):
    doc = parse(
        "Kyrgyzstan accused Tajikistan of shelling the village.\n\n"
        "Russia, which keeps military bases in both countries, called on both sides to show "
        "restraint."
    )
    ev = only(doc, "REQUEST")
    assert "Russia" in names(doc, ev.actor)
    assert {"Kyrgyzstan", "Tajikistan"} <= names(doc, ev.recipient)


def test_refusing_to_be_intimidated_is_a_rejection_not_a_threat(parse):
    doc = parse("Premier Ilo Marek said Varnesia would not be intimidated by Tarsia.")
    ev = only(doc, "REJECT")
    assert not ev.negated and ev.mode == "yield"
    assert any("Varnesia" in n for n in names(doc, ev.actor))
    assert any("Tarsia" in n for n in names(doc, ev.recipient))
    assert not [e for e in doc.events if e.type == "THREATEN"]


def test_quoting_someone_as_saying_attributes_to_the_one_quoted(parse):
    doc = parse(
        "The spokesperson quoted Premier Ilo Marek as saying that Varnesia would not "
        "withdraw from the shoal."
    )
    ev = only(doc, "REJECT")
    assert "Ilo Marek" in names(doc, [ev.attributed_to])


@pytest.mark.parametrize(
    "text",
    [
        "Police chief Ana Ruiz said anyone who tries to cause chaos in the capital will be "
        "dealt with decisively.",
        '"If the secretary does not appear, contempt proceedings will follow," Judge Ana Ruiz '
        "said.",
        "Varnesia said any attack would be met with a response that Tarsia will regret.",
    ],
)
def test_a_promised_punishment_is_the_speakers_threat(parse, text):
    ev = only(parse(text), "THREATEN")
    assert ev.actor and not ev.negated


def test_talks_that_deal_with_trade_threaten_no_one(parse):
    assert not parse("Ana Ruiz said the talks will deal with trade.").events


def test_a_title_beside_a_name_speaks_as_that_person(parse):
    doc = parse(
        "Late on Saturday, the Chief of Defence Forces, Gen Omar Belu, wrote on X that "
        '"anyone who tries to cause chaos in the capital will be dealt with decisively".'
    )
    assert "Omar Belu" in names(doc, only(doc, "THREATEN").actor)


@pytest.mark.parametrize(
    "text",
    [
        "Premier Ilo Marek spoke by phone with Ana Ruiz on Monday.",
        "Premier Ilo Marek spoke over the phone with Ana Ruiz on Monday.",
    ],
)
def test_a_phone_call_with_someone_consults_them(parse, text):
    doc = parse(text)
    ev = only(doc, "CONSULT")
    assert {"Ilo Marek", "Ana Ruiz"} <= names(doc, ev.actor + ev.recipient)


def test_offering_no_evidence_agrees_to_nothing(parse):
    assert not parse("Minister Ana Ruiz offered no evidence for the claim.").events
    doc = parse("Varnesia offered to host another round of talks.")
    assert [e.type for e in doc.events] == ["AGREE"]


def test_a_named_object_the_tagger_missed_is_not_replaced_by_the_last_actor(parse):
    doc = parse(
        "Premier Ilo Marek met the Tarsian envoy on Monday.\n\n"
        "Relations soured after Varnesia accused Solmere of allowing arms smuggling."
    )
    ev = only(doc, "ACCUSE")
    assert "Ilo Marek" not in names(doc, ev.recipient)


def test_a_participle_after_the_addressee_is_the_writers_act(parse):
    doc = parse("Minister Alen Dorsk wrote to Joseph Mbeki making similar allegations.")
    ev = only(doc, "ACCUSE")
    assert "Alen Dorsk" in names(doc, ev.actor) and "Joseph Mbeki" not in names(doc, ev.actor)
    doc = parse("Protesters marched to parliament demanding the release of Omar Belu.")
    assert any("Protesters" in n for n in names(doc, only(doc, "PROTEST").actor))


def test_a_rejected_charge_is_the_one_aimed_at_the_rejecter(parse):
    doc = parse(
        "Armenia accused Azerbaijan of shelling border villages. Russia accused Armenia of "
        "sabotaging the talks. Azerbaijan rejected the accusation."
    )
    assert names(doc, only(doc, "REJECT").recipient) == {"Armenia"}
    doc = parse(
        "Kenya accused Uganda of shelling border villages. Ugandan officials accused Sudan "
        "of hoarding grain. Uganda dismissed the remarks."
    )
    assert names(doc, only(doc, "REJECT").recipient) == {"Kenya"}


def test_force_on_a_crowd_is_force_on_the_group_that_marched(parse):
    doc = parse(
        "Thousands of supporters of the Tarsian People's Front marched through Varna on "
        "Wednesday. Police fired tear gas at the crowd and detained dozens of protesters."
    )
    for ev in (e for e in doc.events if e.type in ("ASSAULT", "COERCE")):
        assert "Tarsian People's Front" in names(doc, ev.recipient)
    doc = parse(
        "Supporters of the Tarsian People's Front marched through Varna on Wednesday. "
        "Police later arrested the journalist Omar Belu at his home."
    )
    assert "Tarsian People's Front" not in names(doc, only(doc, "COERCE").recipient)


def test_a_denied_wrong_in_a_reported_clause_accuses_no_one(parse):
    doc = parse("Spokesman Omar Belu told reporters that Russia does not meddle in other states.")
    assert not [e for e in doc.events if e.type == "ACCUSE"]
    doc = parse(
        'Spokesman Omar Belu told reporters that Russia "does not interfere in other states" '
        "and denied that Moscow had financed any party in Moldova."
    )
    assert not [e for e in doc.events if e.type == "ACCUSE"]
    doc = parse("Spokesman Omar Belu told reporters that Russia had meddled in the vote.")
    assert names(doc, only(doc, "ACCUSE").recipient) == {"Russia"}


def test_whose_sovereignty_is_violated_is_not_the_one_warned(parse):
    doc = parse(
        "Defence Minister Alen Dorsk warned that any violation of Moldovan sovereignty would "
        "be met with a decisive response."
    )
    assert "Moldova" not in names(doc, only(doc, "THREATEN").recipient)


def test_a_group_named_on_the_spot_is_no_pair_from_earlier(parse):
    doc = parse(
        "Varnesia and Tarsia held talks on Monday. Two smaller parties, known as the Greens "
        "and the Liberals, backed the deal."
    )
    assert names(doc, only(doc, "SUPPORT").actor) == {"Greens", "Liberals"}
    doc = parse(
        "Varnesia and Tarsia held talks on Monday. The envoys called on the authorities to "
        "allow Omar Belu to travel."
    )
    assert "Omar Belu" not in names(doc, only(doc, "REQUEST").actor)


def test_a_role_with_no_holder_is_not_the_subject_itself(parse):
    doc = parse("Omar Belu rejected the plan on Sunday. Belu later met the envoy in Varna.")
    ev = only(doc, "CONSULT")
    assert ev.recipient and "Omar Belu" not in names(doc, ev.recipient)


def test_a_name_read_into_its_verb_is_still_the_subject(parse):
    doc = parse("Beijing reserves the right to take further measures.")
    assert names(doc, only(doc, "THREATEN").actor) & {"Beijing", "China"}


def test_proposing_sanctions_warns_of_them(parse):
    doc = parse("The Commission would propose new sanctions targeting Tarsian potash firms.")
    assert [e.type for e in doc.events] == ["THREATEN"]
    doc = parse("The Commission proposed a ceasefire between Varnesia and Tarsia.")
    assert "THREATEN" not in [e.type for e in doc.events]


def test_weighing_further_measures_is_a_threat(parse):
    doc = parse("The EU would consider further measures against Tarsia, the envoy said.")
    ev = only(doc, "THREATEN")
    assert "Tarsia" in names(doc, ev.recipient)


def test_a_charge_answered_beside_it_is_the_answerers_rejection(parse):
    doc = parse(
        "Omar Belu accused the Varnesian government of protecting armed groups, a charge "
        "the Varnesian foreign ministry rejected as unfounded."
    )
    ev = only(doc, "REJECT")
    assert any("foreign ministry" in n for n in names(doc, ev.actor))
    assert "Omar Belu" in names(doc, ev.recipient)
    assert ev.attributed_to != names_ids(doc, "Omar Belu").pop()


def test_an_office_at_a_seat_of_government_speaks_for_its_state(parse):
    doc = parse(
        "Poland accused Russia of sending drones. Russia accused Poland of staging a "
        "provocation. Kremlin spokesman Dmitry Peskov rejected the accusations."
    )
    assert names(doc, only(doc, "REJECT").recipient) == {"Poland"}


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Varnesian jets struck Tarsian Front positions on Tuesday.", ["ASSAULT"]),
        ("Varnesian drones struck near the Tarsian border post.", ["ASSAULT"]),
        ("Varnesia and Tarsia struck a deal on Monday.", ["AGREE"]),
        ("The minister struck a harder line on Tarsia.", []),
    ],
)
def test_striking_a_target_is_an_attack_and_striking_a_deal_is_not(parse, text, kinds):
    assert [e.type for e in parse(text).events] == kinds


def test_a_part_claimed_or_denied_in_an_attack_is_that_attack(parse):
    doc = parse("The Tarsian Front claimed responsibility for the bombing of the police station.")
    ev = only(doc, "ASSAULT")
    assert "Tarsian Front" in names(doc, ev.actor) and not ev.negated
    doc = parse(
        "Drones attacked oilfields in Tarsia on Monday. The Varnesian Front denied any role "
        "in the attacks."
    )
    denied = [e for e in doc.events if e.type == "ASSAULT" and e.negated]
    assert len(denied) == 1 and "Varnesian Front" in names(doc, denied[0].actor)
    assert "Tarsia" in names(doc, denied[0].recipient)
    doc = parse("The Varnesian Front said it had no hand in the attack.")
    assert only(doc, "ASSAULT").negated


def test_going_on_strike_happened_and_going_to_act_is_future(parse):
    ev = only(parse("Teachers in Varna went on strike on Monday."), "PROTEST")
    assert ev.aux_mode is None
    doc = parse("Varnesia is going to impose sanctions on Tarsia.")
    assert only(doc, "THREATEN").aux_mode == "future"


def test_the_reporter_of_a_strike_is_not_its_maker(parse):
    doc = parse("The Tarsian health ministry said the strike killed a civilian and wounded three.")
    assert not any("ministry" in n for e in doc.events for n in names(doc, e.actor))


def test_its_in_a_reported_subject_is_the_speakers(parse):
    doc = parse(
        "VARNA - The Tarsian coast guard said its ship was blocked. The Varnesian Embassy "
        "in Varna denied that its vessels had rammed the Tarsian ship."
    )
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.negated and any("Embassy" in n for n in names(doc, ev.actor))


def test_a_statement_that_speaks_is_its_bodys(parse):
    doc = parse("The EU would consider further measures against Tarsia, the statement said.")
    ev = only(doc, "THREATEN")
    assert names(doc, [ev.attributed_to]) == {"EU"}
    doc = parse("Omar Belu spoke by phone with Ilo Marek on Friday, the statement said.")
    assert only(doc, "CONSULT").attributed_to == "outlet"  # whose statement is not said


def test_support_voiced_is_the_speakers_own_word(parse):
    doc = parse("Tarsian Prime Minister Ilo Marek expressed solidarity with Varnesia on Monday.")
    ev = only(doc, "SUPPORT")
    assert "Ilo Marek" in names(doc, [ev.attributed_to])


def test_an_outlet_named_beside_its_kind_is_the_source(parse):
    doc = parse(
        "According to the Azerbaijani news agency APA, Foreign Minister Omar Belu told Tarsia "
        "that Baku would not sign the accord."
    )
    ev = only(doc, "REJECT")
    assert names(doc, [ev.attributed_to]) == {"APA"}
