"""Publication exports of the dashboard charts: PNG, SVG, self-contained HTML and CSV.

Two paths, on purpose:
- server side (CLI `geonews export`, tests, benchmarks): PNG/SVG are rendered by kaleido 1.x, which
  drives a headless Chromium (Debian's /usr/bin/chromium). Many charts share ONE browser session
  (`export_many`), because starting Chromium costs about a second and rendering a chart ~0.1 s.
- in the dashboard (`download_buttons`, `plotly_config`): CSV and HTML are built in-process; PNG/SVG
  come from plotly's own in-browser export (the modebar camera button), so serving the app needs
  neither root nor a browser on the server.

No export reaches the network: plotly.js is read from the installed plotly package (inlined into
HTML, loaded from file:// by kaleido) and MathJax is off.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly
import plotly.graph_objects as go

from dashboard.style import EXPORT_HEIGHT, EXPORT_WIDTH

if TYPE_CHECKING:
    from dashboard.filters import Filters

FORMATS = ("png", "svg", "html", "csv")
IMAGE_FORMATS = ("png", "svg")

# Print resolution: a 1000×600 CSS-pixel chart becomes a 2000×1200 PNG. SVG is vector, scale is moot.
PNG_SCALE = 2
DEFAULT_WIDTH = EXPORT_WIDTH     # the house style sets the height; the width is the page's on screen
DEFAULT_HEIGHT = EXPORT_HEIGHT

DEBIAN_CHROMIUM = "/usr/bin/chromium"

# Excel only detects UTF-8 (and so shows Chinese instead of mojibake) when the file starts with a BOM.
CSV_ENCODING = "utf-8-sig"


class ExportError(RuntimeError):
    """An export that cannot be produced, with a message meant for the user."""


# ---------------------------------------------------------------------------------------------
# Browser and plotly.js location


def browser_path() -> str | None:
    """The Chromium kaleido should drive: $BROWSER_PATH if set, else Debian's chromium, else None.

    choreographer (kaleido's browser driver) reads BROWSER_PATH itself; we also pass the path
    explicitly so a stray kaleido-downloaded Chrome is never picked over the system one.
    """
    env = os.environ.get("BROWSER_PATH")
    if env:
        return env
    if os.access(DEBIAN_CHROMIUM, os.X_OK):
        return DEBIAN_CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def plotlyjs_path() -> Path:
    """plotly.min.js shipped with the installed plotly package (the version plotly.py was built for)."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():  # kaleido would silently fall back to the CDN: refuse instead
        raise ExportError(f"plotly.js not found in the plotly package ({path}); reinstall plotly")
    return path


def _kaleido_options() -> dict[str, Any]:
    path = browser_path()
    if path is None:
        raise ExportError(
            "PNG/SVG export needs Chromium. Install it (Debian: apt-get install chromium "
            "fonts-noto-cjk) or point BROWSER_PATH at a Chrome/Chromium binary. "
            "CSV and HTML exports work without it."
        )
    # Set it for choreographer as well, which consults BROWSER_PATH when it looks for a browser.
    os.environ.setdefault("BROWSER_PATH", path)
    return {
        "path": path,
        "mathjax": False,            # the default pulls MathJax from a CDN; our charts have no LaTeX
        "plotlyjs": plotlyjs_path(),  # never the CDN fallback
        "n": 1,                      # one tab: the machines we run on have few cores
    }


# ---------------------------------------------------------------------------------------------
# Rendering figures


def _check_format(fmt: str, allowed: Iterable[str] = FORMATS) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in allowed:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(allowed)}")
    return fmt


def _image_opts(fig: go.Figure, fmt: str) -> dict[str, Any]:
    # A width/height set by the figure wins; otherwise a print-friendly landscape default.
    return {
        "format": fmt,
        "width": fig.layout.width or DEFAULT_WIDTH,
        "height": fig.layout.height or DEFAULT_HEIGHT,
        "scale": PNG_SCALE if fmt == "png" else 1,
    }


def plotly_config(name: str, fmt: str = "png", fig: go.Figure | None = None) -> dict[str, Any]:
    """`config=` for st.plotly_chart / HTML: the camera button saves `name.png` (or .svg) at the size
    and scale `geonews export` uses (the figure's own size when it sets one, else 1000×600, scale 2),
    whatever the width of the browser window: without a width/height here plotly.js would save the
    on-screen size."""
    fmt = _check_format(fmt, IMAGE_FORMATS)
    width = (fig.layout.width if fig is not None else None) or DEFAULT_WIDTH
    height = (fig.layout.height if fig is not None else None) or DEFAULT_HEIGHT
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": fmt, "filename": name, "scale": PNG_SCALE,
                                 "width": width, "height": height},
    }


def html_bytes(fig: go.Figure, name: str = "chart") -> bytes:
    """A self-contained HTML page: plotly.js of the installed package inlined, no CDN, no MathJax."""
    html = fig.to_html(
        include_plotlyjs=True,
        include_mathjax=False,
        full_html=True,
        config=plotly_config(name, fig=fig),
    )
    return html.encode("utf-8")


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The chart's data as CSV, UTF-8 with BOM so Excel shows Chinese correctly."""
    return df.to_csv(index=False).encode(CSV_ENCODING)


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(df))
    return path


@dataclass
class ExportJob:
    """One file to write. `df` is needed for CSV only; `fig` for everything else."""
    fmt: str
    path: Path
    fig: go.Figure | None = None
    df: pd.DataFrame | None = None
    name: str = field(default="chart")

    def __post_init__(self) -> None:
        self.fmt = _check_format(self.fmt)
        self.path = Path(self.path)
        if self.fmt == "csv" and self.df is None:
            raise ExportError(f"{self.path}: a CSV export needs the chart's data frame")
        if self.fmt != "csv" and self.fig is None:
            raise ExportError(f"{self.path}: a {self.fmt} export needs a figure")


def export_many(jobs: Iterable[ExportJob | tuple]) -> list[Path]:
    """Write every job; all PNG/SVG images are rendered in ONE Chromium session.

    Jobs may be ExportJob or (fig, fmt, path) tuples. Returns the written paths in job order.
    """
    todo = [j if isinstance(j, ExportJob) else ExportJob(fmt=j[1], path=j[2], fig=j[0]) for j in jobs]
    images = []
    for job in todo:
        job.path.parent.mkdir(parents=True, exist_ok=True)
        if job.fmt == "csv":
            write_csv(job.df, job.path)
        elif job.fmt == "html":
            job.path.write_bytes(html_bytes(job.fig, job.name))
        else:
            images.append({"fig": job.fig, "path": job.path, "opts": _image_opts(job.fig, job.fmt)})
    if images:
        _render_images(images)
    return [job.path for job in todo]


def _render_images(fig_dicts: list[dict[str, Any]]) -> None:
    import kaleido  # imported late: it registers encoders and checks versions at import

    try:
        # One Kaleido (one Chromium) for the whole list. The *_sync wrapper runs kaleido's asyncio
        # loop in its own thread, so this also works where an event loop is already running.
        kaleido.write_fig_from_object_sync(
            fig_dicts, kopts=_kaleido_options(), cancel_on_error=True
        )
    except ExportError:
        raise
    except Exception as exc:  # choreographer/kaleido errors are obscure: say what failed
        paths = ", ".join(str(d["path"]) for d in fig_dicts)
        raise ExportError(f"image export failed ({paths}): {exc}") from exc


def render(fig: go.Figure, fmt: str, path: str | Path, *, name: str | None = None) -> Path:
    """Write one figure as png | svg | html. (CSV is data, not a figure: see `export_chart`.)"""
    fmt = _check_format(fmt, ("png", "svg", "html"))
    path = Path(path)
    return export_many([ExportJob(fmt=fmt, path=path, fig=fig, name=name or path.stem)])[0]


def image_bytes(fig: go.Figure, fmt: str = "png") -> bytes:
    """PNG/SVG bytes of a figure without writing a file (tests, previews)."""
    import kaleido

    fmt = _check_format(fmt, IMAGE_FORMATS)
    try:
        return kaleido.calc_fig_sync(fig, opts=_image_opts(fig, fmt), kopts=_kaleido_options())
    except ExportError:
        raise
    except Exception as exc:
        raise ExportError(f"image export failed: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# Charts of the registry


def chart_names() -> list[str]:
    from dashboard.charts import CHARTS

    return list(CHARTS)


def _spec(name: str):
    from dashboard.charts import CHARTS

    try:
        return CHARTS[name]
    except KeyError:
        raise ExportError(f"unknown chart {name!r}; charts: {', '.join(CHARTS)}") from None


# Generic option names (CLI flags) -> the parameter each chart's data function calls them.
_OPTION_PARAMS = {
    "by": ("granularity", "window"),              # trends: granularity; leadlag: story window
    "top": ("top_n", "limit_topics", "top"),      # entities / sources / distinctive
    "normalise": ("mode",),                       # trends: share of the outlet's articles vs counts
}
# Options that only change the drawing: they go to ChartContext.options, not to `spec.data`.
FIGURE_OPTIONS = ("facet", "log_y")


def chart_options(spec, options: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Split user options into (data kwargs, figure-only options, names that do not apply)."""
    import inspect

    params = inspect.signature(spec.data).parameters
    data_kw: dict[str, Any] = {}
    fig_kw: dict[str, Any] = {}
    unused: list[str] = []
    for key, value in options.items():
        if value is None or key == "title":
            continue
        if key in FIGURE_OPTIONS:
            fig_kw[key] = value
            if key == "facet" and value and "per_source" in params:
                data_kw["per_source"] = True   # panels per outlet need the per-outlet series
            continue
        target = next((p for p in _OPTION_PARAMS.get(key, (key,)) if p in params), None)
        if target is None:
            unused.append(key)
        elif key == "normalise":
            data_kw[target] = "share" if value else "count"
        else:
            data_kw[target] = value
    return data_kw, fig_kw, unused


def build_chart(
    name: str, db_path: str | Path, filters: Filters | None = None, *, strict: bool = False,
    **options: Any,
) -> tuple[go.Figure, pd.DataFrame]:
    """The figure and data frame of chart `name`, as the dashboard page draws them.

    options: by, normalise, top (generic names, mapped per chart), the chart's own keyword arguments
    (kind, unit, items, types, weight …), figure options (facet, log_y) and title.
    strict: an option the chart does not take is an error (single export) instead of ignored (--all).
    """
    from dashboard import charts
    from dashboard.filters import Filters

    spec = _spec(name)
    filters = filters if filters is not None else Filters()
    data_kw, fig_kw, unused = chart_options(spec, options)
    if strict and unused:
        raise ExportError(f"chart {name!r} takes no option {', '.join(unused)}")
    df = spec.data(str(db_path), filters, **data_kw)
    ctx = charts.chart_context(str(db_path), filters, options.get("title") or spec.title,
                               options={**data_kw, **fig_kw})
    return spec.figure(df, ctx), df


def chart_jobs(
    names: Iterable[str], fmt: str, out_dir: str | Path, db_path: str | Path,
    filters: Filters | None = None, **options: Any,
) -> list[ExportJob]:
    out_dir = Path(out_dir)
    fmt = _check_format(fmt)
    jobs = []
    for name in names:
        fig, df = build_chart(name, db_path, filters, **options)
        jobs.append(ExportJob(fmt=fmt, path=out_dir / f"{name}.{fmt}", fig=fig, df=df, name=name))
    return jobs


def export_chart(
    name: str, fmt: str, out: str | Path, db_path: str | Path,
    filters: Filters | None = None, **options: Any,
) -> Path:
    """Write chart `name` of the registry as png | svg | html | csv (CSV = `spec.data`'s frame)."""
    fmt = _check_format(fmt)
    fig, df = build_chart(name, db_path, filters, strict=True, **options)
    return export_many([ExportJob(fmt=fmt, path=Path(out), fig=fig, df=df, name=name)])[0]


def export_all(
    fmt: str, out_dir: str | Path, db_path: str | Path,
    filters: Filters | None = None, **options: Any,
) -> list[Path]:
    """Every chart of the registry into `out_dir/<name>.<fmt>`, with one browser for all images."""
    return export_many(chart_jobs(chart_names(), fmt, out_dir, db_path, filters, **options))


# ---------------------------------------------------------------------------------------------
# Streamlit


def download_buttons(fig: go.Figure, df: pd.DataFrame, name: str) -> None:
    """CSV and HTML download buttons under a chart. PNG/SVG: the chart's camera button.

    The files are built only when clicked (callable `data`), so an unclicked 4 MB HTML page costs
    nothing on each rerun; on_click="ignore" keeps the page from re-running on a download.
    """
    import streamlit as st

    cols = st.columns([1, 1, 4])
    with cols[0]:
        st.download_button(
            "CSV", data=lambda: csv_bytes(df), file_name=f"{name}.csv",
            mime="text/csv", key=f"download-{name}-csv", on_click="ignore", icon=":material/download:",
            help="The chart's data, UTF-8 (opens in Excel with Chinese intact)",
        )
    with cols[1]:
        st.download_button(
            "HTML", data=lambda: html_bytes(fig, name), file_name=f"{name}.html",
            mime="text/html", key=f"download-{name}-html", on_click="ignore", icon=":material/download:",
            help="Interactive chart, one file, works offline",
        )
    with cols[2]:
        st.caption("PNG/SVG: camera icon in the chart's toolbar")
