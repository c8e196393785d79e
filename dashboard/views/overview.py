"""Overview: volume per outlet and month, coverage span, what is hot lately, the last ETL run."""
import sys
from pathlib import Path

# the repository root, for `from dashboard import …` even when Streamlit runs this file on its own
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pandas as pd
import streamlit as st

from dashboard import charts, db, queries
from dashboard import components as C

path, f = C.page_setup()
st.title("概览 Overview")

spec = charts.CHARTS["overview"]
r = db.batch(path, {
    "summary": db.call(queries.filter_summary, f),
    "months": db.call(spec.data, f),
    "ctx": db.call(charts.chart_context, f, spec.title),
    "span": db.call(queries.coverage_span, f),
    "ent7": db.call(queries.top_entities_recent, f, 7, 10),
    "ent30": db.call(queries.top_entities_recent, f, 30, 10),
    "top7": db.call(queries.top_topics_recent, f, 7, 10),
    "top30": db.call(queries.top_topics_recent, f, 30, 10),
    "runs": db.call(queries.recent_runs, 5),
    "quarantine": db.call(queries.quarantined, 100),
})
s = r["summary"]

c1, c2, c3, c4 = st.columns(4)
c1.metric("文章 Articles", f"{s['n']:,}")
c2.metric("媒体 Outlets", len(s["sources"]))
c3.metric("最早 First", C.fmt_date(s["first"]))
c4.metric("最新 Latest", C.fmt_date(s["last"]))

if s["n"] == 0:
    C.empty()
else:
    C.chart(spec.figure(r["months"], r["ctx"]), r["months"], "overview")

    st.subheader("覆盖时段 Coverage span")
    span = r["span"].rename(columns={"source": "outlet", "n": "articles", "n_undated": "undated"})
    st.dataframe(span, hide_index=True, column_config={
        "first": st.column_config.DatetimeColumn("first", format="YYYY-MM-DD"),
        "last": st.column_config.DatetimeColumn("last", format="YYYY-MM-DD"),
    })
    if s["n_undated"]:
        st.caption(f"{s['n_undated']} articles have no date: they count in totals but not in time charts.")

    st.subheader(f"近期热点 Lately (relative to the newest article, {C.fmt_date(s['last'])})")
    cols = st.columns(2)
    for col, days in zip(cols, (7, 30)):
        with col:
            st.markdown(f"**最近 {days} 天 · last {days} days**")
            ents, tops = r[f"ent{days}"], r[f"top{days}"]
            if ents.empty and tops.empty:
                C.empty(f"No articles in the {days} days before the newest article.")
                continue
            st.dataframe(ents[["name", "type", "n_articles"]].rename(columns={"n_articles": "articles"}),
                         hide_index=True, key=f"ent-{days}")
            if not tops.empty:
                st.dataframe(tops[["label", "n_articles"]].rename(columns={"label": "topic", "n_articles": "articles"}),
                             hide_index=True, key=f"top-{days}")

st.subheader("最近一次更新 Last ETL run")
runs = r["runs"]
if runs.empty:
    st.info("No ETL run is recorded in this database.")
else:
    last = runs.iloc[0]
    m = st.columns(5)
    m[0].metric("Run", f"#{int(last['run_id'])}", last["status"])
    m[1].metric("新 New", int(last["n_new"] or 0))
    m[2].metric("更新 Updated", int(last["n_updated"] or 0))
    m[3].metric("未变 Unchanged", int(last["n_unchanged"] or 0))
    m[4].metric("隔离 Quarantined", int(last["n_quarantined"] or 0))
    st.caption(f"Started {last['started_at']:%Y-%m-%d %H:%M:%S} UTC"
               + (f", took {last['seconds']:.1f} s" if pd.notna(last["seconds"]) else ""))
    changes = db.cached(queries.run_changes, path, int(last["run_id"]), 50)
    if changes.empty:
        st.caption("This run added or changed no article.")
    else:
        C.article_table(changes, ["change", "title", "source", "published_at"])
    with st.expander("Earlier runs"):
        st.dataframe(runs, hide_index=True)

st.subheader("隔离的输入 Quarantined inputs")
q = r["quarantine"]
if q.empty:
    st.success("No input is quarantined.", icon=":material/check:")
else:
    st.caption("Inputs the ETL could not read (latest error per file); fix them and run `geonews etl run` again.")
    st.dataframe(q, hide_index=True)
