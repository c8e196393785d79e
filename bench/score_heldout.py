"""Score extraction on our own held-out annotations (bench/heldout/*.jsonl), not on the dev gold.

    python bench/score_heldout.py [DB] [--verbose]

The dev gold in ../shared/gold is what the rules were developed against; these articles were annotated
by hand, independently of the extractors, from corpus files outside the dev gold, following the same
conventions (../shared/gold/README.md). The files store no third-party text but short figure surfaces
and names: the titles the scorer matches on are read from ../shared at run time.
Without DB, builds one from ../shared/corpus with `geonews etl run`.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from bench.score_dev import load_scorer  # noqa: E402
from etl.reader import parse_post  # noqa: E402


def gold_with_titles(out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for path in sorted((ROOT / "bench" / "heldout").glob("*.jsonl")):
            for line in open(path, encoding="utf-8"):
                if line.strip():
                    item = json.loads(line)
                    item["title"] = parse_post((SHARED / item["file"]).read_bytes(), item["file"]).title
                    fh.write(json.dumps(item, ensure_ascii=False) + "\n")
                    n += 1
    return n


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "heldout.jsonl"
        print(f"{gold_with_titles(gold)} held-out articles")
        db = args[0] if args else str(Path(tmp) / "corpus.duckdb")
        if not args:
            subprocess.run([sys.executable, "-m", "etl.cli", "etl", "run", "--input", str(SHARED / "corpus"),
                            "--db", db, "--json"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        load_scorer().main(db, str(gold), "--verbose" in sys.argv)


if __name__ == "__main__":
    main()
