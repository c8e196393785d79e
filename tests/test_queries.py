"""Dashboard queries against a database built by the real ETL from data/sample: the expected columns,
and numbers that agree with direct SQL counts. Also: the cache follows the file when the ETL replaces it."""
from __future__ import annotations

import os
import shutil
from datetime import date

import duckdb
import pandas as pd
import pytest

from dashboard import charts, db, queries
from dashboard.filters import Filters


@pytest.fixture(scope="module")
def con(sample_db):
    c = duckdb.connect(str(sample_db), read_only=True)
    yield c
    c.close()


def one(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()[0]


@pytest.fixture(scope="module")
def facts(con):
    """A few things to filter by, taken from the data so the tests follow the sample."""
    top_source = one(con, "SELECT source FROM articles GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    top_topic = one(con, "SELECT topic_id FROM article_topics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    top_entity = one(con, "SELECT entity_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    mid = one(con, "SELECT quantile_disc(published_at, 0.5) FROM articles")
    assert None not in (top_source, top_topic, top_entity, mid), "the sample database is empty"
    return {"source": top_source, "topic": top_topic, "entity": top_entity, "mid": pd.Timestamp(mid).date()}


def test_filter_summary_counts(sample_db, con, facts):
    s = queries.filter_summary(str(sample_db), Filters())
    assert s["n"] == one(con, "SELECT count(*) FROM articles")
    assert s["sources"] == sorted(r[0] for r in con.execute("SELECT DISTINCT source FROM articles").fetchall())
    f = Filters(start=facts["mid"], sources=(facts["source"],))
    s = queries.filter_summary(str(sample_db), f)
    assert s["n"] == one(con, "SELECT count(*) FROM articles WHERE published_at >= ? AND source = ?",
                         [facts["mid"], facts["source"]])
    assert s["sources"] == [facts["source"]]
    assert 0 < s["n"] < one(con, "SELECT count(*) FROM articles")


def test_end_date_is_inclusive(sample_db, con):
    day = pd.Timestamp(one(con, "SELECT max(published_at) FROM articles")).date()
    s = queries.filter_summary(str(sample_db), Filters(start=day, end=day))
    assert s["n"] == one(con, "SELECT count(*) FROM articles WHERE CAST(published_at AS DATE) = ?", [day]) >= 1


def test_topic_and_entity_filters(sample_db, con, facts):
    n_topic = queries.filter_summary(str(sample_db), Filters(topics=(facts["topic"],)))["n"]
    assert n_topic == one(con, "SELECT count(DISTINCT article_id) FROM article_topics WHERE topic_id = ?", [facts["topic"]])
    n_ent = queries.filter_summary(str(sample_db), Filters(entity=facts["entity"]))["n"]
    assert n_ent == one(con, "SELECT count(*) FROM mentions WHERE entity_id = ?", [facts["entity"]])


def test_articles_per_source_month(sample_db, con):
    df = queries.articles_per_source_month(str(sample_db), Filters())
    assert list(df.columns) == ["month", "source", "n"]
    assert df["n"].sum() == one(con, "SELECT count(*) FROM articles WHERE published_at IS NOT NULL")
    row = df.sort_values("n", ascending=False).iloc[0]
    assert row["n"] == one(con, "SELECT count(*) FROM articles WHERE source = ? AND date_trunc('month', published_at) = ?",
                           [row["source"], pd.Timestamp(row["month"])])


def test_coverage_and_recent_tops(sample_db, con):
    span = queries.coverage_span(str(sample_db), Filters())
    assert set(span.columns) >= {"source", "n", "first", "last", "n_undated"}
    assert span["n"].sum() == one(con, "SELECT count(*) FROM articles")
    ents = queries.top_entities_recent(str(sample_db), Filters(), days=30)
    last = one(con, "SELECT max(published_at) FROM articles")
    if not ents.empty:
        top = ents.iloc[0]
        assert top["n_articles"] == one(con, """SELECT count(*) FROM mentions m JOIN articles a USING (article_id)
            WHERE m.entity_id = ? AND a.published_at > ?::TIMESTAMP - INTERVAL 30 DAY""", [top["entity_id"], last])
    tops = queries.top_topics_recent(str(sample_db), Filters(), days=100000)
    assert tops.iloc[0]["n_articles"] == one(con, "SELECT count(*) FROM article_topics atp JOIN articles a USING (article_id) "
                                                  "WHERE topic_id = ? AND a.published_at IS NOT NULL", [tops.iloc[0]["topic_id"]])


def test_runs_changes_and_quarantine(sample_db, con):
    fresh = queries.freshness(str(sample_db))
    assert fresh["last_run"]["run_id"] == one(con, "SELECT max(run_id) FROM etl_runs")
    assert fresh["n_articles"] == one(con, "SELECT count(*) FROM articles")
    run_id = fresh["last_run"]["run_id"]
    ch = queries.run_changes(str(sample_db), run_id, limit=10000)
    assert len(ch) == one(con, "SELECT count(*) FROM articles WHERE first_run = ? OR updated_run = ?", [run_id, run_id])
    q = queries.quarantined(str(sample_db))
    assert list(q.columns) == ["run_id", "origin", "error"]
    assert len(q) == one(con, "SELECT count(DISTINCT origin) FROM quarantine")


def test_trend_series_counts_and_share(sample_db, con, facts):
    topic = facts["topic"]
    df = queries.trend_series(str(sample_db), Filters(), "topic", [topic], "month")
    assert {"series_id", "series", "period", "source", "n_match", "n_total", "share",
            "peak_title", "peak_article_id"} <= set(df.columns)
    assert df["n_match"].sum() == one(con, """SELECT count(*) FROM article_topics JOIN articles a USING (article_id)
        WHERE topic_id = ? AND a.published_at IS NOT NULL""", [topic])
    # every outlet-month in which the outlet published is present, with its whole output as the base
    assert df["n_total"].sum() == one(con, "SELECT count(*) FROM articles WHERE published_at IS NOT NULL")
    assert (df["share"] == df["n_match"] / df["n_total"]).all()
    # the peak carries the headline of an article of that topic, in the busiest month
    peak = df.dropna(subset=["peak_title"])
    assert peak["period"].nunique() == 1
    by_period = df.groupby("period")["n_match"].sum()
    assert by_period[peak["period"].iloc[0]] == by_period.max()
    assert one(con, "SELECT count(*) FROM article_topics WHERE topic_id = ? AND article_id = ?",
               [topic, peak["peak_article_id"].iloc[0]]) == 1


def test_trend_share_base_ignores_topic_filter(sample_db, facts):
    plain = queries.trend_series(str(sample_db), Filters(), "topic", [facts["topic"]], "month")
    filtered = queries.trend_series(str(sample_db), Filters(topics=(facts["topic"],)), "topic", [facts["topic"]], "month")
    assert filtered["n_total"].sum() == plain["n_total"].sum()
    assert filtered["n_match"].sum() == plain["n_match"].sum()


def test_trend_keyword_and_entity(sample_db, con, facts):
    term = one(con, "SELECT term FROM article_terms GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    kw = queries.trend_series(str(sample_db), Filters(), "keyword", [term], "week")
    n_term = one(con, """SELECT count(DISTINCT t.article_id) FROM article_terms t JOIN articles a USING (article_id)
                         WHERE t.term = ? AND a.published_at IS NOT NULL""", [term])
    n_any = one(con, """SELECT count(*) FROM articles a WHERE published_at IS NOT NULL AND (contains(title, ?)
                        OR article_id IN (SELECT article_id FROM article_terms WHERE term = ?))""", [term, term])
    assert n_term <= kw["n_match"].sum() == n_any
    full = queries.trend_series(str(sample_db), Filters(), "keyword", [term], "week", full_text=True)
    assert full["n_match"].sum() >= n_any
    ent = queries.trend_series(str(sample_db), Filters(), "entity", [facts["entity"]], "month")
    assert ent["n_match"].sum() == one(con, """SELECT count(*) FROM mentions JOIN articles a USING (article_id)
        WHERE entity_id = ? AND a.published_at IS NOT NULL""", [facts["entity"]])


def test_trend_articles_behind_a_point(sample_db, facts):
    df = queries.trend_series(str(sample_db), Filters(), "topic", [facts["topic"]], "month")
    pt = df[df["n_match"] > 0].iloc[0]
    arts = queries.trend_articles(str(sample_db), Filters(), "topic", [facts["topic"]], "month",
                                  pt["period"], pt["source"], pt["series_id"])
    assert len(arts) == pt["n_match"]
    assert (arts["source"] == pt["source"]).all()


def test_entities_cooccurrence_and_partners(sample_db, con):
    top = queries.top_entities(str(sample_db), Filters(), limit=15)
    assert list(top.columns) == ["entity_id", "name", "type", "n_articles", "n_mentions"]
    e = top.iloc[0]
    assert e["n_articles"] == one(con, "SELECT count(*) FROM mentions WHERE entity_id = ?", [e["entity_id"]])
    pairs = queries.cooccurrence(str(sample_db), Filters(), top["entity_id"].tolist())
    assert len(pairs) > 0 and (pairs["a"] < pairs["b"]).all()
    p = pairs.iloc[0]
    assert p["n_ab"] == one(con, """SELECT count(*) FROM mentions x JOIN mentions y USING (article_id)
                                    WHERE x.entity_id = ? AND y.entity_id = ?""", [p["a"], p["b"]])
    assert p["n_docs"] == one(con, "SELECT count(*) FROM articles")
    part = queries.partners(str(sample_db), Filters(), p["a"])
    row = part[part["entity_id"] == p["b"]].iloc[0]
    assert row["n_ab"] == p["n_ab"] and row["n_b"] == p["n_b"] and row["n_a"] == p["n_a"]
    ex = queries.cooccurrence_examples(str(sample_db), Filters(), p["a"], p["b"], limit=100)
    assert len(ex) == p["n_ab"]


def test_entities_chart_data_has_nodes_and_pmi_edges(sample_db):
    df = charts.entities_data(str(sample_db), Filters(), top_n=12, min_count=1, weight="pmi")
    nodes, edges = df[df["kind"] == "node"], df[df["kind"] == "edge"]
    assert len(nodes) == 12 and len(edges) > 0
    assert edges["npmi"].between(-1, 1).all() and (edges["weight"] >= 0).all()
    counted = charts.entities_data(str(sample_db), Filters(), top_n=12, min_count=1, weight="count")
    ce = counted[counted["kind"] == "edge"]
    assert (ce["weight"] == ce["n_ab"]).all()


def test_sources_queries(sample_db, con, facts):
    share = queries.topic_share_by_source(str(sample_db), Filters())
    row = share[(share["source"] == facts["source"]) & (share["topic_id"] == facts["topic"])].iloc[0]
    assert row["n"] == one(con, "SELECT count(*) FROM article_topics JOIN articles USING (article_id) "
                                "WHERE source = ? AND topic_id = ?", [facts["source"], facts["topic"]])
    assert row["n_source"] == one(con, "SELECT count(*) FROM articles WHERE source = ?", [facts["source"]])
    terms = queries.term_counts_by_source(str(sample_db), Filters(), min_total=1)
    t = terms.sort_values("n", ascending=False).iloc[0]
    assert t["n"] == one(con, "SELECT sum(n) FROM article_terms JOIN articles USING (article_id) WHERE source = ? AND term = ?",
                         [t["source"], t["term"]])
    dist = charts.distinctive_data(str(sample_db), Filters(), top=5)
    assert set(dist.columns) == {"source", "term", "n", "log_odds", "z"}
    assert dist.groupby("source").size().max() <= 5 and dist["source"].nunique() >= 2
    lag = charts.leadlag_data(str(sample_db), Filters())
    assert {"topic_id", "label", "source", "first_article", "median_lag_hours"} <= set(lag.columns)
    first = lag[lag["topic_id"] == facts["topic"]]["first_article"].min()
    assert first == one(con, "SELECT min(published_at) FROM article_topics JOIN articles USING (article_id) WHERE topic_id = ?",
                        [facts["topic"]])


def test_figures_table_and_conflicts(sample_db, con):
    kinds = queries.figure_kinds(str(sample_db), Filters())
    assert kinds["n"].sum() == one(con, "SELECT count(*) FROM figures")
    k = kinds.iloc[0]
    tab = queries.figures_table(str(sample_db), Filters(), [k["kind"]], [k["unit"]])
    assert len(tab) == k["n"]
    allf = queries.figures_table(str(sample_db), Filters())
    # conflict flag, recomputed naively: another article, same key and month, value > 10% away
    key = ["kind", "unit", "per", "subject_norm", "month"]
    d = allf[allf["subject_norm"] != ""].fillna({"unit": "", "per": ""})
    expected = set()
    for _, g in d.groupby(key):
        for x in g.itertuples():
            for y in g.itertuples():
                if x.article_id != y.article_id and abs(x.value_low - y.value_low) > 0.1 * min(abs(x.value_low), abs(y.value_low)):
                    expected.add((x.article_id, x.seq))
    flagged = set(zip(allf[allf["conflict"]]["article_id"], allf[allf["conflict"]]["seq"]))
    assert flagged == expected
    conf = queries.figure_conflicts(str(sample_db), Filters())
    assert conf["n_figures"].sum() == len(flagged)


def test_search_and_article(sample_db, con):
    title, aid = con.execute("SELECT title, article_id FROM articles ORDER BY article_id LIMIT 1").fetchone()
    word = title[:2]
    res = queries.search_articles(str(sample_db), Filters(), word, limit=500)
    assert aid in set(res["article_id"])
    assert res["n_total"].iloc[0] == one(con, """SELECT count(*) FROM articles WHERE contains(title, ?)
        OR article_id IN (SELECT article_id FROM article_terms WHERE term = ?)""", [word, word])
    full = queries.search_articles(str(sample_db), Filters(), word, limit=500, full_text=True)
    assert full["n_total"].iloc[0] == one(con, """SELECT count(*) FROM articles WHERE contains(title, ?) OR contains(text, ?)
        OR article_id IN (SELECT article_id FROM article_terms WHERE term = ?)""", [word, word, word])
    assert queries.search_articles(str(sample_db), Filters(), "不可能出现的词语组合xyz").empty
    rec = queries.article(str(sample_db), aid)
    assert rec["article"]["title"] == title
    assert len(rec["mentions"]) == one(con, "SELECT count(*) FROM mentions WHERE article_id = ?", [aid])
    assert len(rec["figures"]) == one(con, "SELECT count(*) FROM figures WHERE article_id = ?", [aid])
    assert queries.article(str(sample_db), "no-such-id") is None


def test_empty_selection_gives_empty_frames(sample_db):
    nothing = Filters(start=date(2099, 1, 1))
    assert queries.filter_summary(str(sample_db), nothing)["n"] == 0
    for spec in charts.CHARTS.values():
        df = spec.data(str(sample_db), nothing)
        assert isinstance(df, pd.DataFrame)
        assert df.empty or ("n_match" in df and df["n_match"].sum() == 0), spec.name
        fig = spec.figure(df, charts.chart_context(str(sample_db), nothing, spec.title))
        assert fig.layout.title.text  # a titled 'no data' figure, not an exception


def test_filters_round_trip_through_query_params():
    f = Filters(start=date(2022, 1, 1), end=date(2022, 12, 31), sources=("观察者网", "cnBeta"),
                topics=("energy_gas",), entity="place:美国")
    q = f.to_query_params()
    assert q["source"] == ["cnBeta", "观察者网"] and q["entity"] == "place:美国"
    assert Filters.from_query_params(q) == f
    assert Filters.from_query_params({"source": "A,B", "start": "garbage"}) == Filters(sources=("A", "B"))
    assert Filters().to_query_params() == {}
    assert "2022-01-01" in f.describe() and "美国" in f.describe()


def test_cache_key_follows_the_file(tmp_path, sample_db):
    path = tmp_path / "live.duckdb"
    shutil.copy(sample_db, path)
    v1 = db.db_version(str(path))
    n1 = db.batch(str(path), {"s": db.call(queries.filter_summary, Filters())})["s"]["n"]
    # the ETL publishes a new file by atomic rename
    new = tmp_path / "next.duckdb"
    shutil.copy(sample_db, new)
    with duckdb.connect(str(new)) as c:
        c.execute("DELETE FROM articles WHERE article_id IN (SELECT article_id FROM articles ORDER BY article_id LIMIT 3)")
    os.replace(new, path)
    v2 = db.db_version(str(path))
    assert v2 != v1
    n2 = db.batch(str(path), {"s": db.call(queries.filter_summary, Filters())})["s"]["n"]
    assert n2 == n1 - 3
    # same version → served from the cache (no new connection is needed)
    assert db.batch(str(path), {"s": db.call(queries.filter_summary, Filters())})["s"]["n"] == n2


def test_missing_database(tmp_path):
    missing = str(tmp_path / "none.duckdb")
    assert db.db_version(missing) is None
    with pytest.raises(db.DatabaseMissing):
        db.batch(missing, {"s": db.call(queries.filter_summary, Filters())})
    assert not os.path.exists(missing)  # a read-only open must never create the file


def test_resolve_db_path(monkeypatch):
    monkeypatch.setenv("GEONEWS_DB", "/x/env.duckdb")
    assert db.resolve_db_path(["--db", "/x/arg.duckdb"]) == "/x/arg.duckdb"
    assert db.resolve_db_path(["--db=/x/eq.duckdb"]) == "/x/eq.duckdb"
    assert db.resolve_db_path([]) == "/x/env.duckdb"
    monkeypatch.delenv("GEONEWS_DB")
    assert db.resolve_db_path([]) == db.DEFAULT_DB
