"""Transform one batch: its newest committed raw load → every normalized table, atomically.

Re-running a batch replaces what that batch wrote (metric snapshots, quarantine, batch stats)
and upserts what is keyed by identity (posts, mentions, audience snapshots, labels), all in one
transaction: readers see the old batch or the new one, never half of each.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, text

from crosstalk.config import Settings
from ingest.base import utcnow
from models.warehouse import read_frame, replace_where, upsert
from transform.attribution import attribute
from transform.intent import Labeler, default_labeler, label_posts
from transform.intent.labeler import ARTIFACT_PATH
from transform.intent.registry import set_current_labeler
from transform.parsed import Parsed
from transform.reddit import parse_reddit_pages
from transform.x import parse_x_pages

log = logging.getLogger(__name__)
PARSERS: dict[str, Callable[[pd.DataFrame], Parsed]] = {"x": parse_x_pages, "reddit": parse_reddit_pages}


@functools.lru_cache(maxsize=4)
def _labeler_for(artifact_stamp: int | None) -> Labeler:
    return default_labeler()


def current_default_labeler() -> Labeler:
    """The default labeler, loaded once per artifact version (batches would otherwise reload it)."""
    stamp = ARTIFACT_PATH.stat().st_mtime_ns if ARTIFACT_PATH.exists() else None
    return _labeler_for(stamp)


class NoCommittedLoad(LookupError):
    """The batch has no committed load to transform."""


@dataclass
class BatchResult:
    """Counts of one batch transform; raw_records == normalized + duplicates + quarantined."""

    batch_id: str
    channel: str
    load_id: str
    raw_pages: int
    raw_records: int
    normalized: int
    duplicates: int
    quarantined: int
    metric_snapshots: int
    account_snapshots: int
    labeler_version: str

    def as_dict(self) -> dict:
        """Plain dict (for XCom and logs)."""
        return asdict(self)


def latest_load(conn: Connection, batch_id: str) -> pd.Series:
    """The newest committed load of a batch."""
    loads = read_frame(
        conn,
        "select load_id, channel, source, interval_start, interval_end from loads "
        "where batch_id = :b and status = 'committed' order by finished_at desc, load_id desc limit 1",
        {"b": batch_id},
    )
    if loads.empty:
        raise NoCommittedLoad(f"batch {batch_id!r} has no committed load; run its extract first")
    return loads.iloc[0]


def raw_pages(conn: Connection, load_id: str) -> pd.DataFrame:
    """The raw pages of one load, in fetch order."""
    return read_frame(
        conn,
        "select raw_id, channel, stream, endpoint, request_params, company, account, status_code, body, fetched_at "
        "from raw_responses where load_id = :l order by page_index",
        {"l": load_id},
    )


def _posts_table(posts: pd.DataFrame, batch_id: str) -> pd.DataFrame:
    latest = posts.sort_values("fetched_at", kind="stable").drop_duplicates(["channel", "post_id"], keep="last")
    # A post is deleted if any page of the batch said so (a refresh may report what a timeline showed).
    deleted = posts.groupby(["channel", "post_id"])["is_deleted"].any()
    latest = latest.set_index(["channel", "post_id"])
    latest["is_deleted"] = deleted.reindex(latest.index).to_numpy()
    latest = latest.reset_index()
    return latest.assign(last_batch_id=batch_id, last_fetched_at=latest["fetched_at"]).drop(
        columns=["fetched_at", "raw_id", "stream", "request_company", "request_account"])


def transform_batch(
    engine: Engine,
    batch_id: str,
    settings: Settings,
    labeler: Labeler | None = None,
) -> BatchResult:
    """Parse, attribute, label and load the newest committed load of `batch_id`."""
    labeler = labeler or current_default_labeler()
    with engine.begin() as conn:
        load = latest_load(conn, batch_id)
        pages = raw_pages(conn, load["load_id"])
        parsed = PARSERS[load["channel"]](pages)
        posts, mentions = attribute(parsed.posts, parsed.mentions, settings)
        table = _posts_table(posts, batch_id) if not posts.empty else posts
        labels = label_posts(table, settings, labeler).assign(labeled_at=utcnow())
        metrics = (parsed.metrics.sort_values("observed_at", kind="stable")
                   .drop_duplicates(["channel", "post_id"], keep="last").assign(batch_id=batch_id))
        accounts = parsed.accounts.assign(
            snapshot_date=pd.to_datetime(parsed.accounts["observed_at"], utc=True).dt.date, batch_id=batch_id)
        quarantine = parsed.quarantine.assign(batch_id=batch_id, quarantined_at=utcnow())

        upsert(conn, "posts", table, newer_than="last_fetched_at", tiebreak="last_batch_id")
        if parsed.deleted_ids:
            conn.execute(
                text("update posts set is_deleted = true where channel = :c and post_id in :ids")
                .bindparams(bindparam("ids", expanding=True)),
                {"c": load["channel"], "ids": sorted(set(parsed.deleted_ids))},
            )
        upsert(conn, "post_mentions", mentions)  # union over batches: independent of run order
        replace_where(conn, "metric_snapshots", "batch_id", batch_id, metrics)
        upsert(conn, "account_snapshots", accounts, newer_than="observed_at", tiebreak="batch_id")
        upsert(conn, "post_labels", labels)
        set_current_labeler(conn, labeler.version)
        replace_where(conn, "quarantine", "batch_id", batch_id, quarantine)
        valid_records = len(posts)
        result = BatchResult(
            batch_id=batch_id,
            channel=load["channel"],
            load_id=load["load_id"],
            raw_pages=len(pages),
            raw_records=parsed.raw_records,
            normalized=len(table),
            duplicates=valid_records - len(table),
            quarantined=int((quarantine["record_index"] >= 0).sum()) if len(quarantine) else 0,
            metric_snapshots=len(metrics),
            account_snapshots=len(accounts),
            labeler_version=labeler.version,
        )
        upsert(conn, "batches", pd.DataFrame([{
            "batch_id": batch_id, "channel": load["channel"], "source": load["source"], "load_id": load["load_id"],
            "interval_start": load["interval_start"], "interval_end": load["interval_end"],
            "raw_pages": result.raw_pages, "raw_records": result.raw_records, "normalized": result.normalized,
            "duplicates": result.duplicates, "quarantined": result.quarantined, "transformed_at": utcnow(),
        }]))
    log.info("transformed %s: %s", batch_id, result.as_dict())
    return result
