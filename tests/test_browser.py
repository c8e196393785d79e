"""The dashboard in a real browser: `geonews dashboard` (a real `streamlit run`) over the sample
database, driven by Playwright with Debian's chromium (never a downloaded browser).

Runs in CI; skips only on a developer machine without /usr/bin/chromium, fails under CI=… without it.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import pytest

from dashboard.charts import CHARTS
from dashboard.filters import Filters

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = ["/", "/trends", "/entities", "/sources", "/figures", "/articles"]
CHART_PAGES = {"/", "/trends", "/entities", "/sources", "/figures"}
LOAD_TIMEOUT_MS = 90_000   # the first run of a page imports jieba/networkx and warms caches


def require_chromium() -> None:
    if os.access(CHROMIUM, os.X_OK):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} missing under CI: install Debian's chromium")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path, log: Path):
    """`geonews dashboard --db DB --port N` (which execs `streamlit run`); yields the base URL."""
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "etl.cli", "dashboard", "--db", str(db), "--port", str(port),
             "--address", "127.0.0.1"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "GEONEWS_DB": str(db)})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"dashboard exited {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"dashboard did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(sample_db, tmp_path_factory, browser):
    with serve(sample_db, tmp_path_factory.mktemp("streamlit") / "streamlit.log") as base:
        yield base


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def load(page, url: str, chart: bool) -> None:
    """Open a page and wait until Streamlit has finished running its script (and drawn a chart)."""
    page.goto(url)
    if chart:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] [data-testid="stHeading"], '
                           '[data-testid="stMainBlockContainer"] h1', timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=LOAD_TIMEOUT_MS)


def exceptions(page) -> list[str]:
    return [e.inner_text() for e in page.locator('[data-testid="stException"]').all()]


def sidebar_article_count(page) -> int:
    text = page.locator('[data-testid="stSidebar"]').inner_text()
    m = re.search(r"([\d,]+) articles ·", text)
    assert m, f"no article count in the sidebar:\n{text}"
    return int(m.group(1).replace(",", ""))


def download(page, name: str, fmt: str = "CSV") -> Path:
    """Click the download buttons labelled `fmt` until one delivers `<name>.<fmt>`; return its path."""
    # the buttons come after the chart: on a loaded machine they can still be on their way
    page.wait_for_selector('[data-testid="stDownloadButton"] button', timeout=LOAD_TIMEOUT_MS)
    buttons = page.locator('[data-testid="stDownloadButton"] button', has_text=fmt)
    assert buttons.count(), "no download buttons on the page"
    seen = []
    for i in range(buttons.count()):
        with page.expect_download(timeout=60_000) as dl:
            buttons.nth(i).click()
        d = dl.value
        seen.append(d.suggested_filename)
        if d.suggested_filename == f"{name}.{fmt.lower()}":
            return Path(d.path())
    raise AssertionError(f"no {fmt} download named {name}: got {seen}")


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_page_renders(app_url, page, path):
    load(page, app_url + path, chart=path in CHART_PAGES)
    assert exceptions(page) == []
    if path in CHART_PAGES:
        assert page.locator(".js-plotly-plot").count() >= 1
        assert page.locator(".js-plotly-plot .main-svg").first.is_visible()
        # a drawn chart has marks in it (traces, heatmap tiles), not just axes or a "no data" note
        page.wait_for_selector(".js-plotly-plot .main-svg .trace, .js-plotly-plot .main-svg .hm",
                               timeout=LOAD_TIMEOUT_MS)
    else:
        # the article list: a table (drawn lazily by the data grid) with its result count
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=LOAD_TIMEOUT_MS)
        main = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
        assert re.search(r"[1-9][\d,]* articles · showing", main), main
    assert sidebar_article_count(page) > 0


def test_csv_download_is_the_chart_data(app_url, page, sample_db):
    load(page, app_url + "/sources", chart=True)
    path = download(page, "sources")
    got = pd.read_csv(path, encoding="utf-8-sig")
    want = CHARTS["sources"].data(str(sample_db), Filters())
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want) > 0
    assert sorted(got["source"].unique()) == sorted(want["source"].unique())


def test_html_download_is_self_contained(app_url, page):
    load(page, app_url + "/figures", chart=True)
    text = download(page, "figures", "HTML").read_text(encoding="utf-8")
    assert "plotly.js v" in text and len(text) > 3_000_000
    srcs = re.findall(r"<script[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", text, re.I)
    assert not [s for s in srcs if "//" in s], srcs


def test_filters_from_the_url_are_applied(app_url, page, sample_db):
    outlets = CHARTS["sources"].data(str(sample_db), Filters())["source"].unique().tolist()
    outlet = sorted(outlets)[0]
    query = urlencode({"source": outlet, "start": "2021-09-01"})
    load(page, f"{app_url}/sources?{query}", chart=True)
    assert exceptions(page) == []
    # the URL keeps the filters (a copied link reproduces the view) …
    assert "source=" in page.url and "start=2021-09-01" in page.url
    # … the sidebar shows them …
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert outlet in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    # … the chart says so in its subtitle …
    heading = " ".join(page.locator(".js-plotly-plot").first
                       .locator(".gtitle, .gtitle-subtitle").all_text_contents())
    assert outlet in heading, heading
    # … and the data behind the chart is filtered.
    got = pd.read_csv(download(page, "sources"), encoding="utf-8-sig")
    assert set(got["source"]) == {outlet}
    want = CHARTS["sources"].data(str(sample_db), Filters(sources=(outlet,), start="2021-09-01"))
    assert got["n"].tolist() == want["n"].tolist()


NEW_POST = """---
title: '测试通讯社：北极航道夏季通航窗口延长'
categories:
 - 样例
 - 测试通讯社
 - 航运
author: 测试通讯社
date: Mon, 15 May 2023 08:00:00 GMT
---

<div>
<p>据测试通讯社报道，今年夏季北极东北航道的通航窗口比往年提前约两周开启。航运公司表示，已有12艘货轮报名在七月经由该航道前往欧洲。</p>
<p>分析人士认为，航道通航时间延长将降低亚欧之间的运输成本，但破冰船护航费用依然较高。</p>
</div>
"""


def test_dashboard_keeps_working_while_etl_runs(browser, sample_db, tmp_path):
    db = tmp_path / "live.duckdb"
    shutil.copyfile(sample_db, db)
    inbox = tmp_path / "inbox" / "测试通讯社"
    inbox.mkdir(parents=True)
    (inbox / "2023-05-15-arctic-route.md").write_text(NEW_POST, encoding="utf-8")

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        with serve(db, tmp_path / "streamlit.log") as base:
            load(page, base + "/", chart=True)
            before = sidebar_article_count(page)

            etl = subprocess.Popen(
                [sys.executable, "-m", "etl.cli", "etl", "run", "--input", str(tmp_path / "inbox"),
                 "--db", str(db), "--json"],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            loads_during_run = 0
            while etl.poll() is None:
                load(page, base + "/sources", chart=True)   # a page the run has not been cached for
                assert exceptions(page) == []
                loads_during_run += 1
            out, err = etl.communicate()
            assert etl.returncode == 0, err
            assert loads_during_run >= 1

            page.reload()
            load(page, base + "/", chart=True)
            assert exceptions(page) == []
            assert sidebar_article_count(page) == before + 1
            sidebar = page.locator('[data-testid="stSidebar"]')
            sidebar.locator('[data-testid="stMultiSelect"]').first.click()
            assert page.get_by_role("option", name="测试通讯社").count() == 1
    finally:
        context.close()


def test_deep_links_on_a_fresh_server(browser, sample_db, tmp_path):
    """A page URL opened directly as the very first request of a new server runs app.py (sidebar,
    navigation) and routes to that page: no legacy 'pages directory' mode serving the page alone."""
    with serve(sample_db, tmp_path / "streamlit.log") as base:
        for path, heading in [("/trends", "趋势"), ("/entities", "实体"), ("/figures", "数字")]:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            pg = context.new_page()
            try:
                load(pg, base + path, chart=True)
                assert exceptions(pg) == []
                main = pg.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text()
                assert heading in main, (path, main)
                assert sidebar_article_count(pg) > 0      # the sidebar comes from app.py
                assert pg.url.rstrip("/").endswith(path)
                # the camera button saves at the export size, not at the on-screen size
                opts = pg.evaluate("document.querySelector('.js-plotly-plot')._context.toImageButtonOptions")
                assert (opts["width"], opts["height"], opts["scale"]) == (1000, 600, 2), opts
            finally:
                context.close()
