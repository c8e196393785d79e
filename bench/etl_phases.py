"""Where a full ETL run spends its time: wall seconds per phase and CPU seconds of the main process and
of the workers.

    python bench/etl_phases.py [--posts 10000] [--workers N] [--keep DIR]

Runs `geonews etl run` in this process on the real corpus scaled up (as bench/etl.py does) with timers
wrapped around the pipeline's phases: discovery, the stream of worker results (which includes the
batched writes done meanwhile), each table write, the derived tables, keywords and the final publish.
The numbers show which costs grow with the posts of a run and which are fixed per run.
"""
from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

TIMES: dict[str, float] = {}


def _timed(module, name: str, label: str | None = None) -> None:
    fn = getattr(module, name)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            key = label or name
            TIMES[key] = TIMES.get(key, 0.0) + time.perf_counter() - t0

    setattr(module, name, wrapper)


def _instrument() -> None:
    from etl import db as sql
    from etl import pipeline

    for name in ("discover", "refresh_derived", "_retag_all"):
        _timed(pipeline, name)
    for name in ("open_work_copy", "upsert_articles", "insert_facts", "upsert_entities", "upsert_inputs",
                 "refresh_keywords", "remove_orphan_entities", "publish"):
        _timed(sql, name, f"db.{name}")
    results = pipeline._results

    def timed_results(*args):
        t0 = time.perf_counter()
        first = None
        for item in results(*args):
            if first is None:
                first = TIMES["first result (worker start-up)"] = time.perf_counter() - t0
            yield item
        TIMES["worker results, incl. batched writes"] = time.perf_counter() - t0

    pipeline._results = timed_results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--keep", help="build the scaled corpus in this folder and keep it")
    args = ap.parse_args()

    from bench.scale import scale_corpus
    from etl import pipeline
    from etl.config import InputSpec, RunConfig

    with tempfile.TemporaryDirectory(prefix="geonews-phases-") as tmp:
        work = Path(args.keep or tmp)
        corpus, db = work / "corpus", work / "phases.duckdb"
        if not corpus.exists():
            scale_corpus(CORPUS, corpus, args.posts)
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
        _instrument()
        cfg = RunConfig(inputs=[InputSpec(str(corpus))], db=db, workers=args.workers)
        t0 = time.perf_counter()
        summary = pipeline.run(cfg)
        total = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{summary['n_new']} new articles in {total:.1f} s, {args.workers} workers")
    print(f"CPU: main process {own.ru_utime + own.ru_stime:.1f} s (DuckDB threads included), "
          f"workers {kids.ru_utime + kids.ru_stime:.1f} s")
    for name, seconds in sorted(TIMES.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<40} {seconds:7.2f} s")


if __name__ == "__main__":
    main()
