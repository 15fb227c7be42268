"""The event JSONL of docs/formats.md round-trips through graph.export."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventgraph.graph.export import batch_from_rows, dumps_rows, event_rows
from eventgraph.graph.model import (
    Actor,
    Affiliation,
    Article,
    Batch,
    DateInterval,
    Event,
    Place,
    Source,
    cameo_plover,
)


def sample_batch() -> Batch:
    day = DateInterval(date(2024, 3, 2), date(2024, 3, 2), "day")
    return Batch(
        articles=[Article("a.txt", "Title", "Wire", "http://x", date(2024, 3, 4))],
        actors=[
            Actor("person:jane-roe", "Jane Roe", "person", ["Roe", "the foreign minister"]),
            Actor("gpe:freedonia", "Freedonia", "gpe"),
        ],
        places=[Place("place:springfield", "Springfield", 1.5, 2.5, "FD")],
        affiliations=[Affiliation("person:jane-roe", "gpe:freedonia", "Foreign Minister")],
        events=[
            Event(
                id="evt_1",
                type="statement",
                date=day,
                agents=["person:jane-roe"],
                targets=["gpe:freedonia"],
                place="place:springfield",
                attributes={"speech_act": "warning", "quote": "enough"},
                confidence=0.8,
                disputed=True,
                summary="Jane Roe warned Freedonia",
                sources=[Source("a.txt", "Roe warned on Saturday.", 10, 33, "on Saturday", day)],
            )
        ],
    )


def test_rows_follow_the_export_contract() -> None:
    (row,) = list(event_rows(sample_batch()))
    assert set(row) >= {
        "id",
        "type",
        "date",
        "agents",
        "targets",
        "location",
        "attributes",
        "confidence",
        "disputed",
        "sources",
    }
    assert row["date"] == {"start": "2024-03-02", "end": "2024-03-02", "precision": "day"}
    assert row["agents"][0]["name"] == "Jane Roe" and row["agents"][0]["kind"] == "person"
    assert row["attributes"]["weapon"] is None and row["attributes"]["speech_act"] == "warning"
    assert row["location"]["country"] == "FD"
    assert row["sources"][0]["char_start"] == 10 and row["sources"][0]["date_text"] == "on Saturday"
    assert (row["cameo"], row["plover"]) == cameo_plover("statement", "warning")


def test_round_trip_keeps_the_graph() -> None:
    original = sample_batch()
    rebuilt, problems = batch_from_rows(dumps_rows(original))
    assert problems == []
    assert rebuilt.events == original.events
    assert rebuilt.places == original.places
    assert rebuilt.articles == original.articles
    assert {a.id: a for a in rebuilt.actors} == {a.id: a for a in original.actors}
    assert rebuilt.affiliations == original.affiliations


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON (key must be a string"),
        ("[1, 2]", "not a JSON object"),
        ('{"id": "e", "type": "statement"}', "missing 'sources'"),
        ('{"id": "e", "type": "party", "sources": []}', "unknown event type 'party'"),
        (
            '{"id": "e", "type": "death", "sources": [], "date": {"start": "2024-13-01"}}',
            "date.start: Input should be a valid date",
        ),
    ],
)
def test_broken_lines_are_reported_and_skipped(line: str, reason: str) -> None:
    good = next(dumps_rows(sample_batch()))
    batch, problems = batch_from_rows([good, line, good], name="events.jsonl")
    assert len(batch.events) == 2
    assert len(problems) == 1
    assert problems[0].startswith("events.jsonl:2: skipped:")
    assert reason in problems[0]


def test_rows_are_json_serialisable() -> None:
    for line in dumps_rows(sample_batch()):
        assert json.loads(line)["id"] == "evt_1"


def test_roles_held_in_a_participant_by_actors_in_no_event_travel_with_the_participant() -> None:
    """ "Red Hand, a member of the rebel factions": Red Hand takes part in no event, so the line of
    an event of the factions carries it ("held_by"), and loading the JSONL keeps the affiliation."""
    batch = sample_batch()
    batch.actors.append(Actor("group:red-hand", "Red Hand", "group", ["the Hand"]))
    batch.affiliations.append(Affiliation("group:red-hand", "gpe:freedonia", "member"))
    (row,) = event_rows(batch)
    assert row["targets"][0]["held_by"] == [
        {
            "role": "member",
            "actor": {"id": "group:red-hand", "name": "Red Hand", "kind": "group", "aliases": ["the Hand"]},
        }
    ]
    assert "held_by" not in row["agents"][0]  # Jane Roe's role travels on her own reference
    back, problems = batch_from_rows(dumps_rows(batch))
    assert problems == []
    assert sorted((a.actor, a.org, a.role) for a in back.affiliations) == sorted(
        (a.actor, a.org, a.role) for a in batch.affiliations
    )
    assert {a.id for a in back.actors} == {a.id for a in batch.actors}


def test_location_carries_precision_and_admin_areas_through_a_round_trip() -> None:
    batch = sample_batch()
    batch.places = [
        Place(
            "place:fd:springfield",
            "Springfield",
            1.5,
            2.5,
            "FD",
            "place",
            "town",
            "North Province",
            "Shelby District",
        )
    ]
    batch.events[0].place = "place:fd:springfield"
    (row,) = list(event_rows(batch))
    assert row["location"] == {
        "id": "place:fd:springfield",
        "name": "Springfield",
        "lat": 1.5,
        "lon": 2.5,
        "country": "FD",
        "precision": "town",
        "admin1": "North Province",
        "admin2": "Shelby District",
        "gazetteer_name": None,
    }
    rebuilt, problems = batch_from_rows(dumps_rows(batch))
    assert problems == [] and rebuilt.places == batch.places
