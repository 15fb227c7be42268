"""GET /timeline/histogram: events per day, week or month, by type, for the overview band of a
timeline widget (and the page's choice of where to open)."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from eventgraph.api import caching
from eventgraph.api.deps import RunDep
from eventgraph.api.query import WindowQueryDep
from eventgraph.api.schemas import HistogramBucketOut, HistogramOut
from eventgraph.graph.store import Bucket, HistogramBin

router = APIRouter(tags=["timeline"], dependencies=caching.Validated)


def bucket_end(start: date, bucket: Bucket) -> date:
    """The last day of the bucket starting on ``start``."""
    if bucket == "week":
        return start + timedelta(days=6) if start < date(9999, 12, 25) else date.max
    if bucket == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start


def buckets(bins: list[HistogramBin], bucket: Bucket) -> list[HistogramBucketOut]:
    """The store's (bucket, type) bins grouped into buckets, in date order."""
    out: dict[date, HistogramBucketOut] = {}
    for b in bins:
        row = out.get(b.start)
        if row is None:
            row = out[b.start] = HistogramBucketOut(
                start=b.start, end=bucket_end(b.start, bucket), total=0, by_type={}
            )
        row.total += b.count
        row.by_type[b.type] = row.by_type.get(b.type, 0) + b.count
    return [out[day] for day in sorted(out)]


@router.get("/timeline/histogram", response_model=HistogramOut)
async def histogram(
    run: RunDep,
    wq: WindowQueryDep,
    bucket: Annotated[Bucket, Query(description="day, week (ISO, from Monday) or month.")] = "day",
) -> HistogramOut:
    """Counts per bucket and type of the events /timeline lists for the same window and filters."""
    bins = await run(run.store.histogram, wq.flt, bucket)
    by_type: Counter[str] = Counter()
    for b in bins:
        by_type[b.type] += b.count
    return HistogramOut(
        bucket=bucket,
        window=wq.window,
        filters=wq.filters,
        total=sum(by_type.values()),
        types=[t for t, _ in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))],
        buckets=buckets(bins, bucket),
    )
