"""The seam every source plugs into: a source yields raw API pages; nothing else changes.

A *source* (sample, replay, live) turns a `FetchContext` (which data interval, which companies,
which cursors, which posts want their metrics re-read) into `RawPage`s: one per HTTP response,
body kept exactly as received. Landing, transform and the DAG never know which source ran.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol, runtime_checkable

from crosstalk.config import Company, Settings

Channel = Literal["x", "reddit"]
CHANNELS: tuple[Channel, ...] = ("x", "reddit")

# Logical streams a page belongs to; they name cursors and explain why a request was made.
Stream = Literal["accounts", "owned_posts", "mentions", "metric_refresh", "communities", "replay"]


@dataclass(frozen=True)
class Window:
    """A half-open UTC interval [start, end): the data interval of one run."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("Window bounds must be timezone-aware")
        if self.end <= self.start:
            raise ValueError(f"empty window: {self.start.isoformat()} .. {self.end.isoformat()}")

    @property
    def key(self) -> str:
        """A stable text key for this interval, e.g. '2026-11-21T00:00:00+00:00'."""
        return self.start.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Request:
    """What was asked of an API. Never holds a secret: params are safe to store and log."""

    channel: Channel
    endpoint: str  # API path template, e.g. "users/:id/tweets", "r/:subreddit/new"
    stream: Stream
    params: Mapping[str, Any] = field(default_factory=dict)
    company: str | None = None  # company key the request was made for, when there is one
    account: str | None = None  # handle / account / subreddit the request was about


@dataclass(frozen=True)
class RawPage:
    """One API response as received, plus what was asked and when."""

    request: Request
    status_code: int
    body: str  # response text, byte-for-byte as received (decoded as UTF-8)
    fetched_at: datetime  # timezone-aware UTC
    url: str | None = None  # request URL without credentials
    headers: Mapping[str, str] = field(default_factory=dict)  # non-secret response headers
    # A cursor this page moves forward: (stream_key, value). Saved only after the load commits.
    cursor: tuple[str, str] | None = None


@dataclass(frozen=True)
class FetchContext:
    """Everything a source needs to fetch one data interval of one channel."""

    window: Window
    settings: Settings
    cursors: Mapping[str, str] = field(default_factory=dict)  # stream_key -> last committed value
    refresh_ids: Sequence[str] = ()  # post ids (channel-native) whose metrics should be re-read
    request_budget: int | None = None  # requests this run may spend; None = the channel default
    companies: Sequence[str] | None = None  # company keys to fetch; None = every configured one

    def selected(self, channel: Channel) -> list[Company]:
        """Companies watched on `channel` that this fetch covers."""
        chosen = self.settings.watching(channel)
        if self.companies is None:
            return chosen
        return [c for c in chosen if c.key in set(self.companies)]


@dataclass
class AccountStats:
    """What one run did for one account (or search query, or subreddit)."""

    fetched: int = 0  # records received
    new: int = 0  # records newer than the committed cursor
    refreshed: int = 0  # metric-refresh records
    skipped: int = 0  # requests not made (budget, missing account)
    errors: list[str] = field(default_factory=list)


@dataclass
class FetchStats:
    """A source's end-of-run summary, stored with the load and logged."""

    requests_spent: int = 0
    requests_skipped: int = 0
    accounts: dict[str, AccountStats] = field(default_factory=dict)

    def account(self, key: str) -> AccountStats:
        """The stats of one account, created on first use."""
        return self.accounts.setdefault(key, AccountStats())


@runtime_checkable
class ChannelSource(Protocol):
    """Fetches one channel's raw pages for a data interval."""

    channel: Channel
    source: str  # "sample", "replay", "live"
    stats: FetchStats  # filled while pages() runs; read after it is exhausted

    def pages(self, ctx: FetchContext) -> Iterator[RawPage]:
        """Yield every response for `ctx.window`, in fetch order."""
        ...


def utcnow() -> datetime:
    """Now, timezone-aware UTC (the one clock ingest uses, so tests can patch it)."""
    return datetime.now(UTC)
