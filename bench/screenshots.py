"""Screenshots of the six dashboard pages for the README, taken with Playwright and Debian's chromium.

Builds the sample database with the real ETL (unless --db is given), serves it with
`geonews dashboard`, and saves docs/screenshots/<page>.png at a 1400×1000 viewport.

    python -m bench.screenshots                 # sample data, into docs/screenshots/
    python -m bench.screenshots --db data/geonews.duckdb --full-page
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {"overview": "/", "trends": "/trends", "entities": "/entities", "sources": "/sources",
         "figures": "/figures", "articles": "/articles"}
TIMEOUT_MS = 120_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"dashboard exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit("dashboard did not start")


def _settle(page, has_chart: bool) -> None:
    """Wait until Streamlit has run the page script and the chart/table has been drawn."""
    if has_chart:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=TIMEOUT_MS)
    else:
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
    page.wait_for_timeout(1500)   # plotly transitions and the data grid's canvas paint


def take(db: Path, out_dir: Path, full_page: bool = False) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "etl.cli", "dashboard", "--db", str(db), "--port", str(port),
                             "--address", "127.0.0.1"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    written = []
    try:
        _wait_healthy(base, proc)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name, path in PAGES.items():
                page.goto(base + path)
                _settle(page, has_chart=name != "articles")
                if page.locator('[data-testid="stException"]').count():
                    print(f"warning: {name} shows an exception", file=sys.stderr)
                target = out_dir / f"{name}.png"
                page.screenshot(path=str(target), full_page=full_page)
                written.append(target)
                print(target)
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="database to show (default: build one from data/sample)")
    ap.add_argument("--out-dir", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--full-page", action="store_true", help="the whole scrolled page, not the viewport")
    args = ap.parse_args(argv)
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"{CHROMIUM} not found: apt-get install chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "sample.duckdb"
            subprocess.run([sys.executable, "-m", "etl.cli", "etl", "run", "--input", str(ROOT / "data" / "sample"),
                            "--db", str(db)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        take(db, args.out_dir, args.full_page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
