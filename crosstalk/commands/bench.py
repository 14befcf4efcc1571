"""`crosstalk bench`: time the pipeline over generated sample data at scale (never a test)."""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from crosstalk.commands.common import console, settings_of
from crosstalk.pipeline import publish, run_days
from crosstalk.sources import make_source
from crosstalk.views import view_names
from ingest.base import CHANNELS
from models.warehouse import make_engine, table_counts


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `bench` subcommand."""
    p = sub.add_parser("bench", help="benchmark extract/land/transform/publish on generated sample data")
    p.add_argument("--days", type=int, default=7)
    p.add_argument("--volume", type=float, default=20.0, help="sample volume multiplier (1 = realistic small)")
    p.add_argument("--warehouse", help="SQLAlchemy URL (default: a fresh DuckDB file in a temp folder)")
    p.set_defaults(handler=bench)


def bench(args: argparse.Namespace) -> int:
    """Run `--days` of sample data at `--volume` and print the time spent in each stage."""
    settings = settings_of(args)
    url = args.warehouse or f"duckdb:///{Path(tempfile.mkdtemp(prefix='crosstalk-bench-')) / 'bench.duckdb'}"
    engine = make_engine(url)
    start = date(2026, 10, 1)
    sources = {c: make_source("sample", c, volume=args.volume) for c in CHANNELS}
    results = run_days(engine, settings, "sample", start, start + timedelta(days=args.days - 1), sources=sources)
    timing = {"extract+land": sum(r["land_seconds"] for r in results),
              "transform": sum(r["transform_seconds"] for r in results)}
    pages = sum(r["pages"] for r in results)
    records = sum(r["raw_records"] for r in results)
    t0 = time.perf_counter()
    publish(engine, settings)
    timing["publish (views + consistency)"] = time.perf_counter() - t0
    view_seconds = {}
    with engine.connect() as conn:
        for view in view_names():
            t0 = time.perf_counter()
            conn.execute(text(f'select * from "{view}"')).fetchall()
            view_seconds[view] = time.perf_counter() - t0
    counts = table_counts(engine, ["posts", "metric_snapshots", "raw_responses"])
    console.print(f"warehouse: {url}")
    console.print(f"{args.days} days × volume {args.volume}: {pages:,} pages, {records:,} post records, "
                  f"{counts['posts']:,} distinct posts, {counts['metric_snapshots']:,} metric snapshots")
    for stage, seconds in timing.items():
        console.print(f"  {stage:<32} {seconds:8.1f} s")
    console.print("  full read of each view: " + ", ".join(f"{v} {s:.2f}s" for v, s in view_seconds.items()))
    total = timing["extract+land"] + timing["transform"]
    console.print(f"  end to end: {records / total:,.0f} post records/s (transform alone: "
                  f"{records / timing['transform']:,.0f}/s)")
    return 0
