"""The timeline page in headless Chromium: items drawn, type filter, sources panel, disputed styling."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, expect, sync_playwright

from eventgraph.api.app import create_app
from eventgraph.graph.memory import MemoryStore
from eventgraph.settings import Settings
from tests.factories import seed_batch
from tests.servers import running

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ITEMS = ".vis-item.ev:not(.vis-dot)"  # a point item also draws its dot as a .vis-item
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def chromium() -> str:
    installer = ROOT / "scripts" / "chromium.sh"
    if not CHROMIUM.exists() and installer.exists():
        subprocess.run(["bash", str(installer)], check=False)
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing under CI; scripts/chromium.sh should install it")
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); run `bash scripts/chromium.sh`")
    return str(CHROMIUM)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    subprocess.run(["bash", str(ROOT / "scripts" / "web.sh")], check=True)
    store = MemoryStore()
    store.upsert(seed_batch())
    server = uvicorn.Server(
        uvicorn.Config(create_app(store, Settings()), host="127.0.0.1", port=0, log_level="warning")
    )
    with running(server) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def page(chromium: str, base_url: str) -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 820})
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(base_url)
        yield tab
        browser.close()
        assert errors == []


def test_page_draws_filters_and_shows_sources(page: Page, tmp_path: Path) -> None:
    items = page.locator(ITEMS)
    expect(items).to_have_count(8)  # every dated event of the seed batch
    disputed = page.locator(".vis-item.ev-disputed:not(.vis-dot)")
    expect(disputed).to_have_count(1)
    expect(page.locator("#stats")).to_contain_text("9 events")

    page.locator(".vis-item.vis-dot.ev-phone-call").click()  # the dot: clicking the label would scroll it
    panel = page.locator("#panel")
    expect(panel.locator(".source")).to_have_count(2)
    expect(panel.locator("h2")).to_have_text("Mark Esper phoned Adil Abdul Mahdi")
    expect(panel.locator(".badge.disputed")).to_contain_text("14 Dec 2019")
    expect(panel.locator(".source").first).to_contain_text("Esper talks to Iraqi PM")
    page.mouse.move(1300, 800)  # no tooltip in the picture
    shot = tmp_path / "timeline.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one

    page.select_option("#type", "airstrike")
    expect(items).to_have_count(1)
    expect(page.locator(".vis-item.ev-airstrike:not(.vis-dot)")).to_have_count(1)
    page.locator(".vis-item.ev-airstrike").last.click()  # an event with no place
    expect(panel.locator(".type")).to_have_text("airstrike")
    expect(panel).not_to_contain_text("null")  # an absent place leaves no trace


def test_window_in_words_and_actor_filter(page: Page) -> None:
    expect(page.locator(ITEMS)).to_have_count(8)
    page.fill("#q", "between Oct 28 and Dec 16")
    page.click("#apply")
    expect(page.locator(ITEMS)).to_have_count(4)
    expect(page.locator("#window")).to_contain_text("year chosen: 2019")
    expect(page.locator("#window")).to_contain_text("also events in 2018")

    page.fill("#q", "")
    page.fill("#actor", "Kataib Hezbollah")
    page.click("#apply")
    expect(page.locator(ITEMS)).to_have_count(3)
    expect(page.locator("#window")).to_contain_text("involving Kata'ib Hizbollah")

    page.fill("#actor", "Zorblax")
    page.click("#apply")
    expect(page.locator("#error")).to_contain_text("no actor matches 'Zorblax'")


def test_timelinejs_feed_drawn_by_the_real_timelinejs(chromium: str, base_url: str) -> None:
    """The feed embedded the way a newsroom does it: Knight Lab TimelineJS fetches it by URL and
    draws a title slide naming the window, then one slide and one marker per event, no error."""
    window = "start=2019-10-28&end=2019-12-16"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 800})
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        feed = tab.request.get(f"{base_url}/timeline/timelinejs?{window}").json()
        tab.goto(f"{base_url}/static/timelinejs.html?{window}")
        events = feed["events"]
        assert len(events) == 4
        expect(tab.locator(".tl-timemarker")).to_have_count(len(events))
        expect(tab.locator(".tl-slide")).to_have_count(len(events) + 1)  # and the title slide
        expect(tab.locator(".tl-slide-titleslide")).to_contain_text("28 October 2019 – 16 December 2019")
        for event in events:
            expect(tab.locator(f"#{event['unique_id']}-marker")).to_have_count(1)
        call = tab.locator("#evt_call")
        expect(call).to_contain_text("Mark Esper → Adil Abdul Mahdi")
        expect(call).to_contain_text("Esper spoke with Abdul Mahdi on Sunday.")
        expect(call.locator("a[href='https://example.org/a']")).to_have_text("Esper talks to Iraqi PM")
        body = tab.locator("body").inner_text()
        browser.close()
    assert "ERROR" not in body and "Cannot read" not in body and "null" not in body
    assert errors == []
