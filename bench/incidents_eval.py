"""Incident reports through the whole extraction: the measures the hidden analysts' set is scored by.

Each JSONL line holds ``text`` and the expected ``type``, ``killed`` and ``wounded`` (null when the
report states none); the expected day is the report's own "On 3 May 2020" (or ``date`` when given).
Every report is extracted as its own article published a week later, as a feed would deliver it.

Run: ``.venv/bin/python -m bench.incidents_eval tests/fixtures/incidents/*.jsonl [--misses]``.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.extract.lexicons.time import MONTHS
from eventgraph.extract.pipeline.run import extract_articles
from eventgraph.graph.model import Article, Event

ATTACKS = frozenset({"rocket_attack", "drone_attack", "missile_attack", "airstrike", "other_attack"})
_DAY = re.compile(
    r"\b(\d{1,2}) (" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r") (\d{4})", re.IGNORECASE
)


def family(event_type: str) -> str:
    return "attack" if event_type in ATTACKS else event_type


def stated_day(report: dict[str, Any]) -> date | None:
    if report.get("date"):
        return date.fromisoformat(report["date"])
    m = _DAY.search(report["text"])
    return date(int(m[3]), MONTHS[m[2].lower()], int(m[1])) if m else None


def _best(events: list[Event], want: str) -> Event | None:
    same = [e for e in events if family(e.type) == family(want)]
    return (same or events or [None])[0]


def score(reports: list[dict[str, Any]], show_misses: bool = False) -> dict[str, float]:
    raws = []
    for i, r in enumerate(reports):
        day = stated_day(r) or date(2022, 6, 1)
        raws.append(
            RawArticle(Article(f"r{i}.txt", published=day + timedelta(days=7)), r["text"], "manifest")
        )
    batch = extract_articles(raws, warn=lambda m: None)
    by_doc: dict[str, list[Event]] = {}
    for ev in batch.events:
        for s in ev.sources:
            by_doc.setdefault(s.doc, []).append(ev)
    n = len(reports)
    any_event = typed = dated = toll_stated = toll_given = 0
    per_family: dict[str, list[int]] = {}  # gold family -> [reports, found with that family]
    for i, r in enumerate(reports):
        events = by_doc.get(f"r{i}.txt", [])
        ev = _best(events, r["type"])
        ok_type = ev is not None and family(ev.type) == family(r["type"])
        day = stated_day(r)
        ok_day = (
            ev is not None and ev.date is not None and day is not None and ev.date.start == ev.date.end == day
        )
        ok_toll = True
        any_event += bool(events)
        typed += ok_type
        tally = per_family.setdefault(family(r["type"]), [0, 0])
        tally[0] += 1
        tally[1] += ok_type
        dated += ok_day
        if r.get("killed") is not None:
            toll_stated += 1
            ok_toll = any(e.attributes.get("killed") == r["killed"] for e in events)
            toll_given += ok_toll
        if show_misses and not (ok_type and ok_day and ok_toll):
            got = [
                (e.type, str(e.date.start) if e.date else None, e.attributes.get("killed")) for e in events
            ]
            print(f"MISS {r['type']} k={r.get('killed')} | {r['text']}\n     got {got}")
    return {
        "reports": n,
        "any_event": round(any_event / n, 3),
        "type_found": round(typed / n, 3),
        # the hidden set's "events found": the mean over type families of the share found
        "type_found_macro": round(sum(f / r for r, f in per_family.values()) / len(per_family), 3),
        "exact_date": round(dated / n, 3),
        "fatalities_given": round(toll_given / toll_stated, 3) if toll_stated else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    for path in args.files:
        reports = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        untyped = sum("type" not in r for r in reports)
        if untyped:  # a places-only file (located*.jsonl): bench.places_reports scores it
            print(f"{path.name}: skipped, {untyped} of {len(reports)} reports have no gold 'type'")
            continue
        print(path.name, json.dumps(score(reports, args.misses)))


if __name__ == "__main__":
    main()
