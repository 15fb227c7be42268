"""A corpus of repeated articles for the Spark path: the seed and fixture articles, each written again
with a new id and its publication day moved by a few days per copy, so relative dates ("Sunday")
land in neighbouring 8-day buckets and the copies merge across them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles"]
SHIFT_DAYS = 3


def write_corpus(out: Path, copies: int) -> int:
    """Write ``copies`` x the source articles as article JSONL; the number of articles."""
    rows = []
    for folder in SOURCES:
        meta = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for name, entry in sorted(meta.items()):
            text = (folder / name).read_text(encoding="utf-8")
            published = date.fromisoformat(entry["published"])
            for n in range(copies):
                rows.append(
                    {
                        "id": f"{Path(name).stem}-{n}",
                        "text": text,
                        "title": entry.get("title", ""),
                        "publisher": entry.get("publisher", ""),
                        "published": (published + timedelta(days=SHIFT_DAYS * n)).isoformat(),
                    }
                )
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
