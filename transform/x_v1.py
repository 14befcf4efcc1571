"""X API v1.1 bodies (archived dumps: statuses, timelines, search, users) in the v2 record shape.

v1.1 is retired for new requests, but most archives people want to re-process are v1.1. Each
status is mapped to the v2 field names the X parser reads, so one validation and one
normalization path serve both versions; the original record is kept for quarantine.
"""

from __future__ import annotations

from typing import Any

V1_TIME_FORMAT = "%a %b %d %H:%M:%S %z %Y"


def _is_status(item: Any) -> bool:
    return isinstance(item, dict) and "id_str" in item and ("text" in item or "full_text" in item)


def _is_user(item: Any) -> bool:
    return isinstance(item, dict) and "screen_name" in item and "followers_count" in item and not _is_status(item)


def _user(u: dict) -> dict:
    return {
        "id": u.get("id_str") or (str(u["id"]) if "id" in u else None),
        "username": u.get("screen_name"),
        "name": u.get("name"),
        "public_metrics": {
            "followers_count": u.get("followers_count"),
            "following_count": u.get("friends_count"),
            "tweet_count": u.get("statuses_count"),
        },
    }


def _status(s: dict) -> dict:
    refs = []
    if s.get("in_reply_to_status_id_str"):
        refs.append({"type": "replied_to", "id": s["in_reply_to_status_id_str"]})
    if isinstance(s.get("retweeted_status"), dict):
        refs.append({"type": "retweeted", "id": s["retweeted_status"].get("id_str")})
    if s.get("is_quote_status") and s.get("quoted_status_id_str"):
        refs.append({"type": "quoted", "id": s["quoted_status_id_str"]})
    user = s.get("user") if isinstance(s.get("user"), dict) else {}
    metrics = {"like_count": s.get("favorite_count"), "retweet_count": s.get("retweet_count")}
    for field in ("reply_count", "quote_count"):  # only in premium/enterprise payloads
        if field in s:
            metrics[field] = s[field]
    mentions = ((s.get("entities") or {}).get("user_mentions")) or []
    out = {
        "id": s.get("id_str"),
        "text": s.get("full_text", s.get("text")),
        "created_at": s.get("created_at"),
        "author_id": user.get("id_str"),
        "lang": s.get("lang"),
        "conversation_id": None,
        "public_metrics": metrics,
        "entities": {"mentions": [{"username": m.get("screen_name")} for m in mentions if isinstance(m, dict)]},
    }
    if refs:
        out["referenced_tweets"] = refs
    return out


def v1_records(body: Any) -> tuple[list[dict], list[dict], list[dict]] | None:
    """(posts in v2 shape, the original statuses, users in v2 shape), or None if not v1.1."""
    if isinstance(body, dict) and isinstance(body.get("statuses"), list):
        items = body["statuses"]
    elif isinstance(body, dict) and isinstance(body.get("users"), list) and "data" not in body:
        items = body["users"]
    elif isinstance(body, list):
        items = body
    elif _is_status(body) or _is_user(body):
        items = [body]
    else:
        return None
    statuses = [s for s in items if _is_status(s)]
    users = [_user(u) for u in items if _is_user(u)]
    users += [_user(s["user"]) for s in statuses if isinstance(s.get("user"), dict)]
    if not statuses and not users:
        return None
    return [_status(s) for s in statuses], statuses, users
