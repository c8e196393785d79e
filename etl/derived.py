"""Derived tables for the dashboard: what its pages need that does not depend on the filters, computed
once per ETL run on the private work copy, just before it is published.

On 200k articles the dashboard's article-level queries scan 3M mentions, 25M article terms and 1M
figures; these tables make the same answers cheap while every filter still applies exactly:

- `d_mentions`: mentions with their article's outlet and date, sorted by entity: a lookup of a few
  entities reads a few row groups (DuckDB skips the others on their min/max), and a date/outlet filter
  needs no join with `articles`. `aid` numbers the articles: joins on it hash integers, not ids.
- `d_topics`: article_topics with the article's outlet and date, sorted by topic.
- `d_entity_counts`: articles and mentions per entity (the sidebar's entity picker).
- `d_mask_entities` / `d_entity_masks`: the 64 most mentioned entities of each type get a bit; each
  article stores which of them it names as three 64-bit masks. Co-occurrence counts among any of them
  are then a GROUP BY over the (few) distinct masks instead of a self-join of mentions.
- `d_partners`: for each of those entities, every entity named in the same articles and how often
  (the unfiltered partners list).
- `d_terms`: article_terms sorted by term, so looking up a keyword (trends, search) reads a few row
  groups instead of scanning every article's words (article_terms itself has no index: loads stay fast).
- `d_term_month`: content-word counts per (month, outlet): the input of the distinctive-words
  comparison when the date filter covers whole months (any other filter falls back to article level);
  `d_term_source` sums it over all months (no date filter).
- `d_figures`: figures with their normalised subject, outlet and month, sorted by kind and unit, so the
  figures page reads only the chosen kind and computes the regexp normalisation never.

A full rebuild takes seconds on 200k articles (see bench/dashboard.py), so it is not incremental:
simpler, and it cannot drift from the source tables.
"""
from __future__ import annotations

import duckdb

from etl.db import schema_sql

DERIVED_TABLES = ("d_mentions", "d_topics", "d_entity_counts", "d_mask_entities", "d_partners", "d_entity_masks", "d_term_month",
                  "d_term_source", "d_terms", "d_figures")

# Bump when a derived table's definition changes: needs_refresh() then asks for a rebuild even on a
# run that changed no article (e.g. the first run of this code over a database published before).
DERIVED_VERSION = "3"

# Bits per entity type in d_entity_masks (a UBIGINT per type).
MASK_BITS = 64

# Figure subjects are compared after removing case, spaces and punctuation ("天然气 消费量" = "天然气消费量").
SUBJECT_NORM_SQL = r"regexp_replace(lower(coalesce(subject, '')), '[\s\p{P}]+', '', 'g')"

_REBUILD = [
    "DELETE FROM d_mentions",
    """INSERT INTO d_mentions
       SELECT m.entity_id, m.article_id, a.aid, a.source, a.published_at, m.n, m.offsets, m.surfaces
       FROM mentions m JOIN (SELECT article_id, source, published_at,
                                    CAST(row_number() OVER (ORDER BY article_id) AS INTEGER) AS aid
                             FROM articles) a USING (article_id)
       ORDER BY m.entity_id, a.published_at, m.article_id""",

    "DELETE FROM d_topics",
    """INSERT INTO d_topics
       SELECT t.topic_id, t.article_id, a.source, a.published_at, t.score
       FROM article_topics t JOIN articles a USING (article_id)
       ORDER BY t.topic_id, a.published_at, t.article_id""",

    "DELETE FROM d_entity_counts",
    """INSERT INTO d_entity_counts
       SELECT entity_id, count(*), sum(n) FROM mentions GROUP BY entity_id ORDER BY entity_id""",

    "DELETE FROM d_mask_entities",
    f"""INSERT INTO d_mask_entities
        SELECT entity_id, type, CAST(row_number() OVER (PARTITION BY type ORDER BY n DESC, entity_id) - 1 AS INTEGER)
        FROM (SELECT m.entity_id, e.type, count(*) AS n FROM mentions m JOIN entities e USING (entity_id)
              WHERE e.type IN ('person', 'place', 'org') GROUP BY ALL)
        QUALIFY row_number() OVER (PARTITION BY type ORDER BY n DESC, entity_id) <= {MASK_BITS}""",
    "DELETE FROM d_partners",
    """INSERT INTO d_partners
       SELECT x.entity_id, y.entity_id, count(*)
       FROM d_mentions x JOIN d_mentions y ON y.aid = x.aid AND y.entity_id <> x.entity_id
       WHERE x.entity_id IN (SELECT entity_id FROM d_mask_entities)
       GROUP BY ALL ORDER BY x.entity_id, count(*) DESC""",

    "DELETE FROM d_entity_masks",
    """INSERT INTO d_entity_masks
       SELECT m.article_id, any_value(a.source), any_value(a.published_at),
              bit_or(CASE WHEN k.type = 'person' THEN 1::UBIGINT << k.bit ELSE 0::UBIGINT END),
              bit_or(CASE WHEN k.type = 'place' THEN 1::UBIGINT << k.bit ELSE 0::UBIGINT END),
              bit_or(CASE WHEN k.type = 'org' THEN 1::UBIGINT << k.bit ELSE 0::UBIGINT END)
       FROM mentions m JOIN d_mask_entities k USING (entity_id) JOIN articles a USING (article_id)
       GROUP BY m.article_id ORDER BY any_value(a.published_at), m.article_id""",

    "DELETE FROM d_term_month",
    """INSERT INTO d_term_month
       SELECT CAST(date_trunc('month', a.published_at) AS DATE) AS month, a.source, t.term, sum(t.n)
       FROM article_terms t JOIN articles a USING (article_id)
       GROUP BY ALL ORDER BY month, a.source, t.term""",
    "DELETE FROM d_terms",
    "INSERT INTO d_terms SELECT term, article_id, n FROM article_terms ORDER BY term, article_id",
    "DELETE FROM d_term_source",
    """INSERT INTO d_term_source
       SELECT source, term, sum(n) FROM d_term_month GROUP BY ALL ORDER BY source, term""",

    "DELETE FROM d_figures",
    # place_k: the place the figure's sentence names nearest to it (俄罗斯 in 俄罗斯对华天然气出口量为…), so
    # that two figures compare only when they are about the same subject in the same place. The sentence's
    # span in the document is found from the figure's own position in it.
    f"""INSERT INTO d_figures
        WITH g AS (SELECT *, start_char - greatest(strpos(sentence, text), 1) + 1 AS s_start FROM figures),
             near AS (SELECT g.article_id, g.seq, arg_min(m.entity_id, abs(m.o - g.start_char)) AS place_k
                      FROM g JOIN (SELECT article_id, entity_id, unnest(offsets) AS o FROM mentions
                                   WHERE entity_id LIKE 'place:%') m USING (article_id)
                      WHERE m.o >= g.s_start AND m.o < g.s_start + length(g.sentence)
                      GROUP BY g.article_id, g.seq)
        SELECT g.article_id, g.seq, g.kind, g.value_low, g.value_high, g.unit, g.per, g.approx, g.text,
               g.sentence, g.start_char, g.end_char, g.subject,
               coalesce(g.unit, ''), coalesce(g.per, ''), {SUBJECT_NORM_SQL.replace('subject', 'g.subject')},
               a.source, a.published_at, CAST(date_trunc('month', a.published_at) AS DATE),
               coalesce(near.place_k, '')
        FROM g JOIN articles a USING (article_id) LEFT JOIN near USING (article_id, seq)
        ORDER BY g.kind, coalesce(g.unit, ''), a.published_at, g.article_id, g.seq""",
]


def refresh_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every derived table from the source tables. The tables are dropped and created again
    from etl/schema.sql first, so that a database published by an older version gets their current
    columns. No transaction of its own: the ETL runs it on a private work copy that is published only after."""
    for table in DERIVED_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(schema_sql())
    for statement in _REBUILD:
        con.execute(statement)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_version', ?)", [DERIVED_VERSION])


def needs_refresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the derived tables were never built by this version of refresh_derived (a database
    published by an older ETL has them empty): then even an unchanged run must rebuild them."""
    rows = con.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchall()
    return not rows or rows[0][0] != DERIVED_VERSION
