"""Run configuration: command-line arguments, optionally read from a TOML file.

    # geonews.toml
    db = "data/geonews.duckdb"
    workers = 2

    [schedule]
    every = "30m"            # or: cron = "0 * * * *"

    [[inputs]]
    path = "/archive/posts"  # a folder (searched recursively) or one file

    [[inputs]]
    path = "/archive/misc"   # an archive whose posts lack author/categories
    source = "某报"
    channel = "国际"

    [[inputs]]
    url = "https://example.org/rss.xml"

    [[overrides]]            # per-folder source/channel, for a sub-folder of an input
    folder = "/archive/posts/old-site"
    source = "旧站"
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = Path("data/geonews.duckdb")
DEFAULT_CONFIG_NAMES = ("geonews.toml",)


class ConfigError(ValueError):
    pass


@dataclass
class InputSpec:
    location: str                 # folder, file or feed URL
    source: str | None = None     # overrides for every post of this input
    channel: str | None = None

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    def overrides(self) -> dict:
        return {k: v for k, v in (("source", self.source), ("channel", self.channel)) if v}


@dataclass
class FolderOverride:
    folder: Path
    source: str | None = None
    channel: str | None = None


@dataclass
class RunConfig:
    inputs: list[InputSpec]
    db: Path
    workers: int
    folder_overrides: list[FolderOverride] = field(default_factory=list)
    progress: bool = False
    every: str | None = None
    cron: str | None = None

    def overrides_for(self, spec: InputSpec, path: Path | None) -> dict:
        """The most specific folder override for a file, over the input's own."""
        result = spec.overrides()
        if path is not None:
            best = None
            for o in self.folder_overrides:
                try:
                    path.resolve().relative_to(o.folder.resolve())
                except ValueError:
                    continue
                if best is None or len(o.folder.parts) > len(best.folder.parts):
                    best = o
            if best is not None:
                result.update({k: v for k, v in (("source", best.source), ("channel", best.channel)) if v})
        return result


def default_db() -> Path:
    return Path(os.environ.get("GEONEWS_DB") or DEFAULT_DB)


def load_toml(path: Path | None) -> dict:
    if path is None:
        for name in DEFAULT_CONFIG_NAMES:
            if Path(name).exists():
                path = Path(name)
                break
        else:
            return {}
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    base = Path(path).resolve().parent
    data["_base"] = base
    return data


def _resolve(base: Path | None, value: str) -> str:
    if value.startswith(("http://", "https://")) or base is None or Path(value).is_absolute():
        return value
    return str(base / value)


def build_config(inputs: tuple[str, ...] = (), db: str | None = None, workers: int | None = None,
                 config_path: str | None = None, progress: bool = False,
                 every: str | None = None, cron: str | None = None) -> RunConfig:
    """Command-line values win over the config file, which wins over the defaults."""
    data = load_toml(Path(config_path) if config_path else None)
    base = data.get("_base")
    specs = [InputSpec(i) for i in inputs]
    if not specs:
        for item in data.get("inputs", []):
            loc = item.get("path") or item.get("url")
            if not loc:
                raise ConfigError("each [[inputs]] needs a path or a url")
            specs.append(InputSpec(_resolve(base, loc), item.get("source"), item.get("channel")))
    if not specs:
        raise ConfigError("no input: give --input PATH (or a config file with [[inputs]])")
    overrides = [FolderOverride(Path(_resolve(base, o["folder"])), o.get("source"), o.get("channel"))
                 for o in data.get("overrides", []) if o.get("folder")]
    db_path = Path(db) if db else (Path(_resolve(base, data["db"])) if data.get("db") else default_db())
    n_workers = workers or data.get("workers") or os.cpu_count() or 1
    schedule = data.get("schedule", {})
    return RunConfig(inputs=specs, db=db_path, workers=max(1, int(n_workers)), folder_overrides=overrides,
                     progress=progress, every=every or schedule.get("every"), cron=cron or schedule.get("cron"))
