"""Extraction at scale: time and peak memory of `eventgraph extract` on 1k..20k generated articles.

Articles are cut from the seeds (the headline and two consecutive paragraphs, a few hundred
bytes each) with their people renamed from a pool and their publication dates and written
years and months spread over six years, so that actors and dates vary as in a real feed.
Each run is a child process; its peak RSS comes from resource.getrusage of that child.

    python -m bench.bench_scale --sizes 1000 2000 5000 20000 --write
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN = "<!-- bench.bench_scale: begin -->"
END = "<!-- bench.bench_scale: end -->"
# Surnames of the seeds' people; each generated article renames them from the pool.
PEOPLE = ("Esper", "Milley", "Pompeo", "Kirby", "Taeb", "Ghaani", "Pence", "Hook", "Rouhani")
_SYLLABLES = ("ka", "lo", "mi", "ran", "tes", "vo", "dur", "an", "bel", "si", "gor", "na", "pe", "zu")
_WRAPPER = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,"
    " timeout=float(sys.argv[1]) or None)\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'seconds': time.perf_counter() - t, 'rc': p.returncode, 'stderr': p.stderr[-2000:],"
    " 'cpu': u.ru_utime + u.ru_stime, 'maxrss_kb': u.ru_maxrss}))\n"
)


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _seed_articles() -> list[tuple[str, list[str]]]:
    """(headline, body paragraphs) of each seed article."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        body = [b for b in blocks[1:] if len(b.split()) >= 12]
        out.append((blocks[0].splitlines()[0], body))
    return out


def generate(n: int, folder: Path, *, seed: int = 0) -> dict[str, int]:
    """``n`` article files and their manifest in ``folder``; returns their total bytes and count."""
    rng = random.Random(seed)
    seeds = _seed_articles()
    pool = [_surname(rng) for _ in range(max(50, n // 10))]
    manifest: dict[str, dict[str, str]] = {}
    total = 0
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        title, body = rng.choice(seeds)
        start = rng.randrange(max(1, len(body) - 1))
        text = "\n\n".join([title, *body[start : start + 2]]) + "\n"
        published = date(2014, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        for name in PEOPLE:
            text = text.replace(name, rng.choice(pool))
        text = re.sub(r"\b20(?:19|20)\b", str(published.year), text)
        month = calendar.month_name[published.month]
        text = re.sub(r"\b(?:December|January)\b", month, text)
        name = f"a{i:06d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        manifest[name] = {"title": title, "published": published.isoformat()}
        total += len(text.encode("utf-8"))
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return {"articles": n, "bytes": total}


@dataclass
class Run:
    articles: int
    seconds: float
    cpu: float  # user + system seconds: steadier than wall time on a shared machine
    peak_mb: float
    finished: bool
    summary: str


def measure(program: list[str], folder: Path, *, timeout: float = 0) -> Run:
    """One `extract` of ``folder`` in a child process: wall time, peak RSS, the summary line."""
    n = sum(1 for p in folder.glob("*.txt"))
    cmd = [*program, "extract", str(folder), "--manifest", str(folder / "manifest.json"), "--out"]
    with tempfile.TemporaryDirectory() as tmp:
        cmd.append(str(Path(tmp) / "events.jsonl"))
        try:
            out = subprocess.run(
                [sys.executable, "-c", _WRAPPER, str(timeout), *cmd],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        except subprocess.CalledProcessError as exc:  # the wrapper's timeout
            return Run(n, timeout, float("nan"), float("nan"), False, f"not finished ({exc.returncode})")
    result = json.loads(out)
    lines = [line for line in result["stderr"].splitlines() if " articles, " in line]
    summary = lines[-1] if lines else ""
    return Run(n, result["seconds"], result["cpu"], result["maxrss_kb"] / 1024, result["rc"] == 0, summary)


def table(runs: list[Run], corpus: dict[int, dict[str, int]], label: str) -> list[str]:
    lines = [
        f"**{label}**",
        "",
        "| articles | bytes (mean) | wall time | CPU time | peak RSS | CPU ms/article | events, actors |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        mean = corpus[r.articles]["bytes"] / r.articles
        per = f"{1000 * r.cpu / r.articles:,.0f}" if r.finished else "-"
        wall = f"{r.seconds:,.0f} s" if r.finished else f"> {r.seconds:,.0f} s"
        lines.append(
            f"| {r.articles:,} | {mean:,.0f} | {wall} | {r.cpu:,.0f} s | {r.peak_mb:,.0f} MB | {per} |"
            f" {_counts(r.summary)} |"
        )
    return lines


def _counts(summary: str) -> str:
    found = re.search(r"(\d+) events .*?(\d+) actors", summary)
    return f"{int(found.group(1)):,}, {int(found.group(2)):,}" if found else summary[:60]


def write(section: list[str], path: Path = RESULTS) -> None:
    """Put the section between the markers in RESULTS.md (bench.run keeps it when it rewrites)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = "\n".join([BEGIN, *section, END])
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def section(rows: list[dict[str, object]], notes: list[str]) -> list[str]:
    """The RESULTS.md section from runs saved with --json: a table per label, then the ratios."""
    lines = ["## Extraction at scale: `eventgraph extract` on 1k..20k generated articles", ""]
    for label in dict.fromkeys(str(r["label"]) for r in rows):
        mine = [r for r in rows if r["label"] == label]
        runs = [Run(**{k: r[k] for k in Run.__dataclass_fields__}) for r in mine]  # type: ignore[arg-type]
        corpus = {int(r["articles"]): {"bytes": int(r["bytes"])} for r in mine}  # type: ignore[call-overload]
        lines += [*table(runs, corpus, label), ""]
        by_n = {r.articles: r for r in runs if r.finished}
        ratios = [
            f"{y:,}/{x:,} articles: CPU time x{by_n[y].cpu / by_n[x].cpu:.2f}, wall time"
            f" x{by_n[y].seconds / by_n[x].seconds:.2f}, peak RSS x{by_n[y].peak_mb / by_n[x].peak_mb:.2f}"
            for x, y in ((1000, 5000), (2000, 20000), (1000, 20000))
            if x in by_n and y in by_n
        ]
        lines += [f"- {r}" for r in ratios] + ([""] if ratios else [])
    lines += [f"- {note}" for note in notes]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 20000])
    ap.add_argument(
        "--program", default=str(Path(sys.executable).parent / "eventgraph"), help="eventgraph to run"
    )
    ap.add_argument("--label", default="this branch")
    ap.add_argument("--timeout", type=float, default=0, help="seconds per run (0: none)")
    ap.add_argument("--work", type=Path, help="folder for the generated articles [default: a temporary one]")
    ap.add_argument("--json", type=Path, help="also append the runs as JSON lines here")
    ap.add_argument("--write", type=Path, help="only write RESULTS.md's section from this --json file")
    ap.add_argument("--note", action="append", default=[], help="a note under the tables (--write)")
    args = ap.parse_args()
    if args.write:
        rows = [json.loads(line) for line in args.write.read_text(encoding="utf-8").splitlines() if line]
        write(section(rows, args.note))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="eventgraph-scale-"))
    corpus: dict[int, dict[str, int]] = {}
    runs: list[Run] = []
    for n in args.sizes:
        folder = work / f"n{n}"
        corpus[n] = generate(n, folder) if not (folder / "manifest.json").exists() else _sizes(folder)
        started = time.strftime("%H:%M:%S")
        run = measure([args.program], folder, timeout=args.timeout)
        runs.append(run)
        print(
            f"{started} {n:>6}: {run.seconds:.1f} s, cpu {run.cpu:.1f} s, {run.peak_mb:.0f} MB {run.summary}",
            flush=True,
        )
        if args.json:
            with args.json.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"label": args.label, **run.__dict__, **corpus[n]}) + "\n")
    print("\n".join(table(runs, corpus, args.label)))


def _sizes(folder: Path) -> dict[str, int]:
    files = list(folder.glob("*.txt"))
    return {"articles": len(files), "bytes": sum(p.stat().st_size for p in files)}


if __name__ == "__main__":
    main()
