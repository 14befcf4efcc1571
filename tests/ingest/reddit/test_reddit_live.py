"""RedditLiveSource through the real praw.Reddit; HTTP served by `responses` from praw's cassettes."""

from __future__ import annotations

import json
import logging
import time
import traceback
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from ingest.base import ChannelSource, Window
from ingest.credentials import MissingCredentials
from ingest.errors import AuthenticationFailed, RepeatedPageToken, RetriesExhausted
from ingest.reddit import RedditLiveSource
from ingest.reddit.live import fullname, lower_bound

STREAMS = "TestSubredditStreams.test_submissions"  # r/all/new: 100 posts (after=…), then 4 (last)


def _params(call) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(call.request.url).query).items()}


def _gets(api, fragment: str) -> list:
    return [c for c in api.calls if c.request.method == "GET" and fragment in c.request.url]


def test_subreddit_new_is_paged_to_the_last_page_and_landed_as_received(
        source, context, api, serve, cassette, reply_with):
    streams = cassette(STREAMS)
    first, last = streams.body("r/all/new", 0), streams.body("r/all/new", 1)
    serve(api, r"r/northbeam/new", reply_with(first), reply_with(last))
    serve(api, r"r/northbeam/about", reply_with(cassette("TestRedditor.test_moderated").body("r/announcements/about")))

    pages = list(source.pages(context(subreddits=["northbeam"])))

    assert isinstance(source, ChannelSource)
    assert [(p.request.endpoint, p.request.stream) for p in pages] == [
        ("r/:subreddit/new", "owned_posts"), ("r/:subreddit/new", "owned_posts"),
        ("r/:subreddit/about", "communities")]
    assert [pages[0].body, pages[1].body] == [first, last]  # byte-for-byte
    calls = _gets(api, "/r/northbeam/new")
    assert "after" not in _params(calls[0])
    assert _params(calls[1])["after"] == json.loads(first)["data"]["after"]
    assert _params(calls[0])["limit"] == "100"
    assert pages[0].cursor is None
    assert pages[1].cursor == ("reddit:subreddit:northbeam", "1482373052")
    # The OAuth token exchange is never landed, and no page points at it.
    assert all("access_token" not in (p.url or "") for p in pages)
    about = json.loads(pages[2].body)
    assert about["kind"] == "t5" and about["data"]["subscribers"] > 0  # audience size snapshot
    stats = source.stats.accounts["reddit:subreddit:northbeam"]
    assert (stats.fetched, stats.new) == (104, 104)
    assert source.stats.requests_spent == 3


def test_a_repeated_after_is_refused(source, context, api, serve, cassette, reply_with):
    first = cassette(STREAMS).body("r/all/new", 0)
    serve(api, r"r/northbeam/new", reply_with(first), reply_with(first))

    with pytest.raises(RepeatedPageToken, match="r/:subreddit/new"):
        list(source.pages(context(subreddits=["northbeam"])))


@pytest.mark.parametrize(
    ("cursor", "overlap_hours", "pages_fetched"),
    [
        (None, 0, 1),  # page 1 already reaches back past the window start: stop
        ("1482373000", 0, 2),  # a committed cursor older than the window: resume from it
        (None, 1, 2),  # the overlap reaches back an hour more
    ],
)
def test_search_pages_back_to_the_window_start_or_cursor_minus_overlap(
        source, context, api, serve, cassette, reply_with, cursor, overlap_hours, pages_fetched):
    streams = cassette(STREAMS)
    serve(api, r"search", reply_with(streams.body("r/all/new", 0)), reply_with(streams.body("r/all/new", 1)))
    mid_page = Window(datetime.fromtimestamp(1482373040, UTC), datetime(2016, 12, 23, tzinfo=UTC))
    cursors = {"reddit:mentions:acme": cursor} if cursor else {}

    pages = list(source.pages(context(mid_page, cursors=cursors, overlap_hours=overlap_hours,
                                      search_queries=['"Acme Corp"'])))

    assert len(pages) == pages_fetched
    assert _params(_gets(api, "/search")[0]).items() >= {"q": '"Acme Corp"', "sort": "new"}.items()
    assert pages[-1].cursor is not None and pages[-1].cursor[0] == "reddit:mentions:acme"


def test_search_is_incremental_and_deduplicated_by_fullname(source, context, api, serve, cassette, reply_with):
    body = cassette("TestSubreddit.test_search").body("r/all/search")
    serve(api, r"search", reply_with(body))
    created = sorted(c["data"]["created_utc"] for c in json.loads(body)["data"]["children"])
    committed = str(int(created[2]))  # three of the six are at or before the committed cursor
    old_day = Window(datetime(2013, 11, 1, tzinfo=UTC), datetime(2013, 11, 2, tzinfo=UTC))

    pages = list(source.pages(context(old_day, cursors={"reddit:mentions:acme": committed},
                                      search_queries=["praw oauth search", "praw search"])))

    assert len(pages) == 2  # one page per query; the same six posts came back twice
    mentions = source.stats.accounts["reddit:mentions:acme"]
    assert (mentions.fetched, mentions.new) == (12, 3)
    assert pages[0].cursor is None  # the stream is not complete until its last search
    assert pages[1].cursor == ("reddit:mentions:acme", str(int(created[-1])))
    assert pages[0].request.endpoint == "search" and pages[0].request.params["q"] == "praw oauth search"


def test_refresh_reads_api_info_in_batches_of_100(source, context, api, serve, cassette, reply_with):
    info = cassette("TestReddit.test_info_url").body("api/info")
    serve(api, r"api/info", reply_with(info))
    ids = [f"abc{i}" for i in range(75)] + [f"t3_def{i}" for i in range(75)]

    # No company selected: only the refresh runs.
    pages = list(source.pages(context(search_queries=["x"], refresh_ids=ids, companies=["nobody"])))

    assert [p.request.endpoint for p in pages] == ["api/info", "api/info"]
    sent = [_params(c)["id"].split(",") for c in _gets(api, "/api/info")]
    assert [len(s) for s in sent] == [100, 50]
    assert sent[0][0] == "t3_abc0" and sent[1][-1] == "t3_def74"  # bare ids become fullnames
    refreshed = source.stats.accounts["reddit:refresh"]
    assert refreshed.refreshed == 50  # 25 per recorded body
    assert "not returned" in refreshed.errors[0]  # missing posts are reported, not dropped silently
    assert all(p.body == info and p.request.stream == "metric_refresh" for p in pages)


def test_a_missing_account_is_skipped_and_the_run_goes_on(source, context, api, serve, cassette, reply_with):
    not_found = cassette("TestSubreddit.test_traffic__not_public").body("about/traffic")
    overview = cassette("TestRedditorListings.test_overview__new").body("user/spez/overview")
    serve(api, r"user/ghost_account/submitted", reply_with(not_found, status=404))
    serve(api, r"user/spez/submitted", reply_with(overview))
    serve(api, r"r/\w+/about", reply_with(cassette("TestRedditor.test_moderated").body("r/announcements/about")))
    june = Window(datetime(2026, 6, 4, tzinfo=UTC), datetime(2026, 6, 5, tzinfo=UTC))

    pages = list(source.pages(context(june, accounts=["ghost_account", "spez"])))

    ghost = source.stats.accounts["reddit:owned:ghost_account"]
    assert ghost.skipped == 1 and "404" in ghost.errors[0] and "user/:name/submitted" in ghost.errors[0]
    owned = [p for p in pages if p.request.stream == "owned_posts"]
    assert [p.request.account for p in owned] == ["spez"] and owned[0].body == overview
    # Each subreddit spez submitted to gets one subscribers snapshot.
    submitted_in = {c["data"]["subreddit"] for c in json.loads(overview)["data"]["children"] if c["kind"] == "t3"}
    communities = [p.request.account for p in pages if p.request.stream == "communities"]
    assert set(communities) == submitted_in and len(communities) == len(submitted_in)


def test_a_refused_token_fails_naming_the_connection(source, context, api):
    api.replace("POST", "https://www.reddit.com/api/v1/access_token", status=401,
                json={"message": "Unauthorized", "error": 401})

    with pytest.raises(AuthenticationFailed) as failure:
        list(source.pages(context(subreddits=["northbeam"])))

    assert "reddit_default" in str(failure.value) and "r/:subreddit/new" in str(failure.value)


def test_5xx_after_praws_own_retries_fails_clearly(source, context, api, serve, reply_with, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)  # prawcore's retry sleep; nothing really waits
    serve(api, r"r/northbeam/new", reply_with('{"message": "Service Unavailable"}', status=503))

    with pytest.raises(RetriesExhausted) as failure:
        list(source.pages(context(subreddits=["northbeam"])))

    assert "r/:subreddit/new" in str(failure.value) and "3 attempt" in str(failure.value)
    assert len(_gets(api, "/r/northbeam/new")) == 3  # praw's 3 attempts, no second loop around them
    assert source.stats.requests_spent == 3


def test_praws_own_rate_limit_pacing_is_used(source, context, api, serve, cassette, reply_with, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    paced = reply_with(cassette(STREAMS).body("r/all/new", 0), **{
        "x-ratelimit-remaining": "0", "x-ratelimit-used": "600", "x-ratelimit-reset": "42"})
    serve(api, r"r/northbeam/new", paced, reply_with(cassette(STREAMS).body("r/all/new", 1)))

    pages = list(source.pages(context(subreddits=["northbeam"], request_budget=2)))

    assert len(pages) == 2
    assert len(waits) == 1 and 40 < waits[0] <= 42  # prawcore waited out the window, once
    assert pages[0].headers["x-ratelimit-remaining"] == "0"


def test_budget_skips_the_rest(source, context, api, serve, cassette, reply_with, caplog):
    serve(api, r"r/northbeam/new", reply_with(cassette(STREAMS).body("r/all/new", 0)))
    caplog.set_level(logging.INFO, logger="ingest.reddit.live")

    pages = list(source.pages(context(subreddits=["northbeam"], search_queries=["x"], request_budget=1,
                                      refresh_ids=["t3_a"])))

    assert len(pages) == 1 and pages[0].cursor is None  # unfinished stream: cursor not moved
    stats = source.stats
    assert stats.requests_spent == 1
    assert stats.requests_skipped == 4  # next page, search, about, refresh
    assert "reddit live fetch: spent 1/1 requests, skipped 4" in caplog.text


def test_client_id_and_secret_appear_nowhere(source, context, api, serve, cassette, reply_with, caplog, rd):
    caplog.set_level(logging.DEBUG)
    serve(api, r"r/northbeam/new", reply_with(cassette(STREAMS).body("r/all/new", 1)))
    serve(api, r"r/northbeam/about", reply_with("{}", status=500))
    original_sleep = time.sleep
    time.sleep = lambda _s: None
    try:
        with pytest.raises(RetriesExhausted) as failure:
            pages = []
            for page in source.pages(context(subreddits=["northbeam"])):
                pages.append(page)
    finally:
        time.sleep = original_sleep

    token_call = next(c for c in api.calls if c.request.url.startswith(rd.TOKEN_URL))
    assert token_call.request.headers["Authorization"].startswith("Basic ")  # they were sent
    for secret in (rd.CLIENT_SECRET, rd.CLIENT_ID):
        assert secret not in caplog.text
        assert all(secret not in repr(p) for p in pages)
        assert secret not in "".join(traceback.format_exception(failure.value))
        assert secret not in repr(source.stats)


def test_without_credentials_the_message_names_the_connection_and_variables():
    with pytest.raises(MissingCredentials) as failure:
        RedditLiveSource.from_environment(env={"CROSSTALK_REDDIT_CLIENT_ID": "only-the-id"})
    message = str(failure.value)
    assert "reddit_default" in message and "CROSSTALK_REDDIT_CLIENT_SECRET" in message
    assert "only-the-id" not in message


def test_helpers():
    assert fullname("abc") == "t3_abc" and fullname("t1_xyz") == "t1_xyz"
    start = datetime(2016, 12, 22, tzinfo=UTC)
    assert lower_bound(start, None, timedelta(hours=1)) == start.timestamp() - 3600
    assert lower_bound(start, "100", timedelta(0)) == 100.0
