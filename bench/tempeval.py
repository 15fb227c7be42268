"""Score the temporal tagger on TempEval-3 with the shared TE3 Task A scorer.

Usage: python bench/tempeval.py [--gold PATH] [--errors]

Tags every document of the gold file with its creation date, writes the predictions to a temporary
JSONL file and runs the scorer on it, so our numbers are computed exactly as the shared ones.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from eventgraph.extract.temporal.tagger import tag

EVAL_DIR = Path("/work/shared/eval/tempeval3")
HEIDELTIME_VALUE_F1 = 77.6  # TempEval-3 platinum, UzZaman et al. 2013


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=EVAL_DIR / "train.jsonl")
    parser.add_argument("--scorer", type=Path, default=EVAL_DIR / "score.py")
    parser.add_argument("--errors", action="store_true", help="list matched timexes with a wrong value/type")
    args = parser.parse_args()
    words = 0
    started = time.process_time()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for line in args.gold.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            words += len(doc["text"].split())
            timexes = [t.to_json() for t in tag(doc["text"], date.fromisoformat(doc["dct"]))]
            out.write(json.dumps({"doc": doc["doc"], "timexes": timexes}) + "\n")
    seconds = time.process_time() - started
    extra = ["--errors"] if args.errors else []
    summary = subprocess.run(
        [sys.executable, str(args.scorer), out.name, "--gold", str(args.gold), *extra],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    print(summary, end="")
    scores = json.loads(
        subprocess.run(
            [sys.executable, str(args.scorer), out.name, "--gold", str(args.gold), "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    value_f1 = 100 * scores["value"]["F1"]
    print(
        f"value F1 {value_f1:.1f} vs HeidelTime {HEIDELTIME_VALUE_F1} (published, TE3 platinum); "
        f"strict F1 {100 * scores['strict']['F1']:.1f}, relaxed F1 {100 * scores['relaxed']['F1']:.1f}, "
        f"type F1 {100 * scores['type']['F1']:.1f}; tagged {words} words in {seconds:.2f} s of CPU "
        f"({words / seconds:,.0f} words/s)"
    )
    Path(out.name).unlink()


if __name__ == "__main__":
    main()
