"""Shared fixtures: real databases built by the real ETL command."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "sample"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed"
GOLD = SHARED / "gold" / "dev.jsonl"


def geonews(*args: str, check: bool = True, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the `geonews` command line as a user would (python -m etl.cli is the console script's target)."""
    proc = subprocess.run([sys.executable, "-m", "etl.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"geonews {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def ingest(db: Path, *inputs: Path, workers: int = 2) -> dict:
    args = ["etl", "run", "--db", str(db), "--workers", str(workers), "--json"]
    for i in inputs:
        args += ["--input", str(i)]
    return json.loads(geonews(*args).stdout.strip().splitlines()[-1])


def need_shared() -> None:
    if not CORPUS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CORPUS} is missing: CI must run with ../shared beside the repository")
        pytest.skip("../shared/corpus not available")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A database built by `geonews etl run` from the bundled demo corpus in data/sample/."""
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    ingest(db, SAMPLE)
    return db


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """A database built by `geonews etl run` from the real corpus and seed in ../shared."""
    need_shared()
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    ingest(db, CORPUS, SEED)
    return db


@pytest.fixture(scope="module")
def con(sample_db):
    """A read-only connection to the sample database, for tests that check numbers against SQL."""
    c = duckdb.connect(str(sample_db), read_only=True)
    yield c
    c.close()


def one(con, sql, params=()):
    """The single value a query returns."""
    return con.execute(sql, list(params)).fetchall()[0][0]
