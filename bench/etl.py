"""ETL benchmark: the real corpus scaled up, a full run and an unchanged rerun, against a notebook baseline.

    python bench/etl.py [--posts 10000] [--workers N] [--baseline-posts 150] [--keep DIR]

Prints posts/s, MB/s and peak memory (the run's whole process tree, sampled every 50 ms) for:
  - full run: `geonews etl run` on N posts into a new database;
  - unchanged rerun: the same command again (every input skipped by content hash);
  - notebook baseline: python-frontmatter + BeautifulSoup + jieba.posseg + pandas, one process, on a
    subset (it is too slow for the whole set), scaled to posts/s.
No timing is asserted anywhere; the numbers go into the notes.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from bench.scale import scale_corpus  # noqa: E402


def run_measured(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS of the process tree in MB, stdout."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            rss = ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.05)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return time.perf_counter() - t0, peak / 1e6, out


def notebook_baseline(files: list[Path]) -> float:
    """The single-process notebook way: frontmatter + BeautifulSoup + jieba.posseg + pandas. Posts/s."""
    import frontmatter
    import jieba
    import jieba.posseg as pseg
    import pandas as pd
    from bs4 import BeautifulSoup

    jieba.setLogLevel(60)
    jieba.initialize()
    t0 = time.perf_counter()
    rows = []
    for path in files:
        post = frontmatter.load(path)
        text = BeautifulSoup(post.content, "html.parser").get_text("\n", strip=True)
        words = [(w, f) for w, f in pseg.cut(text)]
        rows.append(dict(title=post.get("title"), date=post.get("date"), text=text,
                         people=[w for w, f in words if f == "nr"], places=[w for w, f in words if f == "ns"],
                         orgs=[w for w, f in words if f == "nt"]))
    frame = pd.DataFrame(rows)
    frame.explode("people").groupby("people").size()
    return len(files) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--baseline-posts", type=int, default=150)
    ap.add_argument("--keep", help="build the scaled corpus and database in this folder and keep them")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="geonews-bench-") as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus, db = work / "corpus", work / "bench.duckdb"
        if not corpus.exists():
            scale_corpus(CORPUS, corpus, args.posts)
        files = sorted(p for p in corpus.rglob("*.md"))
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
        print(f"corpus: {len(files)} posts, {size_mb:.1f} MB (real corpus scaled up), workers: {args.workers}")

        cmd = [sys.executable, "-m", "etl.cli", "etl", "run", "--input", str(corpus), "--db", str(db),
               "--workers", str(args.workers), "--json"]
        full_s, full_mb, out = run_measured(cmd)
        summary = json.loads(out.strip().splitlines()[-1])
        print(f"full run:        {full_s:7.1f} s  {len(files) / full_s:8.0f} posts/s  {size_mb / full_s:6.2f} MB/s  "
              f"peak {full_mb:6.0f} MB  (new {summary['n_new']}, quarantined {summary['n_quarantined']})")
        re_s, re_mb, out = run_measured(cmd)
        summary = json.loads(out.strip().splitlines()[-1])
        print(f"unchanged rerun: {re_s:7.1f} s  {len(files) / re_s:8.0f} posts/s  "
              f"peak {re_mb:6.0f} MB  (unchanged {summary['n_unchanged']}) = {100 * re_s / full_s:.1f}% of the full run")
        print(f"database: {db.stat().st_size / 1e6:.0f} MB")

        subset = files[:: max(1, len(files) // args.baseline_posts)][: args.baseline_posts]
        base = notebook_baseline(subset)
        ours = len(files) / full_s
        print(f"notebook baseline (frontmatter+BeautifulSoup+jieba.posseg+pandas, 1 process, {len(subset)} posts): "
              f"{base:.1f} posts/s")
        print(f"speed-up of the full run over the notebook: {ours / base:.1f}x")


if __name__ == "__main__":
    main()
