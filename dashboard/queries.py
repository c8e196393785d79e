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
import numpy as np
import pandas as pd

from dashboard.db import connect, fetch_df
from dashboard.filters import Filters

# Every query takes a database path or an open connection (so a page can run its batch on one).
Source = Union[str, duckdb.DuckDBPyConnection]

GRANULARITIES = ("day", "week", "month", "quarter", "year")
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
        conds.append(f"{alias}.article_id IN (SELECT ft.article_id FROM d_topics ft WHERE ft.topic_id IN {_in(f.topics)})")
        params.extend(f.topics)
    if f.entity:
        # d_mentions is sorted by entity: this reads only that entity's row groups
        conds.append(f"{alias}.article_id IN (SELECT fm.article_id FROM d_mentions fm WHERE fm.entity_id = ?)")
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
        GROUP BY ALL ORDER BY n DESC, t.label, t.topic_id""")


def entity_list(path: str, limit: int = 500, types: Sequence[str] = ()) -> pd.DataFrame:
    """The most mentioned entities (by number of articles), for pickers."""
    params: list[Any] = []
    where = ""
    if types:
        where = f"WHERE e.type IN {_in(types)}"
        params.extend(types)
    params.append(int(limit))
    return _run(path, f"""
        SELECT e.entity_id, e.name, e.type, c.n_articles
        FROM d_entity_counts c JOIN entities e USING (entity_id) {where}
        ORDER BY n_articles DESC, e.name, e.entity_id LIMIT ?""", params)


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
    # the filters apply to d_mentions' own outlet/date columns: no join with the 3M-row mentions
    m_where, m_params = filter_where(f, "m")
    return _run(path, f"""WITH {fa},
        anchor AS (SELECT max(published_at) AS t FROM fa),
        m AS (SELECT m.entity_id, m.n FROM d_mentions m, anchor
              WHERE {m_where} AND m.published_at > anchor.t - to_days(?))
        SELECT e.entity_id, e.name, e.type, count(*) AS n_articles, sum(m.n) AS n_mentions
        FROM m JOIN entities e USING (entity_id)
        GROUP BY ALL ORDER BY n_articles DESC, n_mentions DESC, e.name, e.entity_id LIMIT ?""",
                params + m_params + [int(days), int(limit)])


def top_topics_recent(path: str, f: Filters, days: int, limit: int = 10) -> pd.DataFrame:
    fa, params = _fa(f)
    t_where, t_params = filter_where(f, "atp")
    return _run(path, f"""WITH {fa},
        anchor AS (SELECT max(published_at) AS t FROM fa)
        SELECT t.topic_id, t.label, count(*) AS n_articles
        FROM d_topics atp JOIN topics t USING (topic_id), anchor
        WHERE {t_where} AND atp.published_at > anchor.t - to_days(?)
        GROUP BY ALL ORDER BY n_articles DESC, t.label, t.topic_id LIMIT ?""",
                params + t_params + [int(days), int(limit)])


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
        ORDER BY change, published_at DESC NULLS LAST, title, article_id LIMIT ?""",
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
    """Condition on `articles a`: the word is a segmented content word of the article (d_terms, sorted
    by term), or a substring of its title, or (full_text) of its body. Scanning the bodies
    costs ~1 s per word on 200k articles, so it is an explicit choice on the pages."""
    t_sql, t_params = _text_match("a.title", word)
    conds = ["a.article_id IN (SELECT article_id FROM d_terms WHERE term = ?)", t_sql]
    params = [word] + t_params
    if full_text:
        x_sql, x_params = _text_match("a.text", word)
        conds.append(x_sql)
        params += x_params
    return "(" + " OR ".join(conds) + ")", params


def _matches(kind: str, items: Sequence[str], full_text: bool = False) -> tuple[str, list[Any]]:
    """`m AS (...)`: (series_id, series, article_id, weight, source, published_at) for the chosen
    topics / entities / keywords. weight ranks an article within its series (topic score, mentions,
    term count) for headlines; source and published_at let the filters apply without a join."""
    if kind not in TREND_KINDS:
        raise ValueError(f"kind must be one of {TREND_KINDS}")
    items = [i for i in items if i]
    if not items:
        return ("m AS (SELECT NULL::VARCHAR AS series_id, NULL::VARCHAR AS series, NULL::VARCHAR AS article_id, "
                "0.0 AS weight, NULL::VARCHAR AS source, NULL::TIMESTAMP AS published_at WHERE FALSE)"), []
    if kind == "topic":
        return (f"""m AS (SELECT atp.topic_id AS series_id, t.label AS series, atp.article_id, atp.score AS weight,
                            atp.source, atp.published_at
                     FROM d_topics atp JOIN topics t USING (topic_id) WHERE atp.topic_id IN {_in(items)})""",
                list(items))
    if kind == "entity":
        return (f"""m AS (SELECT mm.entity_id AS series_id, e.name AS series, mm.article_id, mm.n::DOUBLE AS weight,
                            mm.source, mm.published_at
                     FROM d_mentions mm JOIN entities e USING (entity_id) WHERE mm.entity_id IN {_in(items)})""",
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
        parts.append(f"""SELECT ? AS series_id, ? AS series, a.article_id, coalesce(t.n, 0)::DOUBLE + 0.5 AS weight,
                                a.source, a.published_at
                         FROM articles a LEFT JOIN (SELECT article_id, n FROM d_terms WHERE term = ?) t
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
    fo, p0 = _outlet_output(f)
    m, p2 = _matches(kind, items, full_text)
    w, p1 = filter_where(f, "m")
    per = _period(granularity, "m.published_at")
    return _run(path, f"""WITH {fo}, {m},
        mf AS MATERIALIZED (
            SELECT m.series_id, m.series, m.weight, m.article_id, m.source, {per} AS period
            FROM m WHERE {w} AND m.published_at IS NOT NULL),
        tot AS (SELECT {_period(granularity)} AS period, source, count(*) AS n_total FROM fo
                WHERE published_at IS NOT NULL GROUP BY ALL),
        ser AS (SELECT DISTINCT series_id, series FROM mf),
        hit AS (SELECT series_id, period, source, count(*) AS n_match FROM mf GROUP BY ALL),
        -- the peak: most matches, the earliest such period on ties (arg_max would pick any of them)
        pk AS (SELECT series_id, first(period ORDER BY n DESC, period) AS period
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
        ORDER BY ser.series, ser.series_id, tot.period, tot.source""", p0 + p2 + p1)


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
                 GROUP BY ALL ORDER BY weight DESC, fa.published_at, fa.article_id LIMIT ?)
        SELECT hits.article_id, a.title, hits.source, hits.published_at, hits.matched, hits.weight
        FROM hits JOIN articles a USING (article_id) ORDER BY hits.weight DESC, hits.published_at, hits.article_id""",
                p1 + p2 + p3 + [int(limit)])


# ---- entities -------------------------------------------------------------------------------------

def top_entities(path: str, f: Filters, types: Sequence[str] = (), min_count: int = 1,
                 limit: int = 40) -> pd.DataFrame:
    """Entities by number of (filtered) articles that mention them."""
    # no filter: the per-entity totals; otherwise count d_mentions, which carries outlet and date
    if f.is_empty:
        counts, params = "SELECT entity_id, n_articles, n_mentions FROM d_entity_counts", []
    else:
        m_where, params = filter_where(f, "m")
        counts = (f"SELECT entity_id, count(*) AS n_articles, sum(n) AS n_mentions FROM d_mentions m "
                  f"WHERE {m_where} GROUP BY entity_id")
    where = "TRUE"
    if types:
        where = f"e.type IN {_in(types)}"
        params = params + list(types)
    return _run(path, f"""
        SELECT e.entity_id, e.name, e.type, c.n_articles, c.n_mentions
        FROM ({counts}) c JOIN entities e USING (entity_id) WHERE {where} AND c.n_articles >= ?
        ORDER BY n_articles DESC, n_mentions DESC, e.name, e.entity_id LIMIT ?""", params + [int(min_count), int(limit)])


_PAIR_COLUMNS = ["a", "b", "n_ab", "n_a", "n_b", "n_docs"]


def surface_counts(path: str, entity_ids: Sequence[str]) -> pd.DataFrame:
    """Per entity, the forms the articles write it in (普京, 弗拉基米尔·普京 …) and how many articles use each."""
    ids = list(dict.fromkeys(entity_ids))
    if not ids:
        return pd.DataFrame(columns=["entity_id", "surface", "n_articles"])
    return _run(path, f"""
        SELECT entity_id, surface, count(*) AS n_articles
        FROM (SELECT entity_id, unnest(surfaces) AS surface FROM mentions WHERE entity_id IN {_in(ids)})
        GROUP BY ALL ORDER BY entity_id, n_articles DESC, surface""", ids)


def cooccurrence(path: str, f: Filters, entity_ids: Sequence[str]) -> pd.DataFrame:
    """Pairs (a < b) of the given entities mentioned in the same article: n_ab, with each one's
    article count n_a, n_b and the number of filtered articles n_docs (what PMI needs).

    When every entity has a bit in d_entity_masks (the 64 most mentioned of each type), the counts
    come from the distinct (person, place, org) masks of the filtered articles: a few thousand rows
    instead of a self-join of mentions. Otherwise the article-level self-join gives the same answer."""
    if len(entity_ids) < 2:
        return pd.DataFrame(columns=_PAIR_COLUMNS)
    ids = list(dict.fromkeys(entity_ids))
    with _con(path) as con:
        bits = fetch_df(con, f"SELECT entity_id, type, bit FROM d_mask_entities WHERE entity_id IN {_in(ids)}", ids)
        if len(bits) == len(ids):
            return _cooccurrence_from_masks(con, f, bits)
        return _cooccurrence_exact(con, f, ids)


def _cooccurrence_from_masks(con: duckdb.DuckDBPyConnection, f: Filters, bits: pd.DataFrame) -> pd.DataFrame:
    where, params = filter_where(f, "x")
    masks = fetch_df(con, f"""SELECT person, place, org, count(*) AS n FROM d_entity_masks x WHERE {where}
                              GROUP BY ALL""", params)
    fa_where, fa_params = filter_where(f, "a")
    n_docs = con.execute(f"SELECT count(*) FROM articles a WHERE {fa_where}", fa_params).fetchall()[0][0]
    ids = bits["entity_id"].tolist()
    # has[i, j]: distinct mask i names entity j; weighted by the articles having that mask
    has = np.stack([(masks[t].to_numpy(np.uint64) >> np.uint64(b)) & np.uint64(1)
                    for t, b in zip(bits["type"], bits["bit"])], axis=1).astype(np.int64) if len(masks) \
        else np.zeros((0, len(ids)), dtype=np.int64)
    together = has.T @ (has * masks["n"].to_numpy(np.int64)[:, None]) if len(masks) else np.zeros((len(ids),) * 2, np.int64)
    rows = []
    for i, a in enumerate(ids):
        for j, b in enumerate(ids):
            if a < b and together[i, j] > 0:
                rows.append((a, b, int(together[i, j]), int(together[i, i]), int(together[j, j]), int(n_docs)))
    out = pd.DataFrame(rows, columns=_PAIR_COLUMNS)
    return out.sort_values(["n_ab", "a", "b"], ascending=[False, True, True], ignore_index=True)


def _cooccurrence_exact(con: duckdb.DuckDBPyConnection, f: Filters, ids: list[str]) -> pd.DataFrame:
    fa, params = _fa(f)
    return fetch_df(con, f"""WITH {fa},
        mm AS MATERIALIZED (SELECT m.article_id, m.entity_id FROM d_mentions m SEMI JOIN fa USING (article_id)
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
    count (n_a for the focus entity, n_b for the partner) and n_docs (what PMI needs).

    Without filters, the partners of the most mentioned entities are precomputed (d_partners: the
    focus 美国 alone is in half the articles, 2M mention rows to count). Otherwise d_mentions is
    filtered on its own outlet and date columns (topic / entity filters are semi-joins inside
    filter_where), and its integer `aid` keeps the self-join cheap."""
    with _con(path) as con:
        if f.is_empty and con.execute("SELECT count(*) FROM d_mask_entities WHERE entity_id = ?",
                                      [entity_id]).fetchall()[0][0]:
            return fetch_df(con, """WITH
                pair AS (SELECT partner_id AS entity_id, n_ab FROM d_partners
                         WHERE entity_id = ? AND n_ab >= ? ORDER BY n_ab DESC, partner_id LIMIT ?)
                SELECT pair.entity_id, e.name, e.type, pair.n_ab, c.n_articles AS n_b,
                       (SELECT n_articles FROM d_entity_counts WHERE entity_id = ?) AS n_a,
                       (SELECT count(*) FROM articles) AS n_docs
                FROM pair JOIN d_entity_counts c USING (entity_id) JOIN entities e USING (entity_id)
                ORDER BY n_ab DESC, e.name, pair.entity_id""", [entity_id, int(min_count), int(limit), entity_id])
        m_where, m_params = filter_where(f, "m")
        a_where, a_params = filter_where(f, "a")
        return fetch_df(con, f"""WITH
            mine AS MATERIALIZED (SELECT m.aid FROM d_mentions m WHERE m.entity_id = ? AND {m_where}),
            pair AS (SELECT m.entity_id, count(*) AS n_ab FROM d_mentions m SEMI JOIN mine USING (aid)
                     WHERE m.entity_id <> ? GROUP BY m.entity_id HAVING count(*) >= ?
                     ORDER BY n_ab DESC, m.entity_id LIMIT ?),
            single AS (SELECT m.entity_id, count(*) AS n FROM d_mentions m
                       WHERE m.entity_id IN (SELECT entity_id FROM pair) AND {m_where} GROUP BY m.entity_id)
            SELECT pair.entity_id, e.name, e.type, pair.n_ab, single.n AS n_b,
                   (SELECT count(*) FROM mine) AS n_a, (SELECT count(*) FROM articles a WHERE {a_where}) AS n_docs
            FROM pair JOIN single USING (entity_id) JOIN entities e USING (entity_id)
            ORDER BY n_ab DESC, e.name, pair.entity_id""",
                        [entity_id] + m_params + [entity_id, int(min_count), int(limit)] + m_params + a_params)


def cooccurrence_examples(path: str, f: Filters, a: str, b: str, limit: int = 10) -> pd.DataFrame:
    """Articles mentioning both entities, with the text and both entities' offsets, newest first,
    from which the page cuts the sentences naming both (a few rows, not an aggregate). The mentions
    come from d_mentions (sorted by entity: two small reads); the texts are fetched only for the
    chosen articles."""
    where, params = filter_where(f, "ma")
    return _run(path, f"""WITH
        ab AS (SELECT ma.article_id, ma.published_at, ma.source, ma.offsets AS offsets_a, ma.surfaces AS surfaces_a,
                      mb.offsets AS offsets_b, mb.surfaces AS surfaces_b
               FROM d_mentions ma JOIN d_mentions mb ON mb.aid = ma.aid AND mb.entity_id = ?
               WHERE ma.entity_id = ? AND {where}
               ORDER BY ma.published_at DESC NULLS LAST, ma.article_id LIMIT ?)
        SELECT ab.article_id, x.title, ab.source, ab.published_at, x.text, x.captions,
               ab.offsets_a, ab.surfaces_a, ab.offsets_b, ab.surfaces_b
        FROM ab JOIN articles x USING (article_id)
        ORDER BY ab.published_at DESC NULLS LAST, ab.article_id""", [b, a] + params + [int(limit)])


# ---- sources --------------------------------------------------------------------------------------

def topic_share_by_source(path: str, f: Filters, limit_topics: int = 25) -> pd.DataFrame:
    """For each outlet and topic: articles on the topic and their share of the outlet's articles in
    the period (the denominator ignores the topic / entity filters, as in trend_series)."""
    fo, p0 = _outlet_output(f)
    t_where, t_params = filter_where(f, "atp")
    return _run(path, f"""WITH {fo},
        tot AS (SELECT source, count(*) AS n_source FROM fo GROUP BY source),
        hit AS (SELECT atp.source, atp.topic_id, count(*) AS n FROM d_topics atp WHERE {t_where} GROUP BY ALL),
        top AS (SELECT topic_id FROM hit GROUP BY topic_id ORDER BY sum(n) DESC, topic_id LIMIT ?)
        SELECT tot.source, t.topic_id, t.label, coalesce(hit.n, 0) AS n, tot.n_source,
               coalesce(hit.n, 0) / tot.n_source AS share
        FROM tot CROSS JOIN top JOIN topics t USING (topic_id)
        LEFT JOIN hit ON hit.source = tot.source AND hit.topic_id = t.topic_id
        ORDER BY t.label, t.topic_id, tot.source""", p0 + t_params + [int(limit_topics)])


def whole_months(f: Filters) -> bool:
    """The date filter starts on a 1st and ends on a last day of a month (or is open): month
    aggregates then answer it exactly."""
    return (f.start is None or f.start.day == 1) and (f.end is None or (f.end + timedelta(days=1)).day == 1)


def term_counts_by_source(path: str, f: Filters, min_total: int = 5, max_terms: int = 5000,
                          sample: int = 10000, derived: bool = True) -> pd.DataFrame:
    """Content-word counts per outlet (the input of the log-odds comparison), restricted to the
    `max_terms` most frequent terms used at least `min_total` times.

    When the filters are dates in whole months and outlets only, the counts are sums of the
    per-(month, outlet) table d_term_month: exact, over every selected article. Otherwise they are
    counted from article_terms (~60 rows per article), and above `sample` articles over a
    deterministic sample (hash of article_id) of about that size: the ranking of distinctive words is
    stable on 10k articles, and the query stays fast on any archive size. derived=False always counts
    article_terms (the reference the derived tables are tested against)."""
    cte, params = _term_counts_cte(f, min_total, max_terms, sample, derived)
    return _run(path, f"WITH {cte} SELECT * FROM kc ORDER BY source, n DESC, term", params)


def entity_counts_by_source(path: str, f: Filters, min_total: int = 3, max_terms: int = 3000) -> pd.DataFrame:
    """Entity mention counts per outlet, in the same (source, term, n) shape as term_counts_by_source."""
    cte, params = _entity_counts_cte(f, min_total, max_terms)
    return _run(path, f"WITH {cte} SELECT * FROM kc ORDER BY source, n DESC, term", params)


def _kept(counts_sql: str) -> str:
    """CTEs c (the counts) and kc: the counts of the max_terms most used terms used >= min_total times."""
    return f"""c AS ({counts_sql}),
        keep AS (SELECT term FROM c GROUP BY term HAVING sum(n) >= ? ORDER BY sum(n) DESC, term LIMIT ?),
        kc AS (SELECT c.source, c.term, c.n FROM c SEMI JOIN keep USING (term))"""


def _term_counts_cte(f: Filters, min_total: int, max_terms: int, sample: int,
                     derived: bool = True) -> tuple[str, list[Any]]:
    if derived and whole_months(f) and not f.topics and not f.entity:
        # no date filter: the per-outlet totals (d_term_source, one row per outlet and term: nothing
        # to add up) have ~40x fewer rows than d_term_month
        table = "d_term_month" if f.start or f.end else "d_term_source"
        conds, params = ["TRUE"], []
        if f.start:
            conds.append("d.month >= ?")
            params.append(f.start)
        if f.end:
            conds.append("d.month <= ?")
            params.append(f.end)
        if f.sources:
            conds.append(f"d.source IN {_in(f.sources)}")
            params.extend(f.sources)
        where = " AND ".join(conds)
        c = (f"SELECT d.source, d.term, d.n::BIGINT AS n FROM d_term_source d WHERE {where}"
             if table == "d_term_source" else
             f"SELECT d.source, d.term, sum(d.n)::BIGINT AS n FROM d_term_month d WHERE {where} GROUP BY ALL")
        return _kept(c), params + [int(min_total), int(max_terms)]
    fa, params = _fa(f)
    return f"""{fa},
        k AS (SELECT greatest(1, ceil(count(*) / ?))::BIGINT AS k FROM fa),
        fs AS (SELECT fa.article_id, fa.source FROM fa, k WHERE k.k = 1 OR hash(fa.article_id) % k.k = 0),
        {_kept("SELECT fs.source, t.term, sum(t.n)::BIGINT AS n FROM fs JOIN article_terms t USING (article_id) GROUP BY ALL")}""", \
        params + [int(sample), int(min_total), int(max_terms)]


def _entity_counts_cte(f: Filters, min_total: int, max_terms: int) -> tuple[str, list[Any]]:
    where, params = filter_where(f, "m")
    return _kept(f"""SELECT m.source, e.name AS term, sum(m.n)::BIGINT AS n
                     FROM d_mentions m JOIN entities e USING (entity_id) WHERE {where} GROUP BY ALL"""), \
        params + [int(min_total), int(max_terms)]


def distinctive_terms(path: str, f: Filters, what: str = "terms", top: int = 10, min_total: int = 5) -> pd.DataFrame:
    """Per outlet, the `top` words (what='terms') or entities with the highest weighted log-odds z
    against all other outlets: analysis.weighted_log_odds with its default prior (the pooled counts,
    α_w = y_w, α0 = total) computed in DuckDB over the outlet × term grid, so that only the top rows
    leave the database (the grid is ~80k rows on a large archive)."""
    if what == "entities":
        cte, params = _entity_counts_cte(f, min_total, 3000)
    else:
        cte, params = _term_counts_cte(f, min_total, 5000, 10000)
    return _run(path, f"""WITH {cte},
        tw AS (SELECT term, sum(n)::DOUBLE AS y_w FROM kc GROUP BY term),
        ng AS (SELECT source, sum(n)::DOUBLE AS n_i FROM kc GROUP BY source),
        g AS (SELECT sum(n)::DOUBLE AS grand FROM kc),
        grid AS (SELECT ng.source, tw.term, coalesce(kc.n, 0)::DOUBLE AS y_i, tw.y_w, ng.n_i, g.grand
                 FROM ng CROSS JOIN tw CROSS JOIN g
                 LEFT JOIN kc ON kc.source = ng.source AND kc.term = tw.term),
        lo AS (SELECT source, term, y_i AS n,
                      ln((y_i + y_w) / (n_i + grand - y_i - y_w))
                        - ln((y_w - y_i + y_w) / ((grand - n_i) + grand - (y_w - y_i) - y_w)) AS log_odds,
                      1.0 / (y_i + y_w) + 1.0 / (y_w - y_i + y_w) AS var
               FROM grid)
        SELECT source, term, n, log_odds, log_odds / sqrt(var) AS z FROM lo
        WHERE (SELECT count(*) FROM ng) >= 2
        QUALIFY row_number() OVER (PARTITION BY source ORDER BY log_odds / sqrt(var) DESC, term) <= ?
        ORDER BY source, z DESC, term""", params + [int(top)])


def topic_first_by_period(path: str, f: Filters, granularity: str = "week") -> pd.DataFrame:
    """Per topic, period ('story window') and outlet: the outlet's first article on the topic in it."""
    where, params = filter_where(f, "atp")
    return _run(path, f"""
        SELECT atp.topic_id, t.label, {_period(granularity, 'atp.published_at')} AS period, atp.source,
               min(atp.published_at) AS first_at, count(*) AS n
        FROM d_topics atp JOIN topics t USING (topic_id)
        WHERE {where} AND atp.published_at IS NOT NULL
        GROUP BY ALL ORDER BY t.label, atp.topic_id, period, first_at, atp.source""", params)


def lead_lag(path: str, f: Filters, granularity: str = "week") -> pd.DataFrame:
    """Who covers a topic first, per topic and outlet: analysis.lead_lag over topic_first_by_period,
    computed in DuckDB (the per-window rows are ~65k on 200k articles; the answer is a few hundred).
    In each story window the earliest outlet sets t0; the others lag it by their first article - t0.
    Windows covered by one outlet say nothing about lag (not in the median) but count as 'first'."""
    where, params = filter_where(f, "atp")
    return _run(path, f"""WITH
        fp AS (SELECT atp.topic_id, {_period(granularity, 'atp.published_at')} AS period, atp.source,
                      min(atp.published_at) AS first_at
               FROM d_topics atp WHERE {where} AND atp.published_at IS NOT NULL GROUP BY ALL),
        w AS (SELECT *, epoch(first_at - min(first_at) OVER win) / 3600.0 AS lag_hours,
                     count(*) OVER win AS n_outlets
              FROM fp WINDOW win AS (PARTITION BY topic_id, period))
        SELECT w.topic_id, t.label, w.source, min(w.first_at) AS first_article,
               median(w.lag_hours) FILTER (WHERE w.n_outlets > 1) AS median_lag_hours,
               count(*) AS n_windows, count(*) FILTER (WHERE w.lag_hours = 0) AS n_first,
               count(*) FILTER (WHERE w.lag_hours = 0) / count(*) AS share_first
        FROM w JOIN topics t USING (topic_id)
        GROUP BY w.topic_id, t.label, w.source
        ORDER BY w.topic_id, median_lag_hours NULLS LAST, first_article, w.source""", params)


# ---- figures --------------------------------------------------------------------------------------


def figure_kinds(path: str, f: Filters) -> pd.DataFrame:
    where, params = filter_where(f, "g")
    return _run(path, f"""
        SELECT g.kind, g.unit_k AS unit, count(*) AS n
        FROM d_figures g WHERE {where} GROUP BY ALL ORDER BY n DESC, kind, unit""", params)


def figure_subjects(path: str, f: Filters, kind: str, unit: str, limit: int = 15) -> pd.DataFrame:
    """What the figures of one kind and unit most often measure (the subjects reported by the most
    articles): the facet a journalist starts from (输气量, 死亡人数, 国防预算). Subjects that differ only
    in case, spaces or punctuation are one; the form shown is the most frequent one."""
    where, params = filter_where(f, "g")
    return _run(path, f"""
        SELECT mode(g.subject) AS subject, count(DISTINCT g.article_id) AS articles, count(*) AS figures
        FROM d_figures g
        WHERE {where} AND g.kind = ? AND g.unit_k = ? AND g.subject_norm <> ''
        GROUP BY g.subject_norm
        ORDER BY articles DESC, figures DESC, g.subject_norm LIMIT ?""", params + [kind, unit, int(limit)])


# Subjects that are daily flows: a new number every day, so two reports of one month differ by nature.
_DAILY_FLOW = "^(?:新增|单日|当日|日增|每日新增|今日新增|昨日新增)"


def _figures_cte(f: Filters, kinds: Sequence[str], units: Sequence[str], subject: str | None) -> tuple[str, list[Any]]:
    """`fg`: the filtered figures with their article and the conflict flag.

    Conflict: another article gives the same kind, unit, time basis (per) and normalised subject, with
    the same place named nearest in its sentence, in the same month a value (value_low) more than 10%
    apart, relative to the smaller one. `per` is part of the key because 每年 and 每天 volumes are not
    comparable numbers; the place because 死亡 or 国防预算 alone names no one thing (the deaths of a
    tornado and of a war, two countries' budgets). Figures with no place named in their sentence, and
    daily flows (新增确诊病例, 单日…: a new number every day), are never conflicts."""
    # d_figures carries the comparison keys (subject_norm precomputed), outlet and date, sorted by
    # kind and unit: the filters read only the chosen kind's row groups, with no join
    where, params = filter_where(f, "g")
    conds = [where]
    if kinds:
        conds.append(f"g.kind IN {_in(kinds)}")
        params = params + list(kinds)
    if units:
        conds.append(f"g.unit_k IN {_in(units)}")
        params = params + list(units)
    if subject:
        conds.append("(g.subject ILIKE ? OR g.sentence ILIKE ?)")
        params = params + [f"%{subject}%"] * 2
    key = "kind, unit_k, per_k, subject_norm, place_k, month"
    cte = f"""g0 AS (SELECT * FROM d_figures g WHERE {' AND '.join(conds)}),
        -- A figure conflicts when ANOTHER article reports a value for the same key more than 10% away
        -- (numbers differing within one article are usually different things: before/after, parts).
        -- |x - y| - 0.1·min(|x|, |y|) grows as y moves away from x, so it is enough to compare x with
        -- the largest and the smallest value of the other articles: no pairwise self-join, which would
        -- be quadratic in a busy month of a common subject. The windows run over the narrow key
        -- columns only and are joined back (a window over the wide rows copies every sentence).
        ga AS (SELECT {key}, article_id, min(value_low) AS amin, max(value_low) AS amax
               FROM g0 WHERE subject_norm <> '' AND place_k <> '' AND NOT regexp_matches(subject_norm, '{_DAILY_FLOW}')
                             AND month IS NOT NULL AND value_low IS NOT NULL GROUP BY ALL),
        gw AS (SELECT *,
                      first_value(amax) OVER hi AS max1, first_value(article_id) OVER hi AS max1_article,
                      nth_value(amax, 2) OVER hi AS max2,
                      first_value(amin) OVER lo AS min1, first_value(article_id) OVER lo AS min1_article,
                      nth_value(amin, 2) OVER lo AS min2
               FROM ga
               WINDOW hi AS (PARTITION BY {key} ORDER BY amax DESC, article_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
                      lo AS (PARTITION BY {key} ORDER BY amin ASC, article_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
        gother AS (SELECT {key}, article_id,
                          CASE WHEN article_id = max1_article THEN max2 ELSE max1 END AS other_max,
                          CASE WHEN article_id = min1_article THEN min2 ELSE min1 END AS other_min
                   FROM gw),
        gstat AS (SELECT {key}, min(value_low) AS group_min, max(value_low) AS group_max, count(*) AS group_n
                  FROM g0 GROUP BY ALL),
        fgc AS (SELECT g0.* EXCLUDE (unit_k, per_k),
                       coalesce(abs(g0.value_low - o.other_max) > 0.1 * least(abs(g0.value_low), abs(o.other_max))
                             OR abs(g0.value_low - o.other_min) > 0.1 * least(abs(g0.value_low), abs(o.other_min)),
                                false) AS conflict,
                       s.group_min, s.group_max, s.group_n
                FROM g0 LEFT JOIN gother o USING (kind, unit_k, per_k, subject_norm, place_k, month, article_id)
                JOIN gstat s ON s.kind = g0.kind AND s.unit_k = g0.unit_k AND s.per_k = g0.per_k
                            AND s.subject_norm = g0.subject_norm AND s.place_k = g0.place_k
                            AND s.month IS NOT DISTINCT FROM g0.month)"""
    return cte, params


def figures_table(path: str, f: Filters, kinds: Sequence[str] = (), units: Sequence[str] = (),
                  subject: str | None = None, limit: int = 2000) -> pd.DataFrame:
    cte, params = _figures_cte(f, kinds, units, subject)
    return _run(path, f"""WITH {cte},
        page AS (SELECT * FROM fgc ORDER BY published_at DESC NULLS LAST, article_id, seq LIMIT ?)
        SELECT page.published_at, page.source, page.kind, page.value_low, page.value_high, page.unit, page.per,
               page.approx, page.text, page.subject, page.subject_norm,
               nullif(substr(page.place_k, 7), '') AS place, page.conflict, page.group_min,
               page.group_max, page.group_n, page.sentence, a.title, page.article_id, page.seq,
               page.start_char, page.end_char, page.month
        FROM page JOIN articles a USING (article_id)
        ORDER BY page.published_at DESC NULLS LAST, page.article_id, page.seq""", params + [int(limit)])


def figure_conflicts(path: str, f: Filters, kinds: Sequence[str] = (), units: Sequence[str] = (),
                     subject: str | None = None, limit: int = 200) -> pd.DataFrame:
    """One row per conflicting (kind, unit, per, subject, month) group."""
    cte, params = _figures_cte(f, kinds, units, subject)
    return _run(path, f"""WITH {cte}
        SELECT kind, unit, per, min(subject) AS subject, subject_norm, month,
               count(*) AS n_figures, count(DISTINCT article_id) AS n_articles,
               min(value_low) AS min_value, max(value_low) AS max_value,
               list(DISTINCT source ORDER BY source) AS sources,
               list(DISTINCT text ORDER BY text) AS texts
        FROM fgc WHERE conflict GROUP BY kind, unit, per, subject_norm, month
        ORDER BY month DESC, n_figures DESC, kind, unit, per, subject_norm LIMIT ?""", params + [int(limit)])


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
        ORDER BY a.published_at DESC NULLS LAST, a.title, a.article_id LIMIT ? OFFSET ?""", params + [int(limit), int(offset)])


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
