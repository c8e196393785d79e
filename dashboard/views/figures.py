"""Figures: the numbers the articles report, as a filterable table and a chart over time, each linked
to its sentence and article; conflicting numbers for the same subject and month are flagged."""
import sys
from pathlib import Path

# the repository root, for `from dashboard import …` even when Streamlit runs this file on its own
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st

from dashboard import charts, db, queries
from dashboard import components as C

path, f = C.page_setup()
st.title("数字 Figures")

kinds = db.cached(queries.figure_kinds, path, f)
if kinds.empty:
    C.empty("No figures were extracted from the selected articles.")
    st.stop()

pairs = [(k, u) for k, u in zip(kinds["kind"], kinds["unit"])]
counts = dict(zip(pairs, kinds["n"]))
default = next((i for i, p in enumerate(pairs) if p == ("volume", "m3")), 0)


def _pick_subject() -> None:
    # a frequent subject picked fills the subject filter (the text box stays free to edit)
    picked = st.session_state.get("g_pick")
    if picked:
        st.session_state["g_subject"] = picked


c1, c2, c3, c4 = st.columns([1.3, 1.3, 1.3, 0.7])
kind, unit = c1.selectbox("类型 Kind · unit", pairs, index=default, key="g_kind",
                          format_func=lambda p: f"{p[0]} · {p[1] or '—'} ({counts[p]})")
frequent = db.cached(queries.figure_subjects, path, f, kind, unit)
sizes = dict(zip(frequent["subject"], frequent["articles"]))
c2.selectbox("常见主题 Frequent subjects", [None, *frequent["subject"]], key="g_pick", on_change=_pick_subject,
             format_func=lambda s: "—" if s is None else f"{s} ({sizes[s]} articles)",
             help="What the figures of this kind most often measure, by the number of articles reporting it")
subject = c3.text_input("主题 Subject contains", key="g_subject", placeholder="e.g. 天然气 / 出口").strip() or None
log_y = c4.checkbox("对数轴 Log scale", value=True, key="g_log")

spec = charts.CHARTS["figures"]
opts = dict(kind=kind, unit=unit, subject=subject)
r = db.batch(path, {
    "df": db.call(spec.data, f, **opts),
    "ctx": db.call(charts.chart_context, f, spec.title, {**opts, "log_y": log_y}, f"{kind} ({unit})"),
    "conflicts": db.call(queries.figure_conflicts, f, (kind,), (unit,), subject),
})
df = r["df"]
if df.empty:
    C.empty("No figure of this kind matches (try another kind or clear the subject).")
    st.stop()

ctx = r["ctx"]
C.chart(spec.figure(df, ctx), df, "figures")

st.subheader(f"{len(df):,} 个数字 figures")
table = df.assign(link=df["article_id"].map(C.article_url))
event = st.dataframe(
    table[["published_at", "source", "text", "value_low", "value_high", "unit", "per", "subject", "conflict",
           "sentence", "title", "link"]],
    hide_index=True, on_select="rerun", selection_mode="single-row", key="g_table",
    column_config={
        "published_at": st.column_config.DatetimeColumn("date", format="YYYY-MM-DD"),
        "value_low": st.column_config.NumberColumn("low", format="%.4g"),
        "value_high": st.column_config.NumberColumn("high", format="%.4g"),
        "conflict": st.column_config.CheckboxColumn("⚠ conflict", help="Another outlet's figure for the same subject, in the same place and month, differs by more than 10%"),
        "link": st.column_config.LinkColumn("article", display_text="阅读 read"),
    })
rows = event.selection.rows if event else []
if rows:
    row = df.iloc[rows[0]]
    with st.container(border=True):
        st.text(row["sentence"] or row["text"])  # plain text, never markup
        st.caption(C.md_escape(f"{row['source']} · {C.fmt_date(row['published_at'])} · {row['title']}"))
        C.open_article_link(row["article_id"], "在文中查看 open in article")
else:
    st.caption("选择一行查看其句子 · Select a row to see its sentence and open the article.")

st.subheader("冲突的数字 Conflicting figures")
conf = r["conflicts"]
if conf.empty:
    st.success("No two figures for the same subject and month differ by more than 10%.", icon=":material/check:")
else:
    st.caption("Same kind, unit, time basis and subject (normalised), the same place named nearest in the sentence, "
               "same month, values more than 10% apart. Figures with no place near them and daily flows (新增…) are not compared.")
    st.dataframe(conf, hide_index=True, column_config={
        "month": st.column_config.DateColumn("month", format="YYYY-MM"),
        "min_value": st.column_config.NumberColumn(format="%.4g"),
        "max_value": st.column_config.NumberColumn(format="%.4g"),
    })
