"""Trends: attention over time for topics, keywords or entities, as counts or as a share of each
outlet's output (the default, as Media Cloud does); click a point to list its articles."""
import sys
from pathlib import Path

# the repository root, for `from dashboard import …` even when Streamlit runs this file on its own
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pandas as pd
import streamlit as st

from dashboard import charts, db, queries
from dashboard import components as C

path, f = C.page_setup()
st.title("趋势 Trends")

KINDS = {"topic": "话题 Topics", "keyword": "关键词 Keywords", "entity": "实体 Entities"}
lists = db.batch(path, {"topics": db.call(queries.topic_list), "entities": db.call(queries.entity_list, 400),
                        "summary": db.call(queries.filter_summary, f)})

c1, c2, c3, c4 = st.columns([1.2, 1, 1.2, 1.2])
kind = c1.radio("跟踪 Track", list(KINDS), format_func=KINDS.get, key="t_kind", horizontal=True)
granularity = c2.radio("粒度 Granularity", list(queries.GRANULARITIES),
                       index=queries.GRANULARITIES.index(charts.default_granularity(lists["summary"])),
                       key="t_gran", horizontal=True,
                       help="The default is the finest period that holds about 10 articles of the selection: "
                            "a share of two articles jumps between 0% and 100%.")
mode = c3.radio("数值 Values", ["share", "count"], key="t_mode", horizontal=True,
                format_func={"share": "占比 share of outlet", "count": "篇数 raw counts"}.get,
                help="Share: matching articles / all articles of that outlet in the period (comparable across "
                     "outlets of different size). Counts: matching articles.")
layout = c4.radio("布局 Layout", ["combined", "lines", "facet"], key="t_layout", horizontal=True,
                  format_func={"lines": "每媒体一线 line per outlet", "facet": "分面 panel per outlet",
                               "combined": "合并 all outlets"}.get,
                  help="All outlets (default): their articles pooled, one line per tracked item. Line per "
                       "outlet: colour = outlet, one panel per tracked item. Panel per outlet: small "
                       "multiples, colour = tracked item.")

full_text = False
if kind == "topic":
    tl = lists["topics"]
    labels = dict(zip(tl["topic_id"], tl["label"]))
    default = [t for t in (f.topics or tuple(tl["topic_id"].head(3))) if t in labels]
    items = st.multiselect("话题 Topics", list(labels), default=default, format_func=labels.get, key="t_topics")
elif kind == "entity":
    el = lists["entities"]
    labels = {r.entity_id: f"{r.name} ({r.type})" for r in el.itertuples()}
    default = [f.entity] if f.entity in labels else el["entity_id"].head(3).tolist()
    items = st.multiselect("实体 Entities", list(labels), default=default, format_func=labels.get, key="t_entities")
else:
    raw = st.text_input("关键词 Keywords (separate with spaces or commas)", value="", key="t_keywords",
                        placeholder="e.g. 天然气 制裁 LNG")
    items = [w for w in raw.replace("，", ",").replace(",", " ").split() if w]
    full_text = st.checkbox("全文匹配 Also match inside the full text (slower on large archives)", key="t_fulltext",
                            value=C.full_text_default(path))
    st.caption("A keyword matches a segmented content word of the article or a substring of its title"
               + (" or body." if full_text else "; tick the box to scan the bodies too."))

if not items:
    C.empty("Choose at least one topic, keyword or entity to chart.")
    st.stop()

spec = charts.CHARTS["trends"]
opts = dict(kind=kind, items=tuple(items), granularity=granularity, mode=mode, per_source=layout != "combined",
            full_text=full_text)
note = {"share": "占该媒体文章比例 share of each outlet's articles", "count": "文章数 article counts"}[mode]
r = db.batch(path, {
    "df": db.call(spec.data, f, **opts),
    "ctx": db.call(charts.chart_context, f, spec.title, {**opts, "layout": layout}, f"{note} · {granularity}"),
})
df, ctx = r["df"], r["ctx"]
if df.empty or df["n_match"].sum() == 0:
    C.empty("Nothing matches these topics / keywords / entities under the current filters.")
    st.stop()

event = C.chart(spec.figure(df, ctx), df, "trends", key=f"trends-{kind}-{layout}", selectable=True)

points = (event.selection.points if event and hasattr(event, "selection") else []) or []
if points:
    p = points[0]
    cd = p.get("customdata") or []
    series_id = cd[0] if len(cd) > 0 else None
    source = cd[1] if len(cd) > 1 and cd[1] != charts.ALL_OUTLETS else None
    period = pd.Timestamp(p["x"])
    arts = db.cached(queries.trend_articles, path, f, kind, tuple(items), granularity, period.date(), source,
                     series_id, full_text=full_text)
    st.subheader(f"{period:%Y-%m-%d} · {source or charts.ALL_OUTLETS} · {cd[4] if len(cd) > 4 else ''}")
    if arts.empty:
        C.empty("No article behind this point.")
    else:
        C.article_table(arts, ["published_at", "source", "title", "matched"], "YYYY-MM-DD HH:mm")
else:
    st.caption("点击图中的点查看文章 · Click a point to list its articles.")

peaks = df.dropna(subset=["peak_title"]).drop_duplicates(["series_id", "period"])
if not peaks.empty:
    with st.expander("峰值 Peaks and their top headline"):
        st.dataframe(peaks[["series", "period", "peak_title"]].assign(
            link=peaks["peak_article_id"].map(C.article_url)), hide_index=True,
            column_config={"link": st.column_config.LinkColumn("open", display_text="阅读 read"),
                           "period": st.column_config.DateColumn("period", format="YYYY-MM-DD")})
