"""Reddit API pages → normalized posts, metric snapshots and subreddit audience snapshots.

Submissions (`t3`) and comments (`t1`, flagged `is_reply`) are posts; `more` stubs are not;
a subreddit (`t5`) gives its subscribers. A submission's comments page (a list of two
listings) is flattened, and nested `replies` listings inside comments are walked too.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd

from transform.parsed import (
    ACCOUNT_COLUMNS,
    MENTION_COLUMNS,
    METRIC_COLUMNS,
    POST_COLUMNS,
    QUARANTINE_COLUMNS,
    Parsed,
    column,
    decode_bodies,
    empty,
    numeric,
    page_meta,
    quarantine_rows,
    records_frame,
    to_utc,
)

CHANNEL = "reddit"
_DELETED_TEXT = {"[deleted]", "[removed]"}


def _things(node: Any, out: list[dict]) -> None:
    """Collect every Thing (`{"kind", "data"}`) below `node`, depth-first, in document order."""
    if isinstance(node, list):
        for item in node:
            _things(item, out)
    elif isinstance(node, dict):
        kind = node.get("kind")
        data = node.get("data")
        if kind == "Listing" and isinstance(data, dict):
            _things(data.get("children") or [], out)
        elif isinstance(kind, str) and isinstance(data, dict):
            out.append(node)
            if kind == "t1" and isinstance(data.get("replies"), dict):
                _things(data["replies"], out)


def _requested_ids(page: pd.Series) -> set[str]:
    """Fullnames an `api/info` request asked for (a missing one was removed or made private)."""
    if page.get("endpoint") != "api/info" or not isinstance(page.get("request_params"), str):
        return set()
    try:
        ids = json.loads(page["request_params"]).get("id", "")
    except ValueError:
        return set()
    return {i.strip() for i in str(ids).split(",") if i.strip()}


def _split(decoded: list[tuple[pd.Series, Any]]) -> tuple[list, list, list, list, list]:
    posts, post_page, subs, sub_page, gone = [], [], [], [], []
    for i, (page, body) in enumerate(decoded):
        things: list[dict] = []
        _things(body, things)
        requested = _requested_ids(page)
        if requested:
            gone.extend(sorted(requested - {t["data"].get("name") for t in things}))
        for thing in things:
            if thing["kind"] in ("t3", "t1"):
                record = {k: v for k, v in thing["data"].items() if k != "replies"}
                record["_kind"] = thing["kind"]
                posts.append(record)
                post_page.append(i)
            elif thing["kind"] == "t5":
                subs.append(thing["data"])
                sub_page.append(i)
    return posts, post_page, subs, sub_page, gone


def _validate(frame: pd.DataFrame, created: pd.Series) -> pd.Series:
    names = column(frame, "name").astype("string")
    reasons = pd.Series(pd.NA, index=frame.index, dtype="string")
    checks = [
        (names.isna() | ~names.fillna("").str.fullmatch(r"t[13]_[0-9a-z]+"), "name (fullname) missing or malformed"),
        (created.isna(), "created_utc missing or not a number"),
        (numeric(frame, "score")[1], "score is not a number"),
        (numeric(frame, "num_comments")[1], "num_comments is not a number"),
        (numeric(frame, "upvote_ratio")[1], "upvote_ratio is not a number"),
    ]
    for bad, reason in reversed(checks):
        reasons = reasons.mask(bad.fillna(False).astype(bool), reason)
    return reasons


def _subreddit_snapshots(frame: pd.DataFrame, meta: pd.DataFrame, subs: list, sub_page: list,
                         page_frame: pd.DataFrame) -> pd.DataFrame:
    """Subscribers per subreddit: from `t5` about pages and from each submission's own field."""
    parts = []
    if subs:
        about = records_frame(subs)
        about_meta = page_frame.iloc[np.asarray(sub_page)].reset_index(drop=True)
        parts.append(pd.DataFrame({
            "account_id": column(about, "name").to_numpy(),
            "handle": column(about, "display_name").astype("string").str.lower().to_numpy(),
            "name": column(about, "title").to_numpy(),
            "followers": numeric(about, "subscribers")[0].to_numpy(),
            "observed_at": about_meta["fetched_at"].to_numpy(),
        }))
    if "subreddit_subscribers" in frame:
        parts.append(pd.DataFrame({
            "account_id": column(frame, "subreddit_id").to_numpy(),
            "handle": column(frame, "subreddit").astype("string").str.lower().to_numpy(),
            "name": column(frame, "subreddit_name_prefixed").to_numpy(),
            "followers": numeric(frame, "subreddit_subscribers")[0].to_numpy(),
            "observed_at": meta["fetched_at"].to_numpy(),
        }))
    if not parts:
        return empty(ACCOUNT_COLUMNS)
    snaps = pd.concat(parts, ignore_index=True)
    snaps = snaps[snaps["account_id"].notna() & snaps["followers"].notna()]
    snaps = snaps.assign(channel=CHANNEL, kind="subreddit", following=np.nan, post_count=np.nan)
    snaps = snaps.sort_values("observed_at").drop_duplicates("account_id", keep="last")
    return snaps[ACCOUNT_COLUMNS]


def parse_reddit_pages(pages: pd.DataFrame) -> Parsed:
    """Parse Reddit response pages (rows of `raw_responses`) into normalized frames."""
    decoded, bad_pages = decode_bodies(pages, CHANNEL)
    page_frame = page_meta(decoded)
    posts, post_page, subs, sub_page, gone = _split(decoded)
    quarantine = pd.DataFrame(bad_pages, columns=QUARANTINE_COLUMNS)
    if not posts:
        accounts = _subreddit_snapshots(pd.DataFrame(), page_frame.iloc[0:0], subs, sub_page, page_frame)
        return Parsed(empty(POST_COLUMNS), empty(METRIC_COLUMNS), accounts, empty(MENTION_COLUMNS),
                      gone, quarantine, 0)

    frame = records_frame(posts)
    meta = page_frame.iloc[np.asarray(post_page)].reset_index(drop=True)
    record_index = pd.Series(post_page).groupby(post_page).cumcount().to_numpy()  # position in its page
    created = to_utc(column(frame, "created_utc"), unit="s")
    reasons = _validate(frame, created)
    invalid = reasons.notna()
    if invalid.any():
        quarantine = pd.concat([quarantine, quarantine_rows(meta, record_index, reasons, posts, CHANNEL)],
                               ignore_index=True)

    ok = ~invalid
    frame, meta, created = frame[ok], meta[ok], created[ok]
    accounts = _subreddit_snapshots(frame, meta, subs, sub_page, page_frame)
    is_comment = frame["_kind"].eq("t1")
    author = column(frame, "author").astype("string")
    body = column(frame, "body").where(is_comment, column(frame, "selftext"))
    removed = column(frame, "removed_by_category").notna() | body.isin(_DELETED_TEXT) | author.eq("[deleted]")
    permalink = column(frame, "permalink").astype("string")
    normalized = pd.DataFrame({
        "channel": CHANNEL,
        "post_id": frame["name"].astype(str),
        "account_id": column(frame, "author_fullname"),
        "account_handle": author.str.lower().where(~author.eq("[deleted]")),
        "community": column(frame, "subreddit").astype("string").str.lower(),
        "created_at": created,
        "title": column(frame, "title").where(~is_comment),
        "text": body,
        "lang": None,
        "url": ("https://www.reddit.com" + permalink).where(permalink.notna()),
        "is_reply": is_comment,
        "is_repost": column(frame, "crosspost_parent").notna(),
        "is_quote": False,
        "parent_id": column(frame, "parent_id").where(is_comment, column(frame, "crosspost_parent")),
        "conversation_id": column(frame, "link_id").where(is_comment, frame["name"]),
        "is_deleted": removed.fillna(False).astype(bool),
        "fetched_at": meta["fetched_at"].to_numpy(),
        "raw_id": meta["raw_id"].to_numpy(),
        "stream": meta["stream"].to_numpy(),
        "request_company": meta["company"].to_numpy(),
        "request_account": meta["account"].to_numpy(),
    })
    metrics = pd.DataFrame({
        "channel": CHANNEL,
        "post_id": normalized["post_id"],
        "observed_at": meta["fetched_at"].to_numpy(),
        "likes": np.nan,
        "reposts": numeric(frame, "num_crossposts")[0],
        "replies": numeric(frame, "num_comments")[0],
        "quotes": np.nan,
        "bookmarks": np.nan,
        "impressions": np.nan,
        "score": numeric(frame, "score")[0],
        "upvote_ratio": numeric(frame, "upvote_ratio")[0],
        "raw_id": meta["raw_id"].to_numpy(),
    })
    mentions = _text_mentions(normalized)
    return Parsed(normalized[POST_COLUMNS], metrics[METRIC_COLUMNS], accounts, mentions,
                  gone, quarantine, len(posts))


def _text_mentions(posts: pd.DataFrame) -> pd.DataFrame:
    """`u/name` references in titles and bodies (Reddit has no mention entities)."""
    text = posts["title"].fillna("") + " " + posts["text"].fillna("")
    found = text.str.findall(r"(?i)(?<![\w/])/?u/([A-Za-z0-9_-]{3,20})").explode().dropna()
    if found.empty:
        return empty(MENTION_COLUMNS)
    return pd.DataFrame({
        "channel": CHANNEL,
        "post_id": posts.loc[found.index, "post_id"].to_numpy(),
        "handle": found.str.lower().to_numpy(),
    }).drop_duplicates()
