"""How fast are the dashboard's queries on a large archive?

Builds a database of >= 200,000 articles from the real corpus, then times the queries each page runs
(the functions of dashboard/queries.py and the chart data functions of dashboard/charts.py that
`geonews export` uses), unfiltered and filtered, and prints: page, query, case, median ms of 5.

The large database is the real corpus run through the real ETL once, then replicated with SQL: copy k
of every article gets a new id, origin, content hash, a date shifted by up to three years and an
outlet from the real ones plus ten "mirror" outlets (the same scheme as bench/scale.py), and its
mentions, figures, topics and terms come along. Running the ETL on 200k scaled files would take hours
on two cores and measure the ETL, which bench/etl.py does; the replicated rows have the same shape
and text as real ones. Titles are kept, so the stored char offsets still point at the right text.

    python -m bench.dashboard                      # build data/bench-dashboard.duckdb, then time
    python -m bench.dashboard --reuse              # time an existing one
    python -m bench.dashboard --articles 50000     # smaller
    python -m bench.dashboard --reuse --page figures   # one page
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.scale import DAY_SPREAD, N_MIRRORS  # noqa: E402
from etl.db import schema_sql  # noqa: E402
from etl.derived import DERIVED_TABLES, refresh_derived  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_DB = ROOT / "data" / "bench-dashboard.duckdb"   # /data/*.duckdb is git-ignored
REPEAT = 5
# Tables keyed by article: replicated with each copy. `inputs` (the ETL's file ledger) is not read
# by the dashboard and is left alone.
SKIP_TABLES = {"articles", "inputs", *DERIVED_TABLES}


def build_base(corpus: Path, base_db: Path) -> None:
    """The real corpus through the real ETL (`geonews etl run`)."""
    base_db.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "etl.cli", "etl", "run", "--input", str(corpus), "--db", str(base_db),
           "--json", "--workers", str(os.cpu_count() or 1)]
    t0 = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"ETL failed ({res.returncode}):\n{res.stderr[-3000:]}")
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"base: ETL of {corpus} -> {summary['n_new']} articles in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def replicate(base_db: Path, out_db: Path, n_articles: int) -> None:
    """Copy the base database and add copies of every article until there are >= n_articles."""
    tmp = out_db.with_name(out_db.name + ".tmp")
    tmp.unlink(missing_ok=True)
    shutil.copyfile(base_db, tmp)
    con = duckdb.connect(str(tmp))
    con.execute(schema_sql())   # a base built by an older ETL may lack the derived tables
    n_base = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    if n_base == 0:
        sys.exit("the base database has no articles")
    copies = math.ceil(n_articles / n_base)
    outlets = [r[0] for r in con.execute("SELECT DISTINCT source FROM articles ORDER BY source").fetchall()]
    outlets += [f"镜像站{i:02d}" for i in range(1, N_MIRRORS + 1)]
    t0 = time.perf_counter()

    # j numbers the base articles, k the copies (1 .. copies-1; copy 0 is the base itself).
    con.execute("CREATE TEMP TABLE base AS SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS j "
                "FROM articles")
    con.execute(f"CREATE TEMP TABLE copies AS SELECT range AS k FROM range(1, {copies})")
    new_id = "b.article_id || '~' || c.k"

    cols = _columns(con, "articles")
    special = {
        "article_id": new_id,
        "source": f"(?::VARCHAR[])[1 + (c.k + b.j) % {len(outlets)}]",
        "published_at": f"a.published_at - to_days(CAST((c.k * 7919 + b.j * 104729) % {DAY_SPREAD} AS INTEGER))",
        "origin": "'c' || lpad(CAST(c.k AS VARCHAR), 4, '0') || '/' || a.origin",
        "content_hash": "a.content_hash || '~' || c.k",
        "url": "CASE WHEN a.url IS NULL THEN NULL ELSE a.url || '#' || c.k END",
    }
    select = ", ".join(special.get(col, f"a.{col}") for col in cols)
    con.execute(f"""INSERT INTO articles ({", ".join(cols)})
                    SELECT {select} FROM articles a JOIN base b USING (article_id) CROSS JOIN copies c""",
                [outlets])

    tables = [r[0] for r in con.execute(
        "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'article_id' "
        "AND table_schema = 'main'").fetchall()]
    for table in sorted(set(tables) - SKIP_TABLES):
        tcols = _columns(con, table)
        select = ", ".join(new_id if col == "article_id" else f"t.{col}" for col in tcols)
        con.execute(f"""INSERT INTO {table} ({", ".join(tcols)})
                        SELECT {select} FROM {table} t JOIN base b USING (article_id) CROSS JOIN copies c""")
    print(f"replicated {n_base} articles x {copies} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    # the derived tables were copied too (keyed by article) or are aggregates: rebuild them as the ETL does
    t0 = time.perf_counter()
    refresh_derived(con)
    print(f"refresh_derived: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    con.execute("CHECKPOINT")
    con.close()
    os.replace(tmp, out_db)


# ---------------------------------------------------------------------------------------------


def pages(db: str):
    """{page: [(query label, fn(con, filters))]}: every query a page runs with its default widgets,
    as the page calls them (one read-only connection per page run, as dashboard/db.batch opens)."""
    from dashboard import charts, queries

    with duckdb.connect(db, read_only=True) as con:
        topics = queries.topic_list(con)["topic_id"].tolist()
        ents = queries.top_entities(con, _filters(), limit=5)["entity_id"].tolist()
        last_run = int(queries.recent_runs(con, 1)["run_id"].iloc[0])
    q, c = queries, charts
    net_opts = dict(top_n=30, types=("person", "place", "org"), min_count=2, weight="pmi")
    return {
        "sidebar": [
            ("freshness", lambda con, f: q.freshness(con)),
            ("source_list", lambda con, f: q.source_list(con)),
            ("topic_list", lambda con, f: q.topic_list(con)),
            ("entity_list(400)", lambda con, f: q.entity_list(con, 400)),
        ],
        "overview": [
            ("filter_summary", lambda con, f: q.filter_summary(con, f)),
            ("chart overview (per outlet x month)", lambda con, f: c.overview_data(con, f)),
            ("chart_context", lambda con, f: c.chart_context(con, f, "t")),
            ("coverage_span", lambda con, f: q.coverage_span(con, f)),
            ("top_entities_recent(7 d, 30 d)", lambda con, f: [q.top_entities_recent(con, f, d, 10) for d in (7, 30)]),
            ("top_topics_recent(7 d, 30 d)", lambda con, f: [q.top_topics_recent(con, f, d, 10) for d in (7, 30)]),
            ("recent_runs, quarantined, run_changes", lambda con, f: [q.recent_runs(con, 5), q.quarantined(con, 100),
                                                                      q.run_changes(con, last_run, 50)]),
        ],
        "trends": [
            ("topic_list + entity_list", lambda con, f: [q.topic_list(con), q.entity_list(con, 400)]),
            ("chart trends (3 topics, month)", lambda con, f: c.trends_data(con, f, "topic", topics[:3])),
            ("chart_context", lambda con, f: c.chart_context(con, f, "t")),
        ],
        "trends/entities": [
            ("chart trends (3 entities, week)", lambda con, f: c.trends_data(con, f, "entity", ents[:3], "week")),
            ("chart_context", lambda con, f: c.chart_context(con, f, "t")),
        ],
        "trends/keyword": [
            ("chart trends (keyword 天然气, month)", lambda con, f: c.trends_data(con, f, "keyword", ["天然气"])),
            ("chart_context", lambda con, f: c.chart_context(con, f, "t")),
        ],
        "entities": [
            ("chart entities (top 30 + PMI)", lambda con, f: c.entities_data(con, f, **net_opts)),
            ("chart_context x2", lambda con, f: [c.chart_context(con, f, "t") for _ in range(2)]),
            ("partners(top entity)", lambda con, f: q.partners(con, f, ents[0], 2, 50)),
            ("cooccurrence_examples", lambda con, f: q.cooccurrence_examples(con, f, ents[0], ents[1], 10)),
        ],
        "sources": [
            ("chart sources (topic share)", lambda con, f: c.sources_data(con, f)),
            ("chart distinctive (log-odds)", lambda con, f: c.distinctive_data(con, f)),
            ("chart leadlag (week)", lambda con, f: c.leadlag_data(con, f)),
            ("chart_context x3 + filter_summary", lambda con, f: [c.chart_context(con, f, "t") for _ in range(3)]
             + [q.filter_summary(con, f)]),
        ],
        "figures": [
            ("figure_kinds", lambda con, f: q.figure_kinds(con, f)),
            ("figure_subjects (volume m3)", lambda con, f: q.figure_subjects(con, f, "volume", "m3")),
            ("chart figures (volume m3)", lambda con, f: c.figures_data(con, f, kind="volume", unit="m3")),
            ("chart_context", lambda con, f: c.chart_context(con, f, "t")),
            ("figure_conflicts", lambda con, f: q.figure_conflicts(con, f, ("volume",), ("m3",))),
        ],
        "articles": [
            ("search_articles (no words)", lambda con, f: q.search_articles(con, f)),
        ],
        "articles/words": [
            ("search_articles ('天然气 管道')", lambda con, f: q.search_articles(con, f, "天然气 管道")),
        ],
        "articles/read": [   # ?article=ID: the reading view
            ("article(id)", lambda con, f: q.article(con, _some_article(db))),
        ],
    }


def time_page(db: str, queries_: list, f) -> tuple[float, dict[str, float]]:
    """Median over REPEAT runs of the whole page (open the file read-only, run every query, close),
    and each query's median inside it."""
    totals, per = [], {label: [] for label, _ in queries_}
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        with duckdb.connect(db, read_only=True) as con:
            for label, fn in queries_:
                t1 = time.perf_counter()
                fn(con, f)
                per[label].append((time.perf_counter() - t1) * 1000)
        totals.append((time.perf_counter() - t0) * 1000)
    return statistics.median(totals), {k: statistics.median(v) for k, v in per.items()}


def _filters(**kw):
    from dashboard.filters import Filters

    return Filters(**kw)


_ARTICLE: dict[str, str] = {}


def _some_article(db: str) -> str:
    if db not in _ARTICLE:
        with duckdb.connect(db, read_only=True) as con:
            _ARTICLE[db] = con.execute("SELECT article_id FROM articles ORDER BY published_at DESC NULLS LAST "
                                       "LIMIT 1").fetchone()[0]
    return _ARTICLE[db]


def filtered_case(db: str):
    """A typical narrowed view: one year, the two biggest outlets."""
    from dashboard import queries

    top = queries.source_list(db)["source"].tolist()[:2]
    return _filters(start=date(2021, 1, 1), end=date(2021, 12, 31), sources=tuple(top))


def report_db(db: Path) -> None:
    size = db.stat().st_size
    print(f"database: {db}  {size / 1e6:,.0f} MB")
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("articles", "mentions", "entities", "figures", "article_topics", "article_terms", "topics"):
            n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            print(f"  {table:<15} {n:>12,}")


def run_bench(db: Path, only: list[str] | None = None) -> list[tuple]:
    path = str(db)
    views = [("all", _filters()), ("2021, 2 outlets", filtered_case(path))]
    rows = []
    for page, qs in pages(path).items():
        if only and page.split("/")[0] not in only:
            continue
        for case, f in views:
            total, per = time_page(path, qs, f)
            rows.append((page, case, total))
            print(f"{page:<16} {'= PAGE (connect + all queries)':<40} {case:<16} {total:>9.1f}", flush=True)
            for label, ms in per.items():
                print(f"{'':<16} {label:<40} {case:<16} {ms:>9.1f}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--reuse", action="store_true", help="time an existing --db instead of building it")
    ap.add_argument("--page", action="append", help="time only this page (repeatable)")
    args = ap.parse_args(argv)

    if not (args.reuse and args.db.exists()):
        base = args.db.with_name(args.db.stem + ".base.duckdb")
        if not base.exists():
            build_base(args.corpus, base)
        replicate(base, args.db, args.articles)
    report_db(args.db)
    print(f"\n{'page':<16} {'query':<40} {'filters':<16} {'ms (med 5)':>9}")
    rows = run_bench(args.db, args.page)
    worst = max(rows, key=lambda r: r[2])
    print(f"\nslowest page: {worst[0]} ({worst[1]}): {worst[2]:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
