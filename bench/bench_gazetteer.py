"""Gazetteer index: build time, cache size, and a fresh process's load time and memory.

Run: ``.venv/bin/python -m bench.bench_gazetteer``. Each load is measured in its own process so
the figures are what `eventgraph extract` pays on start (the build is paid once per cache folder).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

_LOAD = """
import json, resource, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, cpu = time.perf_counter(), time.process_time()
from eventgraph.extract.gazetteer import index
geo = index.load()
rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - cpu,
                  "rows": len(geo), "keys": len(geo.keys), "rss_mb": rss}))
"""


def _run(cache: str) -> dict[str, float]:
    env = dict(os.environ, EVENTGRAPH_CACHE=cache)
    out = subprocess.run([sys.executable, "-c", _LOAD], env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout))


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        built = _run(cache)
        build_s = time.perf_counter() - start
        size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache)) / 1e6
        loads = [_run(cache) for _ in range(3)]
    best = min(loads, key=lambda r: r["seconds"])
    print(f"rows {int(built['rows'])}, keys {int(built['keys'])}, cache file {size:.1f} MB")
    print(f"first use (build + write): {build_s:.1f} s wall, {built['cpu']:.1f} s CPU")
    print(
        f"load from cache: {best['seconds']:.2f} s wall, {best['cpu']:.2f} s CPU (best of 3), "
        f"peak RSS +{best['rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
