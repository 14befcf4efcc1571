"""A small hand-made warehouse whose metrics the tests work out by hand.

Three companies (northbeam = focus, quillon, verdant), two channels, weeks starting Monday
2024-03-04 and 2024-03-11 (UTC). The comments next to each row give the numbers the tests use.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pandas as pd
from sqlalchemy import Engine, text

from crosstalk.config import Settings, parse_settings
from models import warehouse

LOADED_AT = datetime(2024, 3, 20, tzinfo=UTC)

SETTINGS: Settings = parse_settings(
    {
        "focus": "northbeam",
        "timezone": "Europe/Berlin",
        "companies": [
            {"key": "northbeam", "name": "Northbeam Analytics", "aliases": ["Northbeam"],
             "x": {"handles": ["northbeam"]}, "reddit": {"accounts": ["northbeam_official"]}},
            {"key": "quillon", "name": "Quillon Systems", "x": {"handles": ["quillonsys"]},
             "reddit": {"accounts": ["quillon_team"]}},
            {"key": "verdant", "name": "Verdant Loop", "x": {"handles": ["verdantloop"]}},
        ],
    },
    "test",
)


def ts(text: str) -> datetime:
    """'2024-03-04 10:00' as an aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# channel, post_id, company, author_type, account_id, community, created_at, objective(v1),
# is_reply, is_deleted, text
_POSTS = [
    # x, northbeam (followers 1000 until 03-08, then 2000)
    ("x", "x1", "northbeam", "owned", "nb", None, "2024-03-04 10:00", "marketing", False, False,
     "Northbeam Analytics ships faster data pipelines for analytics teams https://northbeam.example"),
    ("x", "x2", "northbeam", "owned", "nb", None, "2024-03-05 08:00", "recruiting", False, False,
     "Join our data team: we are hiring engineers to build pipelines #lifeatnorthbeam"),
    ("x", "x3", "northbeam", "owned", "nb", None, "2024-03-11 23:30", "marketing", False, False,
     "Case study: data pipelines cut reporting time in half"),
    ("x", "x4", "northbeam", "owned", "nb", None, "2024-03-05 12:00", "other", True, False,
     "@someone thanks!"),
    ("x", "x5", "northbeam", "owned", "nb", None, "2024-03-05 13:00", "marketing", False, True,
     "deleted launch post"),
    ("x", "x12", "northbeam", "owned", "nb", None, "2024-03-06 09:00", None, False, False,
     "Happy Wednesday"),
    ("x", "x13", "northbeam", "owned", "nb", None, "2024-03-07 10:00", "marketing", False, False,
     "New release: faster dashboards and data pipelines"),
    # x, quillon (only snapshot is 03-10: 500 followers, used as the fallback)
    ("x", "x6", "quillon", "owned", "ql", None, "2024-03-05 15:00", "marketing", False, False,
     "Quillon Systems security platform for banks"),
    ("x", "x7", "quillon", "owned", "ql", None, "2024-03-06 15:00", "recruiting", False, False,
     "Quillon is hiring: barbecue fridays and ping pong"),
    # x, verdant (400 followers)
    ("x", "x8", "verdant", "owned", "vd", None, "2024-03-05 09:00", "marketing", False, False,
     "Verdant Loop recycling logistics"),
    # x, earned and unattributed
    ("x", "x9", "northbeam", "earned", "fan1", None, "2024-03-05 11:00", "marketing", False, False,
     "Comparing @northbeam and @quillonsys for analytics"),
    ("x", "x10", "quillon", "earned", "fan2", None, "2024-03-06 11:00", "recruiting", False, False,
     "Just interviewed at Quillon"),
    ("x", "x11", None, "earned", "fan3", None, "2024-03-05 11:00", "marketing", False, False,
     "unrelated viral post"),
    # reddit (subscribers: r/northbeam 100, r/dataeng 10000)
    ("reddit", "r1", "northbeam", "owned", "t2_nb", "Northbeam", "2024-03-04 14:00", "recruiting",
     False, False, "We are hiring data engineers"),
    ("reddit", "r2", "northbeam", "owned", "t2_nb", "dataeng", "2024-03-06 16:00", "marketing",
     False, False, "How we build data pipelines"),
    ("reddit", "r3", "northbeam", "owned", "t2_nb", "dataeng", "2024-03-06 18:00", "other",
     True, False, "Good question, see the docs"),
    ("reddit", "r4", "quillon", "owned", "t2_ql", "dataeng", "2024-03-05 10:00", "marketing",
     False, False, "Quillon security audit tooling"),
    ("reddit", "r5", "verdant", "earned", "t2_fan", "dataeng", "2024-03-05 12:00", "other",
     False, False, "Anyone used Verdant Loop?"),
]

# Sentiment of the earned posts (current labeler): post_id -> (sentiment, score).
_SENTIMENT = {"x9": ("positive", 0.6), "x10": ("negative", -0.5), "r5": ("neutral", 0.0)}

# channel, post_id, batch, observed_at, likes, reposts, replies, quotes, bookmarks, impressions, score
_METRICS = [
    # x1: 14 at 10 h, 40 at 47 h, 66 at 8 d 2 h (latest). 24 h -> 14, 7 d -> 40.
    ("x", "x1", "b1", "2024-03-04 20:00", 10, 2, 1, 1, 3, 1000, None),
    ("x", "x1", "b2", "2024-03-06 09:00", 30, 5, 4, 1, 6, 3000, None),
    ("x", "x1", "b3", "2024-03-12 12:00", 50, 8, 6, 2, 9, 5000, None),
    # x2: first seen after 25 h -> no 24 h value; 6 interactions.
    ("x", "x2", "b2", "2024-03-06 09:00", 5, 1, 0, 0, 0, 400, None),
    ("x", "x3", "b3", "2024-03-12 12:00", 20, 0, 0, 0, 0, None, None),
    ("x", "x4", "b2", "2024-03-06 09:00", 1, 0, 0, 0, 0, None, None),
    ("x", "x5", "b2", "2024-03-06 09:00", 100, 0, 0, 0, 0, None, None),
    ("x", "x6", "b2", "2024-03-06 09:00", 8, 2, 0, 0, 0, None, None),
    # x7 has no snapshot: interactions unknown.
    ("x", "x8", "b2", "2024-03-06 09:00", 4, 0, 0, 0, 0, None, None),
    ("x", "x9", "b2", "2024-03-06 09:00", 3, 1, 0, 0, 0, None, None),
    ("x", "x10", "b3", "2024-03-07 09:00", 1, 0, 0, 0, 0, None, None),
    ("x", "x11", "b2", "2024-03-06 09:00", 1000, 0, 0, 0, 0, None, None),
    ("x", "x12", "b3", "2024-03-07 09:00", 2, 0, None, None, None, None, None),
    ("x", "x13", "b3", "2024-03-08 09:00", 9, 1, 0, 0, 0, None, None),
    # reddit: score + comments (replies); likes is NULL.
    ("reddit", "r1", "b1", "2024-03-05 10:00", None, None, 3, None, None, None, 9),
    ("reddit", "r1", "b2", "2024-03-07 10:00", None, None, 5, None, None, None, 19),
    ("reddit", "r2", "b3", "2024-03-07 10:00", None, None, 10, None, None, None, 40),
    ("reddit", "r3", "b3", "2024-03-07 10:00", None, None, 0, None, None, None, 3),
    ("reddit", "r4", "b3", "2024-03-07 10:00", None, None, 2, None, None, None, -2),
    ("reddit", "r5", "b3", "2024-03-07 10:00", None, None, 1, None, None, None, 5),
]

# channel, account_id, snapshot_date, kind, handle, followers
_ACCOUNTS = [
    ("x", "nb", "2024-03-01", "account", "northbeam", 1000),
    ("x", "nb", "2024-03-08", "account", "northbeam", 2000),
    ("x", "ql", "2024-03-10", "account", "quillonsys", 500),
    ("x", "vd", "2024-03-01", "account", "verdantloop", 400),
    ("reddit", "t5_nb", "2024-03-01", "subreddit", "northbeam", 100),
    ("reddit", "t5_de", "2024-03-01", "subreddit", "dataeng", 10000),
    # A Reddit user account snapshot: never the denominator (subreddit subscribers are).
    ("reddit", "t2_nb", "2024-03-01", "account", "northbeam_official", 5),
]

# channel, post_id, company, match
_MENTIONS = [
    ("x", "x1", "northbeam", "owned"), ("x", "x2", "northbeam", "owned"),
    ("x", "x3", "northbeam", "owned"), ("x", "x4", "northbeam", "owned"),
    ("x", "x5", "northbeam", "owned"), ("x", "x12", "northbeam", "owned"),
    ("x", "x13", "northbeam", "owned"), ("x", "x6", "quillon", "owned"),
    ("x", "x7", "quillon", "owned"), ("x", "x8", "verdant", "owned"),
    ("x", "x9", "northbeam", "handle"), ("x", "x9", "quillon", "handle"),
    ("x", "x10", "quillon", "name"),
    ("reddit", "r1", "northbeam", "owned"), ("reddit", "r2", "northbeam", "owned"),
    ("reddit", "r3", "northbeam", "owned"), ("reddit", "r4", "quillon", "owned"),
    ("reddit", "r5", "verdant", "name"),
]


def frames() -> dict[str, pd.DataFrame]:
    """Every table's rows as frames keyed by table name."""
    posts, labels = [], []
    for (channel, post_id, company, author_type, account_id, community, created, objective,
         is_reply, is_deleted, body) in _POSTS:
        posts.append({
            "channel": channel, "post_id": post_id, "company": company,
            "author_type": author_type, "account_id": account_id, "account_handle": account_id,
            "community": community, "created_at": ts(created), "title": None, "text": body,
            "lang": "en", "url": f"https://example.test/{post_id}", "is_reply": is_reply,
            "is_repost": False, "is_quote": False, "parent_id": None, "conversation_id": None,
            "is_deleted": is_deleted, "first_batch_id": "b1", "last_batch_id": "b3",
            "last_fetched_at": LOADED_AT,
        })
        # v0 (no longer current) always says 'recruiting': the views must ignore it.
        labels.append({"channel": channel, "post_id": post_id, "labeler_version": "v0",
                       "objective": "recruiting", "theme": "jobs", "confidence": 0.5,
                       "labeled_at": LOADED_AT})
        if objective is not None:
            sentiment, score = _SENTIMENT.get(post_id, (None, None))
            labels.append({"channel": channel, "post_id": post_id, "labeler_version": "v1",
                           "objective": objective, "theme": "product", "confidence": 0.9,
                           "sentiment": sentiment, "sentiment_score": score, "labeled_at": LOADED_AT})
    metrics = [
        {"channel": c, "post_id": p, "batch_id": b, "observed_at": ts(o), "likes": lk,
         "reposts": rp, "replies": rl, "quotes": q, "bookmarks": bm, "impressions": im,
         "score": sc, "upvote_ratio": None, "raw_id": f"raw-{b}"}
        for c, p, b, o, lk, rp, rl, q, bm, im, sc in _METRICS
    ]
    accounts = [
        {"channel": c, "account_id": a, "snapshot_date": date.fromisoformat(d), "kind": k,
         "handle": h, "name": h, "followers": f, "following": None, "post_count": None,
         "observed_at": LOADED_AT, "batch_id": "b1"}
        for c, a, d, k, h, f in _ACCOUNTS
    ]
    return {
        "companies": pd.DataFrame([
            {"company": "northbeam", "name": "Northbeam Analytics", "is_focus": True},
            {"company": "quillon", "name": "Quillon Systems", "is_focus": False},
            {"company": "verdant", "name": "Verdant Loop", "is_focus": False},
        ]),
        "tracked_accounts": pd.DataFrame([
            {"channel": "x", "handle": "northbeam", "company": "northbeam", "kind": "account"},
            {"channel": "x", "handle": "quillonsys", "company": "quillon", "kind": "account"},
            {"channel": "x", "handle": "verdantloop", "company": "verdant", "kind": "account"},
            {"channel": "reddit", "handle": "northbeam_official", "company": "northbeam", "kind": "account"},
            {"channel": "reddit", "handle": "quillon_team", "company": "quillon", "kind": "account"},
        ]),
        "labelers": pd.DataFrame([
            {"labeler_version": "v0", "is_current": False, "registered_at": ts("2024-01-01 00:00")},
            {"labeler_version": "v1", "is_current": True, "registered_at": ts("2024-02-01 00:00")},
        ]),
        "posts": pd.DataFrame(posts),
        "post_labels": pd.DataFrame(labels),
        "post_mentions": pd.DataFrame(
            [{"channel": c, "post_id": p, "company": co, "match": m} for c, p, co, m in _MENTIONS]
        ),
        "metric_snapshots": pd.DataFrame(metrics),
        "account_snapshots": pd.DataFrame(accounts),
    }


def load(engine: Engine) -> None:
    """Create the schema and append the dataset (the warehouse must be empty).

    Columns the schema no longer has are dropped, so bookkeeping columns the views do not read
    (batch ids, fetch times) can change without breaking these tests.
    """
    warehouse.create_schema(engine)
    with engine.begin() as conn:
        for name, frame in frames().items():
            known = [c for c in frame.columns if c in warehouse.table(name).columns]
            warehouse.append(conn, name, frame[known])


def rows(engine: Engine, sql: str, **params: object) -> list[dict]:
    """Query results as dicts; numbers come back as int/float on both backends."""
    with engine.connect() as conn:
        result = conn.execute(text(sql), params)
        out = []
        for row in result.mappings():
            out.append({k: float(v) if isinstance(v, Decimal) else v for k, v in row.items()})
        return out


def one(engine: Engine, sql: str, **params: object) -> dict:
    """The single row a query returns (fails otherwise)."""
    found = rows(engine, sql, **params)
    assert len(found) == 1, f"expected one row, got {len(found)}: {found}"
    return found[0]
