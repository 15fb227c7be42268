"""The app factory: the only place besides the CLI that chooses a store, so tests pass their own."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from eventgraph import __version__
from eventgraph.api import caching, errors
from eventgraph.api.deps import Slots
from eventgraph.api.head import HeadAsGet
from eventgraph.api.routes import actors, events, feeds, health, histogram, path, places, problems, timeline
from eventgraph.api.routes import exports as export_routes
from eventgraph.graph.open import open_configured
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings

STATIC = Path(__file__).parent / "static"
GZIP_MIN_BYTES = 1000  # smaller answers fit a packet or two: compressing them saves nothing


def create_app(store: GraphStore | None = None, settings: Settings | None = None) -> FastAPI:
    """Build the service; with no store, open the configured one at startup and close it at shutdown."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            yield
            return
        app.state.store = await anyio.to_thread.run_sync(open_configured, settings)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(
        title="eventgraph",
        summary="A timeline knowledge graph of dated events, actors and places, read-only.",
        version=__version__,
        lifespan=lifespan,
        responses=errors.ERROR_RESPONSES,
    )
    app.state.store = store
    app.state.settings = settings
    app.state.slots = Slots(settings.max_concurrent_queries)
    errors.install(app)
    caching.install(app)
    # GZip inside HeadAsGet: a HEAD gets the headers (Content-Length, Content-Encoding) of its GET.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    app.add_middleware(HeadAsGet)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET"], allow_headers=["*"]
        )
    for module in (histogram, timeline, feeds, events, actors, path, places, health, problems):
        app.include_router(module.router)
    app.include_router(export_routes.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app
