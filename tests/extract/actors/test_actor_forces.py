"""A state's forces as written keep the analysts' name as an alias; a regime's forces are its
military; an attack with an unseen weapon and no attacker is an
unidentified armed group's."""

from __future__ import annotations

from actor_texts import make_doc, make_span

from eventgraph.extract.actors import DocumentActors
from eventgraph.extract.actors.forces import forces_name
from eventgraph.extract.actors.model import DocActor


def resolve(doc: DocumentActors, surface: str, label: str = "NOUN") -> DocActor | None:
    return doc.resolve(make_span(doc.text, surface, label))


def test_forces_name_reads_the_country_and_the_force() -> None:
    assert forces_name("Peruvian army soldiers") == "Military Forces of Peru"
    assert forces_name("Kenya's police") == "Police Forces of Kenya"
    assert forces_name("Chilean forces") == "Military Forces of Chile"
    assert forces_name("Chilean protesters") is None  # people, not a force
    assert forces_name("Peruvian Football Federation") is None
    assert forces_name("army soldiers") is None  # no country


def test_named_forces_keep_their_name_and_gain_the_analysts_alias() -> None:
    text = "On 2 May 2021, Peruvian army soldiers searched a warehouse near the port."
    doc = make_doc(text, [("Peruvian army soldiers", "ORG")])
    actor = resolve(doc, "Peruvian army soldiers", "ORG")
    assert actor is not None and actor.name == "Peruvian army soldiers"
    assert "Military Forces of Peru" in actor.names


def test_regime_forces_are_the_military_of_the_articles_country() -> None:
    text = "In Peru, regime forces shelled a camp."
    doc = make_doc(text, [("Peru", "GPE")])
    actor = resolve(doc, "regime forces")
    assert actor is not None and actor.name == "Peru military" and "Military Forces of Peru" in actor.names


def test_an_unseen_weapon_without_attacker_is_an_unidentified_group() -> None:
    text = "In Peru, a bomb exploded in a market."
    doc = make_doc(text, [("Peru", "GPE")])
    actor = doc.unclaimed(None, text)
    assert actor is not None and actor.name == "Unidentified Armed Group (Peru)"
    assert doc.unclaimed("airstrike", "In Peru, jets struck a market.") is None


def test_names_in_the_brackets_that_locate_a_report_are_no_actors() -> None:
    from eventgraph.extract.actors.names import in_locality

    text = (
        "Gunmen attacked a camp near Tafas (Daraa, Syria) and the Communist Party of Peru (Maoist) said so."
    )
    tafas = text.index("Daraa")
    assert in_locality(text, tafas, tafas + len("Daraa"))
    maoist = text.index("Maoist")
    assert not in_locality(text, maoist, maoist + len("Maoist"))  # a party's qualifier, no place
    doc = make_doc(text, [("Daraa", "ORG")])
    assert resolve(doc, "Daraa", "ORG") is None


def test_a_police_body_tagged_as_a_place_is_an_organisation() -> None:
    text = "Riverside County Police said on Tuesday that the raids had ended."
    doc = make_doc(text, [("Riverside County Police", "GPE")])
    actor = resolve(doc, "Riverside County Police", "GPE")
    assert actor is not None and (actor.name, actor.kind) == ("Riverside County Police", "org")
    town = make_doc("Floods hit Riverside County on Tuesday.", [("Riverside County", "GPE")])
    place = resolve(town, "Riverside County", "GPE")
    assert place is not None and place.kind == "gpe"  # no organisation head: still a place


def test_bare_police_and_officers_are_the_police_body_the_article_names() -> None:
    text = (
        "Police raided six homes in Eastfield. More than 50 officers from Riverside County Police took part. "
        "In May, officers arrested nine people."
    )
    doc = make_doc(text, [("Eastfield", "GPE"), ("Riverside County Police", "ORG")])
    body = resolve(doc, "Riverside County Police", "ORG")
    assert body is not None
    assert resolve(doc, "Police") is body  # named after the mention: the first body named after it
    assert (
        doc.resolve(make_span(text, "officers", nth=1)) is body
    )  # "officers arrested" after the body is named
    alone = make_doc("Police raided six homes in Peru.", [("Peru", "GPE")])
    state = resolve(alone, "Police")
    assert state is not None and state.name == "Peru police"  # no body named: the state's police
    assert "Police Forces of Peru" in state.names  # ACLED's name, an alias


def test_a_coalition_named_by_its_leader_is_an_organisation_its_forces_refer_to() -> None:
    text = (
        "Rebels fired rockets at a port, the Freedonian-led coalition said. "
        "Hours later, coalition warplanes struck a depot. The coalition said the raid was over."
    )
    doc = make_doc(text, [("Freedonian", "NORP")])
    coalition = doc.resolve(make_span(text, "the Freedonian-led coalition", "ORG"))
    assert coalition is not None and (coalition.name, coalition.kind) == ("Freedonian-led coalition", "org")
    assert resolve(doc, "coalition warplanes") is coalition
    assert resolve(doc, "The coalition") is coalition


def test_an_organisations_unnamed_spokesman_is_no_other_organisations_spokesman() -> None:
    text = (
        "Army spokesman Colonel John Reed said the border was calm. "
        "A Foreign Office spokesman said the envoy had been told to leave."
    )
    doc = make_doc(text, [("John Reed", "PERSON"), ("Foreign Office", "ORG")])
    reed = resolve(doc, "John Reed", "PERSON")
    assert reed is not None and reed.name == "John Reed"
    speaker = resolve(doc, "Foreign Office spokesman")
    assert speaker is not None and speaker.name == "Foreign Office"


def test_a_states_lower_case_body_the_tagger_calls_an_organisation_keeps_its_state() -> None:
    text = "Freedonia's coast guard said on Saturday that it had turned two boats away."
    doc = make_doc(text, [("Freedonia", "GPE"), ("coast guard", "ORG")])
    body = resolve(doc, "coast guard", "ORG")
    assert body is not None and (body.name, body.kind) == ("Freedonia's coast guard", "org")
    plain = "The coast guard said on Saturday that it had turned two boats away."
    alone = resolve(make_doc(plain, [("coast guard", "ORG")]), "coast guard", "ORG")
    assert alone is None or alone.name == "coast guard"  # no state before it: as before
