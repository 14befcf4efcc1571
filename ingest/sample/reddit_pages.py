"""Reddit OAuth API pages of one day slice: subreddit about, user and subreddit listings, search, info.

Bodies follow the recorded praw cassettes: ``Listing`` objects whose children are ``t3`` / ``t1``
things with every field a 2026 listing carries, and a ``t5`` for ``about``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any

from crosstalk.config import Company

from ..base import Request
from .draft import PageDraft, chunks
from .faults import break_reddit
from .people import Subreddit, subreddit
from .posts import RedditPost
from .seeding import Slice, from_ms, to_ms
from .world import World, query_phrase

API = "https://oauth.reddit.com"
INFO_BATCH = 100


class RedditPages:
    """Builds the Reddit pages of one slice for one company."""

    def __init__(self, world: World, page_size: int, refresh_days: int, overlap_hours: int,
                 search_subreddits: list[str], cursors: Mapping[str, str]) -> None:
        self.world = world
        self.page_size = page_size
        self.refresh_days = refresh_days
        self.overlap = timedelta(hours=overlap_hours)
        self.search_subreddits = search_subreddits
        self.cursors = cursors

    def company_pages(self, company: Company, piece: Slice, obs_ms: int) -> Iterator[PageDraft]:
        """Every Reddit page for `company` in `piece`, in fetch order."""
        watch = company.reddit
        if watch is None:
            return
        for name in watch.subreddits:
            yield self._about(company, subreddit(name, owned=True), obs_ms)
        start, end = to_ms(piece.start), to_ms(piece.end)
        today = [p for p in self.world.reddit_owned(company, piece.day)
                 if start <= p.created_ms < end and not _deleted(p, obs_ms)]
        for account in watch.accounts:
            mine = [p for p in today if p.owned and p.author.name == account]
            yield from self._listing(company, mine, obs_ms, endpoint="user/:name/submitted", stream="owned_posts",
                                     account=account, path=f"user/{account}/submitted",
                                     params={"sort": "new", "limit": self.page_size, "raw_json": 1},
                                     stats_key=f"reddit:u/{account}", cursor_key=f"reddit:owned:{account}")
        for name in watch.subreddits:
            here = [p for p in today if p.subreddit.name == name]
            yield from self._listing(company, here, obs_ms, endpoint="r/:subreddit/new", stream="owned_posts",
                                     account=f"r/{name}", path=f"r/{name}/new",
                                     params={"limit": self.page_size, "raw_json": 1},
                                     stats_key=f"reddit:r/{name}", cursor_key=f"reddit:new:{name}")
        yield from self._search(company, piece, obs_ms)
        yield from self._refresh(company, piece, obs_ms)

    # -- endpoints -------------------------------------------------------------------------------
    def _about(self, company: Company, sub: Subreddit, obs_ms: int) -> PageDraft:
        request = Request("reddit", "r/:subreddit/about", "communities", {"raw_json": 1}, company.key, f"r/{sub.name}")
        body = {"kind": "t5", "data": _about_data(sub, company, obs_ms)}
        return PageDraft(request, body, f"{API}/r/{sub.name}/about", f"reddit:r/{sub.name}:about")

    def _listing(self, company: Company, posts: list[RedditPost], obs_ms: int, *, endpoint: str, stream: str,
                 account: str | None, path: str, params: dict[str, Any], stats_key: str,
                 cursor_key: str | None, facets: bool = False) -> Iterator[PageDraft]:
        """Listing pages of `posts` (newest first), chained by ``after``."""
        newest_first = sorted(posts, key=lambda p: (p.created_ms, p.id), reverse=True)
        since = self.cursors.get(cursor_key) if cursor_key else None
        pages = list(chunks(newest_first, self.page_size)) or [[]]
        after: str | None = None
        count = 0
        for index, page in enumerate(pages):
            query = dict(params)
            if after is not None:
                query["after"] = after
                query["count"] = count
            after = page[-1].fullname if index + 1 < len(pages) else None
            count += len(page)
            faults: dict[str, int] = {}
            data: dict[str, Any] = {"after": after, "dist": len(page)}
            if facets:
                data["facets"] = {}
            data.update({"modhash": "", "geo_filter": "", "children": [self._thing(p, obs_ms, faults) for p in page],
                         "before": None})
            cursor = None
            if cursor_key and index == 0 and page:
                cursor = (cursor_key, repr(max(p.created_ms // 1000 for p in page) * 1.0))
            new = sum(1 for p in page if since is None or p.created_ms // 1000 > float(since))
            request = Request("reddit", endpoint, stream, query, company.key, account)
            yield PageDraft(request, {"kind": "Listing", "data": data}, f"{API}/{path}", stats_key,
                            fetched=len(page), new=new, cursor=cursor, posts=page, faults=faults)

    def _search(self, company: Company, piece: Slice, obs_ms: int) -> Iterator[PageDraft]:
        watch = company.reddit
        if watch is None or not watch.search_queries:
            return
        start = to_ms(piece.start - self.overlap)
        end = to_ms(piece.end)
        days = sorted({from_ms(start).date(), piece.day})
        pool = [p for d in days for p in self.world.reddit_search_results(company, d) if start <= p.created_ms < end]
        cursor_key = f"reddit:mentions:{company.key}"
        newest = max((p.created_ms // 1000 for p in pool), default=None)
        first = True
        for query in watch.search_queries:
            phrase = query_phrase(query, company).lower()
            matching = [p for p in pool if phrase in _searchable(p)]
            for where in self.search_subreddits:
                restrict = where.lower() != "all"
                found = [p for p in matching if not restrict or p.subreddit.name.lower() == where.lower()]
                params = {"q": query, "sort": "new", "t": "day", "restrict_sr": restrict, "type": "link,comment",
                          "limit": self.page_size, "raw_json": 1}
                for draft in self._listing(company, found, obs_ms, endpoint="search", stream="mentions",
                                           account=f"r/{where}", path=f"r/{where}/search", params=params,
                                           stats_key=cursor_key, cursor_key=None, facets=True):
                    if first and newest is not None:
                        draft.cursor = (cursor_key, repr(newest * 1.0))
                        first = False
                    since = self.cursors.get(cursor_key)
                    if since is not None:
                        draft.new = sum(1 for c in draft.body["data"]["children"]
                                        if float(c["data"].get("created_utc", 0)) > float(since))
                    yield draft

    def _refresh(self, company: Company, piece: Slice, obs_ms: int) -> Iterator[PageDraft]:
        start = to_ms(piece.start - timedelta(days=self.refresh_days))
        end = to_ms(piece.start)
        days = self.world.days_before(piece.day, self.refresh_days) + [piece.day]
        posts = [p for d in days for p in self.world.reddit_owned(company, d)
                 if p.owned and start <= p.created_ms < end]
        posts.sort(key=lambda p: p.created_ms)
        for batch in chunks(posts, INFO_BATCH):
            faults: dict[str, int] = {}
            children = [self._thing(p, obs_ms, faults) for p in batch]
            data = {"after": None, "dist": len(children), "modhash": "", "geo_filter": "", "children": children,
                    "before": None}
            request = Request("reddit", "api/info", "metric_refresh",
                              {"id": ",".join(p.fullname for p in batch), "raw_json": 1}, company.key, None)
            per_account: dict[str, int] = {}
            for p in batch:
                per_account[f"reddit:u/{p.author.name}"] = per_account.get(f"reddit:u/{p.author.name}", 0) + 1
            yield PageDraft(request, {"kind": "Listing", "data": data}, f"{API}/api/info",
                            f"reddit:refresh:{company.key}", fetched=len(batch), refreshed_by_account=per_account,
                            posts=batch, faults=faults)

    def _thing(self, post: RedditPost, obs_ms: int, faults: dict[str, int]) -> dict[str, Any]:
        data = post.payload(obs_ms)
        kind = break_reddit(data, self.world.seed, obs_ms // 86_400_000)
        if kind:
            faults[kind] = faults.get(kind, 0) + 1
        return {"kind": post.kind, "data": data}


def _deleted(post: RedditPost, obs_ms: int) -> bool:
    return post.deleted_ms is not None and obs_ms >= post.deleted_ms


def _searchable(post: RedditPost) -> str:
    data = post.static
    return f"{data.get('title', '')} {data.get('selftext', '')} {data.get('body', '')}".lower()


def _about_data(sub: Subreddit, company: Company, obs_ms: int) -> dict[str, Any]:
    """A subreddit's ``about`` data (the fields a 2019+ t5 carries)."""
    subscribers = sub.subscribers(from_ms(obs_ms))
    active = max(1, subscribers // 150)
    created = 1_500_000_000.0 + float(int(sub.id, 36) % 150_000_000)
    description = f"The official community of {company.name}: announcements, questions, feedback."
    return {
        "user_flair_background_color": None, "submit_text_html": None, "restrict_posting": False,
        "user_is_banned": None, "free_form_reports": True, "wiki_enabled": True, "user_is_muted": None,
        "user_can_flair_in_sr": None, "display_name": sub.name, "header_img": None,
        "title": company.name, "icon_size": None, "primary_color": "", "active_user_count": active,
        "icon_img": "", "display_name_prefixed": f"r/{sub.name}", "accounts_active": active,
        "public_traffic": False, "subscribers": subscribers, "user_flair_richtext": [],
        "videostream_links_count": 0, "name": sub.fullname, "quarantine": False, "hide_ads": False,
        "emojis_enabled": False, "advertiser_category": "Technology", "public_description": description,
        "comment_score_hide_mins": 0, "user_has_favorited": None, "user_flair_template_id": None,
        "community_icon": "", "banner_background_image": "", "original_content_tag_enabled": False,
        "submit_text": "", "description_html": None, "spoilers_enabled": True, "header_title": None,
        "header_size": None, "user_flair_position": "right", "all_original_content": False,
        "has_menu_widget": False, "is_enrolled_in_new_modmail": None, "key_color": "",
        "can_assign_user_flair": False, "created": created, "wls": 6, "show_media_preview": True,
        "submission_type": "any", "user_is_subscriber": None, "disable_contributor_requests": False,
        "allow_videogifs": True, "user_flair_type": "text", "collapse_deleted_comments": False,
        "emojis_custom_size": None, "public_description_html": None, "allow_videos": True,
        "is_crosspostable_subreddit": True, "notification_level": None, "can_assign_link_flair": False,
        "accounts_active_is_fuzzed": False, "submit_text_label": None, "link_flair_position": "left",
        "user_sr_flair_enabled": None, "user_flair_enabled_in_sr": False, "allow_discovery": True,
        "user_sr_theme_enabled": True, "link_flair_enabled": True, "subreddit_type": "public",
        "suggested_comment_sort": None, "banner_img": "", "user_flair_text": None,
        "banner_background_color": "", "show_media": True, "id": sub.id, "user_is_moderator": None,
        "over18": False, "description": description, "submit_link_label": None,
        "user_flair_text_color": None, "restrict_commenting": False, "user_flair_css_class": None,
        "allow_images": True, "lang": "en", "whitelist_status": "all_ads", "url": f"/r/{sub.name}/",
        "created_utc": created, "banner_size": None, "mobile_banner_image": "", "user_is_contributor": None,
    }
