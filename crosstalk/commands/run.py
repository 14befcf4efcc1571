"""`crosstalk run`: the daily pipeline over a date range, day by day, as the DAG runs it."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from crosstalk.commands.common import console, engine_of, iso_date, settings_of
from crosstalk.commands.report import print_report
from crosstalk.config import crosstalk_home
from crosstalk.pipeline import publish, run_days
from crosstalk.sources import make_source
from ingest.base import CHANNELS


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `run` subcommand."""
    p = sub.add_parser("run", help="run the daily pipeline over a date range (UTC days, inclusive)")
    p.add_argument("--start", type=iso_date, help="first day (default: --days before --end)")
    p.add_argument("--end", type=iso_date, help="last day (default: yesterday, UTC)")
    p.add_argument("--days", type=int, default=30, help="number of days when --start is omitted (default 30)")
    p.add_argument("--source", choices=["sample", "live"], default="sample", help="where posts come from")
    p.add_argument("--channels", default=",".join(CHANNELS), help="comma-separated channels (default x,reddit)")
    p.add_argument("--seed", type=int, default=7, help="sample source seed")
    p.add_argument("--dashboard", type=Path, default=None, help="dashboard HTML path (default under CROSSTALK_HOME)")
    p.add_argument("--no-report", action="store_true", help="skip the closing engagement table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run every batch of the range with a progress bar, then publish views and the dashboard."""
    settings = settings_of(args)
    end = args.end or (datetime.now(UTC).date() - timedelta(days=1))
    start = args.start or end - timedelta(days=args.days - 1)
    if start > end:
        raise ValueError(f"--start {start} is after --end {end}")
    channels = tuple(c.strip() for c in args.channels.split(",") if c.strip())
    unknown = set(channels) - set(CHANNELS)
    if unknown:
        raise ValueError(f"unknown channel(s) {sorted(unknown)}: use x, reddit")
    engine = engine_of(settings)
    sources = {c: make_source(args.source, c, seed=args.seed) for c in channels}
    total = ((end - start).days + 1) * sum(len(settings.watching(c)) for c in channels)
    totals = {"posts": 0, "quarantined": 0, "pages": 0}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console) as progress:
        task = progress.add_task(f"{start} → {end}", total=total)

        def advance(result: dict) -> None:
            totals["posts"] += result["normalized"]
            totals["quarantined"] += result["quarantined"]
            totals["pages"] += result["pages"]
            progress.update(task, description=result["batch_id"], advance=1)

        run_days(engine, settings, args.source, start, end, channels, on_batch=advance, sources=sources)
    console.print(f"landed {totals['pages']} pages; {totals['posts']} post versions normalized, "
                  f"{totals['quarantined']} records quarantined")
    dashboard = args.dashboard or crosstalk_home() / "dashboard.html"
    published = publish(engine, settings, dashboard_path=dashboard)
    console.print(f"views: {', '.join(published['views'])}")
    if not args.no_report:
        print_report(engine, settings)
    if "dashboard" in published:
        console.print(f"dashboard: {published['dashboard']}")
    return 0
