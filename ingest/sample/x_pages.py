"""X API v2 pages of one day slice: account lookups, timelines, recent search, metric refresh.

Bodies follow the recorded v2 responses (``data`` / ``includes.users`` / ``meta`` / ``errors``);
requests carry the query parameters tweepy sends (never a token).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any

from crosstalk.config import Company

from ..base import Request
from .draft import PageDraft, chunks
from .faults import break_x
from .posts import XPost
from .seeding import Slice, from_ms, to_ms, token, x_param_time
from .world import World

API = "https://api.twitter.com/2"
TWEET_FIELDS = (
    "attachments,author_id,conversation_id,created_at,edit_history_tweet_ids,entities,id,"
    "in_reply_to_user_id,lang,possibly_sensitive,public_metrics,referenced_tweets,text"
)
USER_FIELDS = "created_at,description,id,location,name,profile_image_url,protected,public_metrics,url,username,verified"
EXPANSIONS = "author_id,entities.mentions.username,in_reply_to_user_id"
LOOKUP_BATCH = 100


def default_query(company: Company) -> str:
    """The recent-search query for a company without configured mention queries."""
    assert company.x is not None
    names = [f'"{company.name}"', *company.aliases, *(f"@{h}" for h in company.x.handles)]
    excluded = " ".join(f"-from:{h}" for h in company.x.handles)
    return f"({' OR '.join(names)}) {excluded}"


def search_query(company: Company) -> str:
    """The query sent to recent search for `company`."""
    assert company.x is not None
    queries = company.x.mention_queries
    if not queries:
        return default_query(company)
    return queries[0] if len(queries) == 1 else " OR ".join(f"({q})" for q in queries)


class XPages:
    """Builds the X pages of one slice for one company."""

    def __init__(self, world: World, page_size: int, refresh_days: int, cursors: Mapping[str, str]) -> None:
        self.world = world
        self.page_size = page_size
        self.refresh_days = refresh_days
        self.cursors = cursors

    def company_pages(self, company: Company, piece: Slice, obs_ms: int) -> Iterator[PageDraft]:
        """Every X page for `company` in `piece`, in fetch order."""
        yield self._accounts(company, obs_ms)
        owned = [p for p in self.world.x_owned(company, piece.day) if _inside(p.created_ms, piece)]
        for account in self.world.x_accounts[company.key]:
            mine = [p for p in owned if p.author is account and not p.is_deleted(obs_ms)]
            yield from self._timeline(company, account.username, account.id, mine, piece, obs_ms)
        found = [p for p in self.world.x_search_results(company, piece.day) if _inside(p.created_ms, piece)]
        yield from self._search(company, found, piece, obs_ms)
        yield from self._refresh(company, piece, obs_ms)

    # -- endpoints -------------------------------------------------------------------------------
    def _accounts(self, company: Company, obs_ms: int) -> PageDraft:
        accounts = self.world.x_accounts[company.key]
        when = from_ms(obs_ms)
        params = {"usernames": ",".join(a.username for a in accounts), "user.fields": USER_FIELDS}
        body = {"data": [a.user_object(when) for a in accounts]}
        request = Request("x", "users/by", "accounts", params, company.key, None)
        return PageDraft(request, body, f"{API}/users/by", f"x:accounts:{company.key}", fetched=0)

    def _timeline(self, company: Company, handle: str, user_id: str, posts: list[XPost], piece: Slice,
                  obs_ms: int) -> Iterator[PageDraft]:
        newest_first = sorted(posts, key=lambda p: int(p.id), reverse=True)
        base = {
            "max_results": self.page_size,
            "start_time": x_param_time(piece.start),
            "end_time": x_param_time(piece.end),
            "tweet.fields": TWEET_FIELDS,
            "user.fields": USER_FIELDS,
            "expansions": EXPANSIONS,
        }
        yield from self._paged(
            company, newest_first, obs_ms, base, endpoint="users/:id/tweets", stream="owned_posts",
            account=handle, path=f"users/{user_id}/tweets", token_param="pagination_token",
            stats_key=f"x:@{handle}", cursor_key=f"x:owned:{handle}", piece=piece,
        )

    def _search(self, company: Company, posts: list[XPost], piece: Slice, obs_ms: int) -> Iterator[PageDraft]:
        newest_first = sorted(posts, key=lambda p: int(p.id), reverse=True)
        base = {
            "query": search_query(company),
            "max_results": max(10, self.page_size),  # recent search accepts 10..100
            "start_time": x_param_time(piece.start),
            "end_time": x_param_time(piece.end),
            "tweet.fields": TWEET_FIELDS,
            "user.fields": USER_FIELDS,
            "expansions": EXPANSIONS,
        }
        yield from self._paged(
            company, newest_first, obs_ms, base, endpoint="tweets/search/recent", stream="mentions",
            account=None, path="tweets/search/recent", token_param="next_token",
            stats_key=f"x:mentions:{company.key}", cursor_key=f"x:mentions:{company.key}", piece=piece,
            size=max(10, self.page_size),
        )

    def _paged(self, company: Company, posts: list[XPost], obs_ms: int, base: dict[str, Any], *,
               endpoint: str, stream: str, account: str | None, path: str, token_param: str,
               stats_key: str, cursor_key: str, piece: Slice, size: int | None = None) -> Iterator[PageDraft]:
        """Pages of `posts` (newest first) chained by ``meta.next_token``."""
        size = size or self.page_size
        since = self.cursors.get(cursor_key)
        pages = list(chunks(posts, size)) or [[]]
        previous_token: str | None = None
        for index, page in enumerate(pages):
            params = dict(base)
            if previous_token is not None:
                params[token_param] = previous_token
            meta: dict[str, Any] = {"result_count": len(page)}
            body: dict[str, Any] = {}
            faults: dict[str, int] = {}
            if page:
                body["data"] = [self._tweet(p, obs_ms, faults) for p in page]
                body["includes"] = {"users": _users(page, obs_ms)}
                meta = {"newest_id": page[0].id, "oldest_id": page[-1].id, "result_count": len(page)}
            if index + 1 < len(pages):
                previous_token = token("x", path, piece.start.isoformat(), index + 1)
                meta["next_token"] = previous_token
            body["meta"] = meta
            cursor = (cursor_key, page[0].id) if index == 0 and page else None
            new = sum(1 for p in page if since is None or int(p.id) > int(since))
            request = Request("x", endpoint, stream, params, company.key, account)
            yield PageDraft(request, body, f"{API}/{path}", stats_key, fetched=len(page), new=new, cursor=cursor,
                            posts=page, faults=faults)

    def _refresh(self, company: Company, piece: Slice, obs_ms: int) -> Iterator[PageDraft]:
        start_ms = to_ms(piece.start - timedelta(days=self.refresh_days))
        end_ms = to_ms(piece.start)
        days = self.world.days_before(piece.day, self.refresh_days) + [piece.day]
        posts = [p for d in days for p in self.world.x_owned(company, d) if start_ms <= p.created_ms < end_ms]
        posts.sort(key=lambda p: int(p.id))
        for batch in chunks(posts, LOOKUP_BATCH):
            alive = [p for p in batch if not p.is_deleted(obs_ms)]
            gone = [p for p in batch if p.is_deleted(obs_ms)]
            body: dict[str, Any] = {}
            faults: dict[str, int] = {}
            if alive:
                body["data"] = [self._tweet(p, obs_ms, faults) for p in alive]
                body["includes"] = {"users": _users(alive, obs_ms)}
            if gone:
                body["errors"] = [_not_found(p.id) for p in gone]
            params = {"ids": ",".join(p.id for p in batch), "tweet.fields": TWEET_FIELDS,
                      "user.fields": USER_FIELDS, "expansions": EXPANSIONS}
            request = Request("x", "tweets", "metric_refresh", params, company.key, None)
            per_account: dict[str, int] = {}
            for p in alive:
                per_account[f"x:@{p.author.username}"] = per_account.get(f"x:@{p.author.username}", 0) + 1
            yield PageDraft(request, body, f"{API}/tweets", f"x:refresh:{company.key}", fetched=len(alive),
                            refreshed_by_account=per_account, posts=batch, faults=faults)

    def _tweet(self, post: XPost, obs_ms: int, faults: dict[str, int]) -> dict[str, Any]:
        data = post.payload(obs_ms)
        kind = break_x(data, self.world.seed, obs_ms // 86_400_000)
        if kind:
            faults[kind] = faults.get(kind, 0) + 1
        return data


def _inside(created_ms: int, piece: Slice) -> bool:
    return to_ms(piece.start) <= created_ms < to_ms(piece.end)


def _users(posts: list[XPost], obs_ms: int) -> list[dict[str, Any]]:
    """``includes.users``: authors first, then mentioned and replied-to accounts, once each."""
    when = from_ms(obs_ms)
    seen: dict[str, dict[str, Any]] = {}
    for post in posts:
        if post.author.id not in seen:
            seen[post.author.id] = post.author.user_object(when)
    for post in posts:
        for user in post.mentioned:
            if user.id not in seen:
                seen[user.id] = user.user_object(when)
    return list(seen.values())


def _not_found(post_id: str) -> dict[str, str]:
    """The partial error X returns for a deleted tweet in a lookup."""
    return {
        "value": post_id,
        "detail": f"Could not find tweet with ids: [{post_id}].",
        "title": "Not Found Error",
        "resource_type": "tweet",
        "parameter": "ids",
        "resource_id": post_id,
        "type": "https://api.twitter.com/2/problems/resource-not-found",
    }
