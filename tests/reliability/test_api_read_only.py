"""The API cannot change the graph: it serves nothing but reads, on both stores."""

from __future__ import annotations

from fastapi.routing import APIRoute

from eventgraph.api.app import create_app
from eventgraph.graph.memory import MemoryStore


def test_every_route_is_a_read() -> None:
    app = create_app(MemoryStore())
    methods = {m for route in app.routes if isinstance(route, APIRoute) for m in route.methods or ()}
    assert methods <= {"GET", "HEAD"}, methods
    mounts = [r for r in app.routes if not isinstance(r, APIRoute)]
    for route in mounts:  # docs, openapi.json and static files are GET/HEAD as well
        assert set(getattr(route, "methods", None) or {"GET", "HEAD"}) <= {"GET", "HEAD"}, route
