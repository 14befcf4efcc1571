"""Land a source's pages in the warehouse: raw, append-only, one load per attempt.

A load is `running` while pages stream in (flushed in chunks, so a huge backfill never sits in
memory), then `committed` together with its cursors in one transaction. A failed attempt is
marked `failed`; its rows stay (raw is append-only) and transform never reads them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

import pandas as pd
from sqlalchemy import Connection, Engine, text

from ingest.base import ChannelSource, FetchContext, RawPage, utcnow
from models.warehouse import append, read_frame

log = logging.getLogger(__name__)
FLUSH_PAGES = 200


@dataclass
class LandResult:
    """What one load did."""

    load_id: str
    batch_id: str
    pages: int
    cursors: dict[str, str] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


def read_cursors(bind: Engine | Connection, source: str, channel: str) -> dict[str, str]:
    """Committed cursor values of a source's streams on a channel."""
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return read_cursors(conn, source, channel)
    frame = read_frame(bind, "select stream_key, value from cursors where source = :s and channel = :c",
                       {"s": source, "c": channel})
    return dict(zip(frame["stream_key"], frame["value"], strict=True))


def _ordered(value: str) -> Decimal | None:
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        return None


def _later(value: str, than: str | None) -> bool:
    """True when `value` moves a cursor forward from `than` (cursors are ids or epoch numbers)."""
    if than is None:
        return True
    new, old = _ordered(value), _ordered(than)
    return new is not None and old is not None and new > old


def advance(current: dict[str, str], seen: dict[str, str]) -> dict[str, str]:
    """Cursors after this load: each moves forward only (a re-run of an old day never rewinds)."""
    return {key: value for key, value in seen.items() if _later(value, current.get(key))}


def _raw_row(page: RawPage, load_id: str, batch_id: str, source: str, index: int, ctx: FetchContext | None) -> dict:
    identity = f"{load_id}:{index}"
    return {
        "raw_id": hashlib.sha256(identity.encode()).hexdigest()[:32],
        "load_id": load_id,
        "batch_id": batch_id,
        "channel": page.request.channel,
        "source": source,
        "stream": page.request.stream,
        "endpoint": page.request.endpoint,
        "request_params": json.dumps(dict(page.request.params), sort_keys=True, default=str),
        "url": page.url,
        "company": page.request.company,
        "account": page.request.account,
        "page_index": index,
        "status_code": page.status_code,
        "headers": json.dumps(dict(page.headers), sort_keys=True),
        "body": page.body,
        "fetched_at": page.fetched_at,
        "interval_start": ctx.window.start if ctx else None,
        "interval_end": ctx.window.end if ctx else None,
    }


def _summary(source: ChannelSource) -> dict:
    stats = getattr(source, "stats", None)
    return asdict(stats) if stats is not None else {}


def land(engine: Engine, source: ChannelSource, ctx: FetchContext | None, batch_id: str) -> LandResult:
    """Append every page of `source` for `ctx` under a new load of `batch_id`; commit cursors last."""
    load_id = uuid.uuid4().hex
    started = utcnow()
    with engine.begin() as conn:
        append(conn, "loads", pd.DataFrame([{
            "load_id": load_id, "batch_id": batch_id, "channel": source.channel, "source": source.source,
            "interval_start": ctx.window.start if ctx else None, "interval_end": ctx.window.end if ctx else None,
            "started_at": started, "status": "running",
        }]))
    seen: dict[str, str] = {}
    buffer: list[dict] = []
    count = 0
    try:
        for page in source.pages(ctx):
            buffer.append(_raw_row(page, load_id, batch_id, source.source, count, ctx))
            count += 1
            if page.cursor:
                key, value = page.cursor
                if _later(value, seen.get(key)):
                    seen[key] = value
            if len(buffer) >= FLUSH_PAGES:
                with engine.begin() as conn:
                    append(conn, "raw_responses", pd.DataFrame(buffer))
                buffer = []
        summary = _summary(source)
        with engine.begin() as conn:
            append(conn, "raw_responses", pd.DataFrame(buffer))
            moved = advance(read_cursors(conn, source.source, source.channel), seen)
            for key in moved:
                conn.execute(text("delete from cursors where source = :s and channel = :c and stream_key = :k"),
                             {"s": source.source, "c": source.channel, "k": key})
            append(conn, "cursors", pd.DataFrame([
                {"source": source.source, "channel": source.channel, "stream_key": k, "value": v,
                 "load_id": load_id, "updated_at": utcnow()} for k, v in moved.items()
            ]))
            conn.execute(
                text("update loads set status = 'committed', finished_at = :f, pages = :p, "
                     "requests_spent = :r, summary = :s where load_id = :id"),
                {"f": utcnow(), "p": count, "r": summary.get("requests_spent"),
                 "s": json.dumps(summary, default=str), "id": load_id},
            )
    except BaseException as exc:
        with engine.begin() as conn:
            conn.execute(text("update loads set status = 'failed', finished_at = :f, pages = :p, error = :e "
                              "where load_id = :id"),
                         {"f": utcnow(), "p": count, "e": f"{type(exc).__name__}: {exc}"[:2000], "id": load_id})
        raise
    log.info("landed %s pages for %s (load %s)", count, batch_id, load_id)
    return LandResult(load_id, batch_id, count, moved, summary)

