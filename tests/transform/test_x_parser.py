"""X v2 pages → posts, metrics, accounts: on real recorded payloads and on malformed records."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
import pytest

from tests.payloads import bodies
from transform.x import parse_x_pages

NOW = datetime(2026, 11, 21, tzinfo=UTC)


def pages_of(*bodies_: str, status: int = 200) -> pd.DataFrame:
    return pd.DataFrame([
        {"raw_id": f"r{i}", "status_code": status, "body": b, "fetched_at": NOW, "stream": "replay",
         "company": None, "account": None}
        for i, b in enumerate(bodies_)
    ])


def test_real_timeline_page_is_parsed_field_by_field(fixtures_dir):
    path = fixtures_dir / "x_v2_full/v2_responses/users__1665378883__tweets-d24b15.json"
    (_, body, _), = bodies(path)
    expected = {t["id"]: t for t in json.loads(body)["data"]}
    parsed = parse_x_pages(pages_of(body))
    assert parsed.raw_records == len(expected) == len(parsed.posts)
    posts = parsed.posts.set_index("post_id")
    for tweet_id, tweet in expected.items():
        row = posts.loc[tweet_id]
        assert row["text"] == tweet["text"]
        assert row["created_at"] == pd.Timestamp(tweet["created_at"])
        assert row["account_id"] == tweet["author_id"]
        refs = {r["type"] for r in tweet.get("referenced_tweets", [])}
        assert row["is_reply"] == ("replied_to" in refs)
        assert row["is_repost"] == ("retweeted" in refs)
    metrics = parsed.metrics.set_index("post_id")
    assert metrics["likes"].sum() == sum(t["public_metrics"]["like_count"] for t in expected.values())
    assert metrics["reposts"].sum() == sum(t["public_metrics"]["retweet_count"] for t in expected.values())
    # The 2021 API had no impression or bookmark counts: NULL, never an invented 0.
    assert metrics["impressions"].isna().all() and metrics["bookmarks"].isna().all()
    assert metrics["score"].isna().all()


def test_authors_followers_come_from_includes(fixtures_dir):
    path = fixtures_dir / "x_v2_full/v2_responses/tweets__search__all-0336e6.json"
    body = json.loads(bodies(path)[0][1])
    parsed = parse_x_pages(pages_of(json.dumps(body)))
    users = {u["id"]: u for u in body["includes"]["users"]}
    accounts = parsed.accounts.set_index("account_id")
    for user_id, user in users.items():
        assert accounts.loc[user_id, "followers"] == user["public_metrics"]["followers_count"]
        assert accounts.loc[user_id, "handle"] == user["username"].lower()
    assert parsed.posts["account_handle"].notna().all()


def test_partial_errors_mark_posts_deleted_and_are_not_records(fixtures_dir):
    path = fixtures_dir / "x_v2_full/v2_responses/tweets-0ee54c.json"
    body = json.loads(bodies(path)[0][1])
    parsed = parse_x_pages(pages_of(json.dumps(body)))
    assert len(parsed.posts) == len(body["data"])
    assert set(parsed.deleted_ids) == {e["resource_id"] for e in body["errors"] if e["title"] == "Not Found Error"}


def test_error_responses_and_counts_carry_no_records(fixtures_dir):
    err = fixtures_dir / "x_v2_full/v2_responses/tweets__search__all-90b063.json"
    counts = fixtures_dir / "x_v2_full/v2_responses/tweets__counts__all-8b7f73.json"
    (status, body, _), = bodies(err)
    parsed = parse_x_pages(pd.concat([pages_of(body, status=status), pages_of(bodies(counts)[0][1])]))
    assert parsed.raw_records == 0 and parsed.posts.empty and parsed.quarantine.empty


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": "no id", "created_at": "2026-11-20T10:00:00.000Z"}, "id missing"),
        ({"id": "123", "text": "no date"}, "created_at"),
        ({"id": "124", "text": "bad metric", "created_at": "2026-11-20T10:00:00.000Z",
          "public_metrics": {"like_count": "n/a", "retweet_count": 1}}, "public_metrics.like_count"),
        ({"id": "125", "created_at": "2026-11-20T10:00:00.000Z"}, "text"),
    ],
)
def test_malformed_records_are_quarantined_with_a_reason(record, reason):
    good = {"id": "200", "text": "fine", "created_at": "2026-11-20T09:00:00.000Z",
            "public_metrics": {"like_count": 3, "retweet_count": 0, "reply_count": 0, "quote_count": 0}}
    parsed = parse_x_pages(pages_of(json.dumps({"data": [good, record]})))
    assert parsed.raw_records == 2
    assert parsed.posts["post_id"].tolist() == ["200"]
    assert len(parsed.quarantine) == 1
    row = parsed.quarantine.iloc[0]
    assert reason in row["reason"] and row["record_index"] == 1 and row["raw_id"] == "r0"
    assert json.loads(row["record"]) == record


def test_a_body_that_is_not_json_is_quarantined_not_fatal():
    parsed = parse_x_pages(pages_of("<html>502 Bad Gateway</html>"))
    assert parsed.raw_records == 0
    assert parsed.quarantine.iloc[0]["record_index"] == -1
    assert "not JSON" in parsed.quarantine.iloc[0]["reason"]


def test_default_field_tweets_are_dated_by_their_snowflake_id(fixtures_dir):
    path = fixtures_dir / "tweepy/test_client_get_tweet.yaml"
    (_, body, _), = bodies(path)
    parsed = parse_x_pages(pages_of(body))
    row = parsed.posts.iloc[0]
    assert row["post_id"] == "1293593516040269825"
    # (1293593516040269825 >> 22) ms after the Twitter epoch 1288834974657 = 1597251702686 ms.
    assert row["created_at"] == pd.Timestamp(1597251702686, unit="ms", tz="UTC")
    assert parsed.metrics[["likes", "reposts", "replies", "quotes"]].isna().all().all()  # not requested: NULL


def test_v1_statuses_map_to_the_same_schema(fixtures_dir):
    path = fixtures_dir / "tweepy/testgetstatus.json"
    (_, body, _), = bodies(path)
    status = json.loads(body)
    parsed = parse_x_pages(pages_of(body))
    row = parsed.posts.iloc[0]
    assert row["post_id"] == status["id_str"] and row["text"] == status["text"]
    assert row["created_at"] == pd.to_datetime(status["created_at"], format="%a %b %d %H:%M:%S %z %Y", utc=True)
    assert row["account_handle"] == status["user"]["screen_name"].lower()
    metrics = parsed.metrics.iloc[0]
    assert metrics["likes"] == status["favorite_count"] and metrics["reposts"] == status["retweet_count"]
    accounts = parsed.accounts.set_index("account_id")
    assert accounts.loc[status["user"]["id_str"], "followers"] == status["user"]["followers_count"]
