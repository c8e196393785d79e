"""The `geonews` command line (see shared CONTRACT.md): etl run | status | schedule | topics, dashboard, export."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from etl.config import ConfigError, build_config, default_db

EXIT_LOCKED = 75
EXIT_FAILED = 1


def _json_default(value):
    return str(value)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """geonews: follow geopolitical news coverage (Chinese-language archives and feeds)."""


@main.group()
def etl() -> None:
    """Ingest posts and feeds into the DuckDB database."""


_input = click.option("--input", "inputs", multiple=True, metavar="PATH",
                      help="Folder (searched recursively), post file, or RSS/Atom feed file or URL. Repeatable.")
_db = click.option("--db", type=click.Path(dir_okay=False), default=None,
                   help="Database file [default: $GEONEWS_DB, else data/geonews.duckdb].")
_config = click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                       help="TOML file naming inputs, database and schedule [default: ./geonews.toml if present].")


@etl.command("run")
@_input
@_db
@_config
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes [default: all cores].")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as one JSON object.")
def etl_run(inputs, db, config_path, workers, as_json) -> None:
    """Ingest every post under each --input. Idempotent: unchanged inputs are skipped."""
    from etl.pipeline import RunLocked, run

    try:
        cfg = build_config(inputs, db, workers, config_path, progress=sys.stderr.isatty() and not as_json)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        summary = run(cfg)
    except RunLocked as exc:
        click.echo(f"geonews: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except Exception as exc:
        click.echo(f"geonews: the run failed and published nothing: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        click.echo(f"run {summary['run_id']} {summary['status']}: {summary['n_seen']} seen, "
                   f"{summary['n_new']} new, {summary['n_updated']} updated, {summary['n_unchanged']} unchanged, "
                   f"{summary['n_quarantined']} quarantined in {summary['seconds']:.1f}s → {cfg.db}")
        if summary["n_quarantined"]:
            click.echo(f"  see why with: geonews etl status --db {cfg.db}")


@etl.command("status")
@_db
@click.option("--json", "as_json", is_flag=True)
def etl_status(db, as_json) -> None:
    """What is in the database, and how fresh it is."""
    from etl.db import status_summary
    import duckdb

    path = Path(db) if db else default_db()
    info = status_summary(path)
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, default=_json_default))
        return
    if not info["exists"]:
        click.echo(f"{path}: no database yet. Run: geonews etl run --input PATH --db {path}")
        return
    c = info["counts"]
    click.echo(f"{path} ({info['size_bytes'] / 1e6:.1f} MB)")
    click.echo(f"  {c['articles']} articles, {c['entities']} entities, {c['mentions']} mentions, "
               f"{c['figures']} figures, {c['topics']} topics, {c['quarantine']} quarantined inputs")
    lo, hi = info["published_span"]
    click.echo(f"  published {lo} … {hi}; dates: " + ", ".join(f"{k} {v}" for k, v in sorted(info["dates"].items())))
    for s in info["sources"]:
        click.echo(f"  {s['source']:<24} {s['articles']:>7} articles, newest {s['newest']}")
    ok_runs = [r for r in info["runs"] if r["status"] in ("ok", "partial") and r["finished_at"]]
    if ok_runs:
        from datetime import datetime, timezone

        age = datetime.now(timezone.utc).replace(tzinfo=None) - ok_runs[0]["finished_at"]
        click.echo(f"  last successful run {ok_runs[0]['run_id']} finished {ok_runs[0]['finished_at']:%Y-%m-%d %H:%M} UTC "
                   f"({age.total_seconds() / 3600:.1f} hours ago)")
    for r in info["runs"]:
        click.echo(f"  run {r['run_id']} {r['status']:<8} {r['finished_at']}  new {r['n_new']}, updated "
                   f"{r['n_updated']}, unchanged {r['n_unchanged']}, quarantined {r['n_quarantined']} "
                   f"({r['seconds']}s)")
    if c["quarantine"]:
        con = duckdb.connect(str(path), read_only=True)
        try:
            rows = con.execute("SELECT run_id, origin, error FROM quarantine ORDER BY run_id DESC LIMIT 10").fetchall()
        finally:
            con.close()
        click.echo("  latest quarantined inputs:")
        for run_id, origin, error in rows:
            click.echo(f"    run {run_id}: {origin}: {error}")


@etl.command("schedule")
@_input
@_db
@_config
@click.option("--every", default=None, help="Interval, e.g. 30m, 1h, 1d.")
@click.option("--cron", default=None, help='Cron expression, e.g. "0 * * * *".')
@click.option("--max-runs", type=click.IntRange(1), default=None, help="Stop after N runs.")
@click.option("--workers", type=click.IntRange(1, 64), default=None)
@click.option("--log", "log_file", type=click.Path(dir_okay=False), default=None, help="Also log to this file.")
def etl_schedule(inputs, db, config_path, every, cron, max_runs, workers, log_file) -> None:
    """Run `etl run` on a schedule, in the foreground, until stopped (SIGTERM) or N runs."""
    from etl.schedule import Schedule, run_forever

    try:
        cfg = build_config(inputs, db, workers, config_path, every=every, cron=cron)
        schedule = Schedule(every=cfg.every, cron=cfg.cron)
    except (ConfigError, ValueError) as exc:
        raise click.UsageError(str(exc)) from None
    handlers = [logging.StreamHandler(sys.stderr)]
    if log_file:
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", handlers=handlers)
    run_args = ["--db", str(cfg.db), "--workers", str(cfg.workers)]
    for location in inputs:  # inputs named in a config file stay there, with their source overrides
        run_args += ["--input", location]
    if config_path or not inputs:
        run_args += ["--config", str(Path(config_path or "geonews.toml").resolve())]
    sys.exit(run_forever(run_args, schedule, max_runs))


@etl.command("topics")
@_db
@click.option("--discover", "n_topics", type=click.IntRange(2, 50), default=12, show_default=True,
              help="Number of topics the model looks for.")
def etl_topics(db, n_topics) -> None:
    """Refresh the discovered topics (NMF over TF-IDF of the stored terms)."""
    from etl.pipeline import RunLocked, discover_topics

    path = Path(db) if db else default_db()
    if not path.exists():
        raise click.UsageError(f"{path} does not exist: run `geonews etl run` first")
    try:
        topics = discover_topics(path, n_topics)
    except RunLocked as exc:
        click.echo(f"geonews: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    for tid, label, _top in topics:
        click.echo(f"{tid}  {label}")


def _attach_dashboard_commands() -> None:
    try:
        from dashboard import cli as dashboard_cli
    except ImportError:  # the dashboard half is optional for ETL-only installs
        return
    for name in ("dashboard", "export"):
        command = getattr(dashboard_cli, name, None)
        if command is not None:
            main.add_command(command, name)


_attach_dashboard_commands()

if __name__ == "__main__":
    main()
