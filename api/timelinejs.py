"""Knight Lab TimelineJS slides: what a reader of an embedded timeline sees for each event.

A slide says what happened (the summary), who did it to whom when the extraction knows,
where, and the evidence: each source's sentence with its article (title, publisher, link).
Optional fields are left out rather than sent as null (see ``api.schemas.TJSDate``).
"""

from __future__ import annotations

import html
from datetime import date

from eventgraph.api.schemas import EventOut, SourceOut, TJSDate, TJSEvent, TJSText, TJSTitle, WindowOut

MAX_SOURCES = 3  # sources quoted on one slide; the rest are counted


def label(event_type: str) -> str:
    return event_type.replace("_", " ")


def display_date(ev: EventOut) -> str | None:
    """Words for any date that is not one certain day, so the widget does not overstate precision."""
    assert ev.date is not None
    d = ev.date
    text = {
        "day": None,
        "week": f"week of {d.start:%d %B %Y}",
        "month": f"{d.start:%B %Y}",
        "year": f"{d.start:%Y}",
    }.get(d.precision, f"{d.start:%d %b %Y} – {d.end:%d %b %Y}")
    if ev.disputed:
        text = f"{text or f'{d.start:%d %B %Y}'} (disputed: the sources disagree)"
    return text


def _dates(ev: EventOut) -> tuple[TJSDate, TJSDate | None]:
    assert ev.date is not None
    d = ev.date
    if d.precision == "year":
        return TJSDate(year=d.start.year), None
    if d.precision == "month":
        return TJSDate(year=d.start.year, month=d.start.month), None
    start = TJSDate(year=d.start.year, month=d.start.month, day=d.start.day)
    end = TJSDate(year=d.end.year, month=d.end.month, day=d.end.day) if d.end != d.start else None
    return start, end


def _names(names: list[str]) -> str:
    return html.escape(", ".join(names))


def _who(ev: EventOut) -> str | None:
    """Who did it to whom, saying only what is known."""
    agents, targets = [a.name for a in ev.agents], [t.name for t in ev.targets]
    if agents and targets:
        return f"{_names(agents)} → {_names(targets)}"
    if agents:
        return f"by {_names(agents)}"
    if targets:
        return f"involving {_names(targets)}"
    return None


def _link(url: str) -> str | None:
    """Only web links become anchors; anything else (a file path, a script URL) is not linked."""
    return html.escape(url, quote=True) if url.startswith(("https://", "http://")) else None


def _source(src: SourceOut) -> str:
    quote = f"<blockquote>{html.escape(src.sentence)}</blockquote>"
    art = src.article
    if art is None:
        return f"{quote}<p class='eg-source'>{html.escape(src.doc)}</p>"
    title = html.escape(art.title or art.id)
    href = _link(art.url)
    name = f"<a href='{href}' target='_blank' rel='noopener'>{title}</a>" if href else title
    parts = [name, html.escape(art.publisher) if art.publisher else None]
    if art.published:
        parts.append(f"{art.published:%d %b %Y}")
    cite = ", ".join(p for p in parts if p)
    said = f"; date given as “{html.escape(src.date_text)}”" if src.date_text else ""
    return f"{quote}<p class='eg-source'>{cite}{said}</p>"


def _text(ev: EventOut, sources: list[SourceOut]) -> str:
    parts = [f"<p class='eg-who'>{who}</p>" for who in [_who(ev)] if who]
    if ev.place:
        parts.append(f"<p class='eg-place'>{html.escape(ev.place.name)}</p>")
    parts.extend(_source(s) for s in sources[:MAX_SOURCES])
    more = ev.source_count - min(len(sources), MAX_SOURCES)
    if more > 0:
        parts.append(f"<p class='eg-more'>and {more} more source(s): /events/{html.escape(ev.id)}</p>")
    return "".join(parts)


def slide(ev: EventOut, sources: list[SourceOut]) -> TJSEvent:
    """One dated event as a slide, with up to MAX_SOURCES of its sources quoted."""
    start, end = _dates(ev)
    return TJSEvent(
        unique_id=ev.id,
        start_date=start,
        end_date=end,
        display_date=display_date(ev),
        text=TJSText(headline=html.escape(ev.summary), text=_text(ev, sources)),
        group=label(ev.type),
    )


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def title(window: WindowOut, shown: int, more: bool) -> TJSTitle:
    """The title slide names the window, as the reader asked for it and as it was understood."""
    if window.start and window.end:
        span = f"{_day(window.start)} – {_day(window.end)}"
    elif window.start:
        span = f"from {_day(window.start)}"
    elif window.end:
        span = f"until {_day(window.end)}"
    else:
        span = "all dates"
    asked = f"<p>Asked as “{html.escape(window.query)}”.</p>" if window.query else ""
    count = f"{shown} event(s){', more on the next page' if more else ''}."
    return TJSTitle(text=TJSText(headline=f"Events, {span}", text=f"{asked}<p>{count}</p>"))
