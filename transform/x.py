"""X API v2 pages → normalized posts, metric snapshots and account snapshots.

Dispatches on the body's shape, not on the endpoint, so archived dumps of any v2 endpoint
(timelines, search, lookups, liking users, followers, counts) land without configuration:
`data` items with `text` are posts, items with `username` are users, counts carry no records.
`includes.tweets` (referenced tweets) are context, not records of the page. Archived v1.1
bodies are mapped to the v2 field names first (`x_v1.py`). A post whose `created_at` was not
requested (tweepy's default fields) is dated by its snowflake id.
"""

from __future__ import annotations

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
from transform.x_v1 import V1_TIME_FORMAT, v1_records

CHANNEL = "x"
METRICS = {
    "likes": "public_metrics.like_count",
    "reposts": "public_metrics.retweet_count",
    "replies": "public_metrics.reply_count",
    "quotes": "public_metrics.quote_count",
    "bookmarks": "public_metrics.bookmark_count",
    "impressions": "public_metrics.impression_count",
}
TWITTER_EPOCH_MS = 1288834974657
# Ids below this are pre-snowflake (before Nov 2010) and carry no timestamp.
SNOWFLAKE_MIN_ID = 2**22 * 1000
# Partial errors that mean "this post is gone or hidden", as opposed to a bad request.
_GONE_TITLES = {"Not Found Error", "Authorization Error", "Forbidden"}


def _split(decoded: list[tuple[pd.Series, Any]]) -> tuple[list, list, list, list, list, list]:
    posts, originals, post_page, users, user_page, gone = [], [], [], [], [], []
    for i, (_, body) in enumerate(decoded):
        v1 = None if isinstance(body, dict) and "data" in body else v1_records(body)
        if v1 is not None:
            statuses, raw_statuses, people = v1
            posts.extend(statuses)
            originals.extend(raw_statuses)
            post_page.extend([i] * len(statuses))
            users.extend(people)
            user_page.extend([i] * len(people))
            continue
        if not isinstance(body, dict):
            continue
        data = body.get("data")
        items = [data] if isinstance(data, dict) else data if isinstance(data, list) else []
        tweets = [t for t in items if not (isinstance(t, dict) and "username" in t and "text" not in t)]
        people = [u for u in items if isinstance(u, dict) and "username" in u and "text" not in u]
        if tweets and all(isinstance(t, dict) and "tweet_count" in t and "start" in t for t in tweets):
            tweets = []  # tweets/counts buckets: no post records
        included = (body.get("includes") or {}).get("users") or []
        posts.extend(tweets)
        originals.extend(tweets)
        post_page.extend([i] * len(tweets))
        users.extend(people + [u for u in included if isinstance(u, dict)])
        user_page.extend([i] * (len(people) + len(included)))
        for err in body.get("errors") or []:
            if isinstance(err, dict) and err.get("resource_type") == "tweet" and err.get("title") in _GONE_TITLES:
                gone.append(str(err.get("resource_id") or err.get("value")))
    return posts, originals, post_page, users, user_page, gone


def _users_frame(users: list, user_page: list, pages: pd.DataFrame) -> pd.DataFrame:
    if not users:
        return empty(ACCOUNT_COLUMNS)
    frame = records_frame(users, ("public_metrics",))
    frame = frame[column(frame, "id").notna()]
    if frame.empty:
        return empty(ACCOUNT_COLUMNS)
    page_rows = pages.iloc[np.asarray(user_page)[frame.index]]
    out = pd.DataFrame(
        {
            "channel": CHANNEL,
            "account_id": frame["id"].astype(str).to_numpy(),
            "kind": "account",
            "handle": column(frame, "username").str.lower().to_numpy(),
            "name": column(frame, "name").to_numpy(),
            "followers": numeric(frame, "public_metrics.followers_count")[0].to_numpy(),
            "following": numeric(frame, "public_metrics.following_count")[0].to_numpy(),
            "post_count": numeric(frame, "public_metrics.tweet_count")[0].to_numpy(),
            "observed_at": page_rows["fetched_at"].to_numpy(),
        }
    )
    return out.sort_values("observed_at").drop_duplicates("account_id", keep="last")


def _reference_flags(frame: pd.DataFrame) -> pd.DataFrame:
    """is_reply / is_quote / is_repost and parent_id from `referenced_tweets`."""
    flags = pd.DataFrame(
        {"is_reply": False, "is_quote": False, "is_repost": False, "parent_id": None}, index=frame.index
    )
    if "referenced_tweets" not in frame:
        return flags
    refs = frame["referenced_tweets"].explode().dropna()
    refs = refs[refs.map(lambda r: isinstance(r, dict))]
    if refs.empty:
        return flags
    ref = pd.DataFrame(refs.tolist(), index=refs.index)
    for kind, flag in (("replied_to", "is_reply"), ("quoted", "is_quote"), ("retweeted", "is_repost")):
        hits = ref.index[column(ref, "type") == kind].unique()
        flags.loc[hits, flag] = True
    first = ref[~ref.index.duplicated(keep="first")]
    flags.loc[first.index, "parent_id"] = column(first, "id").astype(str)
    return flags


def _mentions(frame: pd.DataFrame) -> pd.DataFrame:
    if "entities.mentions" not in frame:
        return empty(MENTION_COLUMNS)
    exploded = frame[["id", "entities.mentions"]].explode("entities.mentions").dropna()
    exploded = exploded[exploded["entities.mentions"].map(lambda m: isinstance(m, dict))]
    if exploded.empty:
        return empty(MENTION_COLUMNS)
    handles = exploded["entities.mentions"].map(lambda m: str(m.get("username", "")).lower())
    return pd.DataFrame({"channel": CHANNEL, "post_id": exploded["id"].astype(str), "handle": handles}).drop_duplicates()


def _created_at(frame: pd.DataFrame) -> pd.Series:
    """created_at as UTC: v2 ISO-8601 or v1.1 text; when the field was not requested, the
    timestamp encoded in the snowflake id (exact to the millisecond for ids since Nov 2010)."""
    given = column(frame, "created_at")
    created = to_utc(given)
    v1 = created.isna() & given.notna()
    if v1.any():
        created = created.mask(v1, pd.to_datetime(given[v1], format=V1_TIME_FORMAT, utc=True, errors="coerce"))
    raw_ids = column(frame, "id").astype("string")
    ids = pd.to_numeric(raw_ids.where(raw_ids.str.fullmatch(r"\d{1,20}").fillna(False)), errors="coerce")
    snowflake_ms = (ids // 2**22).where(ids >= SNOWFLAKE_MIN_ID) + TWITTER_EPOCH_MS
    derived = pd.to_datetime(snowflake_ms, unit="ms", utc=True)
    return created.mask(given.isna() & created.isna(), derived)


def _validate(frame: pd.DataFrame, created: pd.Series) -> pd.Series:
    """The first reason each record is invalid, or NA."""
    ids = column(frame, "id").astype("string")
    reasons = pd.Series(pd.NA, index=frame.index, dtype="string")
    checks = [
        (ids.isna() | ~ids.fillna("").str.fullmatch(r"\d{1,25}"), "id missing or not a numeric string"),
        (created.isna(), "created_at missing (and not derivable from the id) or not a timestamp"),
        (~column(frame, "text").map(lambda t: isinstance(t, str)), "text missing or not a string"),
    ]
    for name, path in METRICS.items():
        checks.append((numeric(frame, path)[1], f"{path} is not a number ({name})"))
    for bad, reason in reversed(checks):
        reasons = reasons.mask(bad.fillna(False).astype(bool), reason)
    return reasons


def parse_x_pages(pages: pd.DataFrame) -> Parsed:
    """Parse X v2 response pages (rows of `raw_responses`) into normalized frames."""
    decoded, bad_pages = decode_bodies(pages, CHANNEL)
    page_frame = page_meta(decoded)
    posts, originals, post_page, users, user_page, gone = _split(decoded)
    accounts = _users_frame(users, user_page, page_frame)
    quarantine = pd.DataFrame(bad_pages, columns=QUARANTINE_COLUMNS)
    if not posts:
        return Parsed(empty(POST_COLUMNS), empty(METRIC_COLUMNS), accounts, empty(MENTION_COLUMNS),
                      gone, quarantine, 0)

    frame = records_frame(posts, ("public_metrics", "entities"))
    meta = page_frame.iloc[np.asarray(post_page)].reset_index(drop=True)
    record_index = pd.Series(post_page).groupby(post_page).cumcount().to_numpy()  # position in its page
    created = _created_at(frame)
    reasons = _validate(frame, created)
    invalid = reasons.notna()
    if invalid.any():
        quarantine = pd.concat([quarantine, quarantine_rows(meta, record_index, reasons, originals, CHANNEL)],
                               ignore_index=True)

    ok = ~invalid
    frame, meta, created = frame[ok], meta[ok], created[ok]
    handles = accounts.set_index("account_id")["handle"] if not accounts.empty else pd.Series(dtype=object)
    author = column(frame, "author_id").astype("string")
    handle = author.map(handles).astype("string")
    post_id = frame["id"].astype(str)
    flags = _reference_flags(frame)
    url = np.where(handle.notna(), "https://x.com/" + handle.fillna("") + "/status/" + post_id,
                   "https://x.com/i/web/status/" + post_id)
    normalized = pd.DataFrame({
        "channel": CHANNEL,
        "post_id": post_id,
        "account_id": author,
        "account_handle": handle,
        "community": None,
        "created_at": created,
        "title": None,
        "text": frame["text"],
        "lang": column(frame, "lang"),
        "url": url,
        "is_reply": flags["is_reply"],
        "is_repost": flags["is_repost"],
        "is_quote": flags["is_quote"],
        "parent_id": flags["parent_id"],
        "conversation_id": column(frame, "conversation_id"),
        "is_deleted": post_id.isin(set(gone)),
        "fetched_at": meta["fetched_at"].to_numpy(),
        "raw_id": meta["raw_id"].to_numpy(),
        "stream": meta["stream"].to_numpy(),
        "request_company": meta["company"].to_numpy(),
        "request_account": meta["account"].to_numpy(),
    })
    metrics = pd.DataFrame({
        "channel": CHANNEL,
        "post_id": post_id,
        "observed_at": meta["fetched_at"].to_numpy(),
        **{name: numeric(frame, path)[0] for name, path in METRICS.items()},
        "score": np.nan,
        "upvote_ratio": np.nan,
        "raw_id": meta["raw_id"].to_numpy(),
    })
    return Parsed(normalized[POST_COLUMNS], metrics[METRIC_COLUMNS], accounts, _mentions(frame),
                  gone, quarantine, len(posts))
