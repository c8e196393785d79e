"""Entities: who is mentioned with whom. A co-occurrence network of the top entities (edges by count
or by PMI, so that ubiquitous 美国 does not swallow everything), the matrix, and one entity's partners."""
import sys
from pathlib import Path

# the repository root, for `from dashboard import …` even when Streamlit runs this file on its own
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st

from dashboard import analysis, charts, db, queries
from dashboard import components as C
from etl.models import compose_document

path, f = C.page_setup()
st.title("实体 Entities")

TYPES = {"person": "人物 person", "place": "地点 place", "org": "机构 org"}
c1, c2, c3, c4 = st.columns([1.6, 1, 1, 1.4])
types = c1.multiselect("类型 Types", list(TYPES), default=list(TYPES), format_func=TYPES.get, key="e_types")
top_n = c2.slider("实体数 Top N", 10, 60, 30, step=5, key="e_top")
min_count = c3.number_input("最少共现 Min. count", min_value=1, max_value=1000, value=2, key="e_min")
weight = c4.radio("连线 Edge weight", ["pmi", "count"], key="e_weight", horizontal=True,
                  format_func={"pmi": "PMI (association)", "count": "共现次数 count"}.get,
                  help="Count: articles naming both. PMI (normalised, NPMI): how much more often they appear "
                       "together than their frequencies predict, so very frequent entities do not dominate.")

opts = dict(top_n=int(top_n), types=tuple(types), min_count=int(min_count), weight=weight)
net, mat = charts.CHARTS["entities"], charts.CHARTS["cooccurrence"]
r = db.batch(path, {
    "df": db.call(net.data, f, **opts),
    "ctx_net": db.call(charts.chart_context, f, net.title, opts, f"top {top_n} · edges by {weight}"),
    "ctx_mat": db.call(charts.chart_context, f, mat.title, opts, "NPMI" if weight == "pmi" else "count"),
})
df = r["df"]
nodes = df[df["kind"] == "node"]
if nodes.empty:
    C.empty("No entity is mentioned in the selected articles (or none passes the type / minimum filters).")
    st.stop()

tab_net, tab_mat = st.tabs(["网络 Network", "矩阵 Matrix"])
with tab_net:
    C.chart(net.figure(df, r["ctx_net"]), df, "entities")
    st.caption("Node size: articles mentioning the entity; colour: type; line width: edge weight.")
with tab_mat:
    C.chart(mat.figure(df, r["ctx_mat"]), df, "cooccurrence")

st.subheader("搭档 Partners of one entity")
labels = {r_.entity_id: f"{r_.name} ({r_.type}, {int(r_.n_articles)})" for r_ in nodes.itertuples()}
default = f.entity if f.entity in labels else nodes["entity_id"].iloc[0]
options = list(labels) + ([f.entity] if f.entity and f.entity not in labels else [])
focus = st.selectbox("实体 Entity", options, index=options.index(default), format_func=lambda e: labels.get(e, e),
                     key="e_focus")
partners = db.cached(queries.partners, path, f, focus, int(min_count), 50)
if partners.empty:
    C.empty("This entity is never mentioned together with another one (at this minimum count).")
    st.stop()
partners = analysis.add_pmi(partners)
sort_by = st.radio("排序 Rank by", ["n_ab", "npmi"], horizontal=True, key="e_sort",
                   format_func={"n_ab": "共现 count", "npmi": "PMI"}.get)
partners = partners.sort_values([sort_by, "n_ab"], ascending=False, ignore_index=True)
st.dataframe(partners[["name", "type", "n_ab", "n_b", "pmi", "npmi"]].rename(
    columns={"n_ab": "together", "n_b": "partner articles"}), hide_index=True,
    column_config={"pmi": st.column_config.NumberColumn(format="%.2f"),
                   "npmi": st.column_config.NumberColumn(format="%.2f")})

partner = st.selectbox("例句 Example sentences with", partners["entity_id"].tolist(),
                       format_func=dict(zip(partners["entity_id"], partners["name"])).get, key="e_partner")
ex = db.cached(queries.cooccurrence_examples, path, f, focus, partner, 10)
shown = 0
for row in ex.itertuples():
    doc = compose_document(row.title, row.text, row.captions)
    sentences = analysis.sentences_with_both(doc, row.offsets_a, row.offsets_b, limit=2)
    if sentences:
        with st.container(border=True):
            for s in sentences:
                st.text(s)   # st.text: article text is shown as text, never as markup
            st.caption(C.md_escape(f"{row.source} · {C.fmt_date(row.published_at)} · {row.title}"))
            C.open_article_link(row.article_id)
        shown += 1
if shown == 0:
    C.empty("They are named in the same articles but never in the same sentence.")
