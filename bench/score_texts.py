"""Score extraction on plain news texts nobody here has seen: a blind check beside bench/score_heldout.py.

    python bench/score_texts.py TEXTS_DIR GOLD.jsonl [--verbose]

TEXTS_DIR holds one article per `*.txt` file (an optional first line with the source URL, then the
article: its first non-empty line is taken as the title). GOLD.jsonl holds one annotation per article
in the format of ../shared/gold/README.md, with "file" naming the text file. The texts are wrapped
into posts of the archive's format, ingested with `geonews etl run` into a temporary database, and
scored with the official scorer (../shared/tools/score_extraction.py).

Third-party texts stay outside the repository: keep them where they were collected and point
TEXTS_DIR there.
"""
from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.score_dev import load_scorer  # noqa: E402
from etl.process import title_key  # noqa: E402


def split_text(raw: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a text file: a leading URL line is skipped, the first line is the title."""
    lines = [line.strip() for line in raw.splitlines()]
    if lines and lines[0].startswith(("http://", "https://")):
        lines = lines[1:]
    lines = [line for line in lines if line]
    if len(lines) == 1:
        # one paragraph: its first sentence is the title
        head, dot, rest = lines[0].partition("。")
        lines = [head + dot, rest] if rest else lines
    return (lines[0], lines[1:]) if lines else ("", [])


def as_post(title: str, paragraphs: list[str], n: int) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    front = json.dumps(title, ensure_ascii=False)   # JSON strings are valid YAML scalars
    return (f"---\ntitle: {front}\ncategories:\n - blind\n - texts\nauthor: blind\n"
            f"date: 2022-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}Z\n---\n{body}\n")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    texts, gold_path = Path(args[0]), Path(args[1])
    with tempfile.TemporaryDirectory() as tmp:
        posts, titles = Path(tmp) / "posts", {}
        posts.mkdir()
        split = {path: split_text(path.read_text(encoding="utf-8")) for path in sorted(texts.glob("*.txt"))}
        # the scorer finds an article by its title without punctuation
        seen = Counter(title_key(title) for title, _ in split.values())
        for n, (path, (title, paragraphs)) in enumerate(split.items()):
            if seen[title_key(title)] > 1:
                # texts whose first line is page clutter (![](), ← 返回) share it: one outlet and one
                # title would make them one article, so the file's name tells them apart
                title = f"{title} ({path.stem})"
            titles[path.name] = title
            (posts / f"{path.stem}.md").write_text(as_post(title, paragraphs, n), encoding="utf-8")
        gold = Path(tmp) / "gold.jsonl"
        with open(gold, "w", encoding="utf-8") as out:
            for line in open(gold_path, encoding="utf-8"):
                if line.strip():
                    item = json.loads(line)
                    item["title"] = titles[Path(item["file"]).name]
                    out.write(json.dumps(item, ensure_ascii=False) + "\n")
        db = str(Path(tmp) / "texts.duckdb")
        subprocess.run([sys.executable, "-m", "etl.cli", "etl", "run", "--input", str(posts), "--db", db, "--json"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        print(f"{len(titles)} texts, {sum(1 for l in open(gold) if l.strip())} annotated")
        load_scorer().main(db, str(gold), "--verbose" in sys.argv)


if __name__ == "__main__":
    main()
