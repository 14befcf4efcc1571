"""`XLiveSource`: owned posts, follower snapshots, earned mentions and metric refresh from X.

One `pages(ctx)` call spends at most the run's request budget, in this order (so that, when the
budget runs short, the least important requests are the ones skipped):

1. accounts — ``users/by`` per company: resolves handles to ids and snapshots followers;
2. owned_posts — ``users/:id/tweets`` per handle, every page;
3. mentions — ``tweets/search/recent`` per company, every page;
4. metric_refresh — ``tweets?ids=`` for `ctx.refresh_ids`, 100 at a time.

How the data interval and the since_id cursors combine (see docs/connectors.md):

- the upper bound is always ``end_time = window.end``;
- the lower bound is ``since_id = cursor`` when the committed cursor is older than the window
  start (resume: for back-to-back days it equals ``start_time``; after a failed or missed day
  it picks up everything since the last committed load), else ``start_time = window.start``
  (first run, or a re-run/backfill of a day the cursor already passed: exactly that day).
  X ignores start_time when since_id is given, so only one of them is ever sent.
- a cursor never moves backwards, and is reported only on the last page of a stream that ran to
  completion; landing saves it after the load commits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

import tweepy

from crosstalk.config import Company, Settings
from ingest.base import FetchContext, FetchStats, RawPage, Request, Stream, Window
from ingest.credentials import X_CONNECTION, XCredentials, x_credentials
from ingest.errors import BudgetExhausted, FetchError, RequestBudget, RetryPolicy
from ingest.x import settings as xs
from ingest.x.client import Page, XApi, build_client, to_raw_page

log = logging.getLogger(__name__)

SNOWFLAKE_EPOCH_MS = 1288834974657


def snowflake_time(post_id: str) -> datetime:
    """When an X post (or user) id was minted: ids are Snowflakes with a millisecond clock."""
    millis = (int(post_id) >> 22) + SNOWFLAKE_EPOCH_MS
    return datetime.fromtimestamp(millis / 1000, tz=UTC)


def lower_bound(
    window: Window, cursor: str | None, *, reach_start: datetime | None = None
) -> dict[str, Any]:
    """The lower-bound parameter of a timeline or search request (``since_id`` or ``start_time``).

    `reach_start` is the oldest moment the endpoint serves (recent search: seven days ago);
    a resume cursor older than that falls back to the oldest reachable ``start_time``.
    """
    start = window.start if reach_start is None else max(window.start, reach_start)
    if cursor and cursor.isdigit():
        minted = snowflake_time(cursor)
        if minted < window.start and (reach_start is None or minted >= reach_start):
            return {"since_id": cursor}
    return {"start_time": start}


def end_time(window: Window, now: datetime) -> datetime:
    """The window end, pulled back when it is not yet in the past (search refuses a future end)."""
    return min(window.end, now - xs.SEARCH_END_LAG)


def default_mention_query(company: Company) -> str:
    """``(@h1 OR @h2 OR "Company name") -from:h1 -from:h2``: earned posts only.

    The parentheses matter: X evaluates AND before OR, so without them ``-from:`` would only
    apply to the last term.
    """
    assert company.x is not None
    handles = company.x.handles
    terms = [f"@{h}" for h in handles] + [f'"{company.name}"']
    excluded = " ".join(f"-from:{h}" for h in handles)
    return f"({' OR '.join(terms)}) {excluded}"


def _bound_time(bound: Mapping[str, Any]) -> datetime:
    """The moment a lower bound stands for (a since_id's mint time, or the start_time)."""
    if "since_id" in bound:
        return snowflake_time(str(bound["since_id"]))
    return bound["start_time"]


def _newer(post_id: str, cursor: str | None) -> bool:
    return cursor is None or not cursor.isdigit() or int(post_id) > int(cursor)


def _max_id(*ids: str | None) -> str | None:
    numeric = [int(i) for i in ids if i and i.isdigit()]
    return str(max(numeric)) if numeric else None


def summary_line(channel: str, stats: FetchStats, budget: RequestBudget) -> str:
    """One log line: requests spent/skipped, then each account's counters."""
    limit = "unlimited" if budget.limit is None else str(budget.limit)
    parts = [f"{channel} live fetch: spent {stats.requests_spent}/{limit} requests, "
             f"skipped {stats.requests_skipped}"]
    for key, acc in sorted(stats.accounts.items()):
        parts.append(
            f"{key} fetched={acc.fetched} new={acc.new} refreshed={acc.refreshed} "
            f"skipped={acc.skipped} errors={len(acc.errors)}"
        )
    return " | ".join(parts)


class XLiveSource:
    """Live X API v2 source over `tweepy.Client` (app-only bearer token)."""

    channel = "x"
    source = "live"

    def __init__(
        self,
        client: tweepy.Client,
        *,
        policy: RetryPolicy | None = None,
        connection: str = X_CONNECTION,
    ) -> None:
        self.client = client
        self.policy = policy or RetryPolicy()
        self.connection = connection
        self.stats = FetchStats()
        self._user_ids: dict[str, str] = {}  # handle (lower case) -> user id, kept across runs

    @classmethod
    def from_credentials(cls, credentials: XCredentials, *, policy: RetryPolicy | None = None) -> XLiveSource:
        """A source over a real `tweepy.Client` built from these credentials."""
        return cls(build_client(credentials), policy=policy)

    @classmethod
    def from_environment(
        cls, settings: Settings | None = None, *, env: Mapping[str, str] | None = None
    ) -> XLiveSource:
        """Credentials from connection `x_default` or ``CROSSTALK_X_BEARER_TOKEN``; raises
        `ingest.credentials.MissingCredentials` naming both when neither is set."""
        del settings  # the source reads its settings from each FetchContext
        return cls.from_credentials(x_credentials(env))

    def pages(self, ctx: FetchContext) -> Iterator[RawPage]:
        """Yield every X response for `ctx.window`, in fetch order (see the module docstring)."""
        self.stats = FetchStats()
        limit = ctx.request_budget if ctx.request_budget is not None else ctx.settings.channels.x.request_budget
        budget = RequestBudget(limit)
        run = _XRun(self, ctx, XApi(self.client, budget=budget, policy=self.policy, connection=self.connection))
        try:
            yield from run.fetch()
        finally:
            self.stats.requests_spent = budget.spent
            log.info(summary_line("x", self.stats, budget))


class _XRun:
    """The state of one `pages()` call: resolved ids, posts seen, the clock."""

    def __init__(self, source: XLiveSource, ctx: FetchContext, api: XApi) -> None:
        self.source = source
        self.ctx = ctx
        self.api = api
        self.stats = source.stats
        self.now = source.policy.clock()
        self.seen: set[str] = set()  # post ids fetched in this run (dedupe, refresh skip)
        self.newest: dict[str, str | None] = {}  # stream key -> newest post id fetched
        self.page_size = ctx.settings.channels.x.page_size

    def fetch(self) -> Iterator[RawPage]:
        companies = [c for c in self.ctx.selected("x") if c.x is not None]
        for company in companies:
            yield from self.accounts(company)
        for company in companies:
            assert company.x is not None
            for handle in company.x.handles:
                yield from self.owned(company, handle)
        for company in companies:
            yield from self.mentions(company)
        yield from self.refresh()

    # -- helpers ---------------------------------------------------------------------------

    def request(self, endpoint: str, stream: Stream, company: Company | None, account: str | None) -> Request:
        return Request(
            channel="x",
            endpoint=endpoint,
            stream=stream,
            company=company.key if company else None,
            account=account,
        )

    def skip(self, key: str, count: int = 1, *, budget: bool = True) -> None:
        self.stats.account(key).skipped += count
        if budget:
            self.stats.requests_skipped += count

    def note_partial_errors(self, key: str, page: Page) -> int:
        """Record each partial error (deleted, protected, suspended, unknown) in the stats."""
        errors = [e for e in page.errors if isinstance(e, dict)]
        for error in errors:
            resource = error.get("resource_id") or error.get("value") or "?"
            kind = error.get("resource_type", "resource")
            self.stats.account(key).errors.append(
                f"{kind} {resource}: {error.get('title', 'error')}: {error.get('detail', '')}".strip()
            )
        return len(errors)

    # -- streams ---------------------------------------------------------------------------

    def accounts(self, company: Company) -> Iterator[RawPage]:
        """Resolve the company's handles to ids and snapshot their followers (``users/by``)."""
        assert company.x is not None
        key = f"x:accounts:{company.key}"
        handles = company.x.handles
        for start in range(0, len(handles), xs.USERS_PER_LOOKUP):
            chunk = handles[start : start + xs.USERS_PER_LOOKUP]
            try:
                page = self.api.users_by(chunk)
            except BudgetExhausted:
                self.skip(key)
                continue
            except FetchError as exc:
                self.stats.account(key).errors.append(str(exc))
                raise
            found = {str(u.get("username", "")).lower(): str(u["id"]) for u in page.data if "id" in u}
            self.source._user_ids.update(found)
            self.stats.account(key).fetched += len(found)
            for handle in chunk:
                if handle.lower() not in found:
                    reason = next(
                        (f"{e.get('title', 'error')}: {e.get('detail', '')}" for e in page.errors
                         if str(e.get("value", e.get("resource_id", ""))).lower() == handle.lower()),
                        "not returned by users/by",
                    )
                    self.source._user_ids.pop(handle.lower(), None)
                    owned_key = f"x:owned:{handle}"
                    self.stats.account(owned_key).errors.append(f"@{handle} skipped: {reason}")
                    log.warning("x: @%s (company %s) skipped: %s", handle, company.key, reason)
            yield to_raw_page(page.response, self.request(xs.USERS_BY, "accounts", company, ",".join(chunk)))

    def owned(self, company: Company, handle: str) -> Iterator[RawPage]:
        """The handle's posts in the window (every page); cursor ``x:owned:{handle}``."""
        key = f"x:owned:{handle}"
        user_id = self.source._user_ids.get(handle.lower())
        if user_id is None:
            # Either accounts() reported the handle as unknown (already in errors: a skip, not
            # a budget matter) or its lookup was skipped because the budget ran out.
            missing_account = bool(self.stats.account(key).errors)
            self.skip(key, budget=not missing_account)
            return
        upper = end_time(self.ctx.window, self.now)
        bound = lower_bound(self.ctx.window, self.ctx.cursors.get(key))
        if _bound_time(bound) >= upper:
            log.info("x: @%s not fetched: the window is not over yet", handle)
            self.skip(key, budget=False)
            return
        yield from self._stream(
            key,
            self.api.user_tweets(user_id, max_results=max(5, self.page_size), end_time=upper, **bound),
            self.request(xs.USER_TWEETS, "owned_posts", company, handle),
            owned_authors=set(),
        )

    def mentions(self, company: Company) -> Iterator[RawPage]:
        """Recent search for each of the company's mention queries; cursor ``x:mentions:{key}``."""
        assert company.x is not None
        key = f"x:mentions:{company.key}"
        queries = company.x.mention_queries or [default_mention_query(company)]
        reach_start = self.now - xs.SEARCH_REACH
        upper = end_time(self.ctx.window, self.now)
        bound = lower_bound(self.ctx.window, self.ctx.cursors.get(key), reach_start=reach_start)
        if _bound_time(bound) >= upper:
            reason = (
                "the window is older than the 7 days recent search reaches"
                if self.ctx.window.end <= reach_start
                else "the window is not over yet"
            )
            log.info("x: mentions of %s not searched: %s", company.key, reason)
            self.skip(key, len(queries), budget=False)
            return
        owned = {self.source._user_ids[h.lower()] for h in company.x.handles if h.lower() in self.source._user_ids}
        for number, query in enumerate(queries, start=1):
            if len(query) > xs.MAX_QUERY_LENGTH:
                message = f"query {number} is {len(query)} characters; recent search allows {xs.MAX_QUERY_LENGTH}"
                self.stats.account(key).errors.append(message)
                log.error("x: mentions of %s: %s", company.key, message)
                self.skip(key, budget=False)
                continue
            last = number == len(queries)
            yield from self._stream(
                key,
                self.api.search_recent(query, max_results=max(10, self.page_size), end_time=upper, **bound),
                self.request(xs.SEARCH_RECENT, "mentions", company, company.key),
                owned_authors=owned,
                report_cursor=last,
            )

    def refresh(self) -> Iterator[RawPage]:
        """Re-read metrics of young posts not already fetched in this run, 100 ids a call."""
        key = "x:refresh"
        ids = [i for i in dict.fromkeys(self.ctx.refresh_ids) if i not in self.seen]
        batches = [ids[i : i + xs.IDS_PER_LOOKUP] for i in range(0, len(ids), xs.IDS_PER_LOOKUP)]
        for number, batch in enumerate(batches):
            try:
                page = self.api.tweets(batch)
            except BudgetExhausted:
                self.skip(key, len(batches) - number)
                return
            except FetchError as exc:
                self.stats.account(key).errors.append(str(exc))
                raise
            self.stats.account(key).refreshed += len(page.data)
            gone = self.note_partial_errors(key, page)
            if gone:
                log.info("x: %d of %d refreshed posts are deleted, protected or suspended; "
                         "landed with their errors so they are marked", gone, len(batch))
            yield to_raw_page(page.response, self.request(xs.TWEETS, "metric_refresh", None, None))

    def _stream(
        self,
        key: str,
        pages: Iterator[Page],
        request: Request,
        *,
        owned_authors: set[str],
        report_cursor: bool = True,
    ) -> Iterator[RawPage]:
        """Land every page of one paginated stream; count; put the cursor on its last page."""
        committed = self.ctx.cursors.get(key)
        acc = self.stats.account(key)
        try:
            for page in pages:
                for post in page.data:
                    post_id = str(post.get("id", ""))
                    if not post_id.isdigit():
                        continue
                    acc.fetched += 1
                    self.newest[key] = _max_id(self.newest.get(key), post_id)
                    duplicate = post_id in self.seen or str(post.get("author_id")) in owned_authors
                    if _newer(post_id, committed) and not duplicate:
                        acc.new += 1
                    self.seen.add(post_id)
                self.note_partial_errors(key, page)
                cursor = None
                if page.is_last and report_cursor:
                    value = _max_id(self.newest.get(key), committed)
                    cursor = (key, value) if value else None
                yield to_raw_page(page.response, request, cursor)
        except BudgetExhausted:
            # The stream stopped early: no cursor, so the next run resumes from the old one.
            self.skip(key)
        except FetchError as exc:
            acc.errors.append(str(exc))
            raise
