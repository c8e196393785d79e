"""`geonews etl schedule`: run ingestion on an interval or a cron expression, in the foreground.

Each run is a child process (`geonews etl run`), so a run that crashes or hangs on bad input cannot take
the scheduler down: it is logged and the next run happens on time. SIGTERM/SIGINT stop the scheduler
cleanly: a run in progress is asked to stop (it leaves the published database as it was) and the
scheduler exits 0.
"""
from __future__ import annotations

import json
import logging
import re
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta

from croniter import croniter

log = logging.getLogger("geonews.schedule")
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.I)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """'30m' → 1800.0; bare numbers are minutes ('15' → 900)."""
    m = _INTERVAL.match(text or "")
    if not m:
        raise ValueError(f"cannot read interval {text!r}: use e.g. 30s, 15m, 1h, 1d")
    seconds = float(m.group(1)) * _UNIT_SECONDS[(m.group(2) or "m").lower()]
    if seconds <= 0:
        raise ValueError("the interval must be positive")
    return seconds


class Schedule:
    def __init__(self, every: str | None = None, cron: str | None = None):
        if bool(every) == bool(cron):
            raise ValueError("give exactly one of --every and --cron")
        self.interval = parse_interval(every) if every else None
        if cron and not croniter.is_valid(cron):
            raise ValueError(f"not a valid cron expression: {cron!r}")
        self.cron = cron

    def next_after(self, now: datetime, first: bool) -> datetime:
        if self.interval is not None:
            return now if first else now + timedelta(seconds=self.interval)
        return croniter(self.cron, now).get_next(datetime)


def run_forever(run_args: list[str], schedule: Schedule, max_runs: int | None = None) -> int:
    """Run `geonews etl run RUN_ARGS` on the schedule until stopped or max_runs runs have been made."""
    stop = threading.Event()
    child: dict[str, subprocess.Popen | None] = {"proc": None}

    def on_signal(signum, _frame):
        log.info("received %s: stopping", signal.Signals(signum).name)
        stop.set()
        proc = child["proc"]
        if proc is not None and proc.poll() is None:
            proc.terminate()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    runs = failures = 0
    try:
        last = None
        while not stop.is_set() and (max_runs is None or runs < max_runs):
            due = schedule.next_after(last or datetime.now(), first=last is None)
            wait = (due - datetime.now()).total_seconds()
            if wait > 0:
                log.info("next run at %s", due.isoformat(timespec="seconds"))
                if stop.wait(wait):
                    break
            last = due if schedule.interval is None else datetime.now()
            runs += 1
            cmd = [sys.executable, "-m", "etl.cli", "etl", "run", "--json", *run_args]
            log.info("run %d starting", runs)
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            child["proc"] = proc
            out, err = proc.communicate()
            child["proc"] = None
            if proc.returncode == 0:
                try:
                    summary = json.loads(out.strip().splitlines()[-1])
                    log.info("run %d ok: %s", runs, json.dumps(summary, ensure_ascii=False))
                except (ValueError, IndexError):
                    log.info("run %d ok", runs)
            elif stop.is_set():
                log.info("run %d stopped by signal; the published database is unchanged", runs)
            else:
                failures += 1
                reason = (err.strip().splitlines() or ["no message"])[-1]
                log.error("run %d failed (exit %d): %s; will run again on schedule", runs, proc.returncode, reason)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    log.info("scheduler stopped after %d runs (%d failed)", runs, failures)
    return 0
