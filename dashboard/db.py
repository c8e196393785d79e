"""Read-only access to the published database.

The ETL publishes a new database file by atomic rename at any moment, and DuckDB allows one writer or
many readers. So we never hold a connection between reruns: a script run opens the file read-only at
its first uncached query, shares that connection among its query batches, and closes it when the run
ends (run_scope); outside a run each batch opens and closes its own (an open handle keeps reading the
old inode, which is consistent). Cached results are keyed
by the file's version (inode, mtime, size): a reload after an ETL run sees the new file.
"""
from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import duckdb
import pandas as pd

DEFAULT_DB = "data/geonews.duckdb"


class DatabaseMissing(FileNotFoundError):
    """The database file does not exist yet (no ETL run)."""


def resolve_db_path(argv: list[str] | None = None) -> str:
    """--db FILE (after `--` in `streamlit run app.py -- --db FILE`), else $GEONEWS_DB, else the default."""
    argv = sys.argv[1:] if argv is None else argv
    for i, a in enumerate(argv):
        if a == "--db" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--db="):
            return a.split("=", 1)[1]
    return os.environ.get("GEONEWS_DB") or DEFAULT_DB


def db_version(path: str) -> tuple[int, int, int] | None:
    """Identity of the file's current content: changes when the ETL renames a new file into place."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@contextmanager
def connect(path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one batch of queries, closed on exit."""
    if not os.path.exists(path):
        raise DatabaseMissing(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()


def fetch_df(con: duckdb.DuckDBPyConnection, sql: str, params: list | tuple | None = None) -> pd.DataFrame:
    return con.execute(sql, list(params or [])).fetchdf()


def query_df(path: str, sql: str, params: list | tuple | None = None) -> pd.DataFrame:
    with connect(path) as con:
        return fetch_df(con, sql, params)


# ---- caching (Streamlit only) ---------------------------------------------------------------------

Call = tuple  # ("module.function", args, sorted kwargs): a hashable description of one query call


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Call:
    """Describe fn(con_or_path, *args, **kwargs) for `batch` (fn must be a module-level function)."""
    return (f"{fn.__module__}.{fn.__name__}", args, tuple(sorted(kwargs.items())))


def batch(path: str, calls: dict[str, Call]) -> dict[str, Any]:
    """Run several query calls on ONE read-only connection (opened and closed here), cached by
    (database version, calls). Returns {key: result}. Arguments must be hashable by Streamlit
    (Filters is a frozen dataclass of tuples, so it is)."""
    version = db_version(path)
    if version is None:
        raise DatabaseMissing(path)
    return _cached_batch()(path, version, tuple(sorted(calls.items())))


def cached(fn: Callable[..., Any], path: str, *args: Any, **kwargs: Any) -> Any:
    """One cached call: batch() with a single entry."""
    return batch(path, {"r": call(fn, *args, **kwargs)})["r"]


def _resolve(qualname: str) -> Callable[..., Any]:
    import importlib
    module, _, name = qualname.rpartition(".")
    return getattr(importlib.import_module(module), name)


# The connection of the current script run (see run_scope), per thread: Streamlit runs each session's
# script, and the cached functions it calls, in that session's thread.
_RUN = threading.local()


@contextmanager
def run_scope(path: str) -> Iterator[None]:
    """Share one read-only connection among all the query batches of one script run (a page runs
    several: sidebar, chart, tables; opening the 3 GB file costs ~40 ms each time). It is opened at the
    first cache miss only, so a fully cached rerun never touches the file, and closed when the run
    ends: nothing is held between reruns, the ETL can publish at any time."""
    holder = {"path": path, "con": None, "version": None}
    _RUN.holder = holder
    try:
        yield
    finally:
        _RUN.holder = None
        if holder["con"] is not None:
            holder["con"].close()


def _run_connection(path: str, version: tuple) -> duckdb.DuckDBPyConnection | None:
    """The run's shared connection to `path` at `version`, opened (or re-opened after an ETL publish
    in mid-run, so that results never go under the wrong version) on demand; None outside a run."""
    holder = getattr(_RUN, "holder", None)
    if holder is None or holder["path"] != path:
        return None
    if holder["con"] is None or holder["version"] != version:
        if holder["con"] is not None:
            holder["con"].close()
            holder["con"] = None
        if not os.path.exists(path):
            raise DatabaseMissing(path)
        holder["con"] = duckdb.connect(str(path), read_only=True)
        holder["version"] = version
    return holder["con"]


def _batch_impl(path: str, version: tuple, calls: tuple) -> dict[str, Any]:
    # `version` is part of the cache key: a new file (new inode/mtime/size) is a cache miss.
    def run(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
        return {key: _resolve(name)(con, *args, **dict(kwargs)) for key, (name, args, kwargs) in calls}

    shared = _run_connection(path, version)
    if shared is not None:
        return run(shared)
    with connect(path) as con:
        return run(con)


_CACHED: list[Callable[..., dict[str, Any]]] = []


def _cached_batch() -> Callable[..., dict[str, Any]]:
    """_batch_impl wrapped in st.cache_data, created on first use: creating it at import time makes
    Streamlit warn "No runtime found" in every plain-Python import (CLI export, benchmarks)."""
    if not _CACHED:
        try:
            import streamlit as st
        except ImportError:  # pragma: no cover - streamlit is a dependency; keep the module usable anyway
            _CACHED.append(_batch_impl)
        else:
            # ttl bounds memory when many database versions pass by in a long-lived server.
            _CACHED.append(st.cache_data(show_spinner=False, max_entries=256, ttl=3600)(_batch_impl))
    return _CACHED[0]
