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

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_DB = ROOT / "data" / "bench-dashboard.duckdb"   # /data/*.duckdb is git-ignored
REPEAT = 5
# Tables keyed by article: replicated with each copy. `inputs` (the ETL's file ledger) is not read
# by the dashboard and is left alone.
SKIP_TABLES = {"articles", "inputs"}


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
    con.execute("CHECKPOINT")
    con.close()
    os.replace(tmp, out_db)
    print(f"replicated {n_base} articles x {copies} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


# ---------------------------------------------------------------------------------------------


def timed(fn, *args, **kwargs) -> tuple[float, int]:
    """Median wall time (ms) of REPEAT calls, and the number of rows the last one returned."""
    times, out = [], None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        times.append((time.perf_counter() - t0) * 1000)
    rows = len(out) if hasattr(out, "__len__") else 1
    return statistics.median(times), rows


def cases(db: str):
    """(page, query label, callable) for every query a page runs, as the page calls them."""
    from dashboard import charts, queries

    topics = queries.topic_list(db)["topic_id"].tolist()[:5]
    ents = queries.top_entities(db, _filters(), limit=5)["entity_id"].tolist()
    q = queries
    return [
        ("sidebar", "freshness", lambda f: q.freshness(db)),
        ("sidebar", "source_list", lambda f: q.source_list(db)),
        ("sidebar", "topic_list", lambda f: q.topic_list(db)),
        ("sidebar", "entity_list(400)", lambda f: q.entity_list(db, 400)),
        ("overview", "chart overview (per outlet x month)", lambda f: charts.overview_data(db, f)),
        ("overview", "filter_summary (source line)", lambda f: q.filter_summary(db, f)),
        ("overview", "coverage_span", lambda f: q.coverage_span(db, f)),
        ("overview", "top_entities_recent(30 d)", lambda f: q.top_entities_recent(db, f, 30)),
        ("overview", "top_topics_recent(30 d)", lambda f: q.top_topics_recent(db, f, 30)),
        ("overview", "recent_runs", lambda f: q.recent_runs(db)),
        ("trends", "chart trends (5 topics, month)", lambda f: charts.trends_data(db, f, "topic", topics)),
        ("trends", "trend_series entities (week)", lambda f: q.trend_series(db, f, "entity", ents, "week")),
        ("trends", "trend_series keyword (month)", lambda f: q.trend_series(db, f, "keyword", ["天然气"], "month")),
        ("entities", "chart entities (top 30 + PMI)", lambda f: charts.entities_data(db, f)),
        ("entities", "partners(top entity)", lambda f: q.partners(db, f, ents[0]) if ents else None),
        ("entities", "cooccurrence_examples", lambda f: q.cooccurrence_examples(db, f, *ents[:2])
         if len(ents) > 1 else None),
        ("sources", "chart sources (topic share)", lambda f: charts.sources_data(db, f)),
        ("sources", "chart distinctive (log-odds)", lambda f: charts.distinctive_data(db, f)),
        ("sources", "chart leadlag (week)", lambda f: charts.leadlag_data(db, f)),
        ("figures", "chart figures (default kind)", lambda f: charts.figures_data(db, f)),
        ("figures", "figure_kinds", lambda f: q.figure_kinds(db, f)),
        ("figures", "figure_conflicts", lambda f: q.figure_conflicts(db, f)),
        ("articles", "search_articles (no words)", lambda f: q.search_articles(db, f)),
        ("articles", "search_articles ('天然气 管道')", lambda f: q.search_articles(db, f, "天然气 管道")),
        ("articles", "article(id)", lambda f: q.article(db, _some_article(db))),
    ]


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


def run_bench(db: Path) -> list[tuple]:
    import logging

    from streamlit.runtime.caching import cache_data_api  # noqa: F401  (quiet "No runtime found")
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

    path = str(db)
    views = [("all", _filters()), ("2021, 2 outlets", filtered_case(path))]
    rows = []
    for page, label, fn in cases(path):
        for case, f in views:
            ms, n = timed(fn, f)
            rows.append((page, label, case, ms, n))
            print(f"{page:<9} {label:<40} {case:<16} {ms:>9.1f} {n:>7}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--reuse", action="store_true", help="time an existing --db instead of building it")
    args = ap.parse_args(argv)

    if not (args.reuse and args.db.exists()):
        base = args.db.with_name(args.db.stem + ".base.duckdb")
        if not base.exists():
            build_base(args.corpus, base)
        replicate(base, args.db, args.articles)
    report_db(args.db)
    print(f"\n{'page':<9} {'query':<40} {'filters':<16} {'ms (med 5)':>9} {'rows':>7}")
    rows = run_bench(args.db)
    worst = max(rows, key=lambda r: r[3])
    total = sum(r[3] for r in rows if r[2] == "all")
    print(f"\nslowest: {worst[0]} / {worst[1]} ({worst[2]}): {worst[3]:.0f} ms; "
          f"sum of unfiltered medians: {total:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
