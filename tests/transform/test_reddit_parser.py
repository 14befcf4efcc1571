"""Reddit listings → posts, metrics and subreddit audience: on real recorded praw cassettes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd

from tests.payloads import bodies, reddit_posts
from transform.reddit import parse_reddit_pages

NOW = datetime(2026, 11, 21, tzinfo=UTC)


def pages_from(path) -> pd.DataFrame:
    return pd.DataFrame([
        {"raw_id": f"r{i}", "status_code": s, "body": b, "fetched_at": NOW, "stream": "replay",
         "company": None, "account": None}
        for i, (s, b, _) in enumerate(bodies(path))
    ])


def test_new_listing_posts_and_scores(fixtures_dir):
    path = fixtures_dir / "praw/TestSubredditListings.test_new.json"
    expected = reddit_posts(path)
    parsed = parse_reddit_pages(pages_from(path))
    assert set(parsed.posts["post_id"]) == set(expected)
    metrics = parsed.metrics.drop_duplicates("post_id", keep="last").set_index("post_id")
    assert metrics["score"].sum() == sum(p["score"] for p in expected.values())
    assert metrics["replies"].sum() == sum(p["num_comments"] for p in expected.values())
    assert metrics["likes"].isna().all()  # Reddit has no likes: NULL, not 0
    posts = parsed.posts.set_index("post_id")
    some = next(iter(expected.values()))
    row = posts.loc[some["name"]]
    assert row["title"] == some["title"]
    assert row["created_at"] == pd.Timestamp(some["created_utc"], unit="s", tz="UTC")
    assert row["url"] == "https://www.reddit.com" + some["permalink"]
    assert not row["is_reply"]


def test_comment_tree_is_flattened_and_more_stubs_skipped(fixtures_dir):
    path = fixtures_dir / "praw/TestSubmission.test_comments.json"
    expected = reddit_posts(path)
    parsed = parse_reddit_pages(pages_from(path))
    assert set(parsed.posts["post_id"]) == set(expected)
    comments = parsed.posts[parsed.posts["is_reply"]]
    assert len(comments) > 0
    assert comments["post_id"].str.startswith("t1_").all()
    assert comments["conversation_id"].str.startswith("t3_").all()
    assert comments["title"].isna().all()


def test_subscribers_come_from_about_pages(fixtures_dir):
    path = fixtures_dir / "praw/TestSubredditListings.test_hot.json"
    parsed = parse_reddit_pages(pages_from(path))
    about = {
        "kind": "t5",
        "data": {"name": "t5_2qh1i", "display_name": "AskReddit", "title": "Ask Reddit...", "subscribers": 1234},
    }
    extra = pd.DataFrame([{"raw_id": "about", "status_code": 200, "body": json.dumps(about), "fetched_at": NOW,
                           "stream": "communities", "company": None, "account": "askreddit"}])
    parsed = parse_reddit_pages(pd.concat([pages_from(path), extra], ignore_index=True))
    sub = parsed.accounts.set_index("account_id").loc["t5_2qh1i"]
    assert sub["followers"] == 1234 and sub["kind"] == "subreddit" and sub["handle"] == "askreddit"


def test_deleted_and_malformed_children():
    listing = {"kind": "Listing", "data": {"after": None, "children": [
        {"kind": "t3", "data": {"name": "t3_a1", "id": "a1", "title": "gone", "selftext": "[removed]",
                                "author": "[deleted]", "created_utc": 1763700000.0, "score": 5, "num_comments": 0,
                                "subreddit": "x", "permalink": "/r/x/comments/a1/gone/"}},
        {"kind": "t3", "data": {"name": "t3_a2", "title": "no time", "score": 1}},
        {"kind": "more", "data": {"count": 3, "children": ["b", "c"]}},
    ]}}
    parsed = parse_reddit_pages(pd.DataFrame([{"raw_id": "r0", "status_code": 200, "body": json.dumps(listing),
                                               "fetched_at": NOW, "stream": "mentions", "company": None,
                                               "account": None}]))
    assert parsed.raw_records == 2
    assert parsed.posts.set_index("post_id").loc["t3_a1", "is_deleted"]
    assert parsed.quarantine.iloc[0]["reason"].startswith("created_utc")


def test_posts_missing_from_an_info_refresh_are_marked_deleted():
    listing = {"kind": "Listing", "data": {"children": [
        {"kind": "t3", "data": {"name": "t3_keep", "title": "still here", "created_utc": 1763700000.0,
                                "score": 9, "num_comments": 2, "subreddit": "x", "permalink": "/r/x/comments/keep/"}},
    ]}}
    page = {"raw_id": "r0", "status_code": 200, "body": json.dumps(listing), "fetched_at": NOW,
            "stream": "metric_refresh", "company": None, "account": None, "endpoint": "api/info",
            "request_params": json.dumps({"id": "t3_keep,t3_gone"})}
    parsed = parse_reddit_pages(pd.DataFrame([page]))
    assert parsed.deleted_ids == ["t3_gone"]
    assert parsed.posts["post_id"].tolist() == ["t3_keep"]
