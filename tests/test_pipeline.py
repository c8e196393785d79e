"""The ETL run as users and cron run it: the real command, a real DuckDB file, real processes."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import CORPUS, ROOT, SEED, geonews, ingest, need_shared

POST = """---
title: '{title}'
categories:
 - 新媒体
 - {source}
 - 国际
author: {source}
date: {date}
---

<div>
<p>{body}</p>
<p>俄罗斯向中国每年输送380亿立方米天然气，北约秘书长斯托尔滕贝格对此表示关注。</p>
</div>
"""


def write_post(folder: Path, name: str, title: str, body: str = "第一段。", source: str = "测试社",
               date: str = "Mon, 07 Feb 2022 08:00:00 GMT", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(POST.format(title=title, body=body, source=source, date=date).encode(encoding))
    return path


def query(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_contract_tables_and_columns(sample_db):
    required = {
        "articles": {"article_id", "title", "source", "channel", "published_at", "origin", "text", "content_hash"},
        "entities": {"entity_id", "name", "type"},
        "entity_aliases": {"entity_id", "alias"},
        "mentions": {"article_id", "entity_id", "n"},
        "figures": {"article_id", "kind", "value_low", "value_high", "unit", "per", "text", "sentence"},
        "topics": {"topic_id", "label"},
        "article_topics": {"article_id", "topic_id", "score"},
        "etl_runs": {"run_id", "started_at", "finished_at", "status", "n_new", "n_updated", "n_unchanged", "n_quarantined"},
        "quarantine": {"run_id", "origin", "error"},
    }
    for table, cols in required.items():
        have = {r[0] for r in query(sample_db, "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])}
        assert cols <= have, (table, cols - have)
    assert query(sample_db, "SELECT count(*) FROM articles")[0][0] >= 150
    assert query(sample_db, "SELECT count(DISTINCT source) FROM articles")[0][0] >= 4
    types = {r[0] for r in query(sample_db, "SELECT DISTINCT type FROM entities")}
    assert types <= {"person", "place", "org"}
    assert query(sample_db, "SELECT count(*) FROM articles WHERE published_at IS NOT NULL AND date_status = 'given'")[0][0] > 100


def test_incremental_identity_updates_and_removed_files(tmp_path):
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "甲新闻", "甲的正文。")
    write_post(src, "b.md", "乙新闻", "乙的正文。")
    write_post(src, "sub/b-copy.md", "乙新闻", "乙的正文。")         # a later copy of the same post
    first = ingest(db, src)
    assert (first["n_new"], first["n_unchanged"], first["n_quarantined"]) == (2, 1, 0)
    ids = dict(query(db, "SELECT title, article_id FROM articles"))

    again = ingest(db, src)                                           # nothing changed: nothing written
    assert (again["n_new"], again["n_updated"], again["n_unchanged"]) == (0, 0, 3)

    write_post(src, "a.md", "甲新闻", "甲的正文，已更新。")                # an edited post
    (src / "sub" / "b-copy.md").unlink()                             # a removed file
    edited = ingest(db, src)
    assert (edited["n_new"], edited["n_updated"]) == (0, 1)
    assert dict(query(db, "SELECT title, article_id FROM articles")) == ids    # ids are stable
    assert query(db, "SELECT text FROM articles WHERE title = '甲新闻'")[0][0].startswith("甲的正文，已更新。")
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 2               # removed files are kept
    runs = query(db, "SELECT run_id, status, n_new, n_updated FROM etl_runs ORDER BY run_id")
    assert runs == [(1, "ok", 2, 0), (2, "ok", 0, 0), (3, "ok", 0, 1)]
    # facts of the edited article were replaced, not duplicated
    n_fig = query(db, "SELECT count(*) FROM figures f JOIN articles a USING (article_id) WHERE a.title = '甲新闻'")[0][0]
    assert n_fig == 1


def test_an_edited_copy_met_in_the_same_first_run_is_one_updated_article(tmp_path):
    # two files of one outlet under one title with different bodies: one article, the later file wins;
    # in a fresh database (no topics table yet) its first version's tags must not survive either
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "同一个标题", "俄罗斯与乌克兰冲突持续，泽连斯基表示将继续抵抗。")
    write_post(src, "b.md", "同一个标题", "乌克兰战争：俄军在顿巴斯推进，基辅再次遭到袭击。")
    summary = ingest(db, src)
    assert (summary["status"], summary["n_new"], summary["n_updated"]) == ("ok", 1, 1)
    assert query(db, "SELECT text FROM articles")[0][0].startswith("乌克兰战争")
    tags = query(db, "SELECT topic_id, count(*) FROM article_topics GROUP BY topic_id")
    assert tags and all(n == 1 for _, n in tags)


def test_posts_whose_titles_name_nothing_are_told_apart_by_their_text(tmp_path):
    # pages archived with clutter as their title ("![]()"): the title is no identity, the text is
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "![]()", "俄罗斯与乌克兰冲突持续，泽连斯基表示将继续抵抗。")
    write_post(src, "b.md", "![]()", "印度与巴基斯坦关系紧张，两国在边境增兵。")
    write_post(src, "c.md", "![]()", "俄罗斯与乌克兰冲突持续，泽连斯基表示将继续抵抗。")   # a copy of a.md
    summary = ingest(db, src)
    assert (summary["status"], summary["n_new"]) == ("ok", 2)
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 2


def test_bad_files_are_quarantined_with_reasons_and_never_stop_the_run(tmp_path):
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "good.md", "好新闻")
    write_post(src, "gbk.md", "编码新闻", encoding="gb18030")
    (src / "notes.txt").write_text("随手记下的笔记，没有前置元数据。", encoding="utf-8")
    (src / "broken.md").write_text("---\ntitle: [坏\n---\n<p>x</p>", encoding="utf-8")
    (src / "empty.md").write_text("---\ntitle: 空\nauthor: 某社\n---\n<div> </div>", encoding="utf-8")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    summary = ingest(db, src)
    assert summary["status"] == "partial"
    assert (summary["n_new"], summary["n_quarantined"], summary["n_seen"]) == (2, 4, 6)
    reasons = dict(query(db, "SELECT origin, error FROM quarantine"))
    assert "no YAML front matter" in reasons["notes.txt"]
    assert "not valid YAML" in reasons["broken.md"]
    assert "empty body" in reasons["empty.md"]
    assert "binary" in reasons["photo.jpg"]
    assert query(db, "SELECT title FROM articles WHERE title = '编码新闻'")       # GB18030 decoded, not mangled
    # bad inputs are read again on every run (a fixed extractor or a fixed file gets its chance) ...
    again = ingest(db, src)
    assert (again["n_unchanged"], again["n_quarantined"]) == (2, 4)
    # ... and a repaired file lands
    (src / "broken.md").write_text("---\ntitle: 修好了\nauthor: 某社\n---\n<p>现在可以读了。</p>", encoding="utf-8")
    fixed = ingest(db, src)
    assert (fixed["n_new"], fixed["n_quarantined"]) == (1, 3)


def test_feed_file_input(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text("""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>测试电台</title>
<item><title>电台新闻一</title><link>https://radio.example/1</link><pubDate>Mon, 02 Dec 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;伊朗外长在德黑兰会见国际原子能机构总干事。&lt;/p&gt;</description></item>
<item><title>电台新闻二</title><link>https://radio.example/2</link><description>第二条。</description></item>
</channel></rss>""", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    summary = ingest(db, feed)
    assert summary["n_new"] == 2
    rows = query(db, "SELECT origin, source, url FROM articles ORDER BY origin")
    assert rows[0] == ("https://radio.example/1", "测试电台", "https://radio.example/1")
    assert ingest(db, feed)["n_new"] == 0


def test_config_file_names_inputs_and_database(tmp_path):
    src = tmp_path / "archive"
    write_post(src, "x/a.md", "配置新闻", source="原来的社")
    write_post(src, "old/b.md", "旧站新闻", source="原来的社")
    (tmp_path / "geonews.toml").write_text(f"""
db = "out/news.duckdb"
workers = 1
[[inputs]]
path = "archive"
[[overrides]]
folder = "archive/old"
source = "旧站"
channel = "存档"
""", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "etl.cli", "etl", "run", "--json"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    db = tmp_path / "out" / "news.duckdb"
    assert dict(query(db, "SELECT title, source FROM articles")) == {"配置新闻": "原来的社", "旧站新闻": "旧站"}


def test_db_defaults_to_env_variable(tmp_path):
    src = tmp_path / "in"
    write_post(src, "a.md", "环境变量新闻")
    db = tmp_path / "env.duckdb"
    geonews("etl", "run", "--input", str(src), "--workers", "1", env={"GEONEWS_DB": str(db)})
    assert query(db, "SELECT title FROM articles") == [("环境变量新闻",)]
    status = json.loads(geonews("etl", "status", "--json", env={"GEONEWS_DB": str(db)}).stdout)
    assert status["counts"]["articles"] == 1 and status["runs"][0]["status"] == "ok"


def _big_input(tmp_path: Path) -> Path:
    """Enough real posts that a run takes several seconds (the corpus, three times under other titles)."""
    need_shared()
    src = tmp_path / "big"
    for i in range(3):
        for path in CORPUS.rglob("*.md"):
            if path.name == "README.md":
                continue
            text = path.read_text(encoding="utf-8").replace("title: '", f"title: '副本{i} ", 1)
            out = src / str(i) / path.relative_to(CORPUS)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
    return src


def _start_run(src: Path, db: Path, workers: int = 1) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "etl.cli", "etl", "run", "--input", str(src), "--db", str(db),
                             "--workers", str(workers), "--json"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for_work_file(db: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(db.parent.glob(db.name + ".run-*.tmp")):
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the run never started writing")


def test_killed_run_leaves_published_database_exactly_as_it_was(tmp_path):
    src, db = _big_input(tmp_path), tmp_path / "g.duckdb"
    small = tmp_path / "small"
    write_post(small, "a.md", "已发布的新闻")
    ingest(db, small)
    before = file_digest(db)
    proc = _start_run(src, db)
    _wait_for_work_file(db, proc)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert file_digest(db) == before
    assert query(db, "SELECT title FROM articles") == [("已发布的新闻",)]
    # the next run recovers without help: no stale lock, the dead run's work file is cleaned up
    summary = ingest(db, small)
    assert summary["n_unchanged"] == 1
    assert not list(db.parent.glob(db.name + ".run-*.tmp"))


def test_overlapping_run_exits_75(tmp_path):
    src, db = _big_input(tmp_path), tmp_path / "g.duckdb"
    first = _start_run(src, db)
    try:
        _wait_for_work_file(db, first)
        second = geonews("etl", "run", "--input", str(src), "--db", str(db), check=False)
        assert second.returncode == 75
        assert "another ETL run" in second.stderr
    finally:
        first.kill()
        first.wait()


def test_readers_keep_working_during_a_run_and_see_new_data_after(tmp_path):
    """The dashboard's access pattern: short read-only connections, opened while a run writes."""
    src, db = _big_input(tmp_path), tmp_path / "g.duckdb"
    small = tmp_path / "small"
    write_post(small, "a.md", "先有的新闻")
    ingest(db, small)
    proc = _start_run(src, db, workers=2)
    reads = 0
    while proc.poll() is None:
        con = duckdb.connect(str(db), read_only=True)       # never blocked by the writer
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 1
        con.close()
        reads += 1
        time.sleep(0.05)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert reads > 5
    assert query(db, "SELECT count(*) FROM articles")[0][0] > 600


def test_failed_run_is_recorded_and_publishes_nothing(tmp_path):
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "甲")
    ingest(db, src)
    before = query(db, "SELECT count(*) FROM articles")
    bad_topics = tmp_path / "topics.yaml"
    bad_topics.write_text("- id: broken\n  label: 坏\n  query: '(天然气 OR'\n", encoding="utf-8")
    write_post(src, "b.md", "乙")
    proc = geonews("etl", "run", "--input", str(src), "--db", str(db), "--workers", "1", check=False,
                   env={"GEONEWS_TOPICS": str(bad_topics)})
    assert proc.returncode not in (0, 75)
    assert "failed" in proc.stderr
    assert query(db, "SELECT count(*) FROM articles") == before
    assert query(db, "SELECT status FROM etl_runs ORDER BY run_id DESC LIMIT 1") == [("failed",)]


def test_schedule_runs_n_times_and_survives_failing_runs(tmp_path):
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "定时新闻")
    proc = geonews("etl", "schedule", "--every", "1s", "--input", str(src), "--db", str(db),
                   "--workers", "1", "--max-runs", "2")
    assert query(db, "SELECT count(*) FROM etl_runs") == [(2,)]
    assert "run 2 ok" in proc.stderr
    # a run that cannot publish (the database path is a folder) is logged, and the next one still runs
    (tmp_path / "a-file").write_text("not a folder")
    bad_db = tmp_path / "a-file" / "g.duckdb"
    proc = geonews("etl", "schedule", "--every", "1s", "--input", str(src), "--db", str(bad_db),
                   "--workers", "1", "--max-runs", "2")
    assert proc.stderr.count("failed (exit") == 2 and proc.returncode == 0


def test_schedule_stops_cleanly_on_sigterm(tmp_path):
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "定时新闻")
    proc = subprocess.Popen([sys.executable, "-m", "etl.cli", "etl", "schedule", "--cron", "0 * * * *",
                             "--input", str(src), "--db", str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "next run at" in err and "stopping" in err


def test_schedule_rejects_bad_arguments(tmp_path):
    proc = geonews("etl", "schedule", "--every", "soon", "--input", str(tmp_path), check=False)
    assert proc.returncode == 2 and "interval" in proc.stderr
    proc = geonews("etl", "schedule", "--cron", "every hour", "--input", str(tmp_path), check=False)
    assert proc.returncode == 2 and "cron" in proc.stderr


@pytest.mark.slow
def test_whole_real_corpus_lands_or_is_quarantined(corpus_db):
    files = [p for p in CORPUS.rglob("*") if p.is_file()] + [p for p in SEED.rglob("*") if p.is_file()]
    landed = query(corpus_db, "SELECT count(*) FROM inputs WHERE article_id IS NOT NULL")[0][0]
    quarantined = query(corpus_db, "SELECT origin, error FROM quarantine")
    assert landed + len(quarantined) == len(files)
    assert {o for o, _ in quarantined} == {"README.md", "MANIFEST.tsv"}
    assert all(e for _, e in quarantined)
    # the odd cases: unreadable dates kept (inferred or unknown), no markup or watermark in any text
    statuses = dict(query(corpus_db, "SELECT date_status, count(*) FROM articles GROUP BY 1"))
    assert statuses.get("inferred", 0) >= 10 and statuses.get("unknown", 0) >= 1
    assert query(corpus_db, "SELECT count(*) FROM articles WHERE text LIKE '%Mitbbs%' OR text LIKE '%<p%'")[0][0] == 0
    # one article per (outlet, title): the archive's duplicate files do not double count
    assert query(corpus_db, "SELECT count(*) - count(DISTINCT article_id) FROM articles")[0][0] == 0
    assert query(corpus_db, "SELECT count(*) FROM figures")[0][0] > 300
    assert query(corpus_db, "SELECT count(*) FROM mentions")[0][0] > 1000


def test_topics_yaml_edit_retags_without_reparsing(tmp_path):
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "能源新闻", "天然气价格上涨。")
    ingest(db, src)
    topics = tmp_path / "topics.yaml"
    topics.write_text("- id: pipeline_only\n  label: 管道\n  query: '天然气 AND NOT 石油'\n", encoding="utf-8")
    summary = json.loads(geonews("etl", "run", "--input", str(src), "--db", str(db), "--json", "--workers", "1",
                                 env={"GEONEWS_TOPICS": str(topics)}).stdout)
    assert summary["n_unchanged"] == 1 and summary["n_new"] == 0
    assert query(db, "SELECT topic_id FROM topics WHERE kind = 'curated'") == [("pipeline_only",)]
    assert query(db, "SELECT a.title, t.topic_id FROM article_topics t JOIN articles a USING (article_id)") == \
        [("能源新闻", "pipeline_only")]


def test_feed_by_url_from_a_local_server(tmp_path):
    """Feeds are also read by URL (here from a server on loopback: no test reaches the network)."""
    import http.server
    import threading
    from functools import partial

    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "feed.xml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>本地原子报</title><id>urn:local</id><updated>2024-12-01T00:00:00Z</updated>
<entry><title>本地条目</title><link href="https://local.example/a"/><id>urn:a</id>
<updated>2024-12-01T10:00:00Z</updated><content type="html">&lt;p&gt;联合国安理会在纽约开会。&lt;/p&gt;</content></entry>
</feed>""", encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        db = tmp_path / "g.duckdb"
        first = ingest(db, url)
        assert first["n_new"] == 1
        assert query(db, "SELECT source, origin FROM articles") == [("本地原子报", "https://local.example/a")]
        assert ingest(db, url)["n_unchanged"] == 1                 # the same bytes: skipped by hash
        missing = ingest(db, url.replace("feed.xml", "gone.xml"))  # a dead feed is quarantined, not fatal
        assert missing["n_quarantined"] == 1 and missing["status"] == "partial"
    finally:
        server.shutdown()


def test_changed_extraction_rules_reextract_stored_articles_and_keep_every_fact(tmp_path):
    """A new gazetteer or new rules re-extract every stored article from its stored text."""
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    write_post(src, "a.md", "能源新闻", "天然气价格上涨，俄罗斯天然气工业股份公司宣布减少供应。")
    ingest(db, src)
    facts = "SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM mentions), " \
            "(SELECT count(*) FROM article_topics), (SELECT count(*) FROM article_terms)"
    before = query(db, facts)
    assert all(n > 0 for n in before[0])
    con = duckdb.connect(str(db))                       # pretend the database was built by older rules
    con.execute("UPDATE meta SET value = 'older rules' WHERE key = 'extraction_fingerprint'")
    con.close()
    summary = ingest(db, src)
    assert summary["n_unchanged"] == 1
    assert query(db, facts) == before
    assert query(db, "SELECT value FROM meta WHERE key = 'extraction_fingerprint'") != [("older rules",)]


def test_touched_file_with_same_bytes_is_unchanged_and_rechecked_by_hash(tmp_path):
    src, db = tmp_path / "in", tmp_path / "g.duckdb"
    path = write_post(src, "a.md", "触碰新闻")
    ingest(db, src)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))   # touched, same bytes
    touched = ingest(db, src)
    assert (touched["n_unchanged"], touched["n_updated"], touched["n_new"]) == (1, 0, 0)
    assert query(db, "SELECT mtime_ns FROM inputs") == [(stat.st_mtime_ns + 5_000_000_000,)]
    # same size and mtime but other bytes cannot be told apart without reading: so an edit that keeps
    # both (rare) waits for the next touch; an edit that changes either is picked up
    path.write_text(path.read_text(encoding="utf-8").replace("第一段。", "第一段，改过了。"), encoding="utf-8")
    assert ingest(db, src)["n_updated"] == 1


def test_schedule_from_a_config_file_keeps_its_input_overrides(tmp_path):
    src = tmp_path / "archive"
    write_post(src, "a.md", "配置定时新闻", source="原来的社")
    (tmp_path / "geonews.toml").write_text("""
db = "news.duckdb"
workers = 1
[schedule]
every = "1s"
[[inputs]]
path = "archive"
source = "配置里的社"
""", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "etl.cli", "etl", "schedule", "--max-runs", "1"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert query(tmp_path / "news.duckdb", "SELECT source FROM articles") == [("配置里的社",)]


def test_an_article_that_breaks_an_extractor_is_quarantined_and_its_batch_still_lands(tmp_path, monkeypatch):
    """Workers extract a batch of files together; an extractor bug on one article must cost only that one."""
    from etl import figures, process

    real = figures.extract_figures

    def fragile(doc, people=()):
        if "触发故障" in doc:
            raise RuntimeError("boom")
        return real(doc, people)

    monkeypatch.setattr(figures, "extract_figures", fragile)
    paths = [write_post(tmp_path, f"p{i}.md", f"标题{i}", body="触发故障。" if i == 2 else f"第{i}段。")
             for i in range(5)]
    jobs = [(p.name, str(p), None, False) for p in paths]
    results = process.process_jobs(jobs[:1] + [("gone.md", str(tmp_path / "gone.md"), None, False)] + jobs[1:])
    assert "cannot read file" in results.pop(1).items[0].error   # a vanished file, in the middle of the batch
    assert [r.origin for r in results] == [p.name for p in paths]
    kinds = [type(r.items[0]).__name__ for r in results]
    assert kinds == ["Analysed", "Analysed", "Quarantined", "Analysed", "Analysed"]
    assert "extraction failed: RuntimeError: boom" in results[2].items[0].error
    assert all(r.size == p.stat().st_size for r, p in zip(results, paths))
    # the batch gives the same facts as one file at a time
    assert results[0].items[0].facts == process.process_job(jobs[0]).items[0].facts
