"""geonews dashboard: `streamlit run dashboard/app.py -- --db FILE` (or $GEONEWS_DB, default
data/geonews.duckdb).

This entry script owns the navigation and the sidebar: the global filters (dates, outlets, topics,
entity) are widgets here, initialised from the URL query string on a session's first run and written
back on every run, so a copied link reproduces the view and the filters survive page switches.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the repository root.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import db, queries  # noqa: E402
from dashboard.components import STATE_DB, STATE_FILTERS, fmt_date  # noqa: E402
from dashboard.filters import QUERY_KEYS, Filters  # noqa: E402

PAGES = [
    st.Page("views/overview.py", title="Overview 概览", icon=":material/dashboard:", url_path="", default=True),
    st.Page("views/trends.py", title="Trends 趋势", icon=":material/show_chart:", url_path="trends"),
    st.Page("views/entities.py", title="Entities 实体", icon=":material/hub:", url_path="entities"),
    st.Page("views/sources.py", title="Sources 媒体", icon=":material/compare:", url_path="sources"),
    st.Page("views/figures.py", title="Figures 数字", icon=":material/pin:", url_path="figures"),
    st.Page("views/articles.py", title="Articles 文章", icon=":material/article:", url_path="articles"),
]

W_DATES, W_SOURCES, W_TOPICS, W_ENTITY = "f_dates", "f_sources", "f_topics", "f_entity"


def _init_from_url(bounds: tuple[date, date] | None) -> None:
    """Seed the filter widgets from the query string, once per session."""
    if st.session_state.get("_filters_loaded"):
        return
    f = Filters.from_query_params(st.query_params)
    if bounds:
        st.session_state[W_DATES] = (f.start or bounds[0], f.end or bounds[1])
    st.session_state[W_SOURCES] = list(f.sources)
    st.session_state[W_TOPICS] = list(f.topics)
    st.session_state[W_ENTITY] = f.entity or ""
    st.session_state["_filters_loaded"] = True


def _write_url(f: Filters) -> None:
    """Mirror the filters into the query string (other keys, e.g. ?article=, are left alone)."""
    want = f.to_query_params()
    for key in QUERY_KEYS:
        if key in want:
            value = want[key]
            current = st.query_params.get_all(key)
            if current != (value if isinstance(value, list) else [value]):
                st.query_params[key] = value
        elif key in st.query_params:
            del st.query_params[key]


def sidebar(path: str) -> Filters:
    batch = db.batch(path, {
        "fresh": db.call(queries.freshness),
        "sources": db.call(queries.source_list),
        "topics": db.call(queries.topic_list),
        "entities": db.call(queries.entity_list, 400),
    })
    fresh = batch["fresh"]
    first, last = fresh["first_published"], fresh["last_published"]
    bounds = (pd.Timestamp(first).date(), pd.Timestamp(last).date()) if not pd.isna(first) else None
    _init_from_url(bounds)

    sb = st.sidebar
    sb.header("筛选 Filters")
    start = end = None
    if bounds:
        # keep a URL date outside the data's span selectable rather than failing the widget
        lo, hi = bounds
        cur = st.session_state.get(W_DATES) or bounds
        lo, hi = min([lo, *[d for d in cur if d]]), max([hi, *[d for d in cur if d]])
        dates = sb.date_input("日期 Dates", min_value=lo, max_value=hi, key=W_DATES, format="YYYY-MM-DD")
        if isinstance(dates, (tuple, list)) and len(dates) == 2:
            start, end = dates
            # the full span is 'no date filter': keeps URLs short and includes undated articles
            start = None if start <= bounds[0] else start
            end = None if end >= bounds[1] else end
        elif isinstance(dates, (tuple, list)) and len(dates) == 1:
            start = dates[0] if dates[0] > bounds[0] else None   # mid-selection: one end picked so far
    src = batch["sources"]
    source_opts = src["source"].tolist()
    for s in st.session_state.get(W_SOURCES, []):
        if s not in source_opts:
            source_opts.append(s)
    sources = sb.multiselect("媒体 Outlets", source_opts, key=W_SOURCES, placeholder="全部 all outlets")
    tl = batch["topics"]
    topic_labels = dict(zip(tl["topic_id"], tl["label"]))
    topic_opts = tl["topic_id"].tolist() + [t for t in st.session_state.get(W_TOPICS, []) if t not in topic_labels]
    topics = sb.multiselect("话题 Topics", topic_opts, key=W_TOPICS, format_func=lambda t: topic_labels.get(t, t),
                            placeholder="全部 all topics")
    el = batch["entities"]
    ent_labels = {r.entity_id: f"{r.name} ({r.type}, {r.n_articles})" for r in el.itertuples()}
    ent_opts = [""] + el["entity_id"].tolist()
    cur_ent = st.session_state.get(W_ENTITY) or ""
    if cur_ent and cur_ent not in ent_labels:
        ent_opts.append(cur_ent)
    entity = sb.selectbox("实体 Entity (articles mentioning it)", ent_opts, key=W_ENTITY,
                          format_func=lambda e: ent_labels.get(e, e.split(":", 1)[-1]) if e else "—")

    filters = Filters(start=start, end=end, sources=tuple(sources), topics=tuple(topics), entity=entity or None)
    _freshness(sb, fresh)
    return filters


def _freshness(sb, fresh: dict) -> None:
    sb.divider()
    run = fresh.get("last_run")
    if run:
        finished = run.get("finished_at") or run.get("started_at")
        sb.caption(f"数据更新 Last ETL run #{run['run_id']}: {pd.Timestamp(finished):%Y-%m-%d %H:%M} UTC · "
                   f"**{run['status']}** · new {run.get('n_new') or 0}, updated {run.get('n_updated') or 0}, "
                   f"quarantined {run.get('n_quarantined') or 0}")
    else:
        sb.caption("数据更新 No ETL run recorded yet")
    sb.caption(f"{int(fresh['n_articles']):,} articles · {int(fresh['n_sources'])} outlets · "
               f"{int(fresh['n_entities']):,} entities · {int(fresh['n_figures']):,} figures · "
               f"{fmt_date(fresh['first_published'])} – {fmt_date(fresh['last_published'])}")


def main() -> None:
    st.set_page_config(page_title="geonews", page_icon=":material/public:", layout="wide")
    nav = st.navigation(PAGES)
    path = db.resolve_db_path()
    st.session_state[STATE_DB] = path
    if db.db_version(path) is None:
        st.title("geonews")
        st.info(f"还没有数据库 No database at `{path}` yet. Build it first:\n\n"
                f"```\ngeonews etl run --input data/sample --db {path}\n```\n\n"
                "then reload this page (or start the dashboard with `--db FILE` / `GEONEWS_DB`).",
                icon=":material/database:")
        st.stop()
    try:
        # one read-only connection for all of this run's queries, closed when the run ends
        with db.run_scope(path):
            filters = sidebar(path)
            st.session_state[STATE_FILTERS] = filters
            _write_url(filters)
            nav.run()
    except (db.DatabaseMissing, duckdb.IOException, duckdb.CatalogException) as exc:
        # The file vanished between stat and open, is mid-replacement, or predates the schema.
        st.warning(f"数据库暂不可读 The database `{path}` cannot be read right now ({type(exc).__name__}). "
                   "If an ETL run is publishing, reload in a moment; otherwise run `geonews etl run`.",
                   icon=":material/sync_problem:")


main()
