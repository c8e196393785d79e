"""Score the extractors against the gold annotations without running the whole pipeline.

    python bench/score_dev.py [GOLD.jsonl] [--verbose]

Reads each gold article from ../shared, runs extract_figures and extract_entities on its document,
writes the results into a throw-away DuckDB with the contract's tables, and runs the official scorer
(../shared/tools/score_extraction.py) on it. The real pipeline is scored the same way on a database
built by `geonews etl run`; this is the quick loop for working on extraction rules.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from etl import gazetteer  # noqa: E402
from etl.models import compose_document  # noqa: E402
from etl.reader import parse_post  # noqa: E402


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_db(gold_path: Path, db_path: str) -> None:
    from etl.entities import extract_entities
    from etl.figures import extract_figures

    aliases_of = {e.entity_id: set(e.aliases) for e in gazetteer.load()}
    con = duckdb.connect(db_path)
    con.execute("create table articles (article_id varchar, title varchar)")
    con.execute("create table figures (article_id varchar, kind varchar, value_low double, value_high double, unit varchar, text varchar)")
    con.execute("create table entities (entity_id varchar, name varchar, type varchar)")
    con.execute("create table entity_aliases (entity_id varchar, alias varchar)")
    con.execute("create table mentions (article_id varchar, entity_id varchar, n integer)")
    seen_entities = {}
    for i, line in enumerate(open(gold_path, encoding="utf-8")):
        if not line.strip():
            continue
        gold = json.loads(line)
        post = parse_post((SHARED / gold["file"]).read_bytes(), gold["file"])
        doc = compose_document(post.title, post.text, post.captions)
        aid = f"a{i}"
        con.execute("insert into articles values (?, ?)", [aid, post.title])
        for f in extract_figures(doc):
            con.execute("insert into figures values (?, ?, ?, ?, ?, ?)",
                        [aid, f.kind, f.value_low, f.value_high, f.unit, f.text])
        for m in extract_entities(doc):
            con.execute("insert into mentions values (?, ?, ?)", [aid, m.entity_id, m.n])
            known = seen_entities.setdefault(m.entity_id, (m.name, m.type, set()))
            known[2].update(m.surfaces)
            known[2].update(aliases_of.get(m.entity_id, ()))
    for eid, (name, typ, aliases) in seen_entities.items():
        con.execute("insert into entities values (?, ?, ?)", [eid, name, typ])
        for a in aliases:
            con.execute("insert into entity_aliases values (?, ?)", [eid, a])
    con.close()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_path = Path(args[0]) if args else SHARED / "gold" / "dev.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "score.duckdb")
        build_db(gold_path, db)
        load_scorer().main(db, str(gold_path), "--verbose" in sys.argv)


if __name__ == "__main__":
    main()
