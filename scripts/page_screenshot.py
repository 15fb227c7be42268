"""The README's picture of the timeline page, taken from a running `eventgraph serve` (e.g. `make demo`).

    .venv/bin/python scripts/page_screenshot.py --url http://127.0.0.1:8000 --out docs/timeline.png

Opens the page in Debian's headless Chromium, lets the timeline draw, clicks the first disputed
event so its sources show in the side panel, and saves the PNG.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from browser_screenshot import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshot of the timeline page.")
    parser.add_argument("--url", default="http://127.0.0.1:8000/")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "timeline.png")
    parser.add_argument("--window", default="", help='a window in words, e.g. "between Oct 28 and Dec 16"')
    args = parser.parse_args(argv)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(args.url)
            page.locator(".vis-item").first.wait_for(timeout=30_000)
            if args.window:
                page.fill("#q", args.window)
                page.click("#apply")
                page.wait_for_timeout(1500)
            disputed = page.locator(".vis-item.vis-dot.ev-disputed")
            if disputed.count():
                disputed.first.click()
                page.locator("#panel .source").first.wait_for(timeout=10_000)
            page.mouse.move(VIEWPORT["width"] - 10, VIEWPORT["height"] - 10)  # no tooltip in the picture
            page.wait_for_timeout(500)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
        finally:
            browser.close()
    print(f"page_screenshot: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
