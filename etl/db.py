"""All the ETL's SQL, in one place: schema, reads of the published state, and the writes of a run.

Publishing follows DuckDB's one-writer-or-many-readers rule: a run never writes the published file.
It copies it to a private work file, writes there, checkpoints, and renames the work file over the
published one (atomic on POSIX). Readers (the dashboard) open the published file read-only for a
moment at a time; a reader that has the old file open keeps reading the old inode undisturbed.
"""
from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

import duckdb

SCHEMA_VERSION = "1"


def schema_sql() -> str:
    return resources.files("etl").joinpath("schema.sql").read_text(encoding="utf-8")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(schema_sql())
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])


# ---------------------------------------------------------------- publishing

def work_path(db_path: Path, run_id: int) -> Path:
    return db_path.with_name(f"{db_path.name}.run-{run_id}.tmp")


def remove_stale_work_files(db_path: Path) -> list[Path]:
    """Work files of runs that died before publishing: never published, safe to delete under the lock."""
    stale = []
    for p in db_path.parent.glob(f"{db_path.name}.run-*.tmp*"):
        p.unlink(missing_ok=True)
        stale.append(p)
    return stale


def open_work_copy(db_path: Path, run_id: int) -> tuple[duckdb.DuckDBPyConnection, Path]:
    """A read-write connection to a private copy of the published database (or a new one)."""
    work = work_path(db_path, run_id)
    work.unlink(missing_ok=True)
    if db_path.exists():
        shutil.copyfile(db_path, work)
    con = duckdb.connect(str(work))
    create_schema(con)
    return con, work


def publish(con: duckdb.DuckDBPyConnection, work: Path, db_path: Path) -> None:
    """Make the work copy the published database in one atomic step."""
    con.execute("CHECKPOINT")
    con.close()
    with open(work, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(work, db_path)
    dir_fd = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def read_published(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    """A short read of the published file; never blocks a writer (which works on its own copy)."""
    if not db_path.exists():
        return []
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    except duckdb.CatalogException:
        return []
    finally:
        con.close()


def known_inputs(db_path: Path) -> list[tuple]:
    """(origin, file_hash, size, mtime_ns, article_id) of every input an earlier run landed."""
    try:
        return read_published(db_path, "SELECT origin, file_hash, size, mtime_ns, article_id FROM inputs")
    except duckdb.BinderException:  # a database from before the stat columns: hashes decide alone
        return read_published(db_path, "SELECT origin, file_hash, NULL, NULL, article_id FROM inputs")


# ---------------------------------------------------------------- reads during a run

def next_run_id(con) -> int:
    return con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM etl_runs").fetchall()[0][0]


def input_hashes(con) -> dict[str, str]:
    return dict(con.execute("SELECT origin, file_hash FROM inputs").fetchall())


def article_hashes(con) -> dict[str, str]:
    return dict(con.execute("SELECT article_id, content_hash FROM articles").fetchall())


def get_meta(con, key: str) -> str | None:
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    return rows[0][0] if rows else None


def set_meta(con, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def stored_documents(con, article_ids: list[str] | None = None):
    """Stored article texts, to re-extract or re-tag without re-reading the inputs."""
    sql = "SELECT article_id, title, text, captions FROM articles"
    if article_ids is None:
        return con.execute(sql + " ORDER BY article_id").df()
    return con.execute(sql + " WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id", [article_ids]).df()


# ---------------------------------------------------------------- writes during a run

def _columns(frame) -> list[str]:
    """Column names of a pandas DataFrame or an Arrow table."""
    return list(frame.column_names) if hasattr(frame, "column_names") else list(frame.columns)


def _insert_frame(con, table: str, frame, mode: str = "INSERT") -> None:
    """Insert a pandas DataFrame or an Arrow table into `table`, matching columns by name."""
    if frame is None or len(frame) == 0:
        return
    con.register("_frame", frame)
    try:
        cols = ", ".join(_columns(frame))
        con.execute(f"{mode} INTO {table} ({cols}) SELECT {cols} FROM _frame")
    finally:
        con.unregister("_frame")


def delete_article_facts(con, article_ids: list[str]) -> None:
    """Remove what was extracted from these articles, before writing the fresh extraction."""
    if not article_ids:
        return
    for table in ("mentions", "figures", "article_terms"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [article_ids])
    # every tag but the discovered topics' (those are refreshed apart); not "the curated ones": in the
    # first run the topics table is written at the end, and an article met twice in that run would
    # keep its first version's tags
    con.execute("DELETE FROM article_topics WHERE article_id IN (SELECT unnest(?)) "
                "AND topic_id NOT IN (SELECT topic_id FROM topics WHERE kind = 'discovered')", [article_ids])


def upsert_articles(con, articles, all_new: bool = False) -> None:
    """Insert or replace articles; `all_new`: the caller knows none of them is stored yet (no join)."""
    if len(articles) == 0:
        return
    if all_new:
        _insert_frame(con, "articles", articles)
        return
    # Keep first_run of articles that exist already.
    con.register("_new", articles)
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _incoming AS
            SELECT n.* REPLACE (coalesce(a.first_run, n.first_run) AS first_run)
            FROM _new n LEFT JOIN articles a USING (article_id)""")
    finally:
        con.unregister("_new")
    con.execute("DELETE FROM articles WHERE article_id IN (SELECT article_id FROM _incoming)")
    cols = ", ".join(_columns(articles))
    con.execute(f"INSERT INTO articles ({cols}) SELECT {cols} FROM _incoming")
    con.execute("DROP TABLE _incoming")


def insert_facts(con, mentions, figures, terms, topics) -> None:
    _insert_frame(con, "mentions", mentions)
    _insert_frame(con, "figures", figures)
    _insert_frame(con, "article_terms", terms)
    _insert_frame(con, "article_topics", topics)   # the article's curated tags were deleted first


def upsert_entities(con, entities, aliases) -> None:
    """Entities (one row per entity_id) and their aliases (distinct pairs)."""
    _insert_frame(con, "entities", entities, "INSERT OR REPLACE")
    insert_aliases(con, aliases)


def insert_aliases(con, aliases) -> None:
    _insert_frame(con, "entity_aliases", aliases, "INSERT OR IGNORE")


def upsert_inputs(con, inputs) -> None:
    """One row per input origin; within a batch the last occurrence wins."""
    import pandas as pd

    frame = pd.DataFrame(inputs.to_pydict() if hasattr(inputs, "to_pydict") else inputs)
    _insert_frame(con, "inputs", frame.drop_duplicates("origin", keep="last"), "INSERT OR REPLACE")


def replace_curated_topics(con, topics) -> None:
    """The topic list as defined now; article_topics rows of topics that no longer exist go too."""
    con.execute("DELETE FROM topics WHERE kind = 'curated'")
    _insert_frame(con, "topics", topics)
    con.execute("DELETE FROM article_topics WHERE topic_id NOT IN (SELECT topic_id FROM topics)")


def replace_all_curated_tags(con, tags) -> None:
    con.execute("DELETE FROM article_topics WHERE topic_id IN (SELECT topic_id FROM topics WHERE kind = 'curated')")
    _insert_frame(con, "article_topics", tags, "INSERT OR REPLACE")


def replace_discovered_topics(con, topics, tags) -> None:
    con.execute("DELETE FROM article_topics WHERE topic_id IN (SELECT topic_id FROM topics WHERE kind = 'discovered')")
    con.execute("DELETE FROM topics WHERE kind = 'discovered'")
    _insert_frame(con, "topics", topics)
    _insert_frame(con, "article_topics", tags, "INSERT OR REPLACE")


def all_article_terms(con):
    return con.execute("SELECT article_id, term, n FROM article_terms ORDER BY article_id, term").df()


def refresh_keywords(con, article_ids: list[str], k: int = 8) -> None:
    """Per-article keywords: the k terms with the highest TF-IDF over the whole stored corpus."""
    if not article_ids:
        return
    con.execute("""
        WITH df AS (SELECT term, count(*) AS df FROM article_terms GROUP BY term),
             total AS (SELECT count(*)::DOUBLE AS n FROM articles),
             scored AS (
                SELECT t.article_id, t.term,
                       t.n * ln((SELECT n FROM total) / df.df) AS tfidf
                FROM article_terms t JOIN df USING (term)
                WHERE t.article_id IN (SELECT unnest($ids))),
             ranked AS (
                SELECT article_id, list(term ORDER BY tfidf DESC, term) AS terms
                FROM scored GROUP BY article_id)
        UPDATE articles SET keywords = ranked.terms[1:$k]
        FROM ranked WHERE articles.article_id = ranked.article_id""", {"ids": article_ids, "k": k})


def remove_orphan_entities(con) -> None:
    """Entities found by rules that no article mentions any more (after an update) are dropped."""
    con.execute("DELETE FROM entity_aliases WHERE entity_id NOT IN (SELECT DISTINCT entity_id FROM mentions)")
    con.execute("DELETE FROM entities WHERE entity_id NOT IN (SELECT DISTINCT entity_id FROM mentions)")


def record_quarantine(con, run_id: int, rows: list[tuple[str, str, str | None]]) -> None:
    if rows:
        import pandas as pd

        frame = pd.DataFrame(rows, columns=["origin", "error", "file_hash"])
        frame.insert(0, "run_id", run_id)
        _insert_frame(con, "quarantine", frame)


def record_run(con, run: dict) -> None:
    con.execute("""
        INSERT OR REPLACE INTO etl_runs (run_id, started_at, finished_at, status, n_seen, n_new, n_updated,
                                         n_unchanged, n_quarantined, seconds, inputs, message)
        VALUES ($run_id, $started_at, $finished_at, $status, $n_seen, $n_new, $n_updated,
                $n_unchanged, $n_quarantined, $seconds, $inputs, $message)""", run)


# ---------------------------------------------------------------- status

def status_summary(db_path: Path) -> dict:
    """What is in the published database and how fresh it is (for `geonews etl status`)."""
    if not db_path.exists():
        return {"database": str(db_path), "exists": False}
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                  for t in ("articles", "entities", "mentions", "figures", "topics", "article_topics", "quarantine")}
        span = con.execute("SELECT min(published_at), max(published_at) FROM articles").fetchall()[0]
        by_source = con.execute("""
            SELECT source, count(*) AS n, max(published_at) AS newest FROM articles
            GROUP BY source ORDER BY n DESC""").fetchall()
        runs = con.execute("""
            SELECT run_id, started_at, finished_at, status, n_seen, n_new, n_updated, n_unchanged,
                   n_quarantined, seconds FROM etl_runs ORDER BY run_id DESC LIMIT 5""").fetchall()
        dates = dict(con.execute("SELECT date_status, count(*) FROM articles GROUP BY 1").fetchall())
    finally:
        con.close()
    return {
        "database": str(db_path), "exists": True, "size_bytes": db_path.stat().st_size,
        "counts": counts, "dates": dates,
        "published_span": [str(span[0]) if span[0] else None, str(span[1]) if span[1] else None],
        "sources": [{"source": s, "articles": n, "newest": str(d) if d else None} for s, n, d in by_source],
        "runs": [dict(zip(("run_id", "started_at", "finished_at", "status", "n_seen", "n_new", "n_updated",
                           "n_unchanged", "n_quarantined", "seconds"), r)) for r in runs],
    }
