"""Articles: search (words, plus the sidebar's outlet / topic / entity / date filters) and a reading
view (?article=ID) with entities and figures highlighted from their stored offsets."""
import sys
from pathlib import Path

# the repository root, for `from dashboard import …` even when Streamlit runs this file on its own
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pandas as pd
import streamlit as st

from dashboard import analysis, db, queries
from dashboard import components as C
from etl.models import compose_document

path, f = C.page_setup()
PAGE_SIZE = 50


def reading_view(article_id: str) -> None:
    rec = db.cached(queries.article, path, article_id)
    if st.button("← 返回搜索 Back to search", key="back"):
        del st.query_params["article"]
        st.rerun()
    if rec is None:
        C.empty(f"No article with id `{article_id}` in this database (it may have been removed by a later run).")
        return
    a, mentions, figures, topics = rec["article"], rec["mentions"], rec["figures"], rec["topics"]
    st.title(C.md_escape(a["title"]))   # titles are plain text: markdown specials shown literally
    meta = [a["source"], a.get("channel") or "—", f"{C.fmt_date(a['published_at'])} ({a['date_status']})"]
    st.caption(C.md_escape(" · ".join(str(m) for m in meta)))
    if a.get("url"):
        st.markdown(f"[原文 Original]({a['url']})")
    c1, c2 = st.columns(2)
    if not topics.empty:
        c1.markdown("**话题 Topics:** " + ", ".join(f"{t} ({s:.2f})" for t, s in zip(topics["label"], topics["score"])))
    kw = a.get("keywords")
    if kw is not None and len(kw):
        c2.markdown("**关键词 Keywords:** " + ", ".join(str(k) for k in kw))

    doc = compose_document(a["title"], a["text"], a.get("captions") or "")
    spans = []
    for m in mentions.itertuples():
        for s, e in analysis.mention_spans(doc, list(m.offsets if m.offsets is not None else []),
                                          list(m.surfaces if m.surfaces is not None else [])):
            spans.append((s, e, m.type, f"{m.name} ({m.type})"))
    for g in figures.itertuples():
        if pd.notna(g.start_char) and pd.notna(g.end_char):
            value = f"{g.value_low:g}" if g.value_low == g.value_high else f"{g.value_low:g}–{g.value_high:g}"
            spans.append((int(g.start_char), int(g.end_char), "figure", f"{g.kind}: {value} {g.unit or ''}"))
    st.markdown(C.HIGHLIGHT_CSS, unsafe_allow_html=True)
    st.caption("Highlighted: person · place · org · figure (hover for details)")
    # highlight_html escapes every character of the article: safe to render as HTML.
    st.markdown(f'<div class="geonews-doc">{analysis.highlight_html(doc, spans)}</div>', unsafe_allow_html=True)

    t1, t2 = st.tabs([f"实体 Entities ({len(mentions)})", f"数字 Figures ({len(figures)})"])
    with t1:
        if mentions.empty:
            st.caption("No entity found.")
        else:
            st.dataframe(mentions[["name", "type", "n", "surfaces"]], hide_index=True)
    with t2:
        if figures.empty:
            st.caption("No figure found.")
        else:
            st.dataframe(figures[["text", "kind", "value_low", "value_high", "unit", "per", "subject", "sentence"]],
                         hide_index=True)
    st.caption(f"id {a['article_id']} · origin {a['origin']} · {a['n_chars']} chars")


def search() -> None:
    st.title("文章 Articles")
    words = st.text_input("搜索 Search title and text (all words must appear)", key="a_words",
                          placeholder="e.g. 天然气 管道")
    c1, c2 = st.columns([3, 1])
    full_text = c1.checkbox("全文 Search the full text too (slower on large archives)", key="a_fulltext",
                            value=C.full_text_default(path),
                            help="Without it, a word matches the title or a segmented content word of the article.")
    page = c2.number_input("页 Page", min_value=1, value=1, step=1, key="a_page")
    res = db.cached(queries.search_articles, path, f, words.strip() or None, PAGE_SIZE, (int(page) - 1) * PAGE_SIZE,
                    full_text)
    if res.empty:
        C.empty("No article matches: try fewer words or widen the filters in the sidebar.")
        return
    total = int(res["n_total"].iloc[0])
    st.caption(f"{total:,} articles · showing {(page - 1) * PAGE_SIZE + 1}–{(page - 1) * PAGE_SIZE + len(res)}")
    res = res.assign(link=res["article_id"].map(C.article_url))
    event = st.dataframe(res[["published_at", "source", "title", "channel", "n_chars", "link"]], hide_index=True,
                         on_select="rerun", selection_mode="single-row", key="a_results",
                         column_config={
                             "published_at": st.column_config.DatetimeColumn("date", format="YYYY-MM-DD"),
                             "link": st.column_config.LinkColumn("open", display_text="阅读 read"),
                         })
    if event and event.selection.rows:
        st.query_params["article"] = res["article_id"].iloc[event.selection.rows[0]]
        st.rerun()
    st.caption("选择一行阅读 · Select a row (or use its link) to read the article.")


article_id = st.query_params.get("article")
if article_id:
    reading_view(article_id)
else:
    search()
