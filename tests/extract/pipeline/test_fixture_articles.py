"""What an analyst expects from four articles in house styles the seeds do not have.

The articles (tests/fixtures/articles) are a wire story with a dateline, a Reuters piece with a
dateline carrying the filing date, a regional outlet's report, and a blog post with reader comments.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from eventgraph.extract.pipeline.run import extract_paths
from eventgraph.graph.model import Batch, Event

FIXTURES = Path(__file__).parents[2] / "fixtures" / "articles"


@dataclass
class Found:
    batch: Batch

    def names(self, ids: list[str]) -> set[str]:
        by_id = {a.id: a.name for a in self.batch.actors}
        return {by_id[i] for i in ids}

    def place(self, event: Event) -> str | None:
        by_id = {p.id: p.name for p in self.batch.places}
        return by_id.get(event.place) if event.place else None

    def article_id(self, name: str) -> str:
        return next(a.id for a in self.batch.articles if a.name == name)

    def events(self, doc: str, type_: str, word: str = "") -> list[Event]:
        ident = self.article_id(doc)
        return [
            e
            for e in self.batch.events
            if e.type == type_ and any(s.doc == ident and word in s.sentence for s in e.sources)
        ]

    def one(self, doc: str, type_: str, word: str = "") -> Event:
        found = self.events(doc, type_, word)
        assert found, f"no {type_} with {word!r} in {doc}"
        return found[0]


@pytest.fixture(scope="module")
def found() -> Found:
    manifest = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
    return Found(extract_paths([FIXTURES], manifest))


def _day(event: Event) -> date | None:
    assert event.date is not None, f"{event.type} has no date: {event.sources[0].sentence}"
    return event.date.start if event.date.start == event.date.end else None


@pytest.mark.slow
def test_wire_story_with_dateline(found: Found) -> None:
    doc = "ap_odesa_drones.txt"
    strike = found.one(doc, "drone_attack", "Russian drones struck")
    assert _day(strike) == date(2024, 3, 5)  # "overnight into Tuesday", published Tuesday
    assert found.names(strike.agents) == {"Russia"}  # the weapon's nationality fired it
    assert found.place(strike) == "Odesa"  # "the port city of Odesa", whatever NER calls it
    shelling = found.one(doc, "other_attack", "shelled")
    assert _day(shelling) == date(2024, 3, 3)
    assert found.place(shelling) and found.place(shelling) != "Donetsk"
    izmail = found.one(doc, "missile_attack", "Izmail")
    assert izmail.date is not None and izmail.date.precision == "week"
    assert found.place(izmail) == "Izmail"  # the port (GeoNames: Izmayil) as written, not the river
    call = found.one(doc, "phone_call", "spoke by phone")
    assert _day(call) == date(2024, 3, 4)
    assert "Rishi Sunak" in found.names(call.targets)
    meeting = found.one(doc, "meeting", "met with")
    assert found.place(meeting) == "Warsaw" and _day(meeting) == date(2024, 3, 4)
    agents = {name for e in found.batch.events for name in found.names(e.agents)}
    assert not agents & {"Kyiv", "KYIV", "Ukraine (AP)"}  # the dateline filed the story, it did not act


@pytest.mark.slow
def test_reuters_dateline_date_is_not_the_event_date(found: Found) -> None:
    doc = "reuters_red_sea.txt"
    missiles = found.one(doc, "missile_attack", "fired two anti-ship")
    assert _day(missiles) == date(2024, 1, 11)  # "on Thursday", not the "Jan 12" of the dateline
    assert found.names(missiles.agents) == {"Houthis"}  # not "DUBAI"
    call = found.one(doc, "phone_call", "Blinken")
    assert _day(call) == date(2024, 1, 10)
    assert "Antony Blinken" in found.names(call.agents)
    strikes = found.one(doc, "airstrike", "warplanes")
    assert _day(strikes) == date(2024, 1, 11)
    assert found.names(strikes.agents) == {"United States", "United Kingdom"}  # "U.S. and British warplanes"
    maersk = found.one(doc, "statement", "Maersk")  # a company the tagger calls a PRODUCT still speaks
    assert found.names(maersk.agents) == {"Maersk"}
    threat = found.one(doc, "statement", "threatened further attacks")
    assert threat.speech_act == "threat"
    series = found.one(doc, "other_attack", "Since Nov. 19")
    assert series.date is not None and series.date.start == date(2023, 11, 19)


@pytest.mark.slow
def test_regional_report_resignation_and_protests(found: Found) -> None:
    doc = "regional_resignation.txt"
    resignation = found.one(doc, "resignation")
    assert _day(resignation) == date(2024, 3, 5)  # "on Tuesday", not the dateline's "March 6"
    assert "Vakhtang Gomelauri" in found.names(resignation.agents)
    warning = found.one(doc, "statement", "Borrell")
    assert warning.speech_act == "warning"
    assert _day(warning) == date(2024, 2, 28)  # "on Wednesday last week"
    protest = found.one(doc, "protest", "Kutaisi")
    assert _day(protest) == date(2024, 3, 2) and found.place(protest) == "Kutaisi"
    gathered = found.one(doc, "protest", "Protesters first gathered")
    assert gathered.date is not None and gathered.date.start == date(2024, 3, 1)
    appointment = found.one(doc, "appointment")
    assert "Aleksandre Darakhvelidze" in found.names(appointment.targets)


@pytest.mark.slow
def test_blog_events_but_nothing_from_comments(found: Found) -> None:
    doc = "blog_analysis.txt"
    text = (FIXTURES / doc).read_text(encoding="utf-8")
    comments_start = text.index("42 Comments")
    sources = [s for e in found.batch.events for s in e.sources if s.doc == found.article_id(doc)]
    assert sources and all(s.char_end <= comments_start for s in sources)
    strike = found.one(doc, "drone_attack", "drone strike killed")
    assert _day(strike) == date(2024, 3, 17)
    call = found.one(doc, "phone_call", "Tiani")
    assert _day(call) == date(2024, 3, 19)
    assert found.names(call.agents) == {"Abdourahamane Tiani"}
    assert found.names(call.targets) == {"Assimi Goita"}
    # "called Goita on Tuesday" is a call, not a "call on" appeal
    assert not [e for e in found.events(doc, "statement", "Tiani") if e.speech_act == "appeal"]
    ambush = found.one(doc, "other_attack", "ambushed")
    # the anchor of "two days after" is not dated two days after the strike
    assert ambush.date is None or ambush.date.start < date(2024, 3, 17)
    visit = found.one(doc, "visit", "Moscow")
    assert visit.date is not None and visit.date.precision == "month" and visit.date.start == date(2024, 2, 1)
    commenters = {"Moussa K.", "Jean-Pierre D.", "Sahel Watcher"}
    assert not commenters & {a.name for a in found.batch.actors}
