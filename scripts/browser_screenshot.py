"""Screenshots of the saved Browser queries, taken from the real Neo4j Browser in headless Chromium.

Drives Debian's Chromium (/usr/bin/chromium) with Playwright, logs in through Neo4j Browser's
connect form, sets the `:param`s and runs saved queries from cypher/browser/, waits until the graph
visualisation has drawn its nodes, and saves PNGs for the README (coloured by
cypher/browser/style.grass, applied with `:style`):

    .venv/bin/python scripts/browser_screenshot.py                 # docs/browser-neighbourhood.png, ...
    .venv/bin/python scripts/browser_screenshot.py --only path --out-dir /tmp/shots

Needs the project's Neo4j running (`make neo4j-up`) with the seed graph loaded
(`eventgraph load ... --store neo4j`). Never downloads a browser.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BROWSER_QUERIES = ROOT / "cypher" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
USAGE_BANNER_DISMISS = "xpath=//span[contains(., 'help make Neo4j Browser better')]/following-sibling::*[1]"


@dataclass(frozen=True)
class Shot:
    """One screenshot: the `:param` commands to run, the saved query, and the PNG it becomes."""

    name: str
    params: tuple[str, ...]
    query_file: str
    png: str


SHOTS = (
    Shot(
        name="neighbourhood",
        params=(":param actor => 'person:mark-esper'",),
        query_file="actor_neighbourhood.cypher",
        png="browser-neighbourhood.png",
    ),
    Shot(
        name="path",
        params=(
            ":param from => 'person:mark-esper'",
            ":param to => 'group:kataib-hezbollah'",
            ":param start => date('2019-10-01')",
            ":param end => date('2021-12-31')",
        ),
        query_file="time_ordered_path.cypher",
        png="browser-path.png",
    ),
)


def saved_query(file_name: str) -> str:
    """The statement of a saved query, without its leading // comment lines."""
    lines = (BROWSER_QUERIES / file_name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.lstrip().startswith("//")]
    return "\n".join(body).strip()


def dismiss_if_visible(page: Page, selector: str) -> None:
    """Click a modal's button (terms, consent, ...) when the Browser shows one."""
    button = page.locator(selector)
    if button.count() and button.first.is_visible():
        button.first.click()


def log_in(page: Page, url: str, bolt: str, user: str, password: str, timeout_ms: int) -> None:
    """Open Neo4j Browser and connect through its connect form."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    address = page.locator('[data-testid="boltaddress"]')
    address.wait_for(state="visible", timeout=timeout_ms)
    dismiss_if_visible(page, '[data-testid="terms-and-conditions-accept"]')
    # The form has a scheme picker next to the address; an address with its own scheme overrides it.
    address.fill(bolt)
    page.locator('[data-testid="username"]').fill(user)
    page.locator('[data-testid="password"]').fill(password)
    page.locator('[data-testid="connect"]').click()
    connected = page.locator('[data-testid="connection-menu-connected-status"], [data-testid="frame"]')
    try:
        page.locator('[data-testid="boltaddress"]').wait_for(state="detached", timeout=timeout_ms)
    except PlaywrightError as exc:
        error = page.locator('[data-testid="errorBanner"], [data-testid="notification"]')
        detail = error.first.inner_text() if error.count() else "the connect form is still shown"
        raise SystemExit(f"browser_screenshot: could not log in to {bolt} as {user}: {detail}") from exc
    connected.first.wait_for(state="attached", timeout=timeout_ms)
    dismiss_if_visible(page, USAGE_BANNER_DISMISS)  # the usage-data banner would cover the first frame


def run_command(page: Page, command: str, timeout_ms: int) -> Locator:
    """Type a command into the Browser's editor, run it, and return the frame it opened."""
    frames = page.locator('[data-testid="frame"]')
    before = frames.count()
    editor = page.locator('[data-testid="activeEditor"]')
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(command)
    page.locator('[data-testid="editor-Run"]').click()
    deadline = time.monotonic() + timeout_ms / 1000
    while frames.count() <= before and not command.startswith(":clear"):
        if time.monotonic() > deadline:
            raise SystemExit(f"browser_screenshot: no result frame for {command.splitlines()[0]!r}")
        page.wait_for_timeout(100)
    return frames.first


def wait_for_graph(page: Page, frame: Locator, timeout_ms: int, settle_ms: int) -> int:
    """Wait until the frame's graph visualisation has drawn nodes and the layout has settled."""
    nodes = frame.locator("svg.neod3viz g.node")
    deadline = time.monotonic() + timeout_ms / 1000
    while nodes.count() == 0:
        error = frame.locator('[data-testid="cypherFrameErrorMessage"], [data-testid="errorBanner"]')
        if error.count():
            raise SystemExit(f"browser_screenshot: the query failed: {error.first.inner_text()}")
        if time.monotonic() > deadline:
            text = frame.inner_text()[:300]
            raise SystemExit(f"browser_screenshot: no graph drawn (no rows?); the frame says: {text!r}")
        page.wait_for_timeout(200)
    page.wait_for_timeout(settle_ms)  # the force layout keeps moving for a moment
    return nodes.count()


def apply_style(page: Page, timeout_ms: int) -> None:
    """Colour the typed labels with the shipped style file: `:style` followed by its text."""
    grass = (BROWSER_QUERIES / "style.grass").read_text(encoding="utf-8")
    run_command(page, ":style " + " ".join(grass.split()), timeout_ms)


def take(page: Page, shot: Shot, out_dir: Path, timeout_ms: int, settle_ms: int) -> Path:
    """Clear the stream, set the params, run the saved query, and save the screenshot."""
    run_command(page, ":clear", timeout_ms)
    for param in shot.params:
        run_command(page, param, timeout_ms)
    run_command(page, ":clear", timeout_ms)  # keep only the graph on screen
    frame = run_command(page, saved_query(shot.query_file), timeout_ms)
    count = wait_for_graph(page, frame, timeout_ms, settle_ms)
    # The frame's header buttons sit under its title, hence dispatch_event rather than a mouse click.
    frame.locator('button[title="Fullscreen"]').first.dispatch_event("click")  # the graph gets the window
    page.wait_for_timeout(settle_ms)
    frame.locator('[aria-label="zoom-to-fit"]').first.click()
    page.wait_for_timeout(1500)  # the zoom is animated
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / shot.png
    page.screenshot(path=str(png))
    frame.locator('button[title="Close fullscreen"]').first.dispatch_event("click")  # back to the editor
    print(f"browser_screenshot: {shot.name}: {count} nodes drawn -> {png}")
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", default="http://127.0.0.1:7474/browser/")
    parser.add_argument("--bolt", default="bolt://127.0.0.1:7687")
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "eventgraph"))
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    parser.add_argument("--only", choices=[shot.name for shot in SHOTS], action="append")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per step")
    parser.add_argument("--settle", type=float, default=4.0, help="seconds for the layout to settle")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"browser_screenshot: {CHROMIUM} not found; run `bash scripts/chromium.sh`", file=sys.stderr)
        return 1
    timeout_ms = int(args.timeout * 1000)
    settle_ms = int(args.settle * 1000)
    shots = [shot for shot in SHOTS if not args.only or shot.name in args.only]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            log_in(page, args.url, args.bolt, args.user, args.password, timeout_ms)
            apply_style(page, timeout_ms)
            for shot in shots:
                take(page, shot, args.out_dir, timeout_ms, settle_ms)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
