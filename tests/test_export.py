"""Chart exports: every chart × every format from the sample database, CJK glyphs in PNGs, the CLI.

Browser tests (PNG/SVG through kaleido + Debian chromium) are marked `browser`. They run in CI; they
skip only on a developer machine without /usr/bin/chromium, and fail under CI=… when it is missing.
"""
from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from click.testing import CliRunner

from dashboard import export, queries
from dashboard.charts import CHARTS
from dashboard.cli import export_command
from dashboard.filters import Filters

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CONTRACT_CHARTS = ("trends", "entities", "sources", "figures")
# Every chart of the registry, and the four the contract promises even if the registry lost one.
ALL_CHARTS = sorted(set(CHARTS) | set(CONTRACT_CHARTS))
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def require_chromium() -> str:
    """Skip browser tests only on a machine without chromium outside CI; in CI, fail loudly."""
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} missing under CI: install Debian's chromium and fonts-noto-cjk")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium fonts-noto-cjk)")


@pytest.fixture
def chromium():
    return require_chromium()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC, "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def title_text(fig: go.Figure) -> str:
    """The chart's main title as plain text (house style adds <b> and a <br> subtitle)."""
    raw = fig.layout.title.text or ""
    first = re.split(r"<br\s*/?>", raw)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", first)).strip()


# ---------------------------------------------------------------------------------------------
# One export of every chart in every format, in ONE export_many call (one browser session).


@pytest.fixture(scope="module")
def exported(sample_db, tmp_path_factory):
    require_chromium()
    import kaleido

    out = tmp_path_factory.mktemp("exports")
    opened = []
    real_open = kaleido.Kaleido.open

    async def counting_open(self):
        opened.append(self)
        return await real_open(self)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kaleido.Kaleido, "open", counting_open)
        jobs = []
        built = {}
        for fmt in export.FORMATS:
            jobs += export.chart_jobs(ALL_CHARTS, fmt, out / fmt, sample_db)
        for job in jobs:
            built[(job.name, job.fmt)] = job
        paths = export.export_many(jobs)
    return {"out": out, "paths": paths, "jobs": built, "browsers": len(opened)}


@pytest.mark.browser
def test_export_many_uses_one_browser(exported):
    assert exported["browsers"] == 1
    assert all(p.is_file() and p.stat().st_size > 0 for p in exported["paths"])


@pytest.mark.browser
@pytest.mark.parametrize("name", ALL_CHARTS)
def test_png(exported, name):
    job = exported["jobs"][(name, "png")]
    width, height = png_size(job.path.read_bytes())
    opts = export._image_opts(job.fig, "png")
    assert (width, height) == (opts["width"] * 2, opts["height"] * 2)  # scale 2 for print


@pytest.mark.browser
@pytest.mark.parametrize("name", ALL_CHARTS)
def test_svg_is_xml_with_title(exported, name):
    job = exported["jobs"][(name, "svg")]
    root = ET.fromstring(job.path.read_bytes())
    assert root.tag.endswith("svg")
    title = title_text(job.fig)
    assert title, f"{name}: the figure has no title"
    assert title in "".join(root.itertext())


@pytest.mark.browser
@pytest.mark.parametrize("name", ALL_CHARTS)
def test_html_is_self_contained(exported, name):
    job = exported["jobs"][(name, "html")]
    check_self_contained_html(job.path.read_text(encoding="utf-8"))


@pytest.mark.browser
@pytest.mark.parametrize("name", ALL_CHARTS)
def test_csv_is_the_chart_data(exported, sample_db, name):
    job = exported["jobs"][(name, "csv")]
    raw = job.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV needs a UTF-8 BOM for Excel"
    read = pd.read_csv(job.path, encoding="utf-8-sig")
    expected = CHARTS[name].data(str(sample_db), Filters())
    assert_same_frame(read, expected)


def check_self_contained_html(text: str) -> None:
    bundle_head = export.plotlyjs_path().read_text(encoding="utf-8")[:200]
    version = re.search(r"plotly\.js v[\d.]+", bundle_head).group(0)
    assert version in text, "plotly.js bundle not inlined"
    assert len(text) > 3_000_000, "HTML too small to hold plotly.js"
    # (plotly.js itself mentions cdn.plot.ly as the default topojson URL for maps: only tags count)
    srcs = re.findall(r"<script[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", text, re.I)
    assert not [s for s in srcs if "//" in s or "cdn.plot.ly" in s], f"external scripts: {srcs}"


def assert_same_frame(read: pd.DataFrame, expected: pd.DataFrame) -> None:
    """CSV round trip: same columns, rows and values. Dates come back as text, and CSV cannot tell
    an empty string from a missing value, so both sides compare those as None."""
    expected = expected.reset_index(drop=True).copy()
    assert list(read.columns) == [str(c) for c in expected.columns]
    assert len(read) == len(expected)
    read = read.copy()

    def as_text(col: pd.Series) -> pd.Series:
        return col.astype(object).map(lambda v: None if v is None or v == "" or (
            not isinstance(v, (list, tuple)) and pd.isna(v)) else str(v))

    for col in expected.columns:
        if pd.api.types.is_datetime64_any_dtype(expected[col]):
            read[col] = pd.to_datetime(read[col])
            if getattr(expected[col].dt, "tz", None) is not None and read[col].dt.tz is None:
                read[col] = read[col].dt.tz_localize("UTC")
        elif expected[col].dtype == object or pd.api.types.is_string_dtype(expected[col]):
            read[col], expected[col] = as_text(read[col]), as_text(expected[col])
    pd.testing.assert_frame_equal(read, expected, check_dtype=False)


# ---------------------------------------------------------------------------------------------
# Single exports and the CLI


@pytest.mark.browser
def test_export_chart_png_with_filters_and_title(sample_db, tmp_path, chromium):
    out = export.export_chart("trends", "png", tmp_path / "t.png", sample_db,
                              Filters(start="2021-01-01"), title="自定义标题")
    width, height = png_size(out.read_bytes())
    assert width >= 1000 and height >= 600


def test_csv_and_html_need_no_browser(sample_db, tmp_path, monkeypatch):
    # Point kaleido at nothing: CSV/HTML must still work (the dashboard builds them in-process).
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-browser"))
    csv = export.export_chart("sources", "csv", tmp_path / "s.csv", sample_db)
    page = export.export_chart("sources", "html", tmp_path / "s.html", sample_db)
    assert pd.read_csv(csv, encoding="utf-8-sig").shape[0] > 0
    check_self_contained_html(page.read_text(encoding="utf-8"))


def test_kaleido_page_loads_nothing_from_the_network(chromium):
    """The page kaleido renders in: plotly.js from the installed package, no MathJax, no CDN."""
    import kaleido

    opts = export._kaleido_options()
    assert opts["path"] == export.browser_path()
    index = kaleido.PageGenerator(plotly=opts["plotlyjs"], mathjax=opts["mathjax"]).generate_index()
    srcs = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", index)
    assert srcs and not [s for s in srcs if s.startswith(("http:", "https:", "//"))], srcs
    assert any(s.endswith("plotly.min.js") for s in srcs)
    assert "mathjax" not in index.lower()


def test_csv_bom_keeps_chinese():
    df = pd.DataFrame({"媒体": ["东方观察报", "环球纵览"], "文章数": [3, 4]})
    raw = export.csv_bytes(df)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[1] == "东方观察报,3"
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig"), df)


def test_plotly_config_names_the_download():
    cfg = export.plotly_config("trends", "svg")
    assert cfg["toImageButtonOptions"] == {"format": "svg", "filename": "trends", "scale": 2,
                                           "width": export.DEFAULT_WIDTH, "height": export.DEFAULT_HEIGHT}
    with pytest.raises(export.ExportError):
        export.plotly_config("trends", "gif")


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(export.ExportError, match="unknown format"):
        export.render(go.Figure(), "jpg", tmp_path / "x.jpg")
    with pytest.raises(export.ExportError, match="data frame"):
        export.ExportJob(fmt="csv", path=tmp_path / "x.csv", fig=go.Figure())


def test_cli_unknown_chart_lists_charts(sample_db, tmp_path):
    res = CliRunner().invoke(export_command, ["nosuchchart", "--format", "csv",
                                              "--out", str(tmp_path / "x.csv"), "--db", str(sample_db)])
    assert res.exit_code == 2
    for name in CONTRACT_CHARTS:
        assert name in res.output
    assert not (tmp_path / "x.csv").exists()


def test_cli_missing_db_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(export_command, ["trends", "--format", "csv", "--out", str(tmp_path / "x.csv"),
                                              "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 2
    assert "etl run" in res.output


def test_cli_csv_applies_filters_and_defaults_to_geonews_db(sample_db, tmp_path, monkeypatch):
    monkeypatch.setenv("GEONEWS_DB", str(sample_db))   # no --db: the CLI must find it here
    out = tmp_path / "sources.csv"
    res = CliRunner().invoke(export_command, ["sources", "--format", "csv", "--out", str(out)])
    assert res.exit_code == 0, res.output
    unfiltered = pd.read_csv(out, encoding="utf-8-sig")
    assert_same_frame(unfiltered, CHARTS["sources"].data(str(sample_db), Filters()))
    assert len(unfiltered) > 0
    # The same with a filter must equal the registry's data under that filter.
    filtered_out = tmp_path / "sources-2021.csv"
    res = CliRunner().invoke(export_command, ["sources", "--format", "csv", "--out", str(filtered_out),
                                              "--from", "2021-09-01", "--to", "2021-12-31"])
    assert res.exit_code == 0, res.output
    expected = CHARTS["sources"].data(str(sample_db), Filters(start="2021-09-01", end="2021-12-31"))
    assert_same_frame(pd.read_csv(filtered_out, encoding="utf-8-sig"), expected)


def test_cli_figures_of_one_subject(sample_db, tmp_path):
    # "reported gas volumes over time": the figures of one kind about one thing, as CSV and HTML
    top = queries.figure_subjects(str(sample_db), Filters(), "volume", "m3", limit=1)
    subject = top["subject"].iloc[0]
    out = tmp_path / "gas.csv"
    res = CliRunner().invoke(export_command, ["figures", "--db", str(sample_db), "--format", "csv", "--out", str(out),
                                              "--kind", "volume", "--unit", "m3", "--subject", subject])
    assert res.exit_code == 0, res.output
    rows = pd.read_csv(out, encoding="utf-8-sig")
    assert len(rows) >= top["figures"].iloc[0]
    assert (rows["subject"].fillna("").str.contains(subject, regex=False)
            | rows["sentence"].str.contains(subject, regex=False)).all()
    everything = CHARTS["figures"].data(str(sample_db), Filters(), kind="volume", unit="m3")
    assert len(rows) < len(everything)
    fig, _ = export.build_chart("figures", sample_db, kind="volume", unit="m3", subject=subject)
    assert f"「{subject}」" in fig.layout.title.subtitle.text   # the chart says what it is about


@pytest.mark.browser
def test_cli_all_writes_every_chart(sample_db, tmp_path, chromium):
    res = CliRunner().invoke(export_command, ["--all", "--format", "svg", "--out-dir", str(tmp_path),
                                              "--db", str(sample_db)])
    assert res.exit_code == 0, res.output
    for name in CHARTS:
        ET.parse(tmp_path / f"{name}.svg")


# ---------------------------------------------------------------------------------------------
# Chinese text in PNGs: glyphs, not tofu boxes

# Run in a subprocess so the font configuration can be swapped via FONTCONFIG_FILE. Two different
# Chinese titles of equal length must render differently: with no CJK font every character is the
# same .notdef box, so both titles (and a title of private-use codepoints, which no font has) render
# identically. The titles use the house style's font stack, like every exported chart.
PROBE = textwrap.dedent("""
    import io, json, sys
    import plotly.graph_objects as go
    from PIL import Image, ImageChops
    from dashboard import export
    from dashboard.style import ChartContext, house_style

    def title_png(text):
        fig = house_style(go.Figure(), ChartContext(title=text, width=600, height=300))
        fig.update_layout(width=600, height=300)
        img = Image.open(io.BytesIO(export.image_bytes(fig, "png"))).convert("L")
        return img.crop((0, 0, img.width, img.height // 4))   # the title band

    chinese_a, chinese_b, tofu = (title_png(t) for t in (
        "中国与俄罗斯能源合作", "美国国会通过预算法案", "\\ue000\\ue001\\ue002\\ue003\\ue004\\ue005\\ue006\\ue007\\ue008\\ue009"))
    ink = sum(chinese_a.histogram()[:128])   # dark pixels
    json.dump({
        "ink": ink,
        "a_differs_from_b": ImageChops.difference(chinese_a, chinese_b).getbbox() is not None,
        "a_differs_from_tofu": ImageChops.difference(chinese_a, tofu).getbbox() is not None,
    }, sys.stdout)
""")


def run_probe(env_extra: dict[str, str] | None = None) -> dict:
    env = {**os.environ, **(env_extra or {})}
    res = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=180)
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout)


def test_cjk_font_installed():
    if not shutil.which("fc-list"):
        pytest.fail("fc-list missing: install fontconfig and fonts-noto-cjk")
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    assert found.strip(), "no Chinese font found by `fc-list :lang=zh`: apt-get install fonts-noto-cjk"


@pytest.mark.browser
def test_png_shows_chinese_glyphs(chromium):
    result = run_probe()
    assert result["ink"] > 200, "the title drew nothing"
    assert result["a_differs_from_b"] and result["a_differs_from_tofu"], (
        "Chinese titles render as identical boxes (tofu): install fonts-noto-cjk")


@pytest.mark.browser
def test_glyph_check_fails_without_cjk_fonts(chromium, tmp_path):
    """The check above must be able to fail: hide the CJK fonts from Chromium and it does."""
    listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True).stdout
    cjk = set(subprocess.run(["fc-list", "--format", "%{file}\n", ":lang=zh"],
                             capture_output=True, text=True).stdout.split())
    latin_dirs = sorted({str(Path(f).parent) for f in listed.split() if f not in cjk})
    # Link the Latin-only fonts into one folder, so no CJK font sharing a folder slips in.
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for f in listed.split():
        if f not in cjk and Path(f).is_file():
            target = fonts / Path(f).name
            if not target.exists():
                target.symlink_to(f)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{tmp_path / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    env = {"FONTCONFIG_FILE": str(conf)}
    zh = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, env={**os.environ, **env})
    assert not zh.stdout.strip(), f"the Latin-only font set still has CJK fonts (dirs: {latin_dirs})"
    result = run_probe(env)
    assert not result["a_differs_from_b"], "without CJK fonts the two titles should both be tofu"
