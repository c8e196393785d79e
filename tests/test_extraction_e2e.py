"""Extraction end to end: the real corpus through `geonews etl run`, scored against the gold annotations."""
from __future__ import annotations

import importlib.util
import shutil

import duckdb
import pytest

from tests.conftest import GOLD, SHARED, geonews

pytestmark = pytest.mark.slow


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_scores_meet_the_bar(corpus_db, capsys):
    scores = _scorer().main(str(corpus_db), str(GOLD))
    printed = capsys.readouterr().out
    assert "not found by title" not in printed, printed
    assert scores["fig_p"] >= 0.97, printed
    assert scores["fig_r"] >= 0.93, printed
    assert scores["fig_macro_f1"] >= 0.93, printed
    assert scores["ent_p"] >= 0.92, printed
    assert scores["ent_r"] >= 0.88, printed
    assert scores["ent_macro_f1"] >= 0.88, printed


def _rows(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_facts_are_well_formed(corpus_db):
    # figure offsets point at their surface text in the composed document
    rows = _rows(corpus_db, """
        SELECT f.text, substr(a.title || chr(10) || chr(10) || a.text ||
                              CASE WHEN a.captions <> '' THEN chr(10) || chr(10) || a.captions ELSE '' END,
                              f.start_char + 1, f.end_char - f.start_char)
        FROM figures f JOIN articles a USING (article_id)""")
    assert rows and all(text == at for text, at in rows)
    assert _rows(corpus_db, "SELECT count(*) FROM figures WHERE value_low > value_high")[0][0] == 0
    kinds = {k for (k,) in _rows(corpus_db, "SELECT DISTINCT kind FROM figures")}
    assert kinds <= {"volume", "mass", "money", "percent", "growth", "count"}
    # every mention's entity exists, places carry ISO codes, counts agree with offsets
    assert _rows(corpus_db, "SELECT count(*) FROM mentions WHERE entity_id NOT IN (SELECT entity_id FROM entities)")[0][0] == 0
    assert _rows(corpus_db, "SELECT count(*) FROM mentions WHERE n <> len(offsets)")[0][0] == 0
    assert _rows(corpus_db, "SELECT country FROM entities WHERE name = '俄罗斯' AND type = 'place'") == [("RU",)]
    # the gazetteer resolves aliases to one entity with all its forms
    aliases = {a for (a,) in _rows(corpus_db, "SELECT alias FROM entity_aliases WHERE entity_id = 'org:北大西洋公约组织'")}
    assert {"北约", "北大西洋公约组织"} <= aliases
    # keywords: most articles get TF-IDF keywords, none of them a stopword
    with_keywords = _rows(corpus_db, "SELECT count(*) FROM articles WHERE len(keywords) > 0")[0][0]
    assert with_keywords >= 0.9 * _rows(corpus_db, "SELECT count(*) FROM articles")[0][0]
    assert _rows(corpus_db, "SELECT count(*) FROM articles WHERE list_contains(keywords, '表示')")[0][0] == 0


def test_discovered_topics_on_demand(corpus_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(corpus_db, db)
    out = geonews("etl", "topics", "--db", str(db), "--discover", "8").stdout
    labels = _rows(db, "SELECT topic_id, label FROM topics WHERE kind = 'discovered' ORDER BY topic_id")
    assert len(labels) == 8 and all(" · " in label for _, label in labels)
    assert all(tid in out for tid, _ in labels)
    tagged = _rows(db, """SELECT count(DISTINCT article_id) FROM article_topics
                          WHERE topic_id IN (SELECT topic_id FROM topics WHERE kind = 'discovered')""")[0][0]
    assert tagged > 100
    # curated topics are untouched by the refresh
    assert _rows(db, "SELECT count(*) FROM topics WHERE kind = 'curated'") == \
        _rows(corpus_db, "SELECT count(*) FROM topics WHERE kind = 'curated'")


def test_no_piece_of_a_real_article_breaks_an_extractor():
    # Any window of real text, also with a caption bullet (" ·") put in, must extract without an
    # exception: an extractor bug would send the whole article to quarantine.
    import random

    from etl.entities import extract_entities
    from etl.figures import extract_figures
    from etl.models import compose_document
    from etl.reader import BadInput, parse_post

    docs = []
    for path in sorted((SHARED / "corpus").rglob("*.md")):
        try:
            post = parse_post(path.read_bytes(), path.name)
        except BadInput:
            continue
        docs.append(compose_document(post.title, post.text, post.captions))
    rnd = random.Random(11)
    failures = []
    for _ in range(2000):
        doc = rnd.choice(docs)
        start = rnd.randrange(len(doc))
        piece = doc[start:start + rnd.randrange(1, 160)]
        for _ in range(rnd.choice((0, 0, 1, 3))):
            at = rnd.randrange(len(piece) + 1)
            piece = piece[:at] + rnd.choice((" ·", "·", " ", "-", "（")) + piece[at:]
        for extractor in (extract_entities, extract_figures):
            try:
                extractor(piece)
            except Exception as exc:  # noqa: BLE001 - any exception is the failure this test looks for
                failures.append((extractor.__name__, repr(exc), piece[:60]))
    assert not failures, failures[:5]
