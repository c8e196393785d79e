"""Every dashboard page run headless with streamlit.testing (AppTest) against the ETL-built sample
database: what it shows with filters set (metrics, tables, charts), URL filters, empty results and a
missing database — and never an exception."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from tests.conftest import one
from streamlit.testing.v1 import AppTest

from dashboard.components import EMPTY_MESSAGE

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")
TIMEOUT = 90


@pytest.fixture
def app(sample_db, monkeypatch):
    monkeypatch.setenv("GEONEWS_DB", str(sample_db))

    def make(**query) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for k, v in query.items():
            at.query_params[k] = v
        return at
    return make




def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"views/{page}.py")
    return ok(at.run())


def metric(at: AppTest, label_start: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def charts(at: AppTest) -> list[go.Figure]:
    """The plotly figures on the page, rebuilt from the JSON the browser receives."""
    return [pio.from_json(el.proto.spec, skip_invalid=True) for el in at.get("plotly_chart")]


def chart_titles(at: AppTest) -> list[str]:
    return [c.layout.title.text for c in charts(at)]


def values(v) -> list:
    """A data array of the JSON: plotly sends numeric arrays base64-encoded ({"dtype", "bdata"})."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])).tolist()
    return list(v) if v is not None else []


def ys(fig: go.Figure) -> list[float]:
    return [float(y) for t in fig.data for y in values(t.y)]


def trace_text(fig: go.Figure) -> str:
    return json.dumps([[t.name, list(t.text) if t.text is not None else None,
                        [list(map(str, r)) for r in t.customdata] if t.customdata is not None else None]
                       for t in fig.data], ensure_ascii=False)


def infos(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


def test_overview_with_url_filters(app, con):
    src = one(con, "SELECT source FROM articles GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    at = ok(app(source=src).run())
    assert metric(at, "文章") == f"{one(con, 'SELECT count(*) FROM articles WHERE source = ?', [src]):,}"
    assert metric(at, "媒体") == "1"
    assert at.multiselect(key="f_sources").value == [src]
    fig = charts(at)[0]
    assert "Articles per outlet and month" in fig.layout.title.text
    assert {t.name for t in fig.data} == {src}
    # the stacked bars add up to the outlet's dated articles
    assert sum(ys(fig)) == one(con, "SELECT count(*) FROM articles WHERE source = ? AND published_at IS NOT NULL", [src])
    # last run and quarantine sections
    assert metric(at, "Run") == f"#{one(con, 'SELECT max(run_id) FROM etl_runs')}"
    n_q = one(con, "SELECT count(*) FROM quarantine")
    tables = [df.value for df in at.dataframe]
    assert any("error" in t.columns and len(t) == n_q for t in tables) or n_q == 0
    # sidebar freshness line
    assert any("Last ETL run" in c.value for c in at.sidebar.caption)


def test_overview_unfiltered_and_filter_widget_writes_url(app, con):
    at = ok(app().run())
    assert metric(at, "文章") == f"{one(con, 'SELECT count(*) FROM articles'):,}"
    topic = one(con, "SELECT topic_id FROM article_topics GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    at.multiselect(key="f_topics").select(topic)
    ok(at.run())
    assert at.query_params["topic"] in (topic, [topic])  # AppTest keeps a single value unwrapped
    assert metric(at, "文章") == f"{one(con, 'SELECT count(DISTINCT article_id) FROM article_topics WHERE topic_id = ?', [topic]):,}"


def test_empty_result_shows_a_message(app):
    at = ok(app(start="2099-01-01").run())
    assert metric(at, "文章") == "0"
    assert EMPTY_MESSAGE in infos(at)
    for page in ("trends", "entities", "sources", "figures", "articles"):
        goto(at, page)
        assert infos(at), f"{page}: no st.info for an empty selection"


def test_missing_database_is_a_friendly_page(tmp_path, monkeypatch):
    monkeypatch.setenv("GEONEWS_DB", str(tmp_path / "nothing.duckdb"))
    at = ok(AppTest.from_file(APP, default_timeout=TIMEOUT).run())
    assert any("geonews etl run" in i for i in infos(at))
    assert not (tmp_path / "nothing.duckdb").exists()


def test_trends_topics_keywords_and_modes(app, con):
    topic, label = con.execute("""SELECT topic_id, label FROM article_topics JOIN topics USING (topic_id)
                                  GROUP BY ALL ORDER BY count(*) DESC LIMIT 1""").fetchone()
    at = ok(app(topic=topic).run())
    goto(at, "trends")
    assert at.multiselect(key="t_topics").value == [topic]
    # the default period is the finest that holds about ten articles of the selection (here: the topic's)
    n_sel, days = con.execute("""SELECT count(*), date_diff('day', min(published_at), max(published_at))
                                 FROM articles JOIN article_topics USING (article_id) WHERE topic_id = ?""",
                              [topic]).fetchone()
    per_period = {g: n_sel / max(days / d, 1) for g, d in (("week", 7), ("month", 30.4), ("quarter", 91.3))}
    expected = next((g for g, n in per_period.items() if n >= 10), "year")
    assert at.radio(key="t_gran").value == expected
    fig = charts(at)[0]
    assert "Attention over time" in fig.layout.title.text
    assert label in fig.layout.title.subtitle.text
    # share mode by default: every y is a fraction, and some are not zero
    assert ys(fig) and all(0 <= y <= 1 for y in ys(fig)) and max(ys(fig)) > 0
    at.radio(key="t_mode").set_value("count")
    at.radio(key="t_gran").set_value("week")
    ok(at.run())
    n = one(con, """SELECT count(*) FROM article_topics JOIN articles a USING (article_id)
                    WHERE topic_id = ? AND a.published_at IS NOT NULL""", [topic])
    assert sum(ys(charts(at)[0])) == n
    at.radio(key="t_layout").set_value("facet")
    ok(at.run())
    assert len(charts(at)) == 1
    # keywords
    term = one(con, "SELECT term FROM article_terms GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    at.radio(key="t_kind").set_value("keyword")
    ok(at.run())
    at.text_input(key="t_keywords").input(term)
    ok(at.run())
    assert charts(at) and term in trace_text(charts(at)[0]) and sum(ys(charts(at)[0])) > 0
    at.text_input(key="t_keywords").input("绝不会出现的关键词组合qq")
    ok(at.run())
    assert not charts(at) and infos(at)


def test_entities_page(app, con):
    at = goto(ok(app().run()), "entities")
    titles = chart_titles(at)
    assert any("Who appears with whom" in t for t in titles) and any("Co-occurrence matrix" in t for t in titles)
    top = one(con, "SELECT e.name FROM mentions m JOIN entities e USING (entity_id) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    net = next(c for c in charts(at) if "Who appears" in c.layout.title.text)
    assert top in trace_text(net)
    partners = next(df.value for df in at.dataframe if "together" in df.value.columns)
    assert len(partners) > 0
    focus = at.selectbox(key="e_focus").value
    first = partners.iloc[0]
    assert first["together"] == one(con, """SELECT count(*) FROM mentions x JOIN mentions y USING (article_id)
        JOIN entities e ON e.entity_id = y.entity_id WHERE x.entity_id = ? AND e.name = ? AND e.type = ?""",
                                    [focus, first["name"], first["type"]])
    at.radio(key="e_weight").set_value("count")
    at.multiselect(key="e_types").set_value(["place"])
    ok(at.run())
    net = next(c for c in charts(at) if "Who appears" in c.layout.title.text)
    assert {t.name for t in net.data if t.mode == "markers" and t.showlegend is not False} == {"place"}


def test_sources_page(app):
    at = goto(ok(app().run()), "sources")
    titles = " | ".join(chart_titles(at))
    for want in ("Share of each outlet", "Words each outlet uses distinctively", "Who covers a topic first"):
        assert want in titles
    lag = next(df.value for df in at.dataframe if "median_lag_hours" in df.value.columns)
    assert len(lag) > 0
    at.radio(key="s_what").set_value("entities")
    ok(at.run())
    assert len(charts(at)) == 3


def test_figures_page_and_link_to_article(app, con):
    at = goto(ok(app().run()), "figures")
    kind, unit = at.selectbox(key="g_kind").value
    n = one(con, "SELECT count(*) FROM figures WHERE kind = ? AND coalesce(unit, '') = ?", [kind, unit])
    table = next(df.value for df in at.dataframe if "conflict" in df.value.columns and "sentence" in df.value.columns)
    assert len(table) == n
    assert table["link"].str.contains("article=").all()
    assert any("Reported figures over time" in t for t in chart_titles(at))
    # a frequent subject picked fills the subject filter, and the table keeps only its figures
    picked = at.selectbox(key="g_pick").options[1]
    at.selectbox(key="g_pick").select_index(1)
    ok(at.run())
    subject = at.text_input(key="g_subject").value
    assert subject and picked.startswith(subject)
    table = next(df.value for df in at.dataframe if "conflict" in df.value.columns and "sentence" in df.value.columns)
    assert 0 < len(table) < n
    assert (table["subject"].fillna("").str.contains(subject, regex=False)
            | table["sentence"].str.contains(subject, regex=False)).all()
    at.text_input(key="g_subject").input("绝不会出现的主题qq")
    ok(at.run())
    assert infos(at)


def test_articles_search_and_reading_view(app, con):
    aid, title = con.execute("""SELECT article_id, title FROM articles
                                WHERE article_id IN (SELECT article_id FROM figures)
                                  AND article_id IN (SELECT article_id FROM mentions)
                                ORDER BY article_id LIMIT 1""").fetchone()
    at = goto(ok(app().run()), "articles")
    at.text_input(key="a_words").input(title[:4])
    ok(at.run())
    res = next(df.value for df in at.dataframe if "title" in df.value.columns)
    assert title in set(res["title"])
    # a small archive searches the bodies too, by default: a piece of body text finds its article
    text = one(con, "SELECT text FROM articles WHERE article_id = ?", [aid])
    piece = next(text[i:i + 5] for i in range(len(text) - 5) if text[i:i + 5].strip() == text[i:i + 5]
                 and text[i:i + 5] not in title and not any(ch in "\n，。、“”：" for ch in text[i:i + 5]))
    at.text_input(key="a_words").input(piece)
    ok(at.run())
    assert at.checkbox(key="a_fulltext").value is True
    res = next(df.value for df in at.dataframe if "title" in df.value.columns)
    assert title in set(res["title"])
    n = one(con, """SELECT count(*) FROM articles WHERE contains(title, ?) OR contains(text, ?)
                    OR article_id IN (SELECT article_id FROM article_terms WHERE term = ?)""", [piece] * 3)
    assert any(c.value.startswith(f"{n:,} articles") for c in at.caption)
    # reading view from the URL
    at = ok(app(article=aid).run())
    goto(at, "articles")
    assert at.title[0].value.replace("\\", "") == title
    body = next(m.value for m in at.markdown if m.value.startswith("<div class=\"geonews-doc\""))
    assert body.count('<mark class="figure"') >= 1
    assert any(f'<mark class="{t}"' in body for t in ("person", "place", "org"))
    assert "<script" not in body
    at = ok(app(article="no-such-article").run())
    goto(at, "articles")
    assert infos(at)
