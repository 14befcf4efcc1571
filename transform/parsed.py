"""What a channel parser returns, and the helpers both parsers share.

Parsers are pure: a frame of raw pages in (the `raw_responses` columns), frames out. They never
touch the warehouse, so any history can be re-derived from raw alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

POST_COLUMNS = [
    "channel",
    "post_id",
    "account_id",
    "account_handle",
    "community",
    "created_at",
    "title",
    "text",
    "lang",
    "url",
    "is_reply",
    "is_repost",
    "is_quote",
    "parent_id",
    "conversation_id",
    "is_deleted",
    "fetched_at",
    "raw_id",
    "stream",
    "request_company",
    "request_account",
]
METRIC_COLUMNS = [
    "channel",
    "post_id",
    "observed_at",
    "likes",
    "reposts",
    "replies",
    "quotes",
    "bookmarks",
    "impressions",
    "score",
    "upvote_ratio",
    "raw_id",
]
ACCOUNT_COLUMNS = [
    "channel",
    "account_id",
    "kind",
    "handle",
    "name",
    "followers",
    "following",
    "post_count",
    "observed_at",
]
QUARANTINE_COLUMNS = ["raw_id", "record_index", "channel", "reason", "record"]
MENTION_COLUMNS = ["channel", "post_id", "handle"]


@dataclass
class Parsed:
    """Normalized frames from one set of raw pages, before attribution and labeling."""

    posts: pd.DataFrame
    metrics: pd.DataFrame
    accounts: pd.DataFrame
    mentions: pd.DataFrame  # handles a post @-mentions (lower-case), for attribution
    deleted_ids: list[str]  # posts the API reported deleted / not found / protected
    quarantine: pd.DataFrame
    raw_records: int  # post records found (valid + quarantined)
    notes: list[str] = field(default_factory=list)


def empty(columns: list[str]) -> pd.DataFrame:
    """An empty frame with these columns."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def decode_bodies(pages: pd.DataFrame, channel: str) -> tuple[list[tuple[pd.Series, Any]], list[dict]]:
    """Parse each successful page's JSON body; a body that is not JSON becomes a quarantine row.

    Non-2xx responses are kept in raw but carry no records, so they are skipped here.
    """
    decoded: list[tuple[pd.Series, Any]] = []
    bad: list[dict] = []
    ok = pages[(pages["status_code"] >= 200) & (pages["status_code"] < 300)]
    for _, page in ok.iterrows():  # one iteration per page (not per post): bodies must be decoded
        try:
            decoded.append((page, json.loads(page["body"])))
        except (TypeError, ValueError) as exc:
            bad.append(
                {
                    "raw_id": page["raw_id"],
                    "record_index": -1,
                    "channel": channel,
                    "reason": f"response body is not JSON: {exc}",
                    "record": str(page["body"])[:2000],
                }
            )
    return decoded, bad


def page_meta(decoded: list[tuple[pd.Series, Any]]) -> pd.DataFrame:
    """Page columns records inherit (without the body: copying bodies per record is the slow path)."""
    if not decoded:
        return pd.DataFrame(columns=["raw_id", "fetched_at", "stream", "company", "account"])
    frame = pd.DataFrame([p for p, _ in decoded]).reset_index(drop=True)
    return frame.drop(columns=[c for c in ("body", "request_params") if c in frame])


def records_frame(records: list[dict], nested: tuple[str, ...] = ()) -> pd.DataFrame:
    """Records as a frame, with the `nested` dict fields flattened one level as `field.key`."""
    frame = pd.DataFrame.from_records(records)
    for name in nested:
        if name not in frame:
            continue
        inner = pd.DataFrame.from_records(
            frame[name].map(lambda d: d if isinstance(d, dict) else {}).tolist(), index=frame.index
        ).add_prefix(f"{name}.")
        frame = pd.concat([frame.drop(columns=[name]), inner], axis=1)
    return frame


def to_utc(values: pd.Series, unit: str | None = None) -> pd.Series:
    """Parse timestamps (ISO strings, or epoch numbers with `unit`) to UTC; bad values → NaT."""
    if unit:
        return pd.to_datetime(pd.to_numeric(values, errors="coerce"), unit=unit, utc=True)
    return pd.to_datetime(values, utc=True, errors="coerce", format="ISO8601")


def numeric(frame: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    """A column as nullable numbers, and a mask of values present but not numeric."""
    if column not in frame:
        missing = pd.Series(np.nan, index=frame.index)
        return missing, pd.Series(False, index=frame.index)
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce")
    bad = raw.notna() & values.isna()
    return values, bad


def column(frame: pd.DataFrame, name: str, default: Any = None) -> pd.Series:
    """`frame[name]`, or a column of `default` when the payload never had that field."""
    if name in frame:
        return frame[name]
    return pd.Series(default, index=frame.index, dtype=object)


def quarantine_rows(meta: pd.DataFrame, record_index: np.ndarray, reasons: pd.Series, records: list[dict],
                    channel: str) -> pd.DataFrame:
    """One quarantine row per record with a reason: where it came from, why, and the record as JSON."""
    invalid = reasons.notna().to_numpy()
    return pd.DataFrame({
        "raw_id": meta.loc[invalid, "raw_id"].to_numpy(),
        "record_index": record_index[invalid],
        "channel": channel,
        "reason": reasons[invalid].astype(str).to_numpy(),
        "record": pd.Series(records, dtype=object)[invalid]
        .map(lambda r: json.dumps(r, ensure_ascii=False, default=str)[:20000]).to_numpy(),
    })
