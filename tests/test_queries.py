"""Dashboard queries against a database built by the real ETL from data/sample: the expected columns,
and numbers that agree with direct SQL counts. Also: the cache follows the file when the ETL replaces it."""
from __future__ import annotations

import os
import shutil
import unicodedata
from collections import Counter
from datetime import date

import duckdb
import pandas as pd
import pytest

from tests.conftest import one

from dashboard import analysis, charts, db, queries
from dashboard.filters import Filters




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


def test_trend_by_quarter_and_year_sums_the_months(sample_db, facts):
    months = queries.trend_series(str(sample_db), Filters(), "topic", [facts["topic"]], "month")
    for grain, freq in (("quarter", "Q"), ("year", "Y")):
        coarse = queries.trend_series(str(sample_db), Filters(), "topic", [facts["topic"]], grain)
        rolled = (months.assign(period=pd.to_datetime(months["period"]).dt.to_period(freq).dt.start_time)
                  .groupby(["period", "source"])[["n_match", "n_total"]].sum())
        got = coarse.assign(period=pd.to_datetime(coarse["period"])).set_index(["period", "source"])[["n_match", "n_total"]]
        pd.testing.assert_frame_equal(got.sort_index(), rolled.sort_index(), check_dtype=False)
        assert len(coarse) < len(months)


def test_peak_headlines_close_in_time_do_not_share_a_height():
    periods = pd.to_datetime(["2022-01-01", "2022-01-01", "2022-02-01", "2024-06-01"])
    df = pd.DataFrame({"series_id": list("abcd"), "period": periods, "value": [0.5, 0.4, 0.3, 0.2],
                       "peak_title": ["一", "二", "三", "四"]})
    fig = charts.make_subplots(rows=1, cols=1)
    notes = charts._peak_notes(fig, df, 1, 1)
    heights = {n["text"]: n["ay"] for n in notes}
    assert len({heights["一"], heights["二"], heights["三"]}) == 3   # three peaks within weeks: three heights
    assert heights["四"] == max(heights.values())                     # alone at the far end: the lowest step


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
    # conflict flag, recomputed naively: another article, same key (subject and the place named nearest
    # it) and month, value > 10% away; no place, or a daily flow (新增…), is never a conflict
    key = ["kind", "unit", "per", "subject_norm", "place", "month"]
    d = allf[(allf["subject_norm"] != "") & allf["place"].notna()
             & ~allf["subject_norm"].str.contains(queries._DAILY_FLOW)].fillna({"unit": "", "per": ""})
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


def test_frequent_figure_subjects(sample_db, con):
    kind, unit = con.execute("""SELECT kind, coalesce(unit, '') FROM figures WHERE subject IS NOT NULL
                                GROUP BY ALL ORDER BY count(*) DESC LIMIT 1""").fetchone()
    top = queries.figure_subjects(str(sample_db), Filters(), kind, unit, limit=5)
    assert 0 < len(top) <= 5
    d = queries.figures_table(str(sample_db), Filters(), [kind], [unit], limit=100000)
    d = d[d["subject_norm"] != ""]
    by = d.groupby("subject_norm").agg(articles=("article_id", "nunique"), figures=("seq", "size"))
    # ranked by articles reporting it, then by figures; each row's counts are its normalised subject's
    assert list(top["articles"]) == sorted(top["articles"], reverse=True)
    assert top["articles"].iloc[0] == by["articles"].max()
    for row in top.itertuples():
        norm = d.loc[d["subject"] == row.subject, "subject_norm"].iloc[0]
        assert (row.articles, row.figures) == tuple(by.loc[norm])


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


# ---- derived tables (etl/derived.py): the same answers as the article-level queries --------------

def _frames_equal(a: pd.DataFrame, b: pd.DataFrame, keys: list[str]) -> None:
    a = a.sort_values(keys, ignore_index=True)
    b = b.sort_values(keys, ignore_index=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_derived_tables_equal_their_definition(con):
    """Each derived table, rebuilt by the real ETL, equals the aggregate of the source tables."""
    _frames_equal(
        con.execute("SELECT entity_id, article_id, source, published_at, n FROM d_mentions").fetchdf(),
        con.execute("""SELECT m.entity_id, m.article_id, a.source, a.published_at, m.n
                       FROM mentions m JOIN articles a USING (article_id)""").fetchdf(),
        ["entity_id", "article_id"])
    _frames_equal(
        con.execute("SELECT entity_id, n_articles, n_mentions FROM d_entity_counts").fetchdf(),
        con.execute("SELECT entity_id, count(*) AS n_articles, sum(n) AS n_mentions FROM mentions GROUP BY 1").fetchdf(),
        ["entity_id"])
    _frames_equal(
        con.execute("SELECT month, source, term, n FROM d_term_month").fetchdf(),
        con.execute("""SELECT CAST(date_trunc('month', a.published_at) AS DATE) AS month, a.source, t.term, sum(t.n) AS n
                       FROM article_terms t JOIN articles a USING (article_id) GROUP BY ALL""").fetchdf(),
        ["month", "source", "term"])
    _frames_equal(con.execute("SELECT term, article_id, n FROM d_terms").fetchdf(),
                  con.execute("SELECT term, article_id, n FROM article_terms").fetchdf(), ["term", "article_id"])
    assert one(con, "SELECT count(*) FROM d_figures") == one(con, "SELECT count(*) FROM figures")
    assert one(con, """SELECT count(*) FROM d_figures d JOIN figures g USING (article_id, seq)
                       WHERE d.unit_k = coalesce(g.unit, '') AND d.per_k = coalesce(g.per, '')
                         AND d.value_low IS NOT DISTINCT FROM g.value_low""") == one(con, "SELECT count(*) FROM figures")
    # the normalised subject drops case, ASCII white space (RE2's \s) and Unicode punctuation only
    for subject, norm in con.execute("SELECT subject, subject_norm FROM d_figures WHERE subject IS NOT NULL").fetchall():
        assert norm == "".join(ch for ch in subject.lower()
                               if ch not in " \t\n\f\r" and not unicodedata.category(ch).startswith("P")), subject
    # masks: an article's bit is set exactly when it mentions that entity
    masked = con.execute("""SELECT k.entity_id, x.article_id FROM d_entity_masks x JOIN d_mask_entities k
                            ON ((CASE k.type WHEN 'person' THEN x.person WHEN 'place' THEN x.place ELSE x.org END)
                                >> k.bit) & 1::UBIGINT = 1::UBIGINT""").fetchall()
    direct = con.execute("""SELECT m.entity_id, m.article_id FROM mentions m JOIN d_mask_entities k USING (entity_id)""").fetchall()
    assert sorted(masked) == sorted(direct) and len(direct) > 0


def _filter_cases(facts) -> list[Filters]:
    mid = facts["mid"]
    return [
        Filters(),
        Filters(start=mid),
        Filters(end=mid, sources=(facts["source"],)),
        Filters(topics=(facts["topic"],)),
        Filters(entity=facts["entity"]),
    ]


def test_cooccurrence_from_masks_equals_self_join(sample_db, con, facts):
    ids = con.execute("SELECT entity_id FROM d_mask_entities ORDER BY bit, type LIMIT 25").fetchdf()["entity_id"].tolist()
    assert len(ids) >= 10
    for f in _filter_cases(facts):
        fast = queries.cooccurrence(str(sample_db), f, ids)
        exact = queries._cooccurrence_exact(con, f, ids)
        assert len(fast) > 0 or f.entity, f
        _frames_equal(fast, exact, ["a", "b"])
    # an entity without a bit takes the exact path, with the same answer shape
    rare = one(con, "SELECT entity_id FROM mentions WHERE entity_id NOT IN (SELECT entity_id FROM d_mask_entities) LIMIT 1")
    if rare is not None:
        out = queries.cooccurrence(str(sample_db), Filters(), ids[:5] + [rare])
        _frames_equal(out, queries._cooccurrence_exact(con, Filters(), ids[:5] + [rare]), ["a", "b"])


def test_monthly_term_counts_equal_article_counts(sample_db, con, facts):
    """Whole-month date filters use d_term_month / d_term_source; other filters count article_terms.
    The sample has fewer articles than the sampling threshold, so both are exact counts."""
    first = pd.Timestamp(one(con, "SELECT min(published_at) FROM articles")).date()
    start = first.replace(day=1)
    end = (pd.Timestamp(facts["mid"]) + pd.offsets.MonthEnd(0)).date()
    for f in [Filters(), Filters(start=start, end=end), Filters(start=start.replace(month=start.month % 12 + 1)
                                                                 if start.month < 12 else start.replace(year=start.year + 1, month=1),
                                                                 sources=(facts["source"],))]:
        assert queries.whole_months(f)
        fast = queries.term_counts_by_source(str(sample_db), f, min_total=1)
        exact = queries.term_counts_by_source(str(sample_db), f, 1, 5000, 10**9, derived=False)
        assert len(fast) > 0
        _frames_equal(fast, exact, ["source", "term"])
    assert not queries.whole_months(Filters(start=date(2024, 1, 2)))
    assert not queries.whole_months(Filters(end=date(2024, 1, 30)))
    assert queries.whole_months(Filters(start=date(2024, 2, 1), end=date(2024, 2, 29)))


def test_entity_queries_on_derived_tables_follow_the_filters(sample_db, con, facts):
    for f in _filter_cases(facts):
        where, params = queries.filter_where(f, "a")
        top = queries.top_entities(str(sample_db), f, limit=1000)
        exact = con.execute(f"""SELECT m.entity_id, count(*) AS n_articles, sum(m.n) AS n_mentions
                                FROM articles a JOIN mentions m USING (article_id) WHERE {where} GROUP BY 1""",
                            params).fetchdf()
        _frames_equal(top[["entity_id", "n_articles", "n_mentions"]], exact, ["entity_id"])


def test_trend_series_is_deterministic(sample_db):
    """The peak is the period with most matches, the earliest on ties; two calls give the same frame."""
    items = queries.top_entities(str(sample_db), Filters(), limit=6)["entity_id"].tolist()
    for gran in ("day", "week"):
        a = queries.trend_series(str(sample_db), Filters(), "entity", items, gran)
        b = queries.trend_series(str(sample_db), Filters(), "entity", items, gran)
        pd.testing.assert_frame_equal(a, b)
        for sid, g in a.groupby("series_id"):
            per = g.groupby("period")["n_match"].sum()
            peak = g.dropna(subset=["peak_title"])["period"].unique()
            assert list(peak) == [per[per == per.max()].index.min()], sid


def test_partners_topics_and_examples_follow_the_filters(sample_db, con, facts):
    """The queries reading d_mentions / d_topics agree with joins of the source tables, per filter."""
    for f in _filter_cases(facts):
        where, params = queries.filter_where(f, "a")
        fa = f"(SELECT article_id FROM articles a WHERE {where})"
        part = queries.partners(str(sample_db), f, facts["entity"], 1, 1000)
        exact = con.execute(f"""
            WITH mine AS (SELECT article_id FROM mentions WHERE entity_id = ? AND article_id IN {fa}),
                 fm AS (SELECT * FROM mentions WHERE article_id IN {fa})
            SELECT m.entity_id, count(*) AS n_ab,
                   (SELECT count(*) FROM fm WHERE fm.entity_id = m.entity_id) AS n_b,
                   (SELECT count(*) FROM mine) AS n_a, (SELECT count(*) FROM {fa}) AS n_docs
            FROM fm m SEMI JOIN mine USING (article_id) WHERE m.entity_id <> ? GROUP BY 1""",
                            [facts["entity"]] + params + params + params + [facts["entity"]]).fetchdf()
        _frames_equal(part[["entity_id", "n_ab", "n_b", "n_a", "n_docs"]], exact, ["entity_id"])
        if len(part):
            b = part["entity_id"].iloc[0]
            ex = queries.cooccurrence_examples(str(sample_db), f, facts["entity"], b, limit=1000)
            assert len(ex) == part["n_ab"].iloc[0]
            offs = con.execute("SELECT offsets FROM mentions WHERE article_id = ? AND entity_id = ?",
                               [ex["article_id"].iloc[0], b]).fetchone()[0]
            assert list(ex["offsets_b"].iloc[0]) == list(offs)
        first = queries.topic_first_by_period(str(sample_db), f, "week")
        exact = con.execute(f"""
            SELECT t.topic_id, CAST(date_trunc('week', a.published_at) AS DATE) AS period, a.source,
                   min(a.published_at) AS first_at, count(*) AS n
            FROM articles a JOIN article_topics t USING (article_id)
            WHERE {where} AND a.published_at IS NOT NULL GROUP BY ALL""", params).fetchdf()
        _frames_equal(first[["topic_id", "period", "source", "first_at", "n"]], exact, ["topic_id", "period", "source"])


def test_lead_lag_in_sql_equals_the_pandas_reference(sample_db, facts):
    for f in _filter_cases(facts)[:3]:
        for window in ("day", "week", "month"):
            first = queries.topic_first_by_period(str(sample_db), f, window)
            ref = analysis.lead_lag(first)
            got = queries.lead_lag(str(sample_db), f, window)
            assert len(got) > 0
            assert list(got.columns) == ["topic_id", "label", "source", *ref.columns[2:]]
            _frames_equal(got.drop(columns="label"), ref, ["topic_id", "source"])


def test_one_connection_per_script_run(sample_db, monkeypatch):
    """Inside run_scope every batch shares one read-only connection, opened at the first batch and
    closed when the run ends; outside it each batch opens and closes its own."""
    opened = []
    real_connect = duckdb.connect

    def counting_connect(*args, **kwargs):
        con = real_connect(*args, **kwargs)
        opened.append(con)
        return con

    monkeypatch.setattr(db.duckdb, "connect", counting_connect)
    path = str(sample_db)
    version = db.db_version(path)
    calls = lambda *c: tuple(sorted({str(i): x for i, x in enumerate(c)}.items()))  # noqa: E731
    with db.run_scope(path):
        assert opened == []                       # nothing opened before the first uncached query
        a = db._batch_impl(path, version, calls(db.call(queries.source_list)))
        b = db._batch_impl(path, version, calls(db.call(queries.filter_summary, Filters()),
                                                db.call(queries.topic_list)))
        assert len(opened) == 1
    assert len(a["0"]) > 0 and b["0"]["n"] > 0
    with pytest.raises(duckdb.ConnectionException):
        opened[0].execute("SELECT 1")             # closed at the end of the run
    db._batch_impl(path, version, calls(db.call(queries.source_list)))
    assert len(opened) == 2
    with pytest.raises(duckdb.ConnectionException):
        opened[1].execute("SELECT 1")


def test_importing_the_dashboard_outside_streamlit_is_quiet():
    """st.cache_data is created on first use: a plain import (CLI export, benchmarks) warns nothing."""
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-c", "import dashboard.db as d, dashboard.queries, dashboard.charts; "
                           "assert d._CACHED == []"], capture_output=True, text=True, cwd=db.__file__.rsplit("/", 2)[0])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and proc.stdout == ""


def test_distinctive_terms_in_sql_equal_the_pandas_log_odds(sample_db, facts):
    for f in _filter_cases(facts)[:4]:
        for what in ("terms", "entities"):
            counts = (queries.term_counts_by_source(str(sample_db), f, min_total=2) if what == "terms"
                      else queries.entity_counts_by_source(str(sample_db), f, min_total=2))
            if counts["source"].nunique() < 2:
                assert queries.distinctive_terms(str(sample_db), f, what, 5, 2).empty
                continue
            ref = analysis.weighted_log_odds(counts).groupby("source", group_keys=False).head(5).reset_index(drop=True)
            got = queries.distinctive_terms(str(sample_db), f, what, 5, 2)
            assert list(got.columns) == list(ref.columns) and len(got) == len(ref) > 0
            pd.testing.assert_frame_equal(got, ref, check_dtype=False, rtol=1e-9)


def test_derived_tables_are_marked_current(con):
    from etl.derived import needs_refresh
    assert needs_refresh(con) is False
    assert one(con, "SELECT count(*) FROM d_mentions") == one(con, "SELECT count(*) FROM mentions") > 0


def test_an_older_database_gets_the_derived_tables_current_columns(sample_db, tmp_path):
    # a database published by an older version has d_figures without place_k: the rebuild recreates it
    from etl.derived import needs_refresh, refresh_derived
    old = tmp_path / "old.duckdb"
    shutil.copyfile(sample_db, old)
    c = duckdb.connect(str(old))
    try:
        c.execute("ALTER TABLE d_figures DROP COLUMN place_k")
        c.execute("UPDATE meta SET value = '2' WHERE key = 'derived_version'")
        assert needs_refresh(c)
        refresh_derived(c)
        assert not needs_refresh(c)
        assert c.execute("SELECT count(*) FROM d_figures WHERE place_k <> ''").fetchone()[0] > 0
        assert c.execute("SELECT count(*) FROM d_figures").fetchone()[0] == c.execute("SELECT count(*) FROM figures").fetchone()[0]
    finally:
        c.close()


def test_network_labels_long_names_with_a_form_the_articles_use(sample_db, con):
    df = charts.entities_data(str(sample_db), Filters(), top_n=30, min_count=1)
    nodes = df[df["kind"] == "node"]
    short = nodes[nodes["label"] != nodes["name"]]
    assert not short.empty   # the sample names 北大西洋公约组织 and writes 北约
    for r in short.itertuples():
        assert len(r.name) > charts.LONG_NAME and len(r.label) < len(r.name)
        per_form = Counter(s for (forms,) in con.execute("SELECT surfaces FROM mentions WHERE entity_id = ?",
                                                           [r.entity_id]).fetchall() for s in forms)
        assert per_form[r.label] >= charts.SHORT_FORM_SHARE * max(per_form.values())
    assert (nodes.loc[nodes["name"].str.len() <= charts.LONG_NAME, "label"]
            == nodes.loc[nodes["name"].str.len() <= charts.LONG_NAME, "name"]).all()


def test_short_label_prefers_a_common_chinese_form():
    forms = pd.DataFrame({"surface": ["北大西洋公约组织", "北约", "NATO", "北大西洋公约"],
                          "n_articles": [40, 30, 35, 2]})
    assert charts.short_label("北大西洋公约组织", forms) == "北约"
    rare = pd.DataFrame({"surface": ["唐纳德·特朗普", "特朗普", "川普"], "n_articles": [50, 45, 3]})
    assert charts.short_label("唐纳德·特朗普", rare) == "特朗普"   # 川普 is shorter but rare here
    assert charts.short_label("俄罗斯", pd.DataFrame({"surface": ["俄"], "n_articles": [9]})) == "俄罗斯"
    assert charts.short_label("国际原子能机构", pd.DataFrame({"surface": ["IAEA", "国际原子能机构"],
                                                        "n_articles": [10, 10]})) == "国际原子能机构"


def test_cooccurrence_matrix_uses_labels_and_keeps_shared_labels_apart():
    df = pd.DataFrame([
        dict(kind="node", entity_id="org:北大西洋公约组织", name="北大西洋公约组织", label="北约", type="org", n_articles=9),
        dict(kind="node", entity_id="place:苏丹", name="苏丹", label="苏丹", type="place", n_articles=5),
        dict(kind="node", entity_id="person:苏丹", name="苏丹", label="苏丹", type="person", n_articles=3),
        dict(kind="edge", a="org:北大西洋公约组织", b="place:苏丹", n_ab=2),
        dict(kind="edge", a="person:苏丹", b="place:苏丹", n_ab=1),
    ])
    mat = charts.cooccurrence_matrix(df)
    assert list(mat.index) == ["北约", "苏丹 (place)", "苏丹 (person)"]
    assert mat.loc["北约", "苏丹 (place)"] == 2 and mat.loc["苏丹 (place)", "北约"] == 2
    assert mat.loc["苏丹 (person)", "苏丹 (place)"] == 1 and pd.isna(mat.loc["北约", "苏丹 (person)"])


def test_default_granularity_is_the_finest_period_with_enough_articles():
    span = {"first": pd.Timestamp("2022-01-01"), "last": pd.Timestamp("2024-01-01")}   # 730 days
    assert charts.default_granularity({"n": 2000, **span}) == "week"       # ~19 a week
    assert charts.default_granularity({"n": 400, **span}) == "month"       # ~17 a month, ~4 a week
    assert charts.default_granularity({"n": 150, **span}) == "quarter"     # ~19 a quarter, ~6 a month
    assert charts.default_granularity({"n": 30, **span}) == "year"
    assert charts.default_granularity({"n": 0, "first": None, "last": None}) == "month"


def test_trends_auto_granularity_matches_the_default(sample_db, facts):
    auto = charts.trends_data(str(sample_db), Filters(), "topic", [facts["topic"]])
    chosen = charts.default_granularity(queries.filter_summary(str(sample_db), Filters()))
    explicit = charts.trends_data(str(sample_db), Filters(), "topic", [facts["topic"]], granularity=chosen)
    pd.testing.assert_frame_equal(auto, explicit)
    assert chosen != "month" or len(auto) == len(charts.trends_data(str(sample_db), Filters(), "topic", [facts["topic"]], granularity="month"))


def test_conflicts_compare_the_same_subject_in_the_same_place(tmp_path):
    # deaths reported by two outlets for one event conflict; deaths of another event elsewhere, a figure
    # with no place named near it, and a daily flow (新增…) do not
    from tests.conftest import ingest
    from tests.test_pipeline import write_post

    posts = tmp_path / "posts"
    day = "Mon, 13 Dec 2021 08:00:00 GMT"
    write_post(posts, "a.md", "龙卷风", "<p>肯塔基州的龙卷风已造成70人死亡。</p><p>上海新增确诊病例12例。</p>",
               source="甲报", date=day)
    write_post(posts, "b.md", "风灾", "<p>肯塔基州的龙卷风已造成100人死亡。</p><p>上海新增确诊病例30例。</p>",
               source="乙报", date=day)
    write_post(posts, "c.md", "空袭", "<p>也门的空袭已造成20人死亡。</p><p>事故已造成5人死亡。</p>",
               source="丙报", date=day)
    db = tmp_path / "t.duckdb"
    ingest(db, posts)
    conf = queries.figure_conflicts(str(db), Filters())
    assert list(conf["subject"]) == ["死亡"] and conf["n_articles"].iloc[0] == 2
    assert sorted(conf["min_value"].tolist() + conf["max_value"].tolist()) == [70.0, 100.0]
    table = queries.figures_table(str(db), Filters())
    flagged = table[table["conflict"]]
    assert set(flagged["place"]) == {"肯塔基州"} and len(flagged) == 2
