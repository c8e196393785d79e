"""Streamlit pieces shared by the pages: the page's database and filters, chart display with download
buttons, empty-result messages, and the highlighted reading view."""
from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import db
from dashboard.filters import Filters
from dashboard.style import PLOTLY_CONFIG

STATE_DB = "geonews_db"
STATE_FILTERS = "geonews_filters"
EMPTY_MESSAGE = "没有符合条件的文章。No articles match these filters: widen the date range or remove an outlet, topic or entity filter in the sidebar."


def page_setup() -> tuple[str, Filters]:
    """The database path and global filters that app.py put in the session for this run."""
    path = st.session_state.get(STATE_DB) or db.resolve_db_path()
    filters = st.session_state.get(STATE_FILTERS) or Filters()
    return path, filters


FULL_TEXT_LIMIT = 50_000


def full_text_default(path: str) -> bool:
    """Search article bodies by default only on archives small enough to scan them fast: a substring
    scan of the bodies costs ~1 s per word on 200k articles (the other matches use indexes)."""
    from dashboard import queries
    return int(db.cached(queries.freshness, path)["n_articles"]) <= FULL_TEXT_LIMIT


def empty(message: str = EMPTY_MESSAGE) -> None:
    st.info(message, icon=":material/info:")


def _plotly_config(name: str, fig: go.Figure | None = None) -> dict[str, Any]:
    try:
        from dashboard.export import plotly_config
        return plotly_config(name, fig=fig)
    except ImportError:
        return {**PLOTLY_CONFIG, "toImageButtonOptions": {**PLOTLY_CONFIG["toImageButtonOptions"], "filename": name}}


def download_buttons(fig: go.Figure, df: pd.DataFrame, name: str) -> None:
    """The export helper's buttons (dashboard/export.py) when present, else a minimal pair."""
    try:
        from dashboard.export import download_buttons as shared_buttons
    except ImportError:
        shared_buttons = None
    if shared_buttons is not None:
        shared_buttons(fig, df, name)
        return
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button("CSV", df.to_csv(index=False).encode("utf-8-sig"), f"{name}.csv", "text/csv",
                       key=f"dl-{name}-csv")
    c2.download_button("HTML", fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8"),
                       f"{name}.html", "text/html", key=f"dl-{name}-html")


def chart(fig: go.Figure, df: pd.DataFrame, name: str, *, key: str | None = None,
          selectable: bool = False) -> Any:
    """Show a figure (house style already applied) with its CSV/HTML downloads underneath.
    selectable: clicking points reruns the page and the selection is returned."""
    kwargs: dict[str, Any] = {"config": _plotly_config(name, fig), "key": key or f"chart-{name}"}
    if selectable:
        kwargs.update(on_select="rerun", selection_mode="points")
    # theme=None: keep the house style (Streamlit's theme would replace fonts and colours)
    event = st.plotly_chart(fig, width="stretch", theme=None, **kwargs)
    download_buttons(fig, df, name)
    return event


def open_article_link(article_id: str, label: str = "阅读 read") -> None:
    """A link to the reading view of an article, keeping the global filters in the URL."""
    st.page_link("views/articles.py", label=label, icon=":material/article:",
                 query_params={"article": article_id, **_filter_params()})


def _filter_params() -> dict[str, Any]:
    f = st.session_state.get(STATE_FILTERS)
    return f.to_query_params() if f else {}


def article_url(article_id: str) -> str:
    """Relative URL of the reading view (for LinkColumn cells in tables)."""
    from urllib.parse import urlencode
    return "articles?" + urlencode({"article": article_id, **_filter_params()}, doseq=True)


def article_table(frame: pd.DataFrame, columns: list[str], date_format: str = "YYYY-MM-DD") -> None:
    """Rows about articles, with a last column that opens each one in the reading view."""
    frame = frame.assign(link=frame["article_id"].map(article_url))
    st.dataframe(frame[[*columns, "link"]], hide_index=True,
                 column_config={"link": st.column_config.LinkColumn("open", display_text="阅读 read"),
                                "published_at": st.column_config.DatetimeColumn("date", format=date_format)})


def fmt_date(ts: Any) -> str:
    if ts is None or (not isinstance(ts, str) and pd.isna(ts)):
        return "—"
    return pd.Timestamp(ts).strftime("%Y-%m-%d")


HIGHLIGHT_CSS = """
<style>
.geonews-doc { line-height: 1.9; font-size: 1.02rem; }
.geonews-doc mark { padding: 0 2px; border-radius: 3px; }
.geonews-doc mark.person { background: #fde0c5; }
.geonews-doc mark.place { background: #cfe3f7; }
.geonews-doc mark.org { background: #cdeedd; }
.geonews-doc mark.figure { background: #fff1a8; border-bottom: 2px solid #e0b400; }
</style>
"""


_MD_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:")


def md_escape(text: Any) -> str:
    """Article titles go into markdown-rendering elements (st.title, st.caption): backslash-escape the
    markdown specials so they show literally (Streamlit never renders raw HTML there anyway)."""
    return "".join("\\" + ch if ch in _MD_SPECIALS else ch for ch in str(text))
