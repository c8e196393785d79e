"""Read-only access to the published database.

The ETL publishes a new database file by atomic rename at any moment, and DuckDB allows one writer or
many readers. So we never hold a connection: each query batch opens the file read-only and closes it
at once (an open handle keeps reading the old inode, which is consistent). Cached results are keyed
by the file's version (inode, mtime, size): a reload after an ETL run sees the new file.
"""
from __future__ import annotations

import os
import sys
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
    return _cached_batch(path, version, tuple(sorted(calls.items())))


def cached(fn: Callable[..., Any], path: str, *args: Any, **kwargs: Any) -> Any:
    """One cached call: batch() with a single entry."""
    return batch(path, {"r": call(fn, *args, **kwargs)})["r"]


def _resolve(qualname: str) -> Callable[..., Any]:
    import importlib
    module, _, name = qualname.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _batch_impl(path: str, version: tuple, calls: tuple) -> dict[str, Any]:
    # `version` is only part of the cache key: a new file (new inode/mtime/size) is a cache miss.
    with connect(path) as con:
        return {key: _resolve(name)(con, *args, **dict(kwargs)) for key, (name, args, kwargs) in calls}


def _make_cached():
    try:
        import streamlit as st
    except ImportError:  # pragma: no cover - streamlit is a dependency; keep the module importable anyway
        return _batch_impl
    # ttl bounds memory when many database versions pass by in a long-lived server.
    return st.cache_data(show_spinner=False, max_entries=256, ttl=3600)(_batch_impl)


_cached_batch = _make_cached()
