"""Every SQL query of the dashboard. Each function takes the database path (and the global Filters),
opens the file read-only for one batch, and returns a small aggregated frame: the aggregation happens
in DuckDB, never in pandas over raw rows (pages must answer in well under 300 ms on 200k articles).

Functions take `path` (a file name or an open connection: see `_con`) so that a page can run its
whole batch on one read-only connection (opening one costs ~20 ms) and `geonews export` can pass a path.

The filtered article set is always the CTE `fa` (article_id, source, published_at) built by
`_fa()`, so every page applies the same date / outlet / topic / entity filters in the same way.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from typing import Any, Iterable, Iterator, Sequence, Union

import duckdb
import pandas as pd

from dashboard.db import connect, fetch_df
from dashboard.filters import Filters

# Every query takes a database path or an open connection (so a page can run its batch on one).
Source = Union[str, duckdb.DuckDBPyConnection]

GRANULARITIES = ("day", "week", "month")
TREND_KINDS = ("topic", "keyword", "entity")
ENTITY_TYPES = ("person", "place", "org")


# ---- the filtered article set ---------------------------------------------------------------------

def _in(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


def filter_where(f: Filters, alias: str = "a") -> tuple[str, list[Any]]:
    """SQL condition on `articles {alias}` for the global filters, and its parameters."""
    conds, params = ["TRUE"], []
    if f.start:
        conds.append(f"{alias}.published_at >= ?")
        params.append(datetime.combine(f.start, time()))
    if f.end:
        # end is inclusive: everything before the next midnight
        conds.append(f"{alias}.published_at < ?")
        params.append(datetime.combine(f.end + timedelta(days=1), time()))
    if f.sources:
        conds.append(f"{alias}.source IN {_in(f.sources)}")
        params.extend(f.sources)
    if f.topics:
        conds.append(f"EXISTS (SELECT 1 FROM article_topics ft WHERE ft.article_id = {alias}.article_id "
                     f"AND ft.topic_id IN {_in(f.topics)})")
        params.extend(f.topics)
    if f.entity:
        conds.append(f"EXISTS (SELECT 1 FROM mentions fm WHERE fm.article_id = {alias}.article_id "
                     f"AND fm.entity_id = ?)")
        params.append(f.entity)
    return " AND ".join(conds), params


def _fa(f: Filters, extra_cols: str = "", name: str = "fa") -> tuple[str, list[Any]]:
    """`fa AS (...)`: the filtered articles, ready to be the first CTE of a WITH clause."""
    where, params = filter_where(f, "a")
    # no text columns here: scanning 200k titles costs more than the rest of most queries; the few
    # queries that show titles join them for their output rows only
    cols = "a.article_id, a.source, a.published_at" + (", " + extra_cols if extra_cols else "")
    return f"{name} AS (SELECT {cols} FROM articles a WHERE {where})", params


def _outlet_output(f: Filters) -> tuple[str, list[Any]]:
    """`fo AS (...)`: the denominator of shares, an outlet's whole output in the period: only the
    date and outlet filters apply (a topic or entity filter narrows what is counted, not the base)."""
    return _fa(f.with_(topics=(), entity=None), name="fo")


def _run(src: Source, sql: str, params: Iterable[Any] = ()) -> pd.DataFrame:
    with _con(src) as con:
        return fetch_df(con, sql, list(params))


@contextmanager
def _con(src: Source) -> Iterator[duckdb.DuckDBPyConnection]:
    """Use an open connection as is (a page's batch of queries), or open and close one for a path."""
    if isinstance(src, duckdb.DuckDBPyConnection):
        yield src
    else:
        with connect(src) as con:
            yield con


def _period(granularity: str, col: str = "published_at") -> str:
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {GRANULARITIES}")
    return f"CAST(date_trunc('{granularity}', {col}) AS DATE)"


# ---- lists for the sidebar ------------------------------------------------------------------------

def source_list(path: str) -> pd.DataFrame:
    return _run(path, "SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source")


def topic_list(path: str) -> pd.DataFrame:
    return _run(path, """
        SELECT t.topic_id, t.label, t.kind, count(atp.article_id) AS n
        FROM topics t LEFT JOIN article_topics atp USING (topic_id)
        GROUP BY ALL ORDER BY n DESC, t.label""")


def entity_list(path: str, limit: int = 500, types: Sequence[str] = ()) -> pd.DataFrame:
    """The most mentioned entities (by number of articles), for pickers."""
    params: list[Any] = []
    where = ""
    if types:
        where = f"WHERE e.type IN {_in(types)}"
        params.extend(types)
    params.append(int(limit))
    return _run(path, f"""
        SELECT e.entity_id, e.name, e.type, count(*) AS n_articles
        FROM mentions m JOIN entities e USING (entity_id) {where}
        GROUP BY ALL ORDER BY n_articles DESC, e.name LIMIT ?""", params)


def entity_names(path: str, entity_ids: Sequence[str]) -> pd.DataFrame:
    if not entity_ids:
        return pd.DataFrame(columns=["entity_id", "name", "type"])
    return _run(path, f"SELECT entity_id, name, type FROM entities WHERE entity_id IN {_in(entity_ids)}",
                list(entity_ids))


# ---- freshness and summaries ----------------------------------------------------------------------

def freshness(path: str) -> dict[str, Any]:
    """Last ETL run and table counts, for the sidebar."""
    with _con(path) as con:
        runs = fetch_df(con, "SELECT * FROM etl_runs ORDER BY run_id DESC LIMIT 1")
        counts = fetch_df(con, """
            SELECT (SELECT count(*) FROM articles) AS n_articles,
                   (SELECT count(DISTINCT source) FROM articles) AS n_sources,
                   (SELECT count(*) FROM entities) AS n_entities,
                   (SELECT count(*) FROM figures) AS n_figures,
                   (SELECT min(published_at) FROM articles) AS first_published,
                   (SELECT max(published_at) FROM articles) AS last_published""")
    out = counts.iloc[0].to_dict()
    out["last_run"] = runs.iloc[0].to_dict() if len(runs) else None
    return out


def filter_summary(path: str, f: Filters) -> dict[str, Any]:
    """How many articles the filters select, from which outlets, over which dates (for source lines)."""
    fa, params = _fa(f)
    df = _run(path, f"""WITH {fa}
        SELECT count(*) AS n, min(published_at) AS first, max(published_at) AS last,
               count(*) FILTER (WHERE published_at IS NULL) AS n_undated,
               list(DISTINCT source ORDER BY source) AS sources
        FROM fa""", params)
    row = df.iloc[0].to_dict()
    row["sources"] = list(row["sources"]) if row["sources"] is not None else []
    row["n"] = int(row["n"])
    row["n_undated"] = int(row["n_undated"])
    return row


def articles_per_source_month(path: str, f: Filters) -> pd.DataFrame:
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa}
        SELECT {_period('month')} AS month, source, count(*) AS n
        FROM fa WHERE published_at IS NOT NULL
        GROUP BY ALL ORDER BY month, source""", params)


def coverage_span(path: str, f: Filters) -> pd.DataFrame:
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa}
        SELECT source, count(*) AS n, min(published_at) AS first, max(published_at) AS last,
               count(*) FILTER (WHERE published_at IS NULL) AS n_undated
        FROM fa GROUP BY source ORDER BY n DESC, source""", params)


def top_entities_recent(path: str, f: Filters, days: int, limit: int = 10) -> pd.DataFrame:
    """Most mentioned entities in the `days` before the newest article of the selection (archives are
    old: 'last 7 days' relative to today would be empty)."""
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa},
        anchor AS (SELECT max(published_at) AS t FROM fa),
        recent AS (SELECT article_id FROM fa, anchor WHERE published_at > anchor.t - to_days(?))
        SELECT e.entity_id, e.name, e.type, count(*) AS n_articles, sum(m.n) AS n_mentions
        FROM recent JOIN mentions m USING (article_id) JOIN entities e USING (entity_id)
        GROUP BY ALL ORDER BY n_articles DESC, n_mentions DESC, e.name LIMIT ?""",
                params + [int(days), int(limit)])


def top_topics_recent(path: str, f: Filters, days: int, limit: int = 10) -> pd.DataFrame:
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa},
        anchor AS (SELECT max(published_at) AS t FROM fa),
        recent AS (SELECT article_id FROM fa, anchor WHERE published_at > anchor.t - to_days(?))
        SELECT t.topic_id, t.label, count(*) AS n_articles
        FROM recent JOIN article_topics atp USING (article_id) JOIN topics t USING (topic_id)
        GROUP BY ALL ORDER BY n_articles DESC, t.label LIMIT ?""", params + [int(days), int(limit)])


def recent_runs(path: str, limit: int = 10) -> pd.DataFrame:
    return _run(path, """SELECT run_id, started_at, finished_at, status, n_seen, n_new, n_updated,
                                n_unchanged, n_quarantined, seconds, message
                         FROM etl_runs ORDER BY run_id DESC LIMIT ?""", [int(limit)])


def run_changes(path: str, run_id: int, limit: int = 50) -> pd.DataFrame:
    """Articles that the given run created or changed."""
    return _run(path, """
        SELECT article_id, title, source, published_at,
               CASE WHEN first_run = ? THEN 'new' ELSE 'updated' END AS change
        FROM articles WHERE first_run = ? OR updated_run = ?
        ORDER BY change, published_at DESC NULLS LAST, title LIMIT ?""",
                [int(run_id)] * 3 + [int(limit)])


def quarantined(path: str, limit: int = 100) -> pd.DataFrame:
    """Inputs that could not be read, newest run first (one row per origin: its latest error)."""
    return _run(path, """
        SELECT run_id, origin, error FROM quarantine
        QUALIFY row_number() OVER (PARTITION BY origin ORDER BY run_id DESC) = 1
        ORDER BY run_id DESC, origin LIMIT ?""", [int(limit)])


# ---- trends ---------------------------------------------------------------------------------------

def _text_match(col: str, word: str) -> tuple[str, list[Any]]:
    """`col` contains `word`: case-insensitive for Latin letters (RE2 `(?i)`, ~8x faster than ILIKE on
    CJK text in DuckDB), a plain substring test otherwise (Chinese has no case)."""
    if re.search(r"[A-Za-z]", word):
        return f"regexp_matches({col}, ?)", ["(?i)" + re.escape(word)]
    return f"contains({col}, ?)", [word]


def _word_match(word: str, full_text: bool) -> tuple[str, list[Any]]:
    """Condition on `articles a`: the word is a segmented content word of the article (indexed
    article_terms), or a substring of its title, or (full_text) of its body. Scanning the bodies
    costs ~1 s per word on 200k articles, so it is an explicit choice on the pages."""
    t_sql, t_params = _text_match("a.title", word)
    conds = ["a.article_id IN (SELECT article_id FROM article_terms WHERE term = ?)", t_sql]
    params = [word] + t_params
    if full_text:
        x_sql, x_params = _text_match("a.text", word)
        conds.append(x_sql)
        params += x_params
    return "(" + " OR ".join(conds) + ")", params


def _matches(kind: str, items: Sequence[str], full_text: bool = False) -> tuple[str, list[Any]]:
    """`m AS (...)`: (series_id, series, article_id, weight) for the chosen topics / entities / keywords.
    weight ranks an article within its series (topic score, mentions, term count) for headlines."""
    if kind not in TREND_KINDS:
        raise ValueError(f"kind must be one of {TREND_KINDS}")
    items = [i for i in items if i]
    if not items:
        return ("m AS (SELECT NULL::VARCHAR AS series_id, NULL::VARCHAR AS series, NULL::VARCHAR AS article_id, "
                "0.0 AS weight WHERE FALSE)"), []
    if kind == "topic":
        return (f"""m AS (SELECT atp.topic_id AS series_id, t.label AS series, atp.article_id, atp.score AS weight
                     FROM article_topics atp JOIN topics t USING (topic_id) WHERE atp.topic_id IN {_in(items)})""",
                list(items))
    if kind == "entity":
        return (f"""m AS (SELECT mm.entity_id AS series_id, e.name AS series, mm.article_id, mm.n::DOUBLE AS weight
                     FROM mentions mm JOIN entities e USING (entity_id) WHERE mm.entity_id IN {_in(items)})""",
                list(items))
    # keywords: weight = occurrences as a content word (title/body substring matches rank after them)
    parts, params = [], []
    for kw in items:
        t_sql, t_params = _text_match("a.title", kw)
        conds, cparams = ["t.article_id IS NOT NULL", t_sql], list(t_params)
        if full_text:
            x_sql, x_params = _text_match("a.text", kw)
            conds.append(x_sql)
            cparams += x_params
        parts.append(f"""SELECT ? AS series_id, ? AS series, a.article_id, coalesce(t.n, 0)::DOUBLE + 0.5 AS weight
                         FROM articles a LEFT JOIN (SELECT article_id, n FROM article_terms WHERE term = ?) t
                              USING (article_id)
                         WHERE {' OR '.join(conds)}""")
        params += [kw, kw, kw] + cparams
    return "m AS (" + " UNION ALL ".join(parts) + ")", params


def trend_series(path: str, f: Filters, kind: str, items: Sequence[str], granularity: str = "month",
                 full_text: bool = False) -> pd.DataFrame:
    """Per series × period × outlet: matching articles, all articles of that outlet, and the share.
    Periods where an outlet published but nothing matched are present with n_match = 0.

    The peak of each series (the period with most matching articles over all outlets) carries its
    top headline (highest topic score / most mentions / most occurrences) in peak_title and
    peak_article_id, computed in the same pass over the matches."""
    fa, p1 = _fa(f)
    fo, p0 = _outlet_output(f)
    m, p2 = _matches(kind, items, full_text)
    per = _period(granularity, "fa.published_at")
    return _run(path, f"""WITH {fa}, {fo}, {m},
        mf AS MATERIALIZED (
            SELECT m.series_id, m.series, m.weight, fa.article_id, fa.source, {per} AS period
            FROM m JOIN fa USING (article_id) WHERE fa.published_at IS NOT NULL),
        tot AS (SELECT {_period(granularity)} AS period, source, count(*) AS n_total FROM fo
                WHERE published_at IS NOT NULL GROUP BY ALL),
        ser AS (SELECT DISTINCT series_id, series FROM mf),
        hit AS (SELECT series_id, period, source, count(*) AS n_match FROM mf GROUP BY ALL),
        pk AS (SELECT series_id, arg_max(period, n) AS period
               FROM (SELECT series_id, period, sum(n_match) AS n FROM hit GROUP BY ALL) GROUP BY series_id),
        pa AS (SELECT mf.series_id, mf.period, first(mf.article_id ORDER BY mf.weight DESC, mf.article_id) AS article_id
               FROM mf SEMI JOIN pk USING (series_id, period) GROUP BY ALL),
        pt AS (SELECT pa.series_id, pa.period, pa.article_id, a.title FROM pa JOIN articles a USING (article_id))
        SELECT ser.series_id, ser.series, tot.period, tot.source,
               coalesce(hit.n_match, 0) AS n_match, tot.n_total,
               coalesce(hit.n_match, 0) / tot.n_total AS share,
               pt.title AS peak_title, pt.article_id AS peak_article_id
        FROM ser CROSS JOIN tot
        LEFT JOIN hit ON hit.series_id = ser.series_id AND hit.period = tot.period AND hit.source = tot.source
        LEFT JOIN pt ON pt.series_id = ser.series_id AND pt.period = tot.period
        ORDER BY ser.series, tot.period, tot.source""", p1 + p0 + p2)


def trend_articles(path: str, f: Filters, kind: str, items: Sequence[str], granularity: str,
                   period, source: str | None = None, series_id: str | None = None,
                   limit: int = 100, full_text: bool = False) -> pd.DataFrame:
    """The articles behind one point of the trend chart (clicked period, optionally one outlet/series)."""
    fa, p1 = _fa(f)
    m, p2 = _matches(kind, items, full_text)
    per = _period(granularity, "fa.published_at")
    conds, p3 = [f"{per} = CAST(? AS DATE)"], [pd.Timestamp(period).date()]
    if source:
        conds.append("fa.source = ?")
        p3.append(source)
    if series_id:
        conds.append("m.series_id = ?")
        p3.append(series_id)
    return _run(path, f"""WITH {fa}, {m},
        hits AS (SELECT fa.article_id, fa.source, fa.published_at,
                        string_agg(DISTINCT m.series, ', ') AS matched, max(m.weight) AS weight
                 FROM m JOIN fa USING (article_id) WHERE {' AND '.join(conds)}
                 GROUP BY ALL ORDER BY weight DESC, fa.published_at LIMIT ?)
        SELECT hits.article_id, a.title, hits.source, hits.published_at, hits.matched, hits.weight
        FROM hits JOIN articles a USING (article_id) ORDER BY hits.weight DESC, hits.published_at""",
                p1 + p2 + p3 + [int(limit)])


# ---- entities -------------------------------------------------------------------------------------

def top_entities(path: str, f: Filters, types: Sequence[str] = (), min_count: int = 1,
                 limit: int = 40) -> pd.DataFrame:
    """Entities by number of (filtered) articles that mention them."""
    fa, params = _fa(f)
    where = ""
    if types:
        where = f"WHERE e.type IN {_in(types)}"
        params = params + list(types)
    return _run(path, f"""WITH {fa}
        SELECT e.entity_id, e.name, e.type, count(*) AS n_articles, sum(m.n) AS n_mentions
        FROM fa JOIN mentions m USING (article_id) JOIN entities e USING (entity_id) {where}
        GROUP BY ALL HAVING count(*) >= ?
        ORDER BY n_articles DESC, n_mentions DESC, e.name LIMIT ?""", params + [int(min_count), int(limit)])


def cooccurrence(path: str, f: Filters, entity_ids: Sequence[str]) -> pd.DataFrame:
    """Pairs (a < b) of the given entities mentioned in the same article: n_ab, with each one's
    article count n_a, n_b and the number of filtered articles n_docs (what PMI needs)."""
    if len(entity_ids) < 2:
        return pd.DataFrame(columns=["a", "b", "n_ab", "n_a", "n_b", "n_docs"])
    fa, params = _fa(f)
    ids = list(entity_ids)
    return _run(path, f"""WITH {fa},
        mm AS MATERIALIZED (SELECT m.article_id, m.entity_id FROM mentions m SEMI JOIN fa USING (article_id)
               WHERE m.entity_id IN {_in(ids)}),
        single AS (SELECT entity_id, count(*) AS n FROM mm GROUP BY entity_id),
        pairs AS (SELECT x.entity_id AS a, y.entity_id AS b, count(*) AS n_ab
                  FROM mm x JOIN mm y ON x.article_id = y.article_id AND x.entity_id < y.entity_id
                  GROUP BY ALL)
        SELECT pairs.a, pairs.b, pairs.n_ab, sa.n AS n_a, sb.n AS n_b, (SELECT count(*) FROM fa) AS n_docs
        FROM pairs JOIN single sa ON sa.entity_id = pairs.a JOIN single sb ON sb.entity_id = pairs.b
        ORDER BY n_ab DESC, a, b""", params + ids)


def partners(path: str, f: Filters, entity_id: str, min_count: int = 1, limit: int = 50) -> pd.DataFrame:
    """The `limit` entities most often mentioned together with `entity_id`: n_ab, each one's article
    count (n_a for the focus entity, n_b for the partner) and n_docs (what PMI needs)."""
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa},
        mine AS (SELECT m.article_id FROM mentions m SEMI JOIN fa USING (article_id) WHERE m.entity_id = ?),
        pair AS (SELECT m.entity_id, count(*) AS n_ab FROM mentions m SEMI JOIN mine USING (article_id)
                 WHERE m.entity_id <> ? GROUP BY m.entity_id HAVING count(*) >= ?
                 ORDER BY n_ab DESC, m.entity_id LIMIT ?),
        single AS (SELECT m.entity_id, count(*) AS n FROM mentions m SEMI JOIN fa USING (article_id)
                   WHERE m.entity_id IN (SELECT entity_id FROM pair) GROUP BY m.entity_id)
        SELECT pair.entity_id, e.name, e.type, pair.n_ab, single.n AS n_b,
               (SELECT count(*) FROM mine) AS n_a, (SELECT count(*) FROM fa) AS n_docs
        FROM pair JOIN single USING (entity_id) JOIN entities e USING (entity_id)
        ORDER BY n_ab DESC, e.name""", params + [entity_id, entity_id, int(min_count), int(limit)])


def cooccurrence_examples(path: str, f: Filters, a: str, b: str, limit: int = 10) -> pd.DataFrame:
    """Articles mentioning both entities, with the text and both entities' offsets, newest first,
    from which the page cuts the sentences naming both (a few rows, not an aggregate). The texts are
    fetched only for the chosen articles, after filtering."""
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa},
        ab AS (SELECT fa.article_id, fa.published_at
                 FROM fa JOIN mentions ma ON ma.article_id = fa.article_id AND ma.entity_id = ?
                         JOIN mentions mb ON mb.article_id = fa.article_id AND mb.entity_id = ?
                 ORDER BY fa.published_at DESC NULLS LAST, fa.article_id LIMIT ?)
        SELECT x.article_id, x.title, x.source, x.published_at, x.text, x.captions,
               ma.offsets AS offsets_a, ma.surfaces AS surfaces_a, mb.offsets AS offsets_b, mb.surfaces AS surfaces_b
        FROM ab JOIN articles x USING (article_id)
             JOIN mentions ma ON ma.article_id = x.article_id AND ma.entity_id = ?
             JOIN mentions mb ON mb.article_id = x.article_id AND mb.entity_id = ?
        ORDER BY x.published_at DESC NULLS LAST, x.article_id""", params + [a, b, int(limit), a, b])


# ---- sources --------------------------------------------------------------------------------------

def topic_share_by_source(path: str, f: Filters, limit_topics: int = 25) -> pd.DataFrame:
    """For each outlet and topic: articles on the topic and their share of the outlet's articles in
    the period (the denominator ignores the topic / entity filters, as in trend_series)."""
    fa, params = _fa(f)
    fo, p0 = _outlet_output(f)
    return _run(path, f"""WITH {fa}, {fo},
        tot AS (SELECT source, count(*) AS n_source FROM fo GROUP BY source),
        hit AS (SELECT fa.source, atp.topic_id, count(*) AS n FROM fa JOIN article_topics atp USING (article_id)
                GROUP BY ALL),
        top AS (SELECT topic_id FROM hit GROUP BY topic_id ORDER BY sum(n) DESC, topic_id LIMIT ?)
        SELECT tot.source, t.topic_id, t.label, coalesce(hit.n, 0) AS n, tot.n_source,
               coalesce(hit.n, 0) / tot.n_source AS share
        FROM tot CROSS JOIN top JOIN topics t USING (topic_id)
        LEFT JOIN hit ON hit.source = tot.source AND hit.topic_id = t.topic_id
        ORDER BY t.label, tot.source""", params + p0 + [int(limit_topics)])


def term_counts_by_source(path: str, f: Filters, min_total: int = 5, max_terms: int = 5000,
                          sample: int = 10000) -> pd.DataFrame:
    """Content-word counts per outlet (the input of the log-odds comparison), restricted to the
    `max_terms` most frequent terms used at least `min_total` times.

    article_terms has ~60 rows per article, so above `sample` articles we count a deterministic
    sample (hash of article_id) of about that size: the ranking of distinctive words is stable on
    10k articles, and the query stays fast on any archive size."""
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa},
        k AS (SELECT greatest(1, ceil(count(*) / ?))::BIGINT AS k FROM fa),
        fs AS (SELECT fa.article_id, fa.source FROM fa, k WHERE k.k = 1 OR hash(fa.article_id) % k.k = 0),
        c AS (SELECT fs.source, t.term, sum(t.n) AS n FROM fs JOIN article_terms t USING (article_id)
              GROUP BY ALL),
        keep AS (SELECT term FROM c GROUP BY term HAVING sum(n) >= ? ORDER BY sum(n) DESC, term LIMIT ?)
        SELECT c.source, c.term, c.n FROM c SEMI JOIN keep USING (term)
        ORDER BY c.source, c.n DESC, c.term""", params + [int(sample), int(min_total), int(max_terms)])


def entity_counts_by_source(path: str, f: Filters, min_total: int = 3, max_terms: int = 3000) -> pd.DataFrame:
    """Entity mention counts per outlet, in the same (source, term, n) shape as term_counts_by_source."""
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa},
        c AS (SELECT fa.source, e.name AS term, sum(m.n) AS n
              FROM fa JOIN mentions m USING (article_id) JOIN entities e USING (entity_id) GROUP BY ALL),
        keep AS (SELECT term FROM c GROUP BY term HAVING sum(n) >= ? ORDER BY sum(n) DESC, term LIMIT ?)
        SELECT c.source, c.term, c.n FROM c SEMI JOIN keep USING (term)
        ORDER BY c.source, c.n DESC""", params + [int(min_total), int(max_terms)])


def topic_first_by_period(path: str, f: Filters, granularity: str = "week") -> pd.DataFrame:
    """Per topic, period ('story window') and outlet: the outlet's first article on the topic in it."""
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa}
        SELECT atp.topic_id, t.label, {_period(granularity, 'fa.published_at')} AS period, fa.source,
               min(fa.published_at) AS first_at, count(*) AS n
        FROM fa JOIN article_topics atp USING (article_id) JOIN topics t USING (topic_id)
        WHERE fa.published_at IS NOT NULL
        GROUP BY ALL ORDER BY t.label, period, first_at""", params)


# ---- figures --------------------------------------------------------------------------------------

# Subjects are compared after removing case, spaces and punctuation ("天然气 消费量" = "天然气消费量").
_SUBJECT_NORM = r"regexp_replace(lower(coalesce(g.subject, '')), '[\s\p{P}]+', '', 'g')"


def figure_kinds(path: str, f: Filters) -> pd.DataFrame:
    fa, params = _fa(f)
    return _run(path, f"""WITH {fa}
        SELECT g.kind, coalesce(g.unit, '') AS unit, count(*) AS n
        FROM figures g JOIN fa USING (article_id) GROUP BY ALL ORDER BY n DESC, kind, unit""", params)


def _figures_cte(f: Filters, kinds: Sequence[str], units: Sequence[str], subject: str | None) -> tuple[str, list[Any]]:
    """`fg`: the filtered figures with their article and the conflict flag.

    Conflict: another article gives the same kind, unit, time basis (per) and normalised subject in
    the same month a value (value_low) more than 10% apart, relative to the smaller one. `per` is part
    of the key because 每年 and 每天 volumes are not comparable numbers."""
    fa, params = _fa(f)
    conds = ["TRUE"]
    if kinds:
        conds.append(f"g.kind IN {_in(kinds)}")
        params = params + list(kinds)
    if units:
        conds.append(f"coalesce(g.unit, '') IN {_in(units)}")
        params = params + list(units)
    if subject:
        conds.append("(g.subject ILIKE ? OR g.sentence ILIKE ?)")
        params = params + [f"%{subject}%"] * 2
    cte = f"""{fa},
        g0 AS (SELECT g.article_id, g.seq, g.kind, g.value_low, g.value_high, g.unit, g.per, g.approx, g.text,
                      g.sentence, g.subject, {_SUBJECT_NORM} AS subject_norm, g.start_char, g.end_char,
                      fa.source, fa.published_at,
                      CAST(date_trunc('month', fa.published_at) AS DATE) AS month,
                      coalesce(g.unit, '') AS unit_k, coalesce(g.per, '') AS per_k
               FROM figures g JOIN fa USING (article_id) WHERE {' AND '.join(conds)}),
        -- A figure conflicts when ANOTHER article reports a value for the same key more than 10% away
        -- (numbers differing within one article are usually different things: before/after, parts).
        -- |x - y| - 0.1·min(|x|, |y|) grows as y moves away from x, so it is enough to compare x with
        -- the largest and the smallest value of the other articles: no pairwise self-join, which would
        -- be quadratic in a busy month of a common subject.
        ga AS (SELECT kind, unit_k, per_k, subject_norm, month, article_id,
                      min(value_low) AS amin, max(value_low) AS amax
               FROM g0 WHERE subject_norm <> '' AND month IS NOT NULL AND value_low IS NOT NULL GROUP BY ALL),
        gw AS (SELECT *,
                      first_value(amax) OVER hi AS max1, first_value(article_id) OVER hi AS max1_article,
                      nth_value(amax, 2) OVER hi AS max2,
                      first_value(amin) OVER lo AS min1, first_value(article_id) OVER lo AS min1_article,
                      nth_value(amin, 2) OVER lo AS min2
               FROM ga
               WINDOW hi AS (PARTITION BY kind, unit_k, per_k, subject_norm, month ORDER BY amax DESC, article_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
                      lo AS (PARTITION BY kind, unit_k, per_k, subject_norm, month ORDER BY amin ASC, article_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
        gother AS (SELECT kind, unit_k, per_k, subject_norm, month, article_id,
                          CASE WHEN article_id = max1_article THEN max2 ELSE max1 END AS other_max,
                          CASE WHEN article_id = min1_article THEN min2 ELSE min1 END AS other_min
                   FROM gw),
        fgc AS (SELECT g0.* EXCLUDE (unit_k, per_k),
                       coalesce(abs(g0.value_low - o.other_max) > 0.1 * least(abs(g0.value_low), abs(o.other_max))
                             OR abs(g0.value_low - o.other_min) > 0.1 * least(abs(g0.value_low), abs(o.other_min)),
                                false) AS conflict,
                       min(g0.value_low) OVER k AS group_min, max(g0.value_low) OVER k AS group_max,
                       count(*) OVER k AS group_n
                FROM g0 LEFT JOIN gother o USING (kind, unit_k, per_k, subject_norm, month, article_id)
                WINDOW k AS (PARTITION BY g0.kind, g0.unit_k, g0.per_k, g0.subject_norm, g0.month))"""
    return cte, params


def figures_table(path: str, f: Filters, kinds: Sequence[str] = (), units: Sequence[str] = (),
                  subject: str | None = None, limit: int = 2000) -> pd.DataFrame:
    cte, params = _figures_cte(f, kinds, units, subject)
    return _run(path, f"""WITH {cte},
        page AS (SELECT * FROM fgc ORDER BY published_at DESC NULLS LAST, article_id, seq LIMIT ?)
        SELECT page.published_at, page.source, page.kind, page.value_low, page.value_high, page.unit, page.per,
               page.approx, page.text, page.subject, page.subject_norm, page.conflict, page.group_min,
               page.group_max, page.group_n, page.sentence, a.title, page.article_id, page.seq,
               page.start_char, page.end_char, page.month
        FROM page JOIN articles a USING (article_id)
        ORDER BY page.published_at DESC NULLS LAST, page.article_id, page.seq""", params + [int(limit)])


def figure_conflicts(path: str, f: Filters, kinds: Sequence[str] = (), units: Sequence[str] = (),
                     subject: str | None = None, limit: int = 200) -> pd.DataFrame:
    """One row per conflicting (kind, unit, per, subject, month) group."""
    cte, params = _figures_cte(f, kinds, units, subject)
    return _run(path, f"""WITH {cte}
        SELECT kind, unit, per, any_value(subject) AS subject, subject_norm, month,
               count(*) AS n_figures, count(DISTINCT article_id) AS n_articles,
               min(value_low) AS min_value, max(value_low) AS max_value,
               list(DISTINCT source ORDER BY source) AS sources,
               list(DISTINCT text ORDER BY text) AS texts
        FROM fgc WHERE conflict GROUP BY kind, unit, per, subject_norm, month
        ORDER BY month DESC, n_figures DESC LIMIT ?""", params + [int(limit)])


# ---- articles -------------------------------------------------------------------------------------

def search_articles(path: str, f: Filters, words: str | None = None, limit: int = 50, offset: int = 0,
                    full_text: bool = False) -> pd.DataFrame:
    """Articles matching every word (content word, title, or with full_text the body), newest first,
    with the total count in n_total."""
    where, params = filter_where(f, "a")
    conds = [where]
    for w in (words or "").split():
        c, p = _word_match(w, full_text)
        conds.append(c)
        params += p
    return _run(path, f"""
        SELECT a.article_id, a.title, a.source, a.channel, a.published_at, a.date_status, a.n_chars,
               count(*) OVER () AS n_total
        FROM articles a WHERE {' AND '.join(conds)}
        ORDER BY a.published_at DESC NULLS LAST, a.title LIMIT ? OFFSET ?""", params + [int(limit), int(offset)])


def article(path: str, article_id: str) -> dict[str, Any] | None:
    """One article with its mentions, figures and topics (for the reading view)."""
    with _con(path) as con:
        row = fetch_df(con, "SELECT * FROM articles WHERE article_id = ?", [article_id])
        if not len(row):
            return None
        mentions = fetch_df(con, """
            SELECT m.entity_id, e.name, e.type, m.n, m.offsets, m.surfaces
            FROM mentions m JOIN entities e USING (entity_id) WHERE m.article_id = ?
            ORDER BY m.n DESC, e.name""", [article_id])
        figures = fetch_df(con, """
            SELECT seq, kind, value_low, value_high, unit, per, approx, text, subject, sentence, start_char, end_char
            FROM figures WHERE article_id = ? ORDER BY seq""", [article_id])
        topics = fetch_df(con, """
            SELECT t.topic_id, t.label, atp.score FROM article_topics atp JOIN topics t USING (topic_id)
            WHERE atp.article_id = ? ORDER BY atp.score DESC""", [article_id])
    rec = row.iloc[0].to_dict()
    return {"article": rec, "mentions": mentions, "figures": figures, "topics": topics}
