"""`RedditLiveSource`: owned submissions, company subreddits, mentions, refresh, audience size.

One `pages(ctx)` call, per selected company, in this order (budget-critical first):

1. owned_posts — ``user/:name/submitted`` (sort=new) per company account, and
   ``r/:subreddit/new`` per subreddit the company runs, page by page;
2. mentions — search per query, in each of ``channels.reddit.search_subreddits`` (``all`` =
   site-wide ``search``), sort=new;
3. communities — ``r/:subreddit/about`` (subscribers, the engagement-rate denominator) for the
   company's subreddits and every subreddit its accounts posted in this run;
4. metric_refresh — ``api/info?id=`` for `ctx.refresh_ids`, 100 fullnames a call.

Listings have no time filter, so a stream pages back (``after``) until it passes its lower bound:
``min(window.start, cursor) - search_overlap_hours``. The overlap re-reads a few hours already
seen, because Reddit search indexes new posts late; re-reads are deduplicated by fullname. A
cursor (newest ``created_utc`` seen) is reported on the last page of a stream that completed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

import praw

from crosstalk.config import Company, Settings
from ingest.base import FetchContext, FetchStats, RawPage, Request, Stream
from ingest.credentials import REDDIT_CONNECTION, RedditCredentials, reddit_credentials
from ingest.errors import BudgetExhausted, FetchError, NotFound, RequestBudget
from ingest.reddit import settings as rs
from ingest.reddit.client import Listing, RedditApi, Tap, build_reddit, to_raw_page

log = logging.getLogger(__name__)

_FULLNAME = re.compile(r"^t[1-6]_[0-9a-z]+$")


def fullname(post_id: str) -> str:
    """A Reddit fullname: kept when it already is one, else taken as a submission id (t3_)."""
    return post_id if _FULLNAME.match(post_id) else f"t3_{post_id}"


def lower_bound(start: datetime, cursor: str | None, overlap: timedelta) -> float:
    """Epoch seconds a stream pages back to: the window start, or the committed cursor when that
    is older (resume after a failed or missed run), minus the overlap."""
    bound = start.timestamp()
    if cursor:
        try:
            bound = min(bound, float(cursor))
        except ValueError:
            log.warning("reddit: ignoring a cursor that is not epoch seconds: %r", cursor)
    return bound - overlap.total_seconds()


def summary_line(stats: FetchStats, budget: RequestBudget) -> str:
    """One log line: requests spent/skipped, then each account's counters."""
    limit = "unlimited" if budget.limit is None else str(budget.limit)
    parts = [f"reddit live fetch: spent {stats.requests_spent}/{limit} requests, skipped {stats.requests_skipped}"]
    for key, acc in sorted(stats.accounts.items()):
        parts.append(
            f"{key} fetched={acc.fetched} new={acc.new} refreshed={acc.refreshed} "
            f"skipped={acc.skipped} errors={len(acc.errors)}"
        )
    return " | ".join(parts)


class RedditLiveSource:
    """Live Reddit source over a read-only `praw.Reddit`."""

    channel = "reddit"
    source = "live"

    def __init__(self, reddit: praw.Reddit, tap: Tap, *, connection: str = REDDIT_CONNECTION) -> None:
        self.reddit = reddit
        self.tap = tap
        self.connection = connection
        self.stats = FetchStats()

    @classmethod
    def from_credentials(cls, credentials: RedditCredentials) -> RedditLiveSource:
        """A source over a real read-only `praw.Reddit` built from these credentials."""
        tap = Tap()
        return cls(build_reddit(credentials, tap), tap)

    @classmethod
    def from_environment(
        cls, settings: Settings | None = None, *, env: Mapping[str, str] | None = None
    ) -> RedditLiveSource:
        """Credentials from connection `reddit_default` or ``CROSSTALK_REDDIT_*``; raises
        `ingest.credentials.MissingCredentials` naming both when neither is set."""
        del settings  # the source reads its settings from each FetchContext
        return cls.from_credentials(reddit_credentials(env))

    def pages(self, ctx: FetchContext) -> Iterator[RawPage]:
        """Yield every Reddit response for `ctx.window`, in fetch order (see the module docstring)."""
        self.stats = FetchStats()
        self.tap.budget = RequestBudget(ctx.request_budget)  # praw paces; the budget is optional
        run = _RedditRun(self, ctx, RedditApi(self.reddit, self.tap, connection=self.connection))
        try:
            yield from run.fetch()
        finally:
            self.stats.requests_spent = self.tap.budget.spent
            log.info(summary_line(self.stats, self.tap.budget))


class _RedditRun:
    """The state of one `pages()` call: fullnames seen, subreddits seen, newest per stream."""

    def __init__(self, source: RedditLiveSource, ctx: FetchContext, api: RedditApi) -> None:
        self.ctx = ctx
        self.api = api
        self.stats = source.stats
        self.settings = ctx.settings.channels.reddit
        self.overlap = timedelta(hours=self.settings.search_overlap_hours)
        self.seen: set[str] = set()  # fullnames fetched in this run
        self.newest: dict[str, float] = {}  # stream key -> newest created_utc fetched
        self.posted_in: dict[str, dict[str, None]] = {}  # company -> subreddits its accounts used

    def fetch(self) -> Iterator[RawPage]:
        companies = [c for c in self.ctx.selected("reddit") if c.reddit is not None]
        for company in companies:
            yield from self.owned(company)
        for company in companies:
            yield from self.mentions(company)
        for company in companies:
            yield from self.communities(company)
        yield from self.refresh()

    # -- helpers ---------------------------------------------------------------------------

    def skip(self, key: str, count: int = 1, *, budget: bool = True) -> None:
        self.stats.account(key).skipped += count
        if budget:
            self.stats.requests_skipped += count

    def request(self, endpoint: str, stream: Stream, company: Company | None, account: str | None) -> Request:
        return Request(channel="reddit", endpoint=endpoint, stream=stream,
                       company=company.key if company else None, account=account)

    # -- streams ---------------------------------------------------------------------------

    def owned(self, company: Company) -> Iterator[RawPage]:
        assert company.reddit is not None
        for account in company.reddit.accounts:
            yield from self._listing(
                f"reddit:owned:{account}",
                self.request(rs.USER_SUBMITTED, "owned_posts", company, account),
                [(f"user/{account}/submitted", {"sort": "new"})],
                subreddits_of=company.key,
            )
        for name in company.reddit.subreddits:
            yield from self._listing(
                f"reddit:subreddit:{name}",
                self.request(rs.SUBREDDIT_NEW, "owned_posts", company, name),
                [(f"r/{name}/new", {})],
            )

    def mentions(self, company: Company) -> Iterator[RawPage]:
        assert company.reddit is not None
        if not company.reddit.search_queries:
            return
        searches: list[tuple[str, dict[str, Any]]] = []
        for query in company.reddit.search_queries:
            for where in self.settings.search_subreddits:
                if where.lower() == rs.SITE_WIDE:
                    searches.append(("search", {"q": query, "sort": "new", "type": "link"}))
                else:
                    searches.append((f"r/{where}/search",
                                     {"q": query, "sort": "new", "type": "link", "restrict_sr": "on"}))
        for number, (path, params) in enumerate(searches, start=1):
            yield from self._listing(
                f"reddit:mentions:{company.key}",
                self.request(rs.SEARCH if path == "search" else rs.SUBREDDIT_SEARCH, "mentions", company,
                             company.key),
                [(path, params)],
                report_cursor=number == len(searches),
            )

    def communities(self, company: Company) -> Iterator[RawPage]:
        """Subscribers of the company's subreddits and of those its accounts posted in."""
        assert company.reddit is not None
        names = dict.fromkeys([*company.reddit.subreddits, *self.posted_in.get(company.key, {})])
        for name in names:
            if f"reddit:community:{name}" in self.stats.accounts:
                continue  # one snapshot per subreddit per run, even when companies share one
            key = f"reddit:community:{name}"
            try:
                page = self.api.get(rs.SUBREDDIT_ABOUT, f"r/{name}/about")
            except BudgetExhausted:
                self.skip(key)
                continue
            except NotFound as exc:
                self._missing(key, exc)
                continue
            except FetchError as exc:
                if exc.status == 403:  # private or banned subreddit: not a credentials problem
                    self._missing(key, exc)
                    continue
                self.stats.account(key).errors.append(str(exc))
                raise
            self.stats.account(key).fetched += 1
            yield to_raw_page(page.response, self.request(rs.SUBREDDIT_ABOUT, "communities", company, name))

    def refresh(self) -> Iterator[RawPage]:
        """Re-read score, upvote_ratio and num_comments of young posts, 100 fullnames a call."""
        key = "reddit:refresh"
        wanted = [f for f in dict.fromkeys(fullname(i) for i in self.ctx.refresh_ids) if f not in self.seen]
        batches = [wanted[i : i + rs.FULLNAMES_PER_INFO] for i in range(0, len(wanted), rs.FULLNAMES_PER_INFO)]
        for number, batch in enumerate(batches):
            try:
                page = self.api.get(rs.INFO, "api/info", {"id": ",".join(batch)})
            except BudgetExhausted:
                self.skip(key, len(batches) - number)
                return
            except FetchError as exc:
                self.stats.account(key).errors.append(str(exc))
                raise
            returned = {str(c.get("data", {}).get("name")) for c in page.children}
            self.stats.account(key).refreshed += len(page.children)
            missing = [f for f in batch if f not in returned]
            if missing:
                # api/info silently leaves out what it cannot show; say so instead.
                self.stats.account(key).errors.append(
                    f"api/info returned {len(batch) - len(missing)} of {len(batch)}; not returned "
                    f"(removed, private or unknown): {', '.join(missing[:10])}"
                    + (" …" if len(missing) > 10 else "")
                )
            yield to_raw_page(page.response, self.request(rs.INFO, "metric_refresh", None, None))

    def _missing(self, key: str, exc: FetchError) -> None:
        """An account or subreddit that no longer exists (or is private): report, skip, go on."""
        self.stats.account(key).errors.append(str(exc))
        self.skip(key, budget=False)
        log.warning("reddit: %s skipped: %s", key, exc)

    def _listing(
        self,
        key: str,
        request: Request,
        searches: list[tuple[str, dict[str, Any]]],
        *,
        report_cursor: bool = True,
        subreddits_of: str | None = None,
    ) -> Iterator[RawPage]:
        """Page back through a Listing until its lower bound; land each page; count; cursor.
        `subreddits_of`: a company key whose communities() should snapshot the subreddits
        these submissions appeared in."""
        committed = self.ctx.cursors.get(key)
        bound = lower_bound(self.ctx.window.start, committed, self.overlap)
        acc = self.stats.account(key)
        for path, params in searches:
            pages = self.api.listing(request.endpoint, path, {**params, "limit": self.settings.page_size})
            try:
                for page in pages:
                    oldest = self._count(key, page, committed, subreddits_of)
                    done = page.after is None or not page.children or (oldest is not None and oldest < bound)
                    cursor = None
                    if done and report_cursor and key in self.newest:
                        cursor = (key, _epoch_text(max(self.newest[key], _as_float(committed))))
                    yield to_raw_page(page.response, request, cursor)
                    if done:
                        pages.close()
                        break
            except BudgetExhausted:
                self.skip(key)  # stopped early: no cursor, the next run resumes from the old one
                return
            except NotFound as exc:
                self._missing(key, exc)
                return
            except FetchError as exc:
                if exc.status == 403:  # suspended account, private or banned subreddit
                    self._missing(key, exc)
                    return
                acc.errors.append(str(exc))
                raise

    def _count(self, key: str, page: Listing, committed: str | None, subreddits_of: str | None) -> float | None:
        """Count a page's posts (new = after the cursor and not seen in this run); return the
        oldest created_utc among the posts that are in date order (stickied posts are not)."""
        acc = self.stats.account(key)
        oldest: float | None = None
        since = _as_float(committed)
        for child in page.children:
            data = child.get("data") if isinstance(child.get("data"), dict) else {}
            if child.get("kind") not in ("t1", "t3"):
                continue
            created = _as_float(data.get("created_utc"))
            name = str(data.get("name") or f"{child.get('kind')}_{data.get('id')}")
            acc.fetched += 1
            if created > since and name not in self.seen:
                acc.new += 1
            self.seen.add(name)
            self.newest[key] = max(self.newest.get(key, 0.0), created)
            if subreddits_of and child.get("kind") == "t3" and data.get("subreddit"):
                self.posted_in.setdefault(subreddits_of, {})[str(data["subreddit"])] = None
            if not (data.get("stickied") or data.get("pinned")):
                oldest = created if oldest is None else min(oldest, created)
        return oldest


def _as_float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _epoch_text(value: float) -> str:
    """Cursor text for a created_utc: whole seconds, as Reddit reports them."""
    return str(int(value))

