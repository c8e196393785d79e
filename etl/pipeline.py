"""One ETL run: find inputs, skip unchanged ones by content hash, process the rest in parallel, load,
and publish the database atomically.

A run holds an exclusive lock (flock on DB.lock, released by the kernel even if the run is killed),
works on a private copy of the database, and renames it over the published file only at the end.
So a run killed at any moment leaves the published database as it was, and the next run deletes
the dead run's work file and starts over.
"""
from __future__ import annotations

import fcntl
import hashlib
import multiprocessing
import os
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from etl import db as sql
from etl import gazetteer
from etl.derived import needs_refresh, refresh_derived
from etl.config import RunConfig
from etl.process import (EXTRACTOR_VERSION, Analysed, FactRows, FileResult, Quarantined, extract_many, fact_rows,
                         process_jobs, topics_path, warm_up)
from etl.reader import FEED_SUFFIXES, sha256

FEED_TIMEOUT_S = 30
BATCH_ARTICLES = 500
# Files per worker task: the articles of a task are extracted together (process.extract_many).
JOB_BATCH = 48


class RunLocked(RuntimeError):
    """Another run holds the database's lock."""


class RunLock:
    """An exclusive, non-blocking lock beside the database: one run at a time per database."""

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self.fh = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "another process"
            self.fh.close()
            raise RunLocked(f"another ETL run is writing {self.path.with_suffix('')} ({holder}); "
                            f"try again when it has finished") from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()} since {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC")
        self.fh.flush()
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


# ---------------------------------------------------------------- finding inputs

def _fingerprint_files(paths: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def extraction_fingerprint() -> str:
    """Changes when the extraction rules or the gazetteer change: then every stored article is re-extracted."""
    here = Path(__file__).resolve().parent
    code = [here / n for n in ("entities.py", "figures.py", "segment.py", "gazetteer.py", "clean.py")]
    data = sorted(gazetteer.GAZETTEER_DIR.glob("*"))
    return _fingerprint_files([p for p in code + data if p.is_file()], EXTRACTOR_VERSION)


def topics_fingerprint() -> str:
    return _fingerprint_files([Path(topics_path())])


def _job(cfg: RunConfig, spec, path: str, origin: str) -> tuple[str, str, dict, bool]:
    """A worker job: (origin, path, the overrides for it, whether it is a feed file)."""
    return origin, path, cfg.overrides_for(spec, Path(path)), os.path.splitext(path)[1].lower() in FEED_SUFFIXES


def _walk(root: Path) -> Iterator[tuple[str, str]]:
    """(path, path relative to root with '/') of every file under a folder, recursively, in a stable
    order; hidden files and folders skipped. Plain strings: an hourly rerun over a large archive spends
    most of its time here, and pathlib objects cost several times more than the stat itself."""
    top = os.fspath(root)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = os.path.relpath(dirpath, top)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name), prefix + name


def discover(cfg: RunConfig, known: dict[str, tuple], scratch: Path):
    """Find the inputs whose bytes changed, and count the unchanged ones.

    known: origin → (file_hash, size, mtime_ns, article_id) as stored by earlier runs.
    Returns (jobs, n_unchanged, unreadable, restat) where a job is (origin, path, overrides, is_feed)
    and restat lists inputs found unchanged by hash whose stat changed (touched or copied files).
    A file never stored is a job without further ado; a file with the size and mtime stored for it is
    unchanged without being read; any other stored file is read and hashed before any parsing, and its
    content hash decides.
    """
    jobs, unreadable, restat, n_unchanged = [], [], [], 0
    for spec in cfg.inputs:
        if spec.is_url:
            try:
                with urllib.request.urlopen(spec.location, timeout=FEED_TIMEOUT_S) as resp:
                    raw = resp.read()
            except Exception as exc:
                unreadable.append((spec.location, f"cannot fetch feed: {exc}", None))
                continue
            if known.get(spec.location, ("",))[0] == sha256(raw):
                n_unchanged += 1
                continue
            local = scratch / hashlib.sha1(spec.location.encode()).hexdigest()
            local.write_bytes(raw)
            jobs.append((spec.location, str(local), spec.overrides(), True))
            continue
        root = Path(spec.location)
        if not root.exists():
            unreadable.append((spec.location, "input path does not exist", None))
            continue
        files = [(str(root), root.name)] if root.is_file() else _walk(root)
        for path, origin in files:
            stored = known.get(origin)
            if stored is None:   # never stored: nothing to compare, the worker reads and hashes it once
                jobs.append(_job(cfg, spec, path, origin))
                continue
            try:
                stat = os.stat(path)
                if stored[1] == stat.st_size and stored[2] == stat.st_mtime_ns:
                    n_unchanged += 1
                    continue
                with open(path, "rb") as fh:
                    digest = sha256(fh.read())
            except OSError as exc:
                unreadable.append((origin, f"cannot read file: {exc.strerror}", None))
                continue
            if stored[0] == digest:
                n_unchanged += 1
                restat.append((origin, digest, stored[3], stat.st_size, stat.st_mtime_ns))
                continue
            jobs.append(_job(cfg, spec, path, origin))
    return jobs, n_unchanged, unreadable, restat


# ---------------------------------------------------------------- processing

def _batches(items: list, workers: int, most: int = JOB_BATCH) -> list[list]:
    """Items in batches for the workers: at most `most`, and small enough that every worker gets
    several batches (a small run still uses every core)."""
    size = max(1, min(most, -(-len(items) // (max(workers, 1) * 4))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _in_workers(fn, items: list, workers: int, progress: bool, unit: str, desc: str) -> Iterator:
    """fn over batches of items, in a pool of worker processes (or here for small jobs), yielding the
    results one by one in order, with a progress bar on a terminal."""
    from tqdm import tqdm

    bar = tqdm(total=len(items), unit=unit, desc=desc, disable=not progress, leave=False)
    pool = None
    try:
        if workers <= 1 or len(items) < 8:
            warm_up()
            batches = map(fn, _batches(items, 1))
        else:
            # spawn, not fork: the parent holds a DuckDB connection and threads that must not be forked.
            pool = multiprocessing.get_context("spawn").Pool(workers, initializer=warm_up)
            batches = pool.imap(fn, _batches(items, workers))
        for batch in batches:
            for result in batch:
                yield result
                bar.update()
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
            pool.join()


def _results(jobs: list, workers: int, progress: bool) -> Iterator[FileResult]:
    if not jobs:  # an unchanged rerun: no segmenter, gazetteer or workers to start
        return
    yield from _in_workers(process_jobs, jobs, workers, progress, "post", "ingest")


class Columns:
    """Rows of one table collected column by column: far cheaper than a dict per row, and handed to
    DuckDB as an Arrow table without a pandas round trip. Each column is declared with its type
    (str, int, float, bool, time, ints, strs): converting with a known type is 3-4x faster than letting
    Arrow infer it, which matters for the million rows of article_terms."""

    def __init__(self, **types: str):
        self.types = types
        self.data: dict[str, list] = {n: [] for n in types}

    def add(self, *values) -> None:
        for column, value in zip(self.data.values(), values):
            column.append(value)

    def extend_rows(self, key, rows) -> None:
        """Rows of all columns but the first, which gets `key` on every row (the article's id)."""
        rows = list(rows)
        if not rows:
            return
        columns = iter(self.data.values())
        next(columns).extend([key] * len(rows))
        for column, values in zip(columns, zip(*rows)):
            column.extend(values)

    def __len__(self) -> int:
        return len(next(iter(self.data.values())))

    def empty(self) -> Columns:
        return Columns(**self.types)

    def table(self):
        import pyarrow as pa  # imported on first use: an unchanged rerun never needs it

        arrow_type = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                      "time": pa.timestamp("us"), "ints": pa.list_(pa.int32()), "strs": pa.list_(pa.string())}
        return pa.table({name: pa.array(values, type=arrow_type[self.types[name]])
                         for name, values in self.data.items()})


class Loader:
    """Collects analysed articles and writes them to the work database in batches."""

    def __init__(self, con, run_id: int):
        self.con = con
        self.run_id = run_id
        self.hashes = sql.article_hashes(con)
        self.stored_before = bool(self.hashes)
        self.counts = dict(n_new=0, n_updated=0, n_unchanged=0, n_quarantined=0)
        self.quarantine: list[tuple[str, str, str | None]] = []
        self.changed_ids: list[str] = []
        self.entity_ids: set[str] = set()
        # kept for the whole run, written once by finish()
        self.entities: dict[str, tuple] = {}
        self.aliases: set[tuple[str, str]] = set()
        self.inputs = Columns(origin="str", file_hash="str", article_id="str", last_run="int", size="int",
                              mtime_ns="int")
        self._reset()

    def _reset(self):
        self.articles = Columns(article_id="str", title="str", source="str", channel="str", published_at="time",
                                date_status="str", origin="str", url="str", text="str", captions="str",
                                content_hash="str", n_chars="int", first_run="int", updated_run="int")
        self.mentions = Columns(article_id="str", entity_id="str", n="int", offsets="ints", surfaces="strs")
        self.figures = Columns(article_id="str", seq="int", kind="str", value_low="float", value_high="float",
                               unit="str", per="str", approx="bool", text="str", sentence="str",
                               start_char="int", end_char="int", subject="str")
        self.terms = Columns(article_id="str", term="str", n="int")
        self.topics = Columns(article_id="str", topic_id="str", score="float")
        self.replaced: list[str] = []
        self.batch_ids: set[str] = set()

    def add_file(self, result: FileResult) -> None:
        first_article = None
        for item in result.items:
            if isinstance(item, Quarantined):
                self.counts["n_quarantined"] += 1
                self.quarantine.append((item.origin, item.error, result.file_hash or None))
            else:
                self.add_article(item)
                first_article = first_article or item.article_id
        # An input that produced no article is not remembered as seen: it is read again next run, so a
        # file quarantined because of a bug in the extraction lands once the bug is fixed.
        if result.file_hash and first_article is not None:
            self.inputs.add(result.origin, result.file_hash, first_article, self.run_id, result.size,
                            result.mtime_ns)
        if len(self.articles) >= BATCH_ARTICLES:
            self.flush()

    def add_article(self, a: Analysed) -> None:
        old = self.hashes.get(a.article_id)
        if old == a.content_hash:
            self.counts["n_unchanged"] += 1     # another copy of a stored article
            return
        self.counts["n_updated" if old else "n_new"] += 1
        if old:
            self.replaced.append(a.article_id)
        if a.article_id in self.batch_ids:
            self.flush()                        # the same article twice in a batch: the later one wins
            self.replaced.append(a.article_id)
        self.batch_ids.add(a.article_id)
        self.hashes[a.article_id] = a.content_hash
        self.changed_ids.append(a.article_id)
        p = a.post
        self.articles.add(a.article_id, p.title, p.source, p.channel, p.published_at, p.date_status,
                          p.origin, p.url, p.text, p.captions, a.content_hash, len(p.text),
                          self.run_id, self.run_id)
        self._add_facts(a.article_id, a.facts)

    def _add_facts(self, aid: str, facts: FactRows) -> None:
        self.figures.extend_rows(aid, facts.figures)
        self.mentions.extend_rows(aid, facts.mentions)
        terms = self.terms.data
        terms["article_id"].extend([aid] * len(facts.terms))
        terms["term"].extend(facts.terms.keys())
        terms["n"].extend(facts.terms.values())
        self.topics.extend_rows(aid, facts.topics)
        for eid, name, type_, country, known in facts.entities:
            self.entities[eid] = (name, type_, country, known)
        self.aliases.update(facts.aliases)

    def add_reextracted(self, aid: str, facts: FactRows) -> None:
        self.replaced.append(aid)
        self._add_facts(aid, facts)

    def flush(self) -> None:
        """Write the batch of articles and their facts (entities and inputs wait for finish())."""
        if not (len(self.articles) or len(self.figures) or len(self.mentions) or len(self.terms)
                or self.replaced):
            return
        con = self.con
        sql.delete_article_facts(con, self.replaced)
        # self.replaced names every stored article of this batch: none means a plain insert
        sql.upsert_articles(con, self.articles.table(), all_new=not self.replaced)
        sql.insert_facts(con, self.mentions.table(), self.figures.table(), self.terms.table(),
                         self.topics.table())
        self._reset()

    def finish(self) -> None:
        """The last batch, then the run's entities, aliases and inputs in one statement each: an upsert
        per batch costs far more than the rows it writes."""
        self.flush()
        if self.entities:
            entities = Columns(entity_id="str", name="str", type="str", country="str", known="bool")
            for eid, values in self.entities.items():
                entities.add(eid, *values)
            sql.upsert_entities(self.con, entities.table(), self._alias_table(self.aliases))
            self.entity_ids.update(self.entities)
            self.entities, self.aliases = {}, set()
        if len(self.inputs):
            sql.upsert_inputs(self.con, self.inputs.table())
            self.inputs = self.inputs.empty()

    @staticmethod
    def _alias_table(pairs):
        aliases = Columns(entity_id="str", alias="str")
        for pair in sorted(pairs):
            aliases.add(*pair)
        return aliases.table()

    def add_gazetteer_aliases(self) -> None:
        """Known entities carry all their gazetteer aliases, so search and scoring find every form."""
        entries = {e.entity_id: e for e in gazetteer.load()}
        pairs = {(eid, a) for eid in self.entity_ids if eid in entries
                 for a in (entries[eid].name, *entries[eid].aliases)}
        if pairs:
            sql.insert_aliases(self.con, self._alias_table(pairs))


def _retag_all(con, stored_before: bool) -> None:
    """Apply the curated topics as they are defined now to every stored article (no re-parsing).

    Articles processed in this run were tagged with these very topics by the workers; when nothing
    was stored before the run, only the topic list itself needs writing."""
    import pandas as pd

    from etl.topics import load_topics, score_topics

    topics = load_topics(topics_path())
    sql.replace_curated_topics(con, pd.DataFrame(
        [dict(topic_id=t.id, label=t.label, kind="curated", definition=t.query) for t in topics]))
    if not stored_before:
        return
    docs = sql.stored_documents(con)
    tags = [dict(article_id=aid, topic_id=s.topic_id, score=s.score)
            for aid, title, text in zip(docs.article_id, docs.title, docs.text)
            for s in score_topics(title, text, topics)]
    sql.replace_all_curated_tags(con, pd.DataFrame(tags, columns=["article_id", "topic_id", "score"]))


def _reextract_jobs(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, FactRows]]:
    facts = extract_many([(title, text, captions) for _aid, title, text, captions in rows])
    return [(row[0], fact_rows(*f)) for row, f in zip(rows, facts)]


def _reextract_all(loader: Loader, workers: int, progress: bool) -> int:
    """Rules or gazetteer changed: extract every stored article again from its stored text."""
    docs = sql.stored_documents(loader.con)
    rows = list(zip(docs.article_id, docs.title, docs.text, docs.captions))
    if not rows:
        return 0
    for aid, facts in _in_workers(_reextract_jobs, rows, workers, progress, "article", "re-extract"):
        loader.add_reextracted(aid, facts)
        if len(loader.replaced) >= BATCH_ARTICLES:
            loader.flush()
    loader.finish()
    loader.changed_ids.extend(docs.article_id)
    return len(rows)


# ---------------------------------------------------------------- the run

def run(cfg: RunConfig) -> dict:
    """Ingest cfg.inputs into cfg.db. Returns the contract's summary; raises RunLocked if another run is on."""
    db_path = Path(cfg.db)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    with RunLock(db_path):
        sql.remove_stale_work_files(db_path)
        known = {origin: rest for origin, *rest in sql.known_inputs(db_path)}
        run_id = (sql.read_published(db_path, "SELECT coalesce(max(run_id), 0) + 1 FROM etl_runs") or [(1,)])[0][0]
        summary = dict(run_id=run_id, status="failed", n_seen=0, n_new=0, n_updated=0, n_unchanged=0,
                       n_quarantined=0, seconds=0.0)
        con = work = None
        try:
            from etl.topics import load_topics

            load_topics(topics_path())   # a broken topics file fails the run here, before any work
            with tempfile.TemporaryDirectory(prefix="geonews-feeds-") as scratch:
                jobs, n_unchanged_inputs, unreadable, restat = discover(cfg, known, Path(scratch))
                con, work = sql.open_work_copy(db_path, run_id)
                loader = Loader(con, run_id)
                # The workers use every core while articles arrive: DuckDB's own threads would only
                # compete with them for the same cores. Back to all threads for the aggregates below.
                if jobs and cfg.workers > 1:
                    con.execute("SET threads = 1")
                con.execute("SET checkpoint_threshold = '256MB'")
                for origin, digest, article_id, size, mtime_ns in restat:
                    loader.inputs.add(origin, digest, article_id, run_id, size, mtime_ns)
                for origin, error, digest in unreadable:
                    loader.counts["n_quarantined"] += 1
                    loader.quarantine.append((origin, error, digest))
                for result in _results(jobs, cfg.workers, cfg.progress):
                    loader.add_file(result)
                loader.finish()
                con.execute("RESET threads")

            fingerprint = extraction_fingerprint()
            if sql.get_meta(con, "extraction_fingerprint") not in (None, fingerprint):
                _reextract_all(loader, cfg.workers, cfg.progress)
            sql.set_meta(con, "extraction_fingerprint", fingerprint)
            topics_fp = topics_fingerprint()
            retagged = sql.get_meta(con, "topics_fingerprint") != topics_fp
            if retagged:
                _retag_all(con, stored_before=loader.stored_before)
                sql.set_meta(con, "topics_fingerprint", topics_fp)

            loader.add_gazetteer_aliases()
            changed = sorted(set(loader.changed_ids))
            sql.refresh_keywords(con, changed)
            if loader.replaced or changed:
                sql.remove_orphan_entities(con)
            # An unchanged rerun has nothing to re-aggregate, unless the tables are new to this database.
            if changed or retagged or needs_refresh(con):
                refresh_derived(con)
            sql.record_quarantine(con, run_id, loader.quarantine)
            counts = loader.counts
            counts["n_unchanged"] += n_unchanged_inputs
            n_seen = sum(counts.values())
            summary.update(counts, n_seen=n_seen, status="partial" if counts["n_quarantined"] else "ok",
                           seconds=round(time.monotonic() - t0, 3))
            sql.record_run(con, dict(summary, started_at=started,
                                     finished_at=datetime.now(timezone.utc).replace(tzinfo=None),
                                     inputs=[s.location for s in cfg.inputs], message=None))
            sql.publish(con, work, db_path)
            con = None
            return summary
        except BaseException as exc:
            if con is not None:
                try:
                    con.close()
                except Exception:
                    pass
            if work is not None:
                work.unlink(missing_ok=True)
            if isinstance(exc, Exception):
                _record_failure(db_path, run_id, started, t0, cfg, exc)
            raise


def _record_failure(db_path: Path, run_id: int, started, t0, cfg: RunConfig, exc: Exception) -> None:
    """Best effort: note the failed run in etl_runs, leaving the data as it was."""
    try:
        con, work = sql.open_work_copy(db_path, run_id)
        sql.record_run(con, dict(run_id=run_id, started_at=started,
                                 finished_at=datetime.now(timezone.utc).replace(tzinfo=None),
                                 status="failed", n_seen=0, n_new=0, n_updated=0, n_unchanged=0,
                                 n_quarantined=0, seconds=round(time.monotonic() - t0, 3),
                                 inputs=[s.location for s in cfg.inputs],
                                 message=f"{type(exc).__name__}: {exc}"[:2000]))
        sql.publish(con, work, db_path)
    except Exception as inner:  # the database itself may be the problem; the caller reports the cause
        print(f"geonews: could not record the failed run: {inner}", file=sys.stderr)


def discover_topics(db_path: Path, n_topics: int = 12) -> list[tuple[str, str, list[str]]]:
    """Refresh the discovered (NMF) topics from the stored terms, and publish."""
    import pandas as pd

    from etl.keywords import discover_topics as fit

    with RunLock(db_path):
        sql.remove_stale_work_files(db_path)
        run_id = (sql.read_published(db_path, "SELECT coalesce(max(run_id), 0) + 1 FROM etl_runs") or [(1,)])[0][0]
        con, work = sql.open_work_copy(db_path, run_id)
        try:
            terms = sql.all_article_terms(con)
            by_article = terms.groupby("article_id", sort=True)
            ids = list(by_article.groups)
            docs_terms = [[t for t, n in zip(g.term, g.n) for _ in range(int(n))] for _, g in by_article]
            topics, assignments = fit(docs_terms, n_topics=n_topics)
            topic_rows = [dict(topic_id=tid, label=label, kind="discovered", definition=" ".join(top))
                          for tid, label, top in topics]
            tag_rows = [dict(article_id=ids[i], topic_id=tid, score=float(w))
                        for doc in assignments for i, tid, w in doc]
            sql.replace_discovered_topics(con, pd.DataFrame(topic_rows, columns=["topic_id", "label", "kind", "definition"]),
                                          pd.DataFrame(tag_rows, columns=["article_id", "topic_id", "score"]))
            sql.publish(con, work, db_path)
            return topics
        except BaseException:
            con.close()
            work.unlink(missing_ok=True)
            raise
