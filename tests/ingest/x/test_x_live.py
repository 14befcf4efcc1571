"""XLiveSource through the real tweepy.Client; HTTP served by `responses` from recorded bodies."""

from __future__ import annotations

import json
import logging
import traceback
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from ingest.base import ChannelSource, Window
from ingest.credentials import MissingCredentials
from ingest.errors import AuthenticationFailed, RepeatedPageToken, RetriesExhausted
from ingest.x import XLiveSource
from ingest.x.live import default_mention_query, lower_bound, snowflake_time


def _query(call: responses.Call) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(call.request.url).query).items()}


def _serve_day(api, recorded, serve) -> dict:
    """users/by, one timeline, one search and one refresh: all real recorded bodies."""
    bodies = {
        "users": recorded("users__by-ed3b03"),
        "timeline": recorded("users__956624418__tweets-d24b15"),
        "search": recorded("tweets__search__all-ff0a12"),
        "refresh": recorded("tweets-0ee54c"),
    }
    serve(api, r"users/by", bodies["users"].response())
    serve(api, r"users/\d+/tweets", bodies["timeline"].response())
    serve(api, r"tweets/search/recent", bodies["search"].response())
    serve(api, r"tweets", bodies["refresh"].response())
    return bodies


def test_a_day_lands_every_response_as_received_in_fetch_order(source, ctx, api, recorded, serve):
    bodies = _serve_day(api, recorded, serve)
    refresh_ids = [str(i) for i in range(1, 10)] + [d["id"] for d in bodies["refresh"].json["data"]]
    pages = list(source.pages(replace(ctx, refresh_ids=refresh_ids)))

    assert isinstance(source, ChannelSource)
    assert [(p.request.endpoint, p.request.stream) for p in pages] == [
        ("users/by", "accounts"),
        ("users/:id/tweets", "owned_posts"),
        ("tweets/search/recent", "mentions"),
        ("tweets", "metric_refresh"),
    ]
    assert [p.body for p in pages] == [b.body for b in bodies.values()]  # byte-for-byte
    assert all(p.status_code == 200 and p.fetched_at.tzinfo is not None for p in pages)
    # Only non-secret headers are kept; the connection hash is dropped.
    assert "x-rate-limit-remaining" in pages[0].headers
    assert "x-connection-hash" not in pages[0].headers

    users, timeline, search, refresh = pages
    assert users.request.params["usernames"] == "icahdq,adljfhjsd"
    assert "public_metrics" in users.request.params["user.fields"]  # followers snapshot
    # The unknown handle is reported and skipped; the run goes on with the known one.
    assert source.stats.accounts["x:owned:adljfhjsd"].skipped == 1
    assert "Could not find user" in source.stats.accounts["x:owned:adljfhjsd"].errors[0]
    assert timeline.url.startswith("https://api.twitter.com/2/users/31560768/tweets?")
    assert timeline.request.params["start_time"] == "2021-06-02T00:00:00Z"
    assert timeline.request.params["end_time"] == "2021-06-03T00:00:00Z"
    assert timeline.request.params["expansions"] == "author_id,referenced_tweets.id"
    assert set(timeline.request.params["tweet.fields"].split(",")) >= {
        "created_at", "public_metrics", "lang", "entities", "referenced_tweets", "conversation_id",
        "in_reply_to_user_id"}
    assert timeline.cursor == ("x:owned:icahdq", "1400103340495810561")

    assert search.request.params["query"] == '(@icahdq OR @adljfhjsd OR "Acme Corp") -from:icahdq -from:adljfhjsd'
    mentions = source.stats.accounts["x:mentions:acme"]
    # 1400103340495810561 was already fetched as an owned post: not counted as new again.
    assert (mentions.fetched, mentions.new) == (5, 4)
    assert search.cursor == ("x:mentions:acme", "1400199391961620488")

    assert refresh.request.params["ids"].split(",") == refresh_ids
    assert refresh.cursor is None
    refreshed = source.stats.accounts["x:refresh"]
    assert refreshed.refreshed == 6
    assert len(refreshed.errors) == 9  # deleted ids are marked, and the page is still landed
    assert source.stats.requests_spent == 4 and source.stats.requests_skipped == 0


def test_pagination_follows_next_token_to_the_last_page(source, ctx, api, recorded, serve):
    first, last = recorded("users__7820042__liked_tweets-b16880"), recorded("users__956624418__tweets-d24b15")
    serve(api, r"users/by", recorded("users__by-ed3b03").response())
    serve(api, r"users/\d+/tweets", first.response(), last.response())
    serve(api, r"tweets/search/recent", recorded("tweets__search__all-b749d4").response())

    pages = [p for p in source.pages(ctx) if p.request.stream == "owned_posts"]

    calls = [_query(c) for c in api.calls if "/tweets?" in c.request.url and "/users/" in c.request.url]
    assert "pagination_token" not in calls[0]
    assert calls[1]["pagination_token"] == first.json["meta"]["next_token"]
    assert len(pages) == 2
    # The cursor rides on the last page only, and is the newest id of the whole stream.
    assert pages[0].cursor is None
    assert pages[1].cursor == ("x:owned:icahdq", "1410765209149394945")
    assert source.stats.accounts["x:owned:icahdq"].fetched == 33


def test_a_repeated_next_token_is_refused(source, ctx, api, recorded, serve):
    looping = recorded("users__7820042__liked_tweets-b16880")
    serve(api, r"users/by", recorded("users__by-ed3b03").response())
    serve(api, r"users/\d+/tweets", looping.response(), looping.response())

    landed = []
    with pytest.raises(RepeatedPageToken, match="users/:id/tweets") as failure:
        for page in source.pages(ctx):
            landed.append(page)
    assert looping.json["meta"]["next_token"] in str(failure.value)
    assert all(p.cursor is None for p in landed)  # nothing moves forward from a broken stream


def test_since_id_resumes_from_a_cursor_older_than_the_window(source, ctx, api, recorded, serve, x):
    serve(api, r"users/by", recorded("users__by-ed3b03").response())
    serve(api, r"users/\d+/tweets", recorded("users__956624418__tweets-d24b15").response())
    serve(api, r"tweets/search/recent", recorded("tweets__search__all-b749d4").response())
    committed = "1399672480688533507"  # minted 2021-06-01, before the window
    assert snowflake_time(committed) < x.WINDOW.start

    pages = list(source.pages(replace(ctx, cursors={"x:owned:icahdq": committed})))

    timeline = next(p for p in pages if p.request.stream == "owned_posts")
    assert timeline.request.params["since_id"] == committed
    assert "start_time" not in timeline.request.params  # X would ignore it next to since_id
    assert timeline.cursor == ("x:owned:icahdq", "1400103340495810561")
    assert source.stats.accounts["x:owned:icahdq"].new == 3


def test_a_rerun_of_a_day_refetches_exactly_that_day_and_keeps_the_cursor(source, ctx, api, recorded, serve):
    serve(api, r"users/by", recorded("users__by-ed3b03").response())
    serve(api, r"users/\d+/tweets", recorded("users__956624418__tweets-d24b15").response())
    serve(api, r"tweets/search/recent", recorded("tweets__search__all-b749d4").response())
    later = "1410765209149394945"  # a later day's run already moved the cursor past this window

    pages = list(source.pages(replace(ctx, cursors={"x:owned:icahdq": later})))

    timeline = next(p for p in pages if p.request.stream == "owned_posts")
    assert timeline.request.params["start_time"] == "2021-06-02T00:00:00Z"
    assert "since_id" not in timeline.request.params
    assert timeline.cursor == ("x:owned:icahdq", later)  # never moves backwards
    assert source.stats.accounts["x:owned:icahdq"].new == 0


def test_lower_bound_rules():
    day = Window(datetime(2021, 6, 2, tzinfo=UTC), datetime(2021, 6, 3, tzinfo=UTC))
    assert lower_bound(day, None) == {"start_time": day.start}
    assert lower_bound(day, "1399672480688533507") == {"since_id": "1399672480688533507"}
    # A resume point recent search can no longer reach falls back to its oldest reachable time.
    reach = datetime(2021, 6, 1, 12, tzinfo=UTC)
    assert lower_bound(day, "1399164220697022467", reach_start=reach) == {"start_time": day.start}


def test_mentions_of_a_day_older_than_recent_search_are_skipped_not_failed(source, ctx, api, recorded, serve):
    serve(api, r"users/by", recorded("users__by-ed3b03").response())
    serve(api, r"users/\d+/tweets", recorded("users__956624418__tweets-d24b15").response())
    old = Window(datetime(2021, 5, 1, tzinfo=UTC), datetime(2021, 5, 2, tzinfo=UTC))

    pages = list(source.pages(replace(ctx, window=old)))

    assert [p.request.stream for p in pages] == ["accounts", "owned_posts"]
    assert source.stats.accounts["x:mentions:acme"].skipped == 1
    assert not any("search" in c.request.url for c in api.calls)


def test_a_suspended_account_timeline_is_landed_with_its_errors(source, ctx, api, recorded, serve):
    gone = recorded("users__1405327120163872777__tweets-d24b15")
    serve(api, r"users/by", recorded("users__by-ed3b03").response())
    serve(api, r"users/\d+/tweets", gone.response())
    serve(api, r"tweets/search/recent", recorded("tweets__search__all-b749d4").response())

    pages = list(source.pages(ctx))

    timeline = next(p for p in pages if p.request.stream == "owned_posts")
    assert json.loads(timeline.body)["errors"][0]["title"] == "Not Found Error"
    assert "Could not find user" in source.stats.accounts["x:owned:icahdq"].errors[0]


def test_429_waits_until_the_reset_then_succeeds(source, ctx, api, recorded, sleeps, serve, x):
    users = recorded("users__by-ed3b03")
    reset = int(x.NOW.timestamp()) + 30
    serve(api, r"users/by",
          responses.Response(method="GET", url="", status=429, json={"title": "Too Many Requests"},
                             headers={"x-rate-limit-reset": str(reset), "x-rate-limit-remaining": "0"}),
          users.response())
    serve(api, r"users/\d+/tweets", recorded("users__956624418__tweets-d24b15").response())
    serve(api, r"tweets/search/recent", recorded("tweets__search__all-b749d4").response())

    pages = list(source.pages(ctx))

    assert sleeps == [31.0]  # reset - now + 1 s, without jitter: the server said when
    assert pages[0].status_code == 200 and pages[0].body == users.body  # the 429 is not landed
    assert source.stats.requests_spent == 4  # the refused attempt counts against the budget


def test_5xx_retries_exhausted_fail_naming_the_endpoint(source, ctx, api, sleeps, serve):
    serve(api, r"users/by", responses.Response(method="GET", url="", status=503, body="upstream down"))

    with pytest.raises(RetriesExhausted) as failure:
        list(source.pages(ctx))

    message = str(failure.value)
    assert "users/by" in message and "x_default" in message and "5 attempt" in message
    assert len(api.calls) == 5 and len(sleeps) == 4
    # Equal jitter: each wait lies between half and all of the doubling, capped ceiling.
    for attempt, wait in enumerate(sleeps, start=1):
        ceiling = min(60.0, 2.0 * 2 ** (attempt - 1))
        assert ceiling / 2 <= wait <= ceiling
    assert source.stats.accounts["x:accounts:acme"].errors


def test_401_fails_naming_the_connection_and_the_endpoint(source, ctx, api, recorded, sleeps, serve):
    unauthorized = recorded("tweets__search__all-90b063")
    serve(api, r"users/by", unauthorized.response())

    with pytest.raises(AuthenticationFailed) as failure:
        list(source.pages(ctx))

    assert "x_default" in str(failure.value) and "users/by" in str(failure.value)
    assert failure.value.status == 401 and sleeps == []  # never retried


def test_budget_skips_the_rest_and_does_not_move_an_unfinished_cursor(source, ctx, api, recorded, caplog, serve, x):
    serve(api, r"users/by", recorded("users__by-ed3b03").response())
    serve(api, r"users/\d+/tweets", recorded("users__7820042__liked_tweets-b16880").response())
    caplog.set_level(logging.INFO, logger="ingest.x.live")

    pages = list(source.pages(replace(ctx, request_budget=2, refresh_ids=[str(i) for i in range(150)])))

    assert [p.request.stream for p in pages] == ["accounts", "owned_posts"]
    assert pages[1].cursor is None  # page 2 was never fetched: resume from the old cursor
    stats = source.stats
    assert stats.requests_spent == 2
    # next timeline page + mentions search + 2 refresh batches were not sent
    assert stats.requests_skipped == 4
    assert stats.accounts["x:owned:icahdq"].skipped == 1
    assert stats.accounts["x:refresh"].skipped == 2
    summary = [r.getMessage() for r in caplog.records if "x live fetch" in r.getMessage()]
    assert summary and "spent 2/2 requests, skipped 4" in summary[0]
    assert "x:owned:icahdq" in summary[0]


def test_the_bearer_token_appears_nowhere(source, ctx, api, recorded, caplog, serve, x):
    caplog.set_level(logging.DEBUG)  # tweepy logs its request headers at DEBUG
    _serve_day(api, recorded, serve)
    pages = list(source.pages(replace(ctx, refresh_ids=["1"])))
    api.replace(responses.GET, api.registered()[0].url, body=recorded("tweets__search__all-90b063").body,
                status=401)
    with pytest.raises(AuthenticationFailed) as failure:
        list(source.pages(ctx))

    assert any(c.request.headers["Authorization"] == f"Bearer {x.TOKEN}" for c in api.calls)  # it was used
    assert "Bearer ***" in caplog.text  # tweepy's debug line was redacted, not dropped
    assert x.TOKEN not in caplog.text
    assert all(x.TOKEN not in repr(p) for p in pages)
    assert x.TOKEN not in "".join(traceback.format_exception(failure.value))
    assert x.TOKEN not in repr(failure.value)
    assert x.TOKEN not in repr(source) and x.TOKEN not in repr(source.stats)


def test_without_credentials_the_message_names_the_connection_and_variable():
    with pytest.raises(MissingCredentials) as failure:
        XLiveSource.from_environment(env={})
    assert "x_default" in str(failure.value) and "CROSSTALK_X_BEARER_TOKEN" in str(failure.value)


def test_default_mention_query_excludes_every_own_handle(x_settings):
    query = default_mention_query(x_settings.company("acme"))
    assert query.startswith("(") and query.count("-from:") == 2
