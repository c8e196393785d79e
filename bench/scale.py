"""Scale the real corpus up for benchmarks: N distinct posts made from the real ones.

Copy 0 is the original file. Copy k >= 1 of post j keeps the body (so extraction sees real Chinese
news text) and rewrites only the front matter, so that every copy is a distinct article to the ETL:
- title: the original title plus a copy marker, so titles (and content hashes) differ;
- date: shifted by a deterministic number of days, so the copies spread over a few years;
- author (the outlet): the real outlets plus numbered "mirror" outlets, so the source filters and
  the per-outlet charts have more than six series.
The output path is `dst/c<k>/<original relative path>`, so origins differ too.

    python -m bench.scale /work/shared/corpus /tmp/corpus-20k 20000
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import yaml

# Front matter = first block between two '---' lines (the archive files start with a blank line).
FRONT_MATTER = re.compile(r"\A(\s*---\s*\n)(.*?\n)(---\s*\n)", re.S)
DAY_SPREAD = 3 * 365     # copies are spread over ~3 years before the original date
N_MIRRORS = 10           # synthetic outlets on top of the real ones


def _yaml_str(s: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for quotes, colons, '#', newlines.
    return json.dumps(s, ensure_ascii=False)


@dataclass
class _Post:
    rel: Path
    meta: dict          # parsed front matter
    rest: str           # front matter without title/date/author, dumped once (the slow part)
    body: str           # everything after the front matter, verbatim
    text: str           # the original file


def _parse(rel: Path, text: str) -> _Post | None:
    m = FRONT_MATTER.match(text)
    if not m:
        return None
    try:
        meta = yaml.safe_load(m.group(2)) or {}
    except yaml.YAMLError:
        return None
    if not isinstance(meta, dict):
        return None
    others = {k: v for k, v in meta.items() if k not in ("title", "date", "author")}
    rest = yaml.safe_dump(others, allow_unicode=True, sort_keys=False, default_flow_style=False) if others else ""
    return _Post(rel, meta, rest, text[m.end():], text)


def _posts(src_dir: Path) -> list[_Post]:
    posts = []
    for path in sorted(src_dir.rglob("*.md")):
        post = _parse(path.relative_to(src_dir), path.read_text(encoding="utf-8"))
        if post is not None:
            posts.append(post)
    return posts


def variant(post: _Post, k: int, j: int, outlets: list[str]) -> str:
    """Copy k of post j: new title, date and outlet; body unchanged. Copy 0 is the original."""
    if k == 0:
        return post.text
    title = str(post.meta.get("title") or "")
    date = post.meta.get("date")
    date = "" if date is None else str(date)
    title = f"{title}（副本{k}）"
    try:
        dt = parsedate_to_datetime(date)
        # A multiplicative hash keeps neighbouring copies far apart in time.
        dt -= timedelta(days=(k * 7919 + j * 104729) % DAY_SPREAD)
        date = format_datetime(dt, usegmt=dt.tzinfo is not None and dt.utcoffset() == timedelta(0))
    except (TypeError, ValueError):
        pass  # leave an odd date ("Invalid Date") to the ETL, which has to cope with it anyway
    author = outlets[(k + j) % len(outlets)]
    head = f"title: {_yaml_str(title)}\nauthor: {_yaml_str(author)}\n"
    if date:
        head += f"date: {_yaml_str(date)}\n"
    return f"---\n{head}{post.rest}---\n{post.body}"


def scale_corpus(src_dir: str | Path, dst_dir: str | Path, n_posts: int) -> list[Path]:
    """Write `n_posts` distinct posts under `dst_dir` made from the posts under `src_dir`.

    The first len(corpus) posts are the originals (copy 0), then copy 1 of every post, and so on.
    Returns the written paths.
    """
    src_dir, dst_dir = Path(src_dir), Path(dst_dir)
    posts = _posts(src_dir)
    if not posts:
        raise ValueError(f"no Markdown posts with front matter under {src_dir}")
    real = sorted({str(p.meta["author"]) for p in posts if p.meta.get("author")})
    outlets = real + [f"镜像站{i:02d}" for i in range(1, N_MIRRORS + 1)]
    written = []
    for i in range(n_posts):
        k, j = divmod(i, len(posts))
        post = posts[j]
        out = dst_dir / f"c{k:04d}" / post.rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(variant(post, k, j, outlets), encoding="utf-8")
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src_dir")
    ap.add_argument("dst_dir")
    ap.add_argument("n_posts", type=int)
    args = ap.parse_args(argv)
    paths = scale_corpus(args.src_dir, args.dst_dir, args.n_posts)
    print(f"wrote {len(paths)} posts under {args.dst_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
