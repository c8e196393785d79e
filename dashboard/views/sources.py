"""Sources: outlets side by side. Share of coverage per topic, the words and entities each outlet uses
distinctively (weighted log-odds with an informative Dirichlet prior), and who covers a topic first."""
import inspect
import sys
from pathlib import Path

# the repository root, for `from dashboard import …` even when Streamlit runs this file on its own
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st

from dashboard import charts, db, queries
from dashboard import components as C

TERM_SAMPLE = inspect.signature(queries.term_counts_by_source).parameters["sample"].default

path, f = C.page_setup()
st.title("媒体对比 Sources")

share, dist, lag = charts.CHARTS["sources"], charts.CHARTS["distinctive"], charts.CHARTS["leadlag"]
r = db.batch(path, {
    "share": db.call(share.data, f),
    "ctx_share": db.call(charts.chart_context, f, share.title),
})
df = r["share"]
if df.empty or df["n"].sum() == 0:
    C.empty("No topic-tagged articles under these filters.")
else:
    C.chart(share.figure(df, r["ctx_share"]), df, "sources")
    st.caption("Each cell: the outlet's articles on the topic / all its articles (an article can have several topics).")

st.subheader("特色用词 Distinctive words and entities")
c1, c2 = st.columns([1, 1])
what = c1.radio("比较 Compare", ["terms", "entities"], horizontal=True, key="s_what",
                format_func={"terms": "词语 words", "entities": "实体 entities"}.get)
top = c2.slider("每家 Per outlet", 5, 20, 10, key="s_top")
opts = dict(what=what, top=int(top))
r2 = db.batch(path, {
    "df": db.call(dist.data, f, **opts),
    "ctx": db.call(charts.chart_context, f, dist.title, opts, "weighted log-odds z vs. the other outlets"),
    "summary": db.call(queries.filter_summary, f),
})
if r2["df"].empty:
    C.empty("Needs at least two outlets with words in the selection: widen the outlet filter.")
else:
    C.chart(dist.figure(r2["df"], r2["ctx"]), r2["df"], "distinctive")
    st.caption("Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): "
               "z > 1.96 means the outlet uses the word more than the others beyond chance.")
    n_sel = r2["summary"]["n"]
    if what == "terms" and n_sel > TERM_SAMPLE:
        st.caption(f"Word counts come from a fixed sample of about {TERM_SAMPLE:,} of the {n_sel:,} selected articles.")

st.subheader("谁先报道 Who covers a topic first")
window = st.radio("报道窗口 Story window", ["day", "week", "month"], index=1, horizontal=True, key="s_window",
                  help="Within each topic and window, the first outlet to publish sets the clock; the others' "
                       "lag is the median over windows.")
r3 = db.batch(path, {
    "df": db.call(lag.data, f, window=window),
    "ctx": db.call(charts.chart_context, f, lag.title, {"window": window}, f"story window: {window}"),
})
ll = r3["df"]
if ll.empty:
    C.empty("No topic-tagged, dated articles under these filters.")
else:
    C.chart(lag.figure(ll, r3["ctx"]), ll, "leadlag")
    st.dataframe(ll.drop(columns=["topic_id"]), hide_index=True, column_config={
        "first_article": st.column_config.DatetimeColumn("first article", format="YYYY-MM-DD HH:mm"),
        "median_lag_hours": st.column_config.NumberColumn("median lag (h)", format="%.1f"),
        "share_first": st.column_config.NumberColumn("first in", format="percent"),
    })
