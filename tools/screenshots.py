"""Screenshots for the README: the review index, a paper's review page, and the report's changes and a chart,
from a run on samples/.

    .venv/bin/python tools/screenshots.py     (needs Chromium: ./scripts/setup installs it)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAPERS = ["GB298-MNE-2-1.pdf", "GB300-MNE-3.pdf", "GB319-POL-6.pdf"]


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("screenshots: Chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run"
        cli = [sys.executable, "-m", "extractor"]
        subprocess.run([*cli, "run", *[str(ROOT / "samples" / p) for p in PAPERS], "--out", str(out), "--quiet"],
                       check=True, cwd=ROOT)
        with sync_playwright() as playwright:
            flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            browser = playwright.chromium.launch(executable_path=chromium, args=flags)
            page = browser.new_page(viewport={"width": 1200, "height": 420})
            page.goto((out / "review" / "index.html").as_uri())
            page.screenshot(path=str(ROOT / "docs" / "review-index.png"))
            page.set_viewport_size({"width": 1200, "height": 1100})
            page.goto((out / "review" / "GB.298-MNE-2-1.html").as_uri())
            page.select_option("#type-filter", "PARTNER")
            page.fill("#text-filter", "employers")
            page.locator("#mentions tbody tr:not([hidden])").first.click()
            page.wait_for_timeout(300)
            page.screenshot(path=str(ROOT / "docs" / "review.png"))
            page.goto((out / "report.html").as_uri())
            page.locator("figure").filter(has_text="ITC-ILO: participants").first.screenshot(
                path=str(ROOT / "docs" / "report-chart.png"))
            page.locator("table.changes").first.screenshot(path=str(ROOT / "docs" / "report-changes.png"))
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
