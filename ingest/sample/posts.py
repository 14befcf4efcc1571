"""Sample posts as they live between fetches: the static payload plus final metrics and fate.

A post is generated once per (company, stream, UTC day) and can be rendered at any observation
time; its metrics are ``final * growth(age)`` so they only grow, and a deleted post is rendered
as the API shows deleted content once its deletion time has passed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from .engagement import growth
from .people import Redditor, Subreddit, XAccount
from .seeding import from_ms

_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
_MENTION = re.compile(r"(?<![\w@])@(\w{1,15})")
_TCO = re.compile(r"https://t\.co/\w{10}")


@dataclass(slots=True)
class Truth:
    """What the generator meant a post to be (for measuring labelers; never in a payload)."""

    objective: str
    theme: str
    lang: str
    owned: bool


@dataclass(slots=True)
class XPost:
    """One X post: its v2 payload without metrics, and how its metrics evolve."""

    id: str
    created_ms: int
    author: XAccount
    company: str
    owned: bool
    truth: Truth
    static: dict[str, Any]
    finals: tuple[float, float, float, float, float, float]  # like, retweet, reply, quote, bookmark, impression
    is_retweet: bool = False
    deleted_ms: int | None = None
    mentioned: list[XAccount] = field(default_factory=list)
    companies: tuple[str, ...] = ()  # every company the post is about (owner or mentioned)

    def is_deleted(self, obs_ms: int) -> bool:
        """Whether the post has been deleted by `obs_ms`."""
        return self.deleted_ms is not None and obs_ms >= self.deleted_ms

    def payload(self, obs_ms: int) -> dict[str, Any]:
        """The v2 tweet object as fetched at `obs_ms`."""
        g = growth((obs_ms - self.created_ms) / 3_600_000)
        likes, retweets, replies, quotes, bookmarks, impressions = (int(v * g) for v in self.finals)
        data = dict(self.static)
        if self.is_retweet:
            # X shows a retweet's own counters as zero except the source's retweet count
            likes = replies = quotes = bookmarks = impressions = 0
        data["public_metrics"] = {
            "retweet_count": retweets,
            "reply_count": replies,
            "like_count": likes,
            "quote_count": quotes,
            "bookmark_count": bookmarks,
            "impression_count": impressions,
        }
        return data


def x_entities(text: str, links: list[tuple[str, str]], directory: dict[str, XAccount]) -> dict[str, Any]:
    """The ``entities`` of a tweet text (code-point offsets, as X reports them)."""
    entities: dict[str, Any] = {}
    tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)} for m in _HASHTAG.finditer(text)]
    if tags:
        entities["hashtags"] = tags
    mentions = []
    for m in _MENTION.finditer(text):
        item: dict[str, Any] = {"start": m.start(), "end": m.end(), "username": m.group(1)}
        known = directory.get(m.group(1).lower())
        if known is not None:
            item["id"] = known.id
        mentions.append(item)
    if mentions:
        entities["mentions"] = mentions
    expanded = dict(links)
    urls = []
    for m in _TCO.finditer(text):
        target = expanded.get(m.group(0))
        if target is None:
            continue
        display = target.split("://", 1)[-1]
        urls.append({
            "start": m.start(),
            "end": m.end(),
            "url": m.group(0),
            "expanded_url": target,
            "display_url": display if len(display) <= 26 else display[:25] + "…",
        })
    if urls:
        entities["urls"] = urls
    return entities


# --- Reddit -------------------------------------------------------------------------------------
@dataclass(slots=True)
class RedditPost:
    """One Reddit thing (t3 submission or t1 comment) and how its score evolves."""

    kind: str  # "t3" | "t1"
    id: str
    created_ms: int
    author: Redditor
    company: str
    owned: bool  # written by one of the company's accounts
    truth: Truth
    subreddit: Subreddit
    static: dict[str, Any]
    score_final: float
    comments_final: float
    upvote_ratio: float
    deleted_ms: int | None = None
    companies: tuple[str, ...] = ()  # companies an earned post names (owner's pool first)

    @property
    def fullname(self) -> str:
        """``t3_<id>`` / ``t1_<id>``."""
        return f"{self.kind}_{self.id}"

    def payload(self, obs_ms: int) -> dict[str, Any]:
        """The thing's ``data`` as fetched at `obs_ms`."""
        g = growth((obs_ms - self.created_ms) / 3_600_000)
        score = 1 + int(self.score_final * g)  # the author's own upvote
        data = dict(self.static)
        data["score"] = score
        data["ups"] = score
        if self.kind == "t3":
            data["upvote_ratio"] = self.upvote_ratio
            data["num_comments"] = int(self.comments_final * g)
            data["subreddit_subscribers"] = self.subreddit.subscribers(from_ms(obs_ms))
        if self.deleted_ms is not None and obs_ms >= self.deleted_ms:
            # what Reddit returns for a submission its author deleted
            data["author"] = "[deleted]"
            data.pop("author_fullname", None)
            data["removed_by_category"] = "deleted"
            if self.kind == "t3" and data.get("is_self"):
                data["selftext"] = "[deleted]"
                data["selftext_html"] = '<!-- SC_OFF --><div class="md"><p>[deleted]</p>\n</div><!-- SC_ON -->'
        return data


def markdown_html(text: str, wrap_sc: bool) -> str | None:
    """Reddit's rendered HTML of a plain-paragraph markdown text."""
    if not text:
        return None
    paragraphs = "\n\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in text.split("\n\n"))
    body = f'<div class="md">{paragraphs}\n</div>'
    return f"<!-- SC_OFF -->{body}<!-- SC_ON -->" if wrap_sc else body


def reddit_slug(title: str) -> str:
    """The permalink slug Reddit derives from a title."""
    words = re.sub(r"[^a-z0-9 ]+", "", title.lower()).split()
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 50:
            break
        slug = f"{slug}_{word}" if slug else word
    return slug or "post"


def t3_static(*, post_id: str, created_s: float, author: Redditor, subreddit: Subreddit, title: str,
              selftext: str, url: str | None, flair: str | None, distinguished: str | None,
              stickied: bool) -> dict[str, Any]:
    """A submission's ``data`` with every field a 2026 listing carries (metrics filled at render)."""
    is_self = url is None
    permalink = f"/r/{subreddit.name}/comments/{post_id}/{reddit_slug(title)}/"
    data: dict[str, Any] = {
        "approved_at_utc": None, "subreddit": subreddit.name, "selftext": selftext,
        "author_fullname": author.fullname, "saved": False, "mod_reason_title": None, "gilded": 0,
        "clicked": False, "title": title, "link_flair_richtext": [],
        "subreddit_name_prefixed": f"r/{subreddit.name}", "hidden": False, "pwls": 6,
        "link_flair_css_class": None if flair is None else "", "downs": 0, "thumbnail_height": None,
        "top_awarded_type": None, "hide_score": False, "name": f"t3_{post_id}", "quarantine": False,
        "link_flair_text_color": "dark", "upvote_ratio": 1.0, "author_flair_background_color": None,
        "subreddit_type": "public", "ups": 1, "total_awards_received": 0, "media_embed": {},
        "thumbnail_width": None, "author_flair_template_id": None, "is_original_content": False,
        "user_reports": [], "secure_media": None, "is_reddit_media_domain": False, "is_meta": False,
        "category": None, "secure_media_embed": {}, "link_flair_text": flair, "can_mod_post": False,
        "score": 1, "approved_by": None, "is_created_from_ads_ui": False, "author_premium": False,
        "thumbnail": "self" if is_self else "default", "edited": False, "author_flair_css_class": None,
        "author_flair_richtext": [], "gildings": {}, "content_categories": None, "is_self": is_self,
        "mod_note": None, "created": created_s, "link_flair_type": "text", "wls": 6,
        "removed_by_category": None, "banned_by": None, "author_flair_type": "text",
        "domain": f"self.{subreddit.name}" if is_self else url.split("/")[2],
        "allow_live_comments": False, "selftext_html": markdown_html(selftext, wrap_sc=True),
        "likes": None, "suggested_sort": None, "banned_at_utc": None, "view_count": None,
        "archived": False, "no_follow": False, "is_crosspostable": True, "pinned": False,
        "over_18": False, "all_awardings": [], "awarders": [], "media_only": False, "can_gild": False,
        "spoiler": False, "locked": False, "author_flair_text": None, "treatment_tags": [],
        "visited": False, "removed_by": None, "num_reports": None, "distinguished": distinguished,
        "subreddit_id": subreddit.fullname, "author_is_blocked": False, "mod_reason_by": None,
        "removal_reason": None, "link_flair_background_color": "", "id": post_id,
        "is_robot_indexable": True, "report_reasons": None, "author": author.name,
        "discussion_type": None, "num_comments": 0, "send_replies": True, "contest_mode": False,
        "mod_reports": [], "author_patreon_flair": False, "author_flair_text_color": None,
        "permalink": permalink, "stickied": stickied,
        "url": f"https://www.reddit.com{permalink}" if is_self else url,
        "subreddit_subscribers": 0, "created_utc": created_s, "num_crossposts": 0, "media": None,
        "is_video": False,
    }
    if not is_self:
        data["url_overridden_by_dest"] = url
    return data


def t1_static(*, comment_id: str, created_s: float, author: Redditor, subreddit: Subreddit, body: str,
              link_id: str, link_title: str, link_author: str, parent_id: str,
              link_comments: int) -> dict[str, Any]:
    """A comment's ``data`` with every field a 2026 listing carries (score filled at render)."""
    link_permalink = f"https://www.reddit.com/r/{subreddit.name}/comments/{link_id}/{reddit_slug(link_title)}/"
    return {
        "subreddit_id": subreddit.fullname, "approved_at_utc": None, "author_is_blocked": False,
        "comment_type": None, "link_title": link_title, "mod_reason_by": None, "banned_by": None,
        "ups": 1, "num_reports": None, "author_flair_type": "text", "total_awards_received": 0,
        "subreddit": subreddit.name, "link_author": link_author, "likes": None, "replies": "",
        "user_reports": [], "saved": False, "id": comment_id, "banned_at_utc": None,
        "mod_reason_title": None, "gilded": 0, "archived": False, "collapsed_reason_code": None,
        "no_follow": True, "author": author.name, "num_comments": link_comments,
        "can_mod_post": False, "send_replies": True, "parent_id": parent_id, "score": 1,
        "author_fullname": author.fullname, "over_18": False, "report_reasons": None,
        "removal_reason": None, "approved_by": None, "controversiality": 0, "body": body,
        "edited": False, "top_awarded_type": None, "downs": 0, "author_flair_css_class": None,
        "is_submitter": False, "collapsed": False, "author_flair_richtext": [],
        "author_patreon_flair": False, "body_html": markdown_html(body, wrap_sc=False), "gildings": {},
        "collapsed_reason": None, "distinguished": None, "associated_award": None, "stickied": False,
        "author_premium": False, "can_gild": False, "link_id": f"t3_{link_id}",
        "unrepliable_reason": None, "author_flair_text_color": None, "score_hidden": False,
        "permalink": f"/r/{subreddit.name}/comments/{link_id}/{reddit_slug(link_title)}/{comment_id}/",
        "subreddit_type": "public", "link_permalink": link_permalink, "name": f"t1_{comment_id}",
        "author_flair_template_id": None, "subreddit_name_prefixed": f"r/{subreddit.name}",
        "author_flair_text": None, "treatment_tags": [], "created": created_s, "created_utc": created_s,
        "awarders": [], "all_awardings": [], "locked": False, "author_flair_background_color": None,
        "collapsed_because_crowd_control": None, "mod_reports": [], "quarantine": False,
        "mod_note": None, "link_url": link_permalink,
    }
