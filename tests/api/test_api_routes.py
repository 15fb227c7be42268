"""Every route on both stores: the answers users read, and the errors they can act on."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import ESPER, KH, MAHDI, US


def ids(body: dict[str, Any]) -> list[str]:
    return [e["id"] for e in body["events"]]


def get(client: TestClient, url: str, status: int = 200, /, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


def test_timeline_window_in_date_order_with_overlap_and_within(client: TestClient) -> None:
    body = get(client, "/timeline", start="2019-10-28", end="2019-12-16")
    assert ids(body) == ["evt_warn", "evt_protest", "evt_resign", "evt_call"]
    call = body["events"][-1]
    assert call["summary"] == "Mark Esper phoned Adil Abdul Mahdi"
    assert call["date"] == {"start": "2019-12-15", "end": "2019-12-15", "precision": "day"}
    assert [a["id"] for a in call["agents"]] == [ESPER]
    assert call["targets"][0] == {"id": MAHDI, "name": "Adil Abdul Mahdi", "kind": "person"}
    assert call["place"]["name"] == "Baghdad"
    assert (call["source_count"], call["disputed"], call["cameo"], call["plover"]) == (
        2,
        True,
        "04",
        "CONSULT",
    )
    assert body["window"] == {
        "start": "2019-10-28",
        "end": "2019-12-16",
        "match": "overlap",
        "query": None,
        "year_given": None,
        "resolved_year": None,
        "other_years": [],
    }
    within = get(client, "/timeline", start="2019-10-28", end="2019-12-16", match="within")
    assert ids(within) == ["evt_protest", "evt_resign", "evt_call"]  # late October may fall before the 28th


def test_timeline_filters(client: TestClient) -> None:
    assert ids(get(client, "/timeline", type="phone_call")) == ["evt_call"]
    assert ids(get(client, "/timeline", type=["airstrike", "rocket_attack"])) == ["evt_rocket", "evt_strike"]
    assert set(ids(get(client, "/timeline", disputed="true"))) == {"evt_call"}
    by_name = get(client, "/timeline", actor="Kataib Hezbollah")
    assert by_name["filters"]["actor"]["id"] == KH
    assert ids(by_name) == ids(get(client, "/timeline", actor=KH)) == ["evt_meet", "evt_rocket", "evt_strike"]
    assert ids(get(client, "/timeline", place="kirkuk")) == ["evt_rocket"]
    assert ids(get(client, "/timeline", place="place:kirkuk")) == ["evt_rocket"]


def test_timeline_cursor_pages_through_everything_once(client: TestClient) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        body = get(client, "/timeline", limit=3, **({"cursor": cursor} if cursor else {}))
        assert len(body["events"]) <= 3
        seen += ids(body)
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == ids(get(client, "/timeline", limit=50))
    assert len(seen) == len(set(seen)) >= 8


def test_timeline_limit_is_capped_by_settings(client: TestClient) -> None:
    assert get(client, "/timeline", limit=10_000)["limit"] == 50  # the fixture's max_limit


def test_timeline_in_words_resolves_year_and_names_the_others(client: TestClient) -> None:
    body = get(client, "/timeline", q="between Oct 28 and Dec 16")
    window = body["window"]
    assert (window["start"], window["end"], window["resolved_year"]) == ("2019-10-28", "2019-12-16", 2019)
    assert window["year_given"] is False and window["query"] == "between Oct 28 and Dec 16"
    assert window["other_years"] == [{"year": 2018, "events": 1}]
    assert ids(body) == ["evt_warn", "evt_protest", "evt_resign", "evt_call"]
    only_2018 = get(client, "/timeline", q="between Oct 28 and Dec 16", type="visit")
    assert only_2018["window"]["resolved_year"] == 2018 and ids(only_2018) == ["evt_old"]
    given = get(client, "/timeline", q="from 2018-10-28 to 2018-12-16")["window"]
    assert given["year_given"] is True and given["other_years"] == []


def test_timeline_errors_name_the_problem(client: TestClient) -> None:
    err = get(client, "/timeline", 400, q="when pigs fly")
    assert "when pigs fly" in err["detail"]
    err = get(client, "/timeline", 400, start="2019-12-16", end="2019-10-28")
    assert "before it starts" in err["detail"]
    err = get(client, "/timeline", 422, start="2019-13-45")
    assert "'start'" in err["detail"] and err["parameter"] == "start"
    err = get(client, "/timeline", 422, type="picnic")
    assert "'type" in err["detail"]
    err = get(client, "/timeline", 422, limit=0)
    assert "'limit'" in err["detail"]
    err = get(client, "/timeline", 404, actor="Zorblax Quux")
    assert "Zorblax" in err["detail"] and err["closest"] == []
    assert get(client, "/timeline", 400, cursor="bm90LWEtY3Vyc29y")["detail"].startswith("invalid cursor")
    assert get(client, "/timeline", 422, cursor="a b")["parameter"] == "cursor"


def test_event_with_every_source(client: TestClient) -> None:
    body = get(client, "/events/evt_call")
    assert [s["doc"] for s in body["sources"]] == ["000_a.txt", "001_b.txt"]
    first = body["sources"][0]
    assert first["article"]["title"] == "Esper talks to Iraqi PM"
    assert first["article"]["published"] == "2019-12-16"
    assert (first["date_text"], first["date"]["start"]) == ("on Sunday", "2019-12-15")
    assert body["sources"][1]["date"]["start"] == "2019-12-14"
    assert [c["date"]["start"] for c in body["claims"]] == ["2019-12-14", "2019-12-15"]
    err = get(client, "/events/evt_nope", 404)
    assert "evt_nope" in err["detail"]
    assert get(client, "/events/" + "x" * 300, 422)["parameter"] == "event_id"


def test_actors_search_and_detail(client: TestClient) -> None:
    found = get(client, "/actors", q="Hezbollah")["actors"]
    assert found[0]["id"] == KH
    assert get(client, "/actors", q="Abdul Mahdi")["actors"][0]["id"] == MAHDI
    detail = get(client, f"/actors/{ESPER}")
    assert detail["actor"]["aliases"] == ["Esper", "the defense secretary"]
    assert detail["affiliations"] == [
        {
            "actor": {"id": ESPER, "name": "Mark Esper", "kind": "person"},
            "role": "Secretary of Defense",
            "org": {"id": "gpe:united-states", "name": "United States", "kind": "gpe"},
        }
    ]
    mahdi = next(i for i in detail["interactions"] if i["actor"]["id"] == MAHDI)
    assert (mahdi["count"], mahdi["first"], mahdi["last"]) == (2, "2018-11-05", "2019-12-15")
    assert mahdi["types"] == ["phone_call", "visit"]
    assert detail["event_count"] == 3
    err = get(client, "/actors/person:nobody", 404)
    assert "'person:nobody'" in err["detail"] and err["parameter"] == "actor_id"
    assert get(client, "/actors/not an id", 422)["parameter"] == "actor_id"


def hop_ids(path: dict[str, Any]) -> list[str]:
    return [h["event"]["id"] if h["kind"] == "event" else f"{h['holder']} {h['role']}" for h in path["hops"]]


SECDEF = f"{ESPER} Secretary of Defense"  # an affiliation hop: Esper holds the role in the US


def test_path_shortest_and_time_ordered(client: TestClient) -> None:
    body = get(client, "/path", **{"from": "Esper", "to": "Kata'ib Hizbollah", "ordered": "true"})
    assert (body["source"]["id"], body["target"]["id"]) == (ESPER, KH)
    best = body["shortest"][0]
    assert best["length"] == 2
    assert [a["id"] for a in best["actors"]] == [ESPER, US, KH]
    assert [hop_ids(p) for p in body["shortest"]] == [
        [SECDEF, "evt_rocket"],
        [SECDEF, "evt_strike"],
        ["evt_old", "evt_meet"],
        ["evt_call", "evt_meet"],
        ["evt_warn", "evt_undated", "evt_rocket"],
    ]
    held = best["hops"][0]
    assert held == {
        "source": {"id": ESPER, "name": "Mark Esper", "kind": "person"},
        "target": {"id": US, "name": "United States", "kind": "gpe"},
        "kind": "affiliation",
        "event": None,
        "role": "Secretary of Defense",
        "holder": ESPER,
    }
    first_hop = body["shortest"][3]["hops"][0]
    assert first_hop["kind"] == "event" and first_hop["role"] is None
    assert first_hop["event"]["date"]["start"] == "2019-12-15"
    assert {s["doc"] for s in first_hop["event"]["sources"]} == {"000_a.txt", "001_b.txt"}
    assert first_hop["event"]["sources"][0]["article"]["title"]
    for chain in body["ordered"]:  # affiliation hops carry no date and leave the order alone
        starts = [h["event"]["date"]["start"] for h in chain["hops"] if h["event"]]
        assert starts == sorted(starts)
    assert [hop_ids(p) for p in body["ordered"]][:2] == [[SECDEF, "evt_rocket"], [SECDEF, "evt_strike"]]
    windowed = get(client, "/path", **{"from": ESPER, "to": KH, "start": "2019-12-16"})
    assert [hop_ids(p) for p in windowed["shortest"]] == [[SECDEF, "evt_rocket"], [SECDEF, "evt_strike"]]
    assert windowed["ordered"] is None
    windowed = get(client, "/path", **{"from": ESPER, "to": KH, "start": "2019-12-30"})
    assert windowed["shortest"] == []


def test_path_errors(client: TestClient) -> None:
    err = get(client, "/path", 404, **{"from": "Esperr", "to": "Zorblax"})
    assert (err["parameter"], err["closest"]) == ("to", [])  # "Esperr" is close enough to Esper
    assert get(client, "/path", **{"from": "Espr", "to": KH})["source"]["id"] == ESPER  # a typo
    err = get(client, "/path", 404, **{"from": "Esperanza", "to": KH})
    assert "Esperanza" in err["detail"] and [a["name"] for a in err["closest"]] == ["Mark Esper"]
    assert "'max_hops'" in get(client, "/path", 422, **{"from": ESPER, "to": KH, "max_hops": 7})["detail"]
    assert get(client, "/path", 422, to=KH)["parameter"] == "from"


def test_places_and_geojson(client: TestClient) -> None:
    places = {p["id"]: p for p in get(client, "/places")["places"]}
    assert places["place:baghdad"]["event_count"] == 5
    assert places["place:nowhere"]["event_count"] == 0
    geo = get(client, "/places", format="geojson")
    assert geo["type"] == "FeatureCollection"
    features = {f["id"]: f for f in geo["features"]}
    assert "place:nowhere" not in features  # no coordinates, nothing to draw
    assert features["place:kirkuk"]["geometry"] == {"type": "Point", "coordinates": [44.39, 35.47]}
    assert features["place:kirkuk"]["properties"]["event_count"] == 1


def test_health(client: TestClient, store: Any) -> None:
    body = get(client, "/health")
    assert body["status"] == "ok" and body["reachable"] is True and body["store"] == store.kind
    assert body["counts"] == {"articles": 3, "events": 9, "actors": 6, "places": 3, "disputed": 1}


def test_timelinejs_feed_honours_precision_and_leaves_absent_fields_out(client: TestClient) -> None:
    body = get(client, "/timeline/timelinejs", start="2019-10-01", end="2019-12-31")
    events = {e["unique_id"]: e for e in body["events"]}
    assert "evt_undated" not in events
    assert events["evt_protest"]["start_date"] == {"year": 2019, "month": 11}
    assert events["evt_protest"]["display_date"] == "November 2019"
    assert events["evt_warn"]["start_date"] == {"year": 2019, "month": 10, "day": 20}
    assert events["evt_warn"]["end_date"] == {"year": 2019, "month": 10, "day": 31}
    # TimelineJS reads a present null as a date and draws nothing: absent fields are left out.
    assert "end_date" not in events["evt_resign"] and "display_date" not in events["evt_resign"]
    slides = client.get("/timeline/timelinejs", params={"start": "2019-10-01"}).text
    assert "null" not in slides[: slides.index('"window"')]  # title and events come first
    assert "disputed" in events["evt_call"]["display_date"]
    assert events["evt_meet"]["text"]["headline"] == "Adil Abdul Mahdi met Kata&#x27;ib Hizbollah"
    assert events["evt_meet"]["group"] == "meeting"
    assert body["title"]["text"]["headline"] == "Events, 1 October 2019 – 31 December 2019"


def test_timelinejs_slides_quote_sources_and_say_only_what_is_known(client: TestClient) -> None:
    body = get(client, "/timeline/timelinejs", start="2019-10-01", end="2019-12-31")
    text = {e["unique_id"]: e["text"]["text"] for e in body["events"]}
    call = text["evt_call"]
    assert "Mark Esper → Adil Abdul Mahdi" in call
    assert "Esper spoke with Abdul Mahdi on Sunday." in call and "on Saturday." in call
    assert "<a href='https://example.org/a'" in call and "Esper talks to Iraqi PM</a>, Wire One" in call
    assert "by Adil Abdul Mahdi" in text["evt_resign"]  # no target: no arrow to a placeholder
    assert "→" not in text["evt_resign"] and "?" not in text["evt_resign"] and "—" not in text["evt_resign"]
    assert "Iraq in turmoil, Weekly Three" in text["evt_resign"]
    assert "<a " not in text["evt_resign"]  # that article has no link
    assert "CAMEO" not in call


def test_vis_feed_items_and_groups(client: TestClient) -> None:
    body = get(client, "/timeline/vis", q="between Oct 28 and Dec 16")
    items = {i["id"]: i for i in body["items"]}
    assert set(items) == {"evt_warn", "evt_protest", "evt_resign", "evt_call"}
    assert items["evt_protest"]["type"] == "range"
    assert (items["evt_protest"]["start"], items["evt_protest"]["end"]) == ("2019-11-01", "2019-12-01")
    assert items["evt_call"]["type"] == "point" and items["evt_call"]["end"] is None
    assert "ev-disputed" in items["evt_call"]["className"]
    assert "ev-disputed" not in items["evt_resign"]["className"]
    assert {g["id"] for g in body["groups"]} == {"statement", "protest", "resignation", "phone_call"}
    assert body["window"]["resolved_year"] == 2019


@pytest.mark.parametrize("url", ["/", "/static/app.js", "/static/app.css", "/docs", "/openapi.json"])
def test_page_and_docs_are_served(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 200


def test_unknown_route_and_writes_answer_json(client: TestClient) -> None:
    assert client.get("/nope").json()["detail"] == "no such route; see /docs"
    response = client.post("/timeline")
    assert response.status_code == 405 and "POST is not allowed" in response.json()["detail"]


def test_health_reuses_counts_for_a_few_seconds(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Monitors poll /health; counting reads every event, so counts are reused for COUNTS_MAX_AGE."""
    from eventgraph.api.app import create_app
    from eventgraph.api.routes import health
    from eventgraph.settings import Settings

    calls = []
    real = store.counts
    monkeypatch.setattr(store, "counts", lambda: calls.append(1) or real())
    with TestClient(create_app(store, Settings())) as c:
        for _ in range(3):
            assert c.get("/health").json()["counts"]["events"] == 9
        assert len(calls) == 1
        monkeypatch.setattr(health, "COUNTS_MAX_AGE", 0.0)
        c.get("/health")
        assert len(calls) == 2


# One URL per GET route that answers 200 on the seed-like graph; the test below fails when a
# route is added without a line here.
HEAD_URLS = {
    "/": "/",
    "/health": "/health",
    "/timeline": "/timeline?start=2019-10-28&end=2019-12-16",
    "/timeline/vis": "/timeline/vis",
    "/timeline/histogram": "/timeline/histogram?bucket=week",
    "/timeline/timelinejs": "/timeline/timelinejs",
    "/events/{event_id}": "/events/evt_call",
    "/actors": "/actors?q=Esper",
    "/actors/{actor_id}": f"/actors/{ESPER}",
    "/path": f"/path?from={ESPER}&to={KH}",
    "/places": "/places",
    "/problems/{slug}": "/problems/not-found",
    "/static": "/static/timelinejs.html",
    "/openapi.json": "/openapi.json",
    "/docs": "/docs",
    "/docs/oauth2-redirect": "/docs/oauth2-redirect",
    "/redoc": "/redoc",
    **{
        f"/export.{fmt}": f"/export.{fmt}?actor=Esper"
        for fmt in ("csv", "geojson", "graphml", "gexf", "jsonl")
    },
}
STREAMED = {"/export.csv", "/export.geojson", "/export.graphml", "/export.gexf", "/export.jsonl"}


def test_head_answers_like_get_without_a_body_on_every_route(client: TestClient) -> None:
    app: Any = client.app
    documented = {path for path, ops in app.openapi()["paths"].items() if "get" in ops}
    others = {r.path for r in app.routes if hasattr(r, "path")}  # the page, docs, static files
    assert documented | others == set(HEAD_URLS)
    for path, url in HEAD_URLS.items():
        got, head = client.get(url), client.head(url)
        assert (head.status_code, got.status_code) == (200, 200), url
        assert head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"], url
        if path in STREAMED:  # chunked: no length is known before the end
            assert "content-length" not in head.headers and "content-length" not in got.headers, url
            assert head.headers["content-disposition"] == got.headers["content-disposition"], url
        else:
            assert head.headers["content-length"] == got.headers["content-length"], url
        assert head.headers.get("content-encoding") == got.headers.get("content-encoding"), url
    assert client.head("/nope").status_code == 404
    assert client.request("POST", "/health").status_code == 405
