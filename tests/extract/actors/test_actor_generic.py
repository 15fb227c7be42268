"""Unnamed group actors ("unidentified gunmen", "rioters", "police"), their country and affiliation,
and descriptions that point at a name next to them or before them."""

from __future__ import annotations

from actor_texts import make_doc, make_span

from eventgraph.extract.actors import DocumentActors
from eventgraph.extract.actors.model import DocActor


def resolve(doc: DocumentActors, surface: str, label: str = "NOUN", nth: int = 0) -> DocActor | None:
    return doc.resolve(make_span(doc.text, surface, label, nth))


def country_of(actor: DocActor) -> str | None:
    return next((org.name for role, org in actor.roles if role == "country" and org is not None), None)


def test_unidentified_gunmen_are_one_armed_group_of_the_reports_country() -> None:
    text = "On 3 May 2020, unidentified gunmen attacked a police checkpoint in Kaduna, Nigeria, killing two."
    doc = make_doc(text, [("Kaduna", "GPE"), ("Nigeria", "GPE")])
    actor = resolve(doc, "unidentified gunmen")
    assert actor is not None
    assert (actor.name, actor.kind, country_of(actor)) == (
        "Unidentified Armed Group (Nigeria)",
        "group",
        "Nigeria",
    )


def test_each_category_has_its_canonical_name() -> None:
    text = (
        "In Chile, rioters burned a bank. Police arrested protesters. Soldiers guarded the port. "
        "Three aid workers and unknown men were seen. A mob gathered."
    )
    doc = make_doc(text, [("Chile", "GPE")])
    names = {s: getattr(resolve(doc, s), "name", None) for s in ("rioters", "Police", "protesters")}
    names |= {s: getattr(resolve(doc, s), "name", None) for s in ("Soldiers", "Three aid workers")}
    names |= {s: getattr(resolve(doc, s), "name", None) for s in ("unknown men", "A mob")}
    assert names == {
        "rioters": "Chilean rioters (Chile)",
        "Police": "Chile police",  # ACLED's "Police Forces of Chile" an alias
        "protesters": "Chilean protesters (Chile)",
        "Soldiers": "Chile military",
        "Three aid workers": "Chilean civilians (Chile)",
        "unknown men": "Unidentified Armed Group (Chile)",  # "unknown" makes men the perpetrators
        "A mob": "Chilean rioters (Chile)",
    }


def test_one_group_per_country_named_then_placed_then_by_demonym() -> None:
    flags = "Protesters marched past Peruvian flags."
    doc = DocumentActors("a.txt", flags, [], place_countries=["CL"])
    chile = resolve(doc, "Protesters")
    assert chile is not None and country_of(chile) == "Chile"  # the event's place beats a demonym
    named = "In Peru, protesters marched near Lake Chad."  # "Lake Chad" names a lake, not Chad
    peru = resolve(DocumentActors("b.txt", named, [], place_countries=["CL"]), "protesters")
    assert peru is not None and country_of(peru) == "Peru" and peru.key != chile.key  # a name beats places
    alone = resolve(DocumentActors("c.txt", flags, []), "Protesters")
    assert alone is not None and alone.name == "Peruvian protesters (Peru)"


def test_stated_affiliation_makes_the_named_group_the_actor() -> None:
    text = "Militants of Boko Haram attacked Gwoza. Later the militants withdrew."
    doc = make_doc(text, [("Boko Haram", "ORG"), ("Gwoza", "GPE")])
    first = resolve(doc, "Militants")
    assert first is not None and first.name == "Boko Haram"
    assert resolve(doc, "the militants") is first  # refers back to the group named before


def test_unnamed_affiliation_in_a_missed_name_and_ethnic_militia() -> None:
    text = "Rebels of the M23 movement shelled Rutshuru. Fulani militia attacked Dogo."
    doc = make_doc(text, [("Rutshuru", "GPE")])
    rebels = resolve(doc, "Rebels")
    assert rebels is not None and rebels.name == "M23"
    militia = resolve(doc, "Fulani militia")
    assert militia is not None and militia.name == "Fulani militia"  # no country in the text


def test_a_states_own_forces_stay_as_written_and_titles_are_left_to_roles() -> None:
    text = "Israel's army said its soldiers were hurt. The minister spoke."
    doc = make_doc(text, [("Israel", "GPE")])
    army = resolve(doc, "Israel's army")
    assert army is not None and army.name == "Israel's army"
    minister = resolve(doc, "The minister")
    assert minister is None or minister.name != "Civilians"  # a title, never a generic group


def test_civilians_who_protest_become_protesters() -> None:
    text = "Hundreds of farmers protested in Delhi, India."
    doc = make_doc(text, [("India", "GPE")])
    farmers = resolve(doc, "farmers")
    assert farmers is not None and farmers.name == "Indian civilians (India)"
    protesters = doc.protester(farmers)
    assert (protesters.name, country_of(protesters)) == ("Indian protesters (India)", "India")
    assert doc.protester(protesters) is protesters
    assert doc.protester(farmers, "rioted").name == "Indian rioters (India)"


def test_descriptions_that_point_at_a_name() -> None:
    text = (
        "The Syrian Observatory for Human Rights counted the dead. More than 1,000 were held, "
        "said the group, OVD-Info. Fidan called US Special Envoy for Syria Tom Barrack. "
        "The observatory said more died."
    )
    doc = make_doc(
        text,
        [("The Syrian Observatory for Human Rights", "ORG"), ("Fidan", "PERSON"), ("Tom Barrack", "PERSON")],
    )
    group = resolve(doc, "group")
    assert group is not None and group.name == "OVD-Info"
    envoy = resolve(doc, "US Special Envoy")
    assert envoy is not None and envoy.name == "Tom Barrack"
    observatory = resolve(doc, "observatory")
    assert observatory is not None and observatory.name == "Syrian Observatory for Human Rights"


def test_people_in_apposition_are_no_organisation() -> None:
    text = "In Mali, gunmen killed two civilians, Ahmed and Ali."
    civilians = resolve(make_doc(text, [("Mali", "GPE")]), "two civilians")
    assert civilians is not None and civilians.name == "Malian civilians (Mali)"


def test_a_single_protester_is_one_person_not_the_group() -> None:
    text = "In Chile, protesters marched. A protester in Santiago told reporters she was not afraid."
    doc = make_doc(text, [("Chile", "GPE"), ("Santiago", "GPE")])
    one = resolve(doc, "protester", nth=1)
    group = resolve(doc, "protesters")
    assert one is not None and (one.kind, one.name) == ("person", "protester")
    assert group is not None and group.name == "Chilean protesters (Chile)"


def test_a_single_mob_is_still_the_group() -> None:
    doc = make_doc("In Chile, a mob burned a bank.", [("Chile", "GPE")])
    actor = resolve(doc, "mob")
    assert actor is not None and actor.name == "Chilean rioters (Chile)"


def test_the_north_after_north_korea_is_that_state() -> None:
    text = "North Korea tested a missile. The North fired again on Sunday."
    doc = make_doc(text, [("North Korea", "GPE")])
    actor = resolve(doc, "North", "GPE", nth=1)
    assert actor is not None and actor.name == "North Korea"
    alone = make_doc("The North fired again on Sunday.", [])
    assert resolve(alone, "North", "GPE") is None  # no country named before: nobody


def test_peoples_are_named_by_their_demonym_with_the_acled_name_as_alias() -> None:
    doc = make_doc("In Iraq, protesters blocked a bridge.", [("Iraq", "GPE")])
    iraq = resolve(doc, "protesters")
    # the demonym closest to the country's name, not another people of the table's same country
    assert iraq is not None and iraq.name == "Iraqi protesters (Iraq)"
    assert "Protesters (Iraq)" in iraq.names and iraq.names["Protesters (Iraq)"] == 0
    kenya = resolve(make_doc("In Kenya, protesters marched.", [("Kenya", "GPE")]), "protesters")
    assert kenya is not None and kenya.name == "Kenyan protesters (Kenya)"  # from the derived table
    assert "Protesters (Kenya)" in kenya.names
    us_doc = make_doc("In the United States, protesters marched.", [("United States", "GPE")])
    us = resolve(us_doc, "protesters")
    assert us is not None and us.name == "American protesters (United States)"  # adjective on "America"
    tuvalu = resolve(make_doc("In Tuvalu, protesters marched.", [("Tuvalu", "GPE")]), "protesters")
    assert tuvalu is not None and tuvalu.name == "Tuvaluan protesters (Tuvalu)"


def test_bare_insurgents_after_the_one_armed_group_named_are_its_fighters() -> None:
    text = (
        "In Peru, the Valley Liberation Front said it held the valley. On Monday, insurgents burned a bridge."
    )
    doc = make_doc(text, [("Peru", "GPE"), ("Valley Liberation Front", "ORG")])
    group = resolve(doc, "Valley Liberation Front", "ORG")
    assert group is not None and group.kind == "group"
    assert resolve(doc, "insurgents") is group
    unknown = (
        "In Peru, the Valley Liberation Front said it held the valley. "
        "On Monday, unidentified gunmen burned a bridge."
    )
    doc2 = make_doc(unknown, [("Peru", "GPE"), ("Valley Liberation Front", "ORG")])
    gunmen = resolve(doc2, "unidentified gunmen")
    assert gunmen is not None and gunmen.name == "Unidentified Armed Group (Peru)"  # not said to be theirs


def test_people_counted_after_protesters_in_their_sentence_are_those_protesters() -> None:
    text = (
        "In Peru, troops fired on protesters in Lima, killing 18 people. "
        "Separately, a bus crash killed 18 people. Protesters said hungry people joined them."
    )
    doc = make_doc(text, [("Peru", "GPE"), ("Lima", "GPE")])
    assert getattr(resolve(doc, "18 people"), "name", None) == "Peruvian protesters (Peru)"
    # no protesters before them in the sentence: civilians
    assert getattr(resolve(doc, "18 people", nth=1), "name", None) == "Peruvian civilians (Peru)"
    # people a modifier qualifies are not merely counted
    assert getattr(resolve(doc, "hungry people"), "name", None) == "Peruvian civilians (Peru)"


def test_the_group_is_the_armed_group_named_last_and_a_group_of_soldiers_their_forces() -> None:
    text = (
        "Al-Shabaab fighters attacked a base. Its spokesman said the group had killed 12. "
        "Later Hamas said it targeted a group of Kenyan soldiers near the border."
    )
    doc = make_doc(text, [("Al-Shabaab", "ORG"), ("Hamas", "ORG"), ("Kenyan", "NORP")])
    group = resolve(doc, "group")
    assert group is not None and "Shabaab" in group.name
    soldiers = resolve(doc, "a group")
    assert soldiers is not None and soldiers.name == "Kenyan soldiers"
