"""`geonews export` and `geonews dashboard`: click commands attached to the `geonews` group (etl/cli.py).

    geonews export trends --format png --out trends.png --from 2022-01-01 --source 观察者网 --by month
    geonews export --all --format svg --out-dir out/charts
    geonews dashboard --port 8501

Also runnable alone: `python -m dashboard.cli export …`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

DEFAULT_DB = "data/geonews.duckdb"
APP = Path(__file__).resolve().parent / "app.py"


def default_db() -> str:
    return os.environ.get("GEONEWS_DB") or DEFAULT_DB


def _existing_db(db: str | None) -> Path:
    path = Path(db or default_db())
    if not path.is_file():
        raise click.UsageError(
            f"database {path} not found: build it with `geonews etl run --input PATH --db {path}` "
            "or pass --db / set GEONEWS_DB"
        )
    return path


def _options(**given) -> dict:
    # Only what the user gave: every chart keeps its own defaults for the rest.
    return {k: v for k, v in given.items() if v is not None and v != ()}


def _quiet_streamlit() -> None:
    """The query cache (st.cache_data) warns "No runtime found" on every call outside `streamlit run`;
    in the CLI that is expected, so keep stderr for real problems."""
    import logging

    # streamlit's get_logger() resets the level when it creates the logger: create it first.
    from streamlit.runtime.caching import cache_data_api  # noqa: F401

    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)


@click.command("export")
@click.argument("chart", required=False)
@click.option("--format", "fmt", type=click.Choice(["png", "svg", "html", "csv"]), default="png",
              show_default=True, help="png/svg need Chromium; html is self-contained; csv is the chart's data")
@click.option("--out", type=click.Path(dir_okay=False), help="file to write (default: CHART.FORMAT)")
@click.option("--all", "all_charts", is_flag=True, help="export every chart into --out-dir (one browser)")
@click.option("--out-dir", type=click.Path(file_okay=False), help="folder for --all")
@click.option("--db", help="DuckDB file [default: $GEONEWS_DB, else data/geonews.duckdb]")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), help="first day, YYYY-MM-DD")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), help="last day (inclusive)")
@click.option("--source", "sources", multiple=True, help="outlet (repeatable)")
@click.option("--topic", "topics", multiple=True, help="topic id (repeatable)")
@click.option("--entity", help='entity id, e.g. "place:美国"')
@click.option("--title", help="replace the chart title")
@click.option("--by", type=click.Choice(["day", "week", "month", "quarter", "year"]),
              help="time granularity (trends, leadlag)")
@click.option("--normalise/--raw", default=None,
              help="trends: share of each outlet's articles (default) or raw counts")
@click.option("--kind", help="figures: volume, mass, money, percent, growth, count; trends: topic, keyword, entity")
@click.option("--unit", help="figures: unit (m3, USD, %, …)")
@click.option("--subject", help="figures: only figures whose subject or sentence contains this (输气量, 天然气)")
@click.option("--item", "items", multiple=True, help="trends: topic id, keyword or entity id (repeatable)")
@click.option("--top", type=click.IntRange(min=1), help="entities: nodes; sources: topics; distinctive: words")
@click.option("--per-outlet", "per_source", flag_value=True, default=None,
              help="trends: a line per outlet instead of all outlets pooled")
@click.option("--facet", is_flag=True, default=None, help="trends: one panel per outlet (small multiples)")
def export_command(chart, fmt, out, all_charts, out_dir, db, start, end, sources, topics, entity,
                   title, by, normalise, kind, unit, subject, items, top, per_source, facet):
    """Write CHART (trends, entities, sources, figures, …) as an image, HTML page or CSV."""
    _quiet_streamlit()
    from dashboard import export
    from dashboard.filters import Filters

    names = export.chart_names()
    if all_charts == bool(chart):
        raise click.UsageError(f"give one CHART or --all; charts: {', '.join(names)}")
    if chart and chart not in names:
        raise click.UsageError(f"unknown chart {chart!r}; charts: {', '.join(names)}")
    db_path = _existing_db(db)
    filters = Filters(start=start, end=end, sources=sources, topics=topics, entity=entity)
    options = _options(title=title, by=by, normalise=normalise, kind=kind, unit=unit, subject=subject, items=items, top=top,
                       per_source=per_source, facet=facet or None)
    try:
        if all_charts:
            if not out_dir:
                raise click.UsageError("--all needs --out-dir")
            paths = export.export_all(fmt, out_dir, db_path, filters, **options)
        else:
            paths = [export.export_chart(chart, fmt, out or f"{chart}.{fmt}", db_path, filters, **options)]
    except export.ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    except ValueError as exc:  # a chart refusing an option value (e.g. an unknown trend kind)
        raise click.UsageError(str(exc)) from exc
    for p in paths:
        click.echo(str(p))


@click.command("dashboard")
@click.option("--db", help="DuckDB file [default: $GEONEWS_DB, else data/geonews.duckdb]")
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True)
@click.option("--address", default="localhost", show_default=True,
              help="interface to listen on (0.0.0.0 for all)")
def dashboard_command(db, port, address):
    """Serve the Streamlit dashboard, read-only on the database."""
    db_path = Path(db or default_db()).resolve()
    if not db_path.is_file():
        # Serve anyway: the app says how to build the database and picks it up on reload.
        click.echo(f"warning: {db_path} does not exist yet; run `geonews etl run --input PATH --db {db_path}`",
                   err=True)
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",   # no telemetry calls from a newsroom machine
        "--client.toolbarMode", "minimal",        # readers get no "Deploy" / developer menu
        "--", "--db", str(db_path),
    ]
    env = {**os.environ, "GEONEWS_DB": str(db_path)}
    click.echo(f"serving {db_path} on http://{address}:{port}", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # Become streamlit (same pid): Ctrl-C, SIGTERM from a supervisor or a test reach the server
    # itself instead of leaving an orphaned child behind.
    os.execve(sys.executable, cmd, env)


# The names etl/cli.py looks up to attach these commands to the `geonews` group.
export = export_command
dashboard = dashboard_command


@click.group()
def main():
    """Standalone entry (the `geonews` group in etl/cli.py attaches the same commands)."""


main.add_command(export_command)
main.add_command(dashboard_command)


if __name__ == "__main__":
    main()
