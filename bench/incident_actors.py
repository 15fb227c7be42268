"""Actor recall on the made-up incident reports of tests/fixtures/incidents/ (their ``agents`` and
``targets`` are the gold, in ACLED's actor names: "Unidentified Armed Group (Mali)", "Police Forces
of Kenya"; "A|B" accepts either).

Two measures per file. ``recall``: a gold actor counts when a predicted actor of the report maps onto
it the way ``score_events.py`` maps names onto a gold table (here: every gold name of the file): equal
after normalising, else the gold name sharing most of its words, so a bare "Protesters" may land on
another report's "Protesters (Chile)". ``with country``: the predicted name or one of its aliases has
exactly the gold's content words.
``heldout_actors.jsonl`` and ``heldout3.jsonl`` were written after the mechanism was built and are
reported on their own.

Run: ``.venv/bin/python -m bench.incident_actors [FILE.jsonl ...]``.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "incidents"
FILES = ("reports.jsonl", "probes.jsonl", "heldout.jsonl", "heldout_actors.jsonl", "heldout3.jsonl")
# As in score_events.py: these words never decide a match.
STOP = {"the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "us", "u.s.", "'s", "s"}
_WORD = re.compile(r"[a-z0-9]+")


def words(name: str) -> frozenset[str]:
    """The content words of a name."""
    return frozenset(w for w in _WORD.findall(name.lower().replace("’", "'")) if w not in STOP)


def matches(predicted: str, gold: str) -> bool:
    """score_events.py's test: one name's content words contain the other's."""
    p, g = words(predicted), words(gold)
    return bool(p and g) and (p <= g or g <= p)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    with_country: int = 0
    predicted: int = 0
    correct: int = 0  # predicted actors that match some gold actor of their report

    def line(self, name: str) -> str:
        def share(a: int, b: int) -> str:
            return f"{a / b:.2f}" if b else "-"

        return (
            f"{name:22} gold {self.gold:3}  recall {share(self.found, self.gold)} ({self.found})  "
            f"with country {share(self.with_country, self.gold)} ({self.with_country})  "
            f"precision {share(self.correct, self.predicted)} ({self.correct}/{self.predicted})"
        )


class Canon:
    """score_events.py's Lexicon over one file's gold names: a predicted name becomes the gold name it
    equals after normalising, else the one sharing most of its words (the first of equals)."""

    def __init__(self, names: list[str]) -> None:
        self.names = list(dict.fromkeys(names))
        self.exact = {" ".join(sorted(words(n))): n for n in reversed(self.names)}

    def __call__(self, name: str) -> str | None:
        toks = words(name)
        hit = self.exact.get(" ".join(sorted(toks)))
        if hit is not None or not toks:
            return hit
        best, best_score = None, 0.0
        for gold in self.names:
            g = words(gold)
            if g and (toks <= g or g <= toks):
                share = len(toks & g) / max(len(toks), len(g))
                if share > best_score:
                    best, best_score = gold, share
        return best


def score(reports: list[dict[str, Any]], predicted: list[list[tuple[str, list[str]]]]) -> Score:
    """Score each report's gold actors against its predicted (name, aliases) pairs."""
    out = Score()
    canon = Canon(
        [g for r in reports for a in r.get("agents", []) + r.get("targets", []) for g in a.split("|")]
    )
    for report, actors in zip(reports, predicted, strict=True):
        golds = [g.split("|") for g in report.get("agents", []) + report.get("targets", [])]
        found = {canon(name) for name, _ in actors}
        for options in golds:
            out.gold += 1
            out.found += any(g in found for g in options)
            out.with_country += any(
                words(n) == words(g) for name, aliases in actors for n in (name, *aliases) for g in options
            )
        out.predicted += len(actors)
        out.correct += sum(any(matches(name, g) for o in golds for g in o) for name, _ in actors)
    return out


def predict(texts: list[str]) -> list[list[tuple[str, list[str]]]]:
    """Run the whole extraction on each text as one article; the actors of its events."""
    from eventgraph.extract.ingest.read import RawArticle
    from eventgraph.extract.pipeline.run import extract_articles
    from eventgraph.graph.model import Article

    raws = [
        RawArticle(Article(f"r{i}.txt", published=date(2023, 6, 1)), text, "manifest")
        for i, text in enumerate(texts)
    ]
    batch = extract_articles(raws, warn=lambda _: None)
    actors = {a.id: a for a in batch.actors}
    by_doc: dict[str, list[tuple[str, list[str]]]] = {}
    for ev in batch.events:
        for aid in (*ev.agents, *ev.targets):
            actor = actors.get(aid)
            for source in ev.sources:
                found = by_doc.setdefault(source.doc, [])
                if actor is not None and (actor.name, actor.aliases) not in found:
                    found.append((actor.name, actor.aliases))
    return [by_doc.get(f"r{i}.txt", []) for i in range(len(texts))]


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.files or [FIXTURES / f for f in FILES if (FIXTURES / f).exists()]
    for path in paths:
        reports = load(path)
        print(score(reports, predict([r["text"] for r in reports])).line(path.name))


if __name__ == "__main__":
    main()
