"""The daily job's steps as plain functions: the DAG tasks and the CLI call exactly these.

One unit of work is a *batch*: one source × channel × UTC day × company. Each step is
idempotent for its batch, so a retry or a re-run of a day replaces that day's rows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, text

from crosstalk.config import Settings
from crosstalk.sources import make_source
from ingest.base import CHANNELS, Channel, ChannelSource, FetchContext, Window
from ingest.landing import land, read_cursors
from models.warehouse import append, create_schema, read_frame
from transform.attribution import tracked_accounts
from transform.batch import BatchResult, transform_batch

log = logging.getLogger(__name__)


def day_window(day: date) -> Window:
    """The UTC day [day 00:00, day+1 00:00)."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return Window(start, start + timedelta(days=1))


def days(start: date, end: date) -> Iterator[date]:
    """Every day from start to end inclusive."""
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


def batch_id_for(source: str, channel: str, window: Window, company: str) -> str:
    """`{source}:{channel}:{YYYY-MM-DD}:{company}` — what one mapped DAG task owns."""
    return f"{source}:{channel}:{window.start.astimezone(UTC):%Y-%m-%d}:{company}"


def prepare_warehouse(engine: Engine, settings: Settings) -> None:
    """Create missing tables, refresh the company dimensions, and re-label history if the labeler changed.

    A new labeler version (a rebuilt artifact) would otherwise leave older posts labeled only by
    the previous version, which the views no longer read.
    """
    create_schema(engine)
    relabel_if_labeler_changed(engine, settings)
    companies = pd.DataFrame([{"company": c.key, "name": c.name, "is_focus": c.key == settings.focus}
                              for c in settings.companies])
    with engine.begin() as conn:
        conn.execute(text("delete from companies"))
        conn.execute(text("delete from tracked_accounts"))
        append(conn, "companies", companies)
        append(conn, "tracked_accounts", tracked_accounts(settings))


def relabel_if_labeler_changed(engine: Engine, settings: Settings) -> int:
    """Re-label every stored post when the default labeler is not the current one; return the count."""
    from transform.batch import current_default_labeler
    from transform.intent.registry import current_labeler
    from transform.intent.relabel import relabel_history

    labeler = current_default_labeler()
    with engine.connect() as conn:
        current = current_labeler(conn)
    if current is None or current == labeler.version:
        return 0
    count = relabel_history(engine, settings, labeler)
    log.warning("labeler changed from %s to %s: re-labeled %d stored posts", current, labeler.version, count)
    return count


def refresh_ids(engine: Engine, channel: str, company: str, window: Window, days_back: int) -> list[str]:
    """Posts of `company` created in the refresh window before this interval, not deleted."""
    if days_back <= 0:
        return []
    with engine.connect() as conn:
        frame = read_frame(
            conn,
            "select post_id from posts where channel = :ch and company = :co and not is_deleted "
            "and created_at >= :lo and created_at < :hi order by post_id",
            {"ch": channel, "co": company, "lo": window.start - timedelta(days=days_back), "hi": window.start},
        )
    return frame["post_id"].tolist()


def ingest_batch(
    engine: Engine,
    settings: Settings,
    source_name: str,
    channel: Channel,
    company: str,
    window: Window,
    source: ChannelSource | None = None,
) -> dict:
    """Fetch and land one company's channel for one interval, then transform it. Returns counts."""
    source = source or make_source(source_name, channel)
    channel_settings = getattr(settings.channels, channel)
    ctx = FetchContext(
        window=window,
        settings=settings,
        cursors=read_cursors(engine, source.source, channel),
        refresh_ids=refresh_ids(engine, channel, company, window, channel_settings.refresh_window_days),
        companies=[company],
    )
    batch_id = batch_id_for(source.source, channel, window, company)
    started = time.perf_counter()
    landed = land(engine, source, ctx, batch_id)
    landed_at = time.perf_counter()
    result = transform_batch(engine, batch_id, settings)
    return {"pages": landed.pages, "cursors_moved": len(landed.cursors), "fetch": landed.summary,
            "land_seconds": landed_at - started, "transform_seconds": time.perf_counter() - landed_at,
            **result.as_dict()}


def replay_files(engine: Engine, settings: Settings, channel: Channel, paths: list[Path],
                 company: str | None = None) -> list[BatchResult]:
    """Land and transform recorded responses, one batch per file (re-replaying changes nothing)."""
    from ingest.replay import ReplaySource, expand_paths, file_batch_id

    results = []
    for path in expand_paths(paths):
        source = ReplaySource(channel, [path], company=company)
        batch_id = file_batch_id(channel, path)
        land(engine, source, None, batch_id)
        results.append(transform_batch(engine, batch_id, settings))
    return results


def publish(engine: Engine, settings: Settings, dashboard_path: Path | None = None) -> dict:
    """Recreate the views, refresh derived analytics and (optionally) write the dashboard."""
    from crosstalk.views import create_views

    views = create_views(engine, settings)
    out: dict = {"views": views}
    try:
        from transform.consistency import compute_message_consistency
    except ImportError:
        compute_message_consistency = None
    if compute_message_consistency is not None:
        out["message_consistency_rows"] = compute_message_consistency(engine, settings)
    if dashboard_path is not None:
        from crosstalk.dashboard import write_dashboard

        out["dashboard"] = str(write_dashboard(engine, dashboard_path))
    return out


def run_days(
    engine: Engine,
    settings: Settings,
    source_name: str,
    start: date,
    end: date,
    channels: tuple[Channel, ...] = CHANNELS,
    on_batch: Callable[[dict], None] | None = None,
    sources: Mapping[Channel, ChannelSource] | None = None,
) -> list[dict]:
    """Run every batch from start to end (inclusive), day by day, as the daily DAG would.

    One source per channel serves the whole range (a live source keeps its resolved user ids).
    """
    prepare_warehouse(engine, settings)
    sources = sources or {channel: make_source(source_name, channel) for channel in channels}
    results = []
    for day in days(start, end):
        window = day_window(day)
        for channel in channels:
            for company in settings.watching(channel):
                result = ingest_batch(engine, settings, source_name, channel, company.key, window,
                                      source=sources[channel])
                results.append(result)
                if on_batch:
                    on_batch(result)
    return results
