"""Stable seeds, day slices and native-looking ids for the sample source.

Everything random in the sample source is drawn from a numpy Generator seeded here from a
SHA-256 of its purpose, so the same inputs give the same bytes on every machine and every
Python (``hash()`` is salted per process and must not be used).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np

TWITTER_EPOCH_MS = 1288834974657  # X snowflake epoch (2010-11-04)
REDDIT_EPOCH_MS = 1_500_000_000_000  # any fixed origin works; keeps base36 ids short
_MASK64 = (1 << 64) - 1
_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def stable_seed(*parts: object) -> int:
    """A 64-bit seed that depends only on the text of `parts`."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def rng_for(*parts: object) -> np.random.Generator:
    """A numpy Generator seeded from `parts` (e.g. seed, company, channel, date, purpose)."""
    return np.random.default_rng(stable_seed(*parts))


def mix64(value: int) -> int:
    """SplitMix64 finaliser: a cheap, well-spread 64-bit hash of an integer."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


def base36(value: int) -> str:
    """Lower-case base-36 text of a non-negative integer (Reddit's id alphabet)."""
    if value == 0:
        return "0"
    out = []
    while value:
        value, rem = divmod(value, 36)
        out.append(_B36[rem])
    return "".join(reversed(out))


def worker_id(*parts: object, bits: int = 10) -> int:
    """A stable small integer naming one id generator (a stream of one company)."""
    return stable_seed("worker", *parts) & ((1 << bits) - 1)


def snowflake(created_ms: int, worker: int, sequence: int) -> str:
    """An X-style id: increases with `created_ms`; unique per (ms, worker, sequence)."""
    return str(((created_ms - TWITTER_EPOCH_MS) << 22) | (worker << 12) | (sequence & 0xFFF))


def snowflake_ms(post_id: str) -> int:
    """The creation time (epoch ms) encoded in an X-style id."""
    return (int(post_id) >> 22) + TWITTER_EPOCH_MS


def reddit_id(created_ms: int, worker: int) -> str:
    """A Reddit-style base-36 id that increases with `created_ms`."""
    return base36(((created_ms - REDDIT_EPOCH_MS) << 10) | worker)


def token(*parts: object, length: int = 44) -> str:
    """An opaque pagination token like X's ``next_token`` (lower-case alphanumerics)."""
    value = int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest(), "big")
    return base36(value)[:length]


def unique_sorted_ms(values: np.ndarray, low: int, high: int) -> np.ndarray:
    """Sort epoch-ms draws and nudge repeats so they are strictly increasing and < `high`."""
    ordered = np.sort(values.astype(np.int64))
    steps = np.arange(ordered.size, dtype=np.int64)
    ordered = np.maximum.accumulate(ordered - steps) + steps
    return np.clip(ordered, low, high - 1)


def to_ms(moment: datetime) -> int:
    """Epoch milliseconds of an aware datetime."""
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    """Aware UTC datetime of epoch milliseconds."""
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def x_time(ms: int) -> str:
    """X's created_at text: whole seconds with a '.000Z' suffix, as the API returns them."""
    return datetime.fromtimestamp(ms // 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def x_param_time(moment: datetime) -> str:
    """A start_time / end_time query value as tweepy sends it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_start(day: date) -> datetime:
    """Midnight UTC of `day`."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass(frozen=True)
class Slice:
    """The part of a window inside one UTC day: [start, end)."""

    day: date
    start: datetime
    end: datetime


def day_slices(start: datetime, end: datetime) -> Iterator[Slice]:
    """Cut [start, end) at UTC midnights, in order."""
    cursor = start.astimezone(UTC)
    stop = end.astimezone(UTC)
    while cursor < stop:
        next_midnight = day_start(cursor.date()) + timedelta(days=1)
        piece_end = min(next_midnight, stop)
        yield Slice(cursor.date(), cursor, piece_end)
        cursor = piece_end
