"""The sample world: every post of every company on every UTC day, as a pure function of the seed.

`World` generates one (company, channel, stream, day) at a time from its own RNG, seeded from
(seed, company key, channel, date, stream), and caches recent days, so a metric refresh can
regenerate last week's posts without depending on what an earlier run fetched.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import numpy as np

from crosstalk.config import Company, Settings

from . import textbank as tb
from .compose import Composer, Link, Rendered, title_and_body
from .engagement import (
    THEME_EFFECT,
    WEEKDAY_EARNED,
    WEEKDAY_OWNED,
    company_profile,
    earned_hours,
    heavy_tail,
    hour_effect,
    owned_hours,
)
from .people import (
    XAccount,
    company_x_accounts,
    public_redditors,
    public_x_users,
    redditor,
    subreddit,
)
from .posts import RedditPost, Truth, XPost, t1_static, t3_static, x_entities
from .seeding import (
    day_start,
    from_ms,
    reddit_id,
    rng_for,
    snowflake,
    stable_seed,
    to_ms,
    unique_sorted_ms,
    worker_id,
    x_time,
)

DAY_MS = 86_400_000
HIRING_SUBREDDITS = ["jobbit", "forhire", "RemoteJobs", "hiring"]
X_DELETE_RATE = 0.04
REDDIT_DELETE_RATE = 0.03
_TITLES = {"customer": tb.REDDIT_CUSTOMER_TITLES, "candidate": tb.REDDIT_CANDIDATE_TITLES,
           "public": tb.REDDIT_PUBLIC_TITLES}
T = TypeVar("T")


def query_phrase(query: str, company: Company) -> str:
    """The words a search query looks for: a quoted phrase, else the company name."""
    quoted = [p for p in query.split('"')[1::2] if p.strip()]
    return quoted[0] if quoted else company.name


class World:
    """Deterministic posts for the configured companies."""

    def __init__(self, settings: Settings, seed: int, volume: float) -> None:
        self.settings = settings
        self.seed = seed
        self.volume = volume
        self.tz = ZoneInfo(settings.timezone)
        companies = settings.companies
        self.composers = {c.key: Composer(c, companies) for c in companies}
        self.profiles = {c.key: company_profile(seed, c.key, c.key == settings.focus) for c in companies}
        self.x_accounts = {c.key: company_x_accounts(c, seed) for c in companies}
        self.x_public = public_x_users(seed)
        self.reddit_public = public_redditors(seed)
        self.directory: dict[str, XAccount] = {u.username.lower(): u for u in self.x_public}
        for accounts in self.x_accounts.values():
            self.directory.update({a.username.lower(): a for a in accounts})
        self._cache: dict[tuple[str, str, date], list[Any]] = {}

    # -- caching -------------------------------------------------------------------------------
    def _cached(self, kind: str, company: Company, day: date, make: Callable[[], list[T]]) -> list[T]:
        key = (kind, company.key, day)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = make()
        return hit

    def forget_before(self, day: date) -> None:
        """Drop cached days older than `day` (keeps memory flat over long windows)."""
        for key in [k for k in self._cache if k[2] < day]:
            del self._cache[key]

    def _utc_offset_h(self, day: date) -> float:
        offset = self.tz.utcoffset(day_start(day).replace(tzinfo=None))
        return offset.total_seconds() / 3600 if offset else 0.0

    def _local_hour(self, created_ms: int, offset_h: float) -> float:
        return ((created_ms % DAY_MS) / 3_600_000 + offset_h) % 24

    def _rngs(self, company: Company, channel: str, day: date, stream: str) -> tuple[np.random.Generator, random.Random]:
        parts = (self.seed, company.key, channel, day.isoformat(), stream)
        return rng_for(*parts), random.Random(stable_seed(*parts, "text"))

    # -- X -------------------------------------------------------------------------------------
    def x_owned(self, company: Company, day: date) -> list[XPost]:
        """The company's own X posts created on `day`, oldest first."""
        return self._cached("x-owned", company, day, lambda: self._make_x_owned(company, day))

    def x_mentions(self, company: Company, day: date) -> list[XPost]:
        """Public X posts about the company created on `day` (its own pool), oldest first."""
        return self._cached("x-mentions", company, day, lambda: self._make_x_mentions(company, day))

    def _make_x_owned(self, company: Company, day: date) -> list[XPost]:
        rng, rnd = self._rngs(company, "x", day, "owned")
        composer = self.composers[company.key]
        profile = self.profiles[company.key]
        accounts = self.x_accounts[company.key]
        jobs_handles = {h.lower() for h in company.intent.recruiting_handles}
        day0 = to_ms(day_start(day))
        offset_h = self._utc_offset_h(day)
        posts: list[XPost] = []
        for position, account in enumerate(accounts):
            is_jobs = account.username.lower() in jobs_handles
            rate = 2.4 if is_jobs else (3.4 if position == 0 else 1.2)
            n = int(rng.poisson(rate * WEEKDAY_OWNED[day.weekday()] * self.volume))
            if n == 0:
                continue
            hours = owned_hours(rng, n, offset_h)
            created = unique_sorted_ms(day0 + hours * 3_600_000 + rng.integers(0, 1000, n), day0, day0 + DAY_MS)
            kind_u, objective_u, delete_u = rng.random(n), rng.random(n), rng.random(n)
            delete_after = rng.uniform(26, 96, n) * 3_600_000
            ratios = rng.random((n, 5))
            followers = account.followers(from_ms(day0))
            siblings = [a for a in accounts if a is not account]
            worker = worker_id(company.key, "x-owned", account.username.lower())
            drafts: list[tuple[XPost, float]] = []
            for i in range(n):
                created_ms = int(created[i])
                post_id = snowflake(created_ms, worker, i)
                u = kind_u[i]
                kind = "original" if u < 0.72 else "reply" if u < 0.86 else "retweet" if u < 0.95 else "quote"
                if is_jobs:
                    objective = "recruiting" if objective_u[i] < 0.85 else "marketing" if objective_u[i] < 0.95 else "other"
                else:
                    share = profile.recruiting_share
                    objective = "recruiting" if objective_u[i] < share else "other" if objective_u[i] < share + 0.12 else "marketing"
                if kind == "reply":
                    objective = "recruiting" if is_jobs else "other"
                post, mu = self._x_owned_post(kind, objective, post_id, created_ms, account, siblings,
                                              composer, rnd, followers)
                mu += math.log(profile.performance[("x", post.truth.objective)])
                mu += math.log(THEME_EFFECT[post.truth.theme]) + math.log(hour_effect(self._local_hour(created_ms, offset_h)))
                if kind != "retweet" and delete_u[i] < X_DELETE_RATE:
                    post.deleted_ms = created_ms + int(delete_after[i])
                drafts.append((post, mu))
            likes = heavy_tail(rng, np.array([mu for _, mu in drafts]), 1.0)
            for (post, _), like, r in zip(drafts, likes, ratios, strict=True):
                post.finals = _x_finals(float(like), r, followers)
                posts.append(post)
        posts.sort(key=lambda p: p.created_ms)
        return posts

    def _x_owned_post(self, kind: str, objective: str, post_id: str, created_ms: int, account: XAccount,
                      siblings: list[XAccount], composer: Composer, rnd: random.Random,
                      followers: int) -> tuple[XPost, float]:
        """One company post of `kind` (original, reply, retweet, quote) and its log-engagement base."""
        mu = 0.5 * math.log(followers) - 1.8
        extra: dict[str, Any] = {}
        mentioned: list[XAccount] = []
        if kind == "reply":
            rendered = composer.reply(objective, rnd, tco=True)
            to = self.x_public[rnd.randrange(len(self.x_public))]
            parent = snowflake(created_ms - rnd.randrange(60_000, 7_200_000), worker_id("x-ext", to.username), rnd.randrange(4096))
            text = f"@{to.username} {rendered.text}"
            extra = {"referenced_tweets": [{"type": "replied_to", "id": parent}],
                     "conversation_id": parent, "in_reply_to_user_id": to.id}
            mentioned.append(to)
            mu -= 1.3
        elif kind == "retweet":
            source = siblings[rnd.randrange(len(siblings))] if siblings and rnd.random() < 0.7 else None
            if source is None:
                source = self.x_public[rnd.randrange(len(self.x_public))]
                rendered = composer.earned("customer", rnd, tco=True, mention=f"@{account.username}", other=None)
            else:
                rendered = composer.owned(objective, rnd, tco=True)
            body = rendered.text
            text = f"RT @{source.username}: " + (body if len(body) <= 116 else body[:115] + "…")
            original = snowflake(created_ms - rnd.randrange(60_000, 20_000_000), worker_id("x-ext", source.username), rnd.randrange(4096))
            extra = {"referenced_tweets": [{"type": "retweeted", "id": original}]}
            mentioned.append(source)
            mu += 0.2
        else:
            rendered = composer.owned(objective, rnd, tco=True, lang=composer.pick_lang(rnd))
            text = rendered.text
            if kind == "quote":
                author = siblings[0] if siblings else self.x_public[rnd.randrange(len(self.x_public))]
                quoted = snowflake(created_ms - rnd.randrange(600_000, 50_000_000), worker_id("x-ext", author.username), rnd.randrange(4096))
                shown = "https://t.co/q" + str(stable_seed(quoted))[:9]
                rendered.links.append(Link(shown, f"https://twitter.com/{author.username}/status/{quoted}"))
                text = f"{text} {shown}"
                extra = {"referenced_tweets": [{"type": "quoted", "id": quoted}]}
        post = self._x_post(post_id, created_ms, account, text, rendered, extra, owned=True,
                            company=account.company or "", mentioned=mentioned)
        post.is_retweet = kind == "retweet"
        return post, mu

    def _x_post(self, post_id: str, created_ms: int, author: XAccount, text: str, rendered: Rendered,
                extra: dict[str, Any], *, owned: bool, company: str, mentioned: list[XAccount],
                companies: tuple[str, ...] = ()) -> XPost:
        static: dict[str, Any] = {
            "id": post_id,
            "edit_history_tweet_ids": [post_id],
            "text": text,
            "created_at": x_time(created_ms),
            "author_id": author.id,
            "conversation_id": extra.pop("conversation_id", post_id),
            "lang": rendered.lang,
            "possibly_sensitive": False,
        }
        entities = x_entities(text, [(link.shown, link.expanded) for link in rendered.links], self.directory)
        if entities:
            static["entities"] = entities
        static.update(extra)
        for item in entities.get("mentions", []):
            known = self.directory.get(item["username"].lower())
            if known is not None and known not in mentioned:
                mentioned.append(known)
        truth = Truth(rendered.objective, rendered.theme, rendered.lang, owned)
        return XPost(post_id, created_ms, author, company, owned, truth, static, (0, 0, 0, 0, 0, 0),
                     mentioned=mentioned, companies=companies or (company,))

    def _make_x_mentions(self, company: Company, day: date) -> list[XPost]:
        rng, rnd = self._rngs(company, "x", day, "mentions")
        composer = self.composers[company.key]
        profile = self.profiles[company.key]
        day0 = to_ms(day_start(day))
        rate = 12.0 * WEEKDAY_EARNED[day.weekday()] * self.volume * profile.buzz["x"]
        n = int(rng.poisson(rate))
        if n == 0:
            return []
        created = unique_sorted_ms(day0 + earned_hours(rng, n) * 3_600_000, day0, day0 + DAY_MS)
        voice_u, style_u, co_u, reply_u = rng.random(n), rng.random(n), rng.random(n), rng.random(n)
        authors = rng.integers(0, len(self.x_public), n)
        ratios = rng.random((n, 5))
        others = [o for o in self.settings.watching("x") if o.key != company.key]
        accounts = self.x_accounts[company.key]
        jobs_handles = [a for a in accounts if a.username.lower() in {h.lower() for h in company.intent.recruiting_handles}]
        owned_today = [p for p in self.x_owned(company, day) if not p.is_retweet and p.truth.theme != "support"]
        owned_times = [p.created_ms for p in owned_today]
        worker = worker_id(company.key, "x-mentions")
        drafts: list[tuple[XPost, float]] = []
        for i in range(n):
            created_ms = int(created[i])
            voice = "customer" if voice_u[i] < 0.55 else "candidate" if voice_u[i] < 0.88 else "public"
            handle = jobs_handles[0] if voice == "candidate" and jobs_handles and style_u[i] < 0.3 else accounts[0]
            mention = f"@{handle.username}" if style_u[i] < 0.55 else rnd.choice([company.name, *company.aliases])
            other_company = others[rnd.randrange(len(others))] if others and co_u[i] < 0.12 and voice != "public" else None
            other = None
            if other_company is not None:
                other = f"@{self.x_accounts[other_company.key][0].username}" if rnd.random() < 0.5 else other_company.name
            rendered = composer.earned(voice, rnd, tco=True, mention=mention, other=other, lang=composer.pick_lang(rnd))
            author = self.x_public[int(authors[i])]
            text = rendered.text
            extra: dict[str, Any] = {}
            earlier = bisect_left(owned_times, created_ms)  # owned posts before this one
            if earlier and reply_u[i] < 0.18:
                parent = owned_today[rnd.randrange(earlier)]
                if not text.startswith(f"@{parent.author.username}"):
                    text = f"@{parent.author.username} {text}"
                extra = {"referenced_tweets": [{"type": "replied_to", "id": parent.id}],
                         "conversation_id": parent.static["conversation_id"],
                         "in_reply_to_user_id": parent.author.id}
            keys = (company.key, other_company.key) if other_company else (company.key,)
            post = self._x_post(snowflake(created_ms, worker, i), created_ms, author, text, rendered, extra,
                                owned=False, company=company.key, mentioned=[], companies=keys)
            mu = 0.45 * math.log(author.followers(from_ms(day0))) - 1.4 + 0.5 * math.log(THEME_EFFECT[rendered.theme])
            drafts.append((post, mu))
        likes = heavy_tail(rng, np.array([mu for _, mu in drafts]), 1.2)
        for (post, _), like, r in zip(drafts, likes, ratios, strict=True):
            post.finals = _x_finals(float(like), r, post.author.followers(from_ms(day0)))
        return [post for post, _ in drafts]

    def x_search_results(self, company: Company, day: date) -> list[XPost]:
        """What a search for `company` finds on `day`: its own pool plus others' posts co-mentioning it."""
        found = list(self.x_mentions(company, day))
        for other in self.settings.watching("x"):
            if other.key != company.key:
                found.extend(p for p in self.x_mentions(other, day) if company.key in p.companies)
        found.sort(key=lambda p: int(p.id))
        return found

    # -- Reddit --------------------------------------------------------------------------------
    def reddit_owned(self, company: Company, day: date) -> list[RedditPost]:
        """Submissions by the company's accounts and by members in its subreddits, on `day`."""
        return self._cached("reddit-owned", company, day, lambda: self._make_reddit_owned(company, day))

    def reddit_mentions(self, company: Company, day: date) -> list[RedditPost]:
        """Earned submissions and comments about the company on `day` (its own pool)."""
        return self._cached("reddit-mentions", company, day, lambda: self._make_reddit_mentions(company, day))

    def _make_reddit_owned(self, company: Company, day: date) -> list[RedditPost]:
        watch = company.reddit
        if watch is None:
            return []
        rng, rnd = self._rngs(company, "reddit", day, "owned")
        composer = self.composers[company.key]
        profile = self.profiles[company.key]
        day0 = to_ms(day_start(day))
        offset_h = self._utc_offset_h(day)
        own_subs = [subreddit(s, owned=True) for s in watch.subreddits]
        industry_subs = composer.industry["subreddits"]
        drafts: list[tuple[RedditPost, float]] = []
        for account_name in watch.accounts:
            account = redditor(account_name)
            n = int(rng.poisson(2.0 / len(watch.accounts) * WEEKDAY_OWNED[day.weekday()] * self.volume))
            if n == 0:
                continue
            created = unique_sorted_ms(day0 + owned_hours(rng, n, offset_h) * 3_600_000, day0, day0 + DAY_MS)
            objective_u, where_u, delete_u = rng.random(n), rng.random(n), rng.random(n)
            delete_after = rng.uniform(26, 72, n) * 3_600_000
            worker = worker_id(company.key, "reddit-owned", account_name.lower())
            for i in range(n):
                created_ms = int(created[i])
                share = profile.recruiting_share + 0.1
                objective = "recruiting" if objective_u[i] < share else "other" if objective_u[i] < share + 0.1 else "marketing"
                in_own = bool(own_subs) and bool(where_u[i] < 0.65)
                if in_own:
                    sub = own_subs[rnd.randrange(len(own_subs))]
                elif objective == "recruiting":
                    sub = subreddit(rnd.choice(HIRING_SUBREDDITS))
                else:
                    sub = subreddit(rnd.choice(industry_subs))
                lang = "de" if rnd.random() < 0.05 else "en"
                rendered = composer.owned(objective, rnd, tco=False, lang=lang)
                title, body = title_and_body(rendered.text)
                url = None
                if rendered.links and objective != "other" and rnd.random() < 0.35:
                    url, body = rendered.links[0].expanded, ""
                elif body:
                    body = f"{body}\n\n{rnd.choice(tb.REDDIT_EXTRAS[objective])}".strip()
                flair = {"jobs": "Hiring", "event": "Event", "news": "Announcement", "product": "Release",
                         "support": "Status"}.get(rendered.theme) if in_own else None
                post_id = reddit_id(created_ms, worker)
                static = t3_static(post_id=post_id, created_s=float(created_ms // 1000), author=account,
                                   subreddit=sub, title=title, selftext=body, url=url, flair=flair,
                                   distinguished="moderator" if in_own else None,
                                   stickied=in_own and rendered.theme in ("event", "news") and rnd.random() < 0.3)
                truth = Truth(rendered.objective, rendered.theme, rendered.lang, True)
                post = RedditPost("t3", post_id, created_ms, account, company.key, True, truth, sub, static, 0, 0, 0)
                if delete_u[i] < REDDIT_DELETE_RATE:
                    post.deleted_ms = created_ms + int(delete_after[i])
                mu = 0.22 * math.log(sub.subscribers(from_ms(day0))) + 0.4
                mu += math.log(profile.performance[("reddit", objective)]) + math.log(THEME_EFFECT[rendered.theme])
                mu += math.log(hour_effect(self._local_hour(created_ms, offset_h)))
                drafts.append((post, mu))
        for sub in own_subs:
            n = int(rng.poisson(2.5 * WEEKDAY_EARNED[day.weekday()] * self.volume))
            if n == 0:
                continue
            created = unique_sorted_ms(day0 + earned_hours(rng, n) * 3_600_000, day0, day0 + DAY_MS)
            authors = rng.integers(0, len(self.reddit_public), n)
            worker = worker_id(company.key, "reddit-community", sub.name.lower())
            for i in range(n):
                created_ms = int(created[i])
                author = self.reddit_public[int(authors[i])]
                voice = "customer" if rnd.random() < 0.8 else "candidate"
                rendered = composer.earned(voice, rnd, tco=False, mention=company.name, other=None)
                title = composer.reddit_title(tb.REDDIT_COMMUNITY_TITLES, rnd, company.name, None, rendered.theme)
                post_id = reddit_id(created_ms, worker)
                static = t3_static(post_id=post_id, created_s=float(created_ms // 1000), author=author, subreddit=sub,
                                   title=title, selftext=rendered.text, url=None,
                                   flair=rnd.choice(["Question", "Feedback", "Discussion", None]), distinguished=None,
                                   stickied=False)
                truth = Truth(rendered.objective, rendered.theme, rendered.lang, False)
                post = RedditPost("t3", post_id, created_ms, author, company.key, False, truth, sub, static, 0, 0, 0)
                drafts.append((post, 0.2 * math.log(sub.subscribers(from_ms(day0)))))
        return self._finish_reddit(rng, drafts)

    def _finish_reddit(self, rng: np.random.Generator, drafts: list[tuple[RedditPost, float]]) -> list[RedditPost]:
        if not drafts:
            return []
        scores = heavy_tail(rng, np.array([mu for _, mu in drafts]), 1.1)
        comment_share = rng.uniform(0.05, 0.6, len(drafts))
        ratios = np.clip(rng.beta(8, 1.6, len(drafts)), 0.5, 1.0)
        for (post, _), score, share, ratio in zip(drafts, scores, comment_share, ratios, strict=True):
            post.score_final = float(score)
            post.comments_final = float(score * share)
            post.upvote_ratio = round(float(ratio), 2)
        posts = [post for post, _ in drafts]
        posts.sort(key=lambda p: p.created_ms)
        return posts

    def _make_reddit_mentions(self, company: Company, day: date) -> list[RedditPost]:
        watch = company.reddit
        if watch is None or not watch.search_queries:
            return []
        rng, rnd = self._rngs(company, "reddit", day, "mentions")
        composer = self.composers[company.key]
        profile = self.profiles[company.key]
        day0 = to_ms(day_start(day))
        n = int(rng.poisson(6.0 * WEEKDAY_EARNED[day.weekday()] * self.volume * profile.buzz["reddit"]))
        if n == 0:
            return []
        created = unique_sorted_ms(day0 + earned_hours(rng, n) * 3_600_000, day0, day0 + DAY_MS)
        authors = rng.integers(0, len(self.reddit_public), n)
        kind_u, voice_u, co_u = rng.random(n), rng.random(n), rng.random(n)
        search_in = [s for s in self.settings.channels.reddit.search_subreddits if s.lower() != "all"]
        others = [o for o in self.settings.watching("reddit") if o.key != company.key and o.reddit and o.reddit.search_queries]
        drafts: list[tuple[RedditPost, float]] = []
        for i in range(n):
            created_ms = int(created[i])
            author = self.reddit_public[int(authors[i])]
            query = watch.search_queries[rnd.randrange(len(watch.search_queries))]
            name = query_phrase(query, company)
            voice = "customer" if voice_u[i] < 0.5 else "candidate" if voice_u[i] < 0.9 else "public"
            other_company = others[rnd.randrange(len(others))] if others and co_u[i] < 0.1 and voice != "public" else None
            other = query_phrase(other_company.reddit.search_queries[0], other_company) if other_company and other_company.reddit else None
            if search_in:
                sub = subreddit(rnd.choice(search_in))
            elif voice == "candidate":
                sub = subreddit(rnd.choice(tb.CAREER_SUBREDDITS))
            else:
                sub = subreddit(rnd.choice(composer.industry["subreddits"] + tb.GENERIC_SUBREDDITS))
            rendered = composer.earned(voice, rnd, tco=False, mention=name, other=other)
            truth = Truth(rendered.objective, rendered.theme, rendered.lang, False)
            created_s = float(created_ms // 1000)
            if kind_u[i] < 0.25:
                worker = worker_id(company.key, "reddit-comments")
                link_id = reddit_id(created_ms - rnd.randrange(600_000, 80_000_000), worker_id("reddit-ext", sub.name))
                link_title = composer.reddit_title(_TITLES[voice], rnd, name, other, rendered.theme)
                comment_id = reddit_id(created_ms, worker)
                parent = f"t3_{link_id}" if rnd.random() < 0.6 else f"t1_{reddit_id(created_ms - rnd.randrange(60_000, 3_600_000), worker_id('reddit-ext-c', sub.name))}"
                static = t1_static(comment_id=comment_id, created_s=created_s, author=author, subreddit=sub,
                                   body=rendered.text, link_id=link_id, link_title=link_title,
                                   link_author=self.reddit_public[rnd.randrange(len(self.reddit_public))].name,
                                   parent_id=parent, link_comments=rnd.randrange(3, 400))
                post = RedditPost("t1", comment_id, created_ms, author, company.key, False, truth, sub, static, 0, 0, 0)
                drafts.append((post, 0.8))
                continue
            title = composer.reddit_title(_TITLES[voice], rnd, name, other, rendered.theme)
            body = f"{rendered.text}\n\n{rnd.choice(tb.REDDIT_EXTRAS['earned'])}".strip()
            post_id = reddit_id(created_ms, worker_id(company.key, "reddit-mentions"))
            static = t3_static(post_id=post_id, created_s=created_s, author=author, subreddit=sub, title=title,
                               selftext=body, url=None, flair=None, distinguished=None, stickied=False)
            post = RedditPost("t3", post_id, created_ms, author, company.key, False, truth, sub, static, 0, 0, 0)
            post.companies = (company.key, other_company.key) if other_company else (company.key,)
            drafts.append((post, 0.25 * math.log(sub.subscribers(from_ms(day0))) - 0.5))
        return self._finish_reddit(rng, drafts)

    def reddit_search_results(self, company: Company, day: date) -> list[RedditPost]:
        """What the company's searches find on `day`: its pool plus others' posts naming it too."""
        found = list(self.reddit_mentions(company, day))
        for other in self.settings.watching("reddit"):
            if other.key != company.key:
                found.extend(p for p in self.reddit_mentions(other, day)
                             if company.key in p.companies)
        found.sort(key=lambda p: p.created_ms)
        return found

    def days_before(self, day: date, count: int) -> list[date]:
        """The `count` days before `day`, oldest first."""
        return [day - timedelta(days=k) for k in range(count, 0, -1)]


def _x_finals(likes: float, r: np.ndarray, followers: int) -> tuple[float, float, float, float, float, float]:
    """All final X counters from the final like count and five uniforms."""
    return (
        likes,
        likes * (0.08 + 0.25 * r[0]),
        likes * (0.02 + 0.12 * r[1]),
        likes * 0.04 * r[2],
        likes * (0.01 + 0.1 * r[3]),
        likes * (25 + 70 * r[4]) + followers * 0.02 * (1 + r[4]),
    )
