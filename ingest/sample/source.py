"""`SampleSource`: offline, deterministic pages in the exact shapes X and Reddit return.

A window is cut at UTC midnights and each day slice is fetched as a daily run would fetch it:
pages are stamped a few minutes after the slice ends (``slice.end + 5 min + 3 s per page``),
and metrics are the values at that moment. A 30-day window therefore yields the same pages as
thirty one-day windows, and the same (seed, volume, settings, window, companies) always yields
byte-identical pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from crosstalk.config import Settings

from ..base import Channel, FetchContext, FetchStats, RawPage
from .draft import PageDraft
from .posts import Truth
from .reddit_pages import RedditPages
from .seeding import Slice, day_slices, to_ms
from .world import World
from .x_pages import XPages

FETCH_DELAY = timedelta(minutes=5)  # a daily run starts a few minutes after its interval ends
PAGE_GAP = timedelta(seconds=3)
X_LIMITS = {"users/by": 300, "users/:id/tweets": 1500, "tweets/search/recent": 450, "tweets": 300}


class SampleSource:
    """Generates raw API pages offline; implements `ingest.base.ChannelSource`."""

    source = "sample"

    def __init__(self, channel: Channel, seed: int = 7, volume: float = 1.0, *, record_truth: bool = False) -> None:
        if channel not in ("x", "reddit"):
            raise ValueError(f"unknown channel {channel!r}; expected 'x' or 'reddit'")
        if volume < 0:
            raise ValueError("volume must be >= 0")
        self.channel: Channel = channel
        self.seed = seed
        self.volume = volume
        self.stats = FetchStats()
        # post id -> what it was generated as; filled only when asked (costs memory at volume)
        self.record_truth = record_truth
        self.truth: dict[str, Truth] = {}
        self.faults: dict[str, int] = {}  # malformed records emitted by the last pages() run, by kind
        self._worlds: dict[str, World] = {}

    def pages(self, ctx: FetchContext) -> Iterator[RawPage]:
        """Yield every page of `ctx.window` for the selected companies, in fetch order."""
        self.stats = FetchStats()
        self.faults = {}
        world = self._world(ctx.settings)
        companies = ctx.selected(self.channel)
        budget = ctx.request_budget
        for piece in day_slices(ctx.window.start, ctx.window.end):
            fetched_from = piece.end + FETCH_DELAY
            obs_ms = to_ms(fetched_from)
            builder = self._builder(world, ctx)
            used: dict[str, int] = {}
            index = 0
            for company in companies:
                for draft in builder.company_pages(company, piece, obs_ms):
                    if budget is not None and self.stats.requests_spent >= budget:
                        self.stats.requests_skipped += 1
                        self.stats.account(draft.stats_key).skipped += 1
                        continue
                    used[draft.request.endpoint] = used.get(draft.request.endpoint, 0) + 1
                    yield self._stamp(draft, fetched_from + index * PAGE_GAP, used[draft.request.endpoint], piece)
                    index += 1
            world.forget_before(piece.day - timedelta(days=max(ctx.settings.channels.x.refresh_window_days,
                                                               ctx.settings.channels.reddit.refresh_window_days) + 1))

    # -- helpers ---------------------------------------------------------------------------------
    def _world(self, settings: Settings) -> World:
        key = settings.model_dump_json()
        if key not in self._worlds:
            self._worlds = {key: World(settings, self.seed, self.volume)}
        return self._worlds[key]

    def _builder(self, world: World, ctx: FetchContext) -> XPages | RedditPages:
        channels = ctx.settings.channels
        if self.channel == "x":
            return XPages(world, channels.x.page_size, channels.x.refresh_window_days, ctx.cursors)
        return RedditPages(world, channels.reddit.page_size, channels.reddit.refresh_window_days,
                           channels.reddit.search_overlap_hours, list(channels.reddit.search_subreddits), ctx.cursors)

    def _stamp(self, draft: PageDraft, fetched_at: datetime, used: int, piece: Slice) -> RawPage:
        """Serialize a draft into a RawPage with its time, URL, headers and stats."""
        stats = self.stats
        stats.requests_spent += 1
        account = stats.account(draft.stats_key)
        account.fetched += draft.fetched
        account.new += draft.new
        for key, count in draft.refreshed_by_account.items():
            stats.account(key).refreshed += count
        for kind, count in draft.faults.items():
            self.faults[kind] = self.faults.get(kind, 0) + count
        if self.record_truth:
            self._note_truth(draft)
        body = json.dumps(draft.body, ensure_ascii=False, separators=(",", ":"))
        params = {k: _param_text(v) for k, v in draft.request.params.items()}
        url = f"{draft.url}?{urlencode(params, quote_via=quote)}" if params else draft.url
        headers = _x_headers(draft, fetched_at, used) if self.channel == "x" else _reddit_headers(fetched_at, used)
        headers["content-length"] = str(len(body.encode("utf-8")))
        return RawPage(draft.request, 200, body, fetched_at, url, headers, draft.cursor)

    def _note_truth(self, draft: PageDraft) -> None:
        for post in draft.posts:
            self.truth.setdefault(f"{self.channel}:{post.id}", post.truth)


def _param_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _http_date(moment: datetime, zone: str) -> str:
    return moment.astimezone(UTC).strftime(f"%a, %d %b %Y %H:%M:%S {zone}")


def _x_headers(draft: PageDraft, fetched_at: datetime, used: int) -> dict[str, str]:
    limit = X_LIMITS.get(draft.request.endpoint, 300)
    reset = int(fetched_at.timestamp()) // 900 * 900 + 900  # 15-minute windows
    return {
        "date": _http_date(fetched_at, "UTC"),
        "server": "tsa_o",
        "api-version": "2.152",
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-cache, no-store, max-age=0",
        "x-access-level": "read",
        "x-rate-limit-limit": str(limit),
        "x-rate-limit-remaining": str(max(0, limit - used)),
        "x-rate-limit-reset": str(reset),
    }


def _reddit_headers(fetched_at: datetime, used: int) -> dict[str, str]:
    seconds = int(fetched_at.timestamp())
    return {
        "date": _http_date(fetched_at, "GMT"),
        "server": "snooserv",
        "content-type": "application/json; charset=UTF-8",
        "cache-control": "private, s-maxage=0, max-age=0, must-revalidate, no-store",
        "x-ratelimit-used": str(used),
        "x-ratelimit-remaining": f"{max(0, 1000 - used):.1f}",
        "x-ratelimit-reset": str(600 - seconds % 600),
    }
