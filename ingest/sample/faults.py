"""The odd malformed record real APIs return (about 1 in 400), injected deterministically.

Whether a record is broken depends only on (seed, channel, post id, observation day), so a
re-run breaks the same records and a post broken today is usually whole again tomorrow.
"""

from __future__ import annotations

from typing import Any

from .seeding import mix64, stable_seed

FAULT_EVERY = 400
X_FAULTS = ("x_missing_created_at", "x_metric_not_a_number", "x_missing_author_id")
REDDIT_FAULTS = ("reddit_missing_created_utc", "reddit_missing_id", "reddit_score_not_a_number")


def _pick(seed: int, channel: str, native: int, obs_day: int, kinds: tuple[str, ...]) -> str | None:
    h = mix64(native ^ mix64(obs_day ^ stable_seed_cached(seed, channel)))
    if h % FAULT_EVERY:
        return None
    return kinds[(h >> 32) % len(kinds)]


_SALTS: dict[tuple[int, str], int] = {}


def stable_seed_cached(seed: int, channel: str) -> int:
    """The per-(seed, channel) salt of the fault hash."""
    key = (seed, channel)
    if key not in _SALTS:
        _SALTS[key] = stable_seed("faults", seed, channel)
    return _SALTS[key]


def break_x(data: dict[str, Any], seed: int, obs_day: int) -> str | None:
    """Maybe break a tweet payload in place; return the fault kind applied, if any."""
    kind = _pick(seed, "x", int(data["id"]), obs_day, X_FAULTS)
    if kind == "x_missing_created_at":
        del data["created_at"]
    elif kind == "x_metric_not_a_number":
        data["public_metrics"] = {**data["public_metrics"], "like_count": "n/a"}
    elif kind == "x_missing_author_id":
        del data["author_id"]
    return kind


def break_reddit(data: dict[str, Any], seed: int, obs_day: int) -> str | None:
    """Maybe break a t3/t1 ``data`` in place; return the fault kind applied, if any."""
    kind = _pick(seed, "reddit", int(data["id"], 36), obs_day, REDDIT_FAULTS)
    if kind == "reddit_missing_created_utc":
        del data["created_utc"]
        del data["created"]
    elif kind == "reddit_missing_id":
        # both id and fullname gone: nothing left to key the record on
        del data["id"]
        del data["name"]
    elif kind == "reddit_score_not_a_number":
        data["score"] = "n/a"
    return kind
