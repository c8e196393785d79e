"""Extraction benchmark on the real corpus: MB/s and posts/s, one core and all cores, per extractor.

    python bench/extract.py [--repeat 5] [--workers N]

Reads every post of ../shared/corpus and ../shared/seed once (parsing is not timed), then times the
whole extraction (segmentation, entities, figures, terms, topics) over the documents `--repeat` times:
article by article (`etl.process.extract`), and in batches as the ETL's workers run it
(`etl.process.extract_many`), in one process and in a pool of N processes. Also times each extractor
alone in one process, to show where the time goes.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from etl.models import compose_document  # noqa: E402
from etl.pipeline import JOB_BATCH  # noqa: E402
from etl.process import _topics, extract, extract_many, fact_rows, warm_up  # noqa: E402
from etl.reader import BadInput, parse_post  # noqa: E402


def load_posts() -> list[tuple[str, str, str]]:
    posts = []
    for path in sorted((SHARED / "corpus").rglob("*.md")) + sorted((SHARED / "seed").glob("*")):
        try:
            p = parse_post(path.read_bytes(), path.name)
        except BadInput:
            continue
        posts.append((p.title, p.text, p.captions))
    return posts


def _extract(post):
    return extract(*post)


def _extract_batch(posts):
    # what the ETL's workers send back: the facts as plain table rows (they pickle several times faster)
    return [fact_rows(*facts) for facts in extract_many(posts)]


def _warm_pid(_):
    time.sleep(0.05)   # long enough that every ready worker gets a task
    return os.getpid()


def _batches(posts, size):
    return [posts[i:i + size] for i in range(0, len(posts), size)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    args = ap.parse_args()

    posts = load_posts()
    docs = [compose_document(*p) for p in posts]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    work = posts * args.repeat
    print(f"{len(posts)} posts, {mb:.2f} MB of UTF-8 text, x{args.repeat}")
    warm_up()
    from etl.entities import extract_entities
    from etl.figures import extract_figures
    from etl.segment import content_terms
    from etl.topics import score_topics

    topics = _topics()
    for name, fn in [("segmentation+terms", lambda p, d: content_terms(d)),
                     ("entities", lambda p, d: extract_entities(d)),
                     ("figures", lambda p, d: extract_figures(d)),
                     ("topics", lambda p, d: score_topics(p[0], p[1], topics))]:
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for p, d in zip(posts, docs):
                fn(p, d)
        dt = time.perf_counter() - t0
        print(f"  {name:<20} {mb * args.repeat / dt:7.2f} MB/s  one core")

    t0 = time.perf_counter()
    for p in work:
        extract(*p)
    one = time.perf_counter() - t0
    print(f"whole extraction, 1 core, article by article: {mb * args.repeat / one:6.2f} MB/s  {len(work) / one:7.0f} posts/s")
    t0 = time.perf_counter()
    for batch in _batches(work, JOB_BATCH):
        extract_many(batch)
    one = time.perf_counter() - t0
    print(f"whole extraction, 1 core, in batches of {JOB_BATCH} as the ETL runs it: "
          f"{mb * args.repeat / one:6.2f} MB/s  {len(work) / one:7.0f} posts/s")

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(args.workers, initializer=warm_up) as pool:
        # Wait until every worker has warmed up: a worker takes tasks only after its initializer, so a
        # quick first map may be served by one worker while the others still build their lexicons (that
        # start-up belongs to the ETL benchmark, not to the steady throughput measured here).
        ready: set[int] = set()
        while len(ready) < args.workers:
            ready |= set(pool.map(_warm_pid, range(args.workers * 4), chunksize=1))
        # ... and has seen the corpus once, as the one-core timings above have: the per-process caches of
        # word classes and name tokens fill on a run's first few hundred posts (a first pass is ~30%
        # slower), and a long run spends nearly all its time with them full.
        pool.map(_extract_batch, _batches(posts, JOB_BATCH), chunksize=1)
        t0 = time.perf_counter()
        pool.map(_extract_batch, _batches(work, JOB_BATCH), chunksize=1)
        many = time.perf_counter() - t0
    print(f"whole extraction, {args.workers} cores, in batches of {JOB_BATCH}: {mb * args.repeat / many:6.2f} MB/s  "
          f"{len(work) / many:7.0f} posts/s  ({mb * args.repeat / many / args.workers:.2f} MB/s per core)")


if __name__ == "__main__":
    main()
