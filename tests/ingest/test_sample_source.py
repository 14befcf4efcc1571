"""The offline sample source: deterministic, shaped like the real APIs, and realistic enough to analyse.

Shapes are checked against real recorded responses in /work/shared/fixtures/real (read only;
nothing from them is copied into sample data). Those tests skip when the fixtures are absent.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crosstalk.config import Settings, load_settings, parse_settings
from ingest.base import ChannelSource, FetchContext, RawPage, Window
from ingest.sample import REDDIT_FAULTS, X_FAULTS, SampleSource

FIXTURES = Path(os.environ.get("CROSSTALK_REAL_FIXTURES", "/work/shared/fixtures/real"))
START = datetime(2026, 3, 2, tzinfo=UTC)  # a Monday
SETTINGS = load_settings()


def window(days: int, start: datetime = START) -> Window:
    return Window(start, start + timedelta(days=days))


def run(channel: str, days: int, *, settings: Settings = SETTINGS, seed: int = 7, volume: float = 1.0,
        companies: list[str] | None = None, start: datetime = START, source: SampleSource | None = None,
        ) -> list[RawPage]:
    src = source or SampleSource(channel, seed=seed, volume=volume)  # type: ignore[arg-type]
    return list(src.pages(FetchContext(window(days, start), settings, companies=companies)))


def bodies(pages: Iterable[RawPage], endpoint: str | None = None) -> list[dict[str, Any]]:
    return [json.loads(p.body) for p in pages if endpoint is None or p.request.endpoint == endpoint]


def tweets(pages: Iterable[RawPage], *streams: str) -> list[tuple[RawPage, dict[str, Any]]]:
    out = []
    for page in pages:
        if streams and page.request.stream not in streams:
            continue
        for item in json.loads(page.body).get("data", []):
            if "text" in item:
                out.append((page, item))
    return out


def things(pages: Iterable[RawPage], *streams: str) -> list[tuple[RawPage, dict[str, Any]]]:
    out = []
    for page in pages:
        if streams and page.request.stream not in streams:
            continue
        body = json.loads(page.body)
        if body.get("kind") == "Listing":
            out.extend((page, child) for child in body["data"]["children"])
    return out


def signature(page: RawPage) -> tuple[Any, ...]:
    r = page.request
    return (r.channel, r.endpoint, r.stream, json.dumps(dict(r.params), sort_keys=True), r.company, r.account,
            page.status_code, page.body, page.fetched_at, page.url, tuple(sorted(page.headers.items())), page.cursor)


@pytest.fixture(scope="module")
def x_month() -> tuple[SampleSource, list[RawPage]]:
    source = SampleSource("x", seed=7, record_truth=True)
    return source, run("x", 30, source=source)


@pytest.fixture(scope="module")
def reddit_month() -> tuple[SampleSource, list[RawPage]]:
    source = SampleSource("reddit", seed=7, record_truth=True)
    return source, run("reddit", 30, source=source)


# --- contract and determinism ----------------------------------------------------------------------
def test_is_a_channel_source() -> None:
    source = SampleSource("x")
    assert isinstance(source, ChannelSource)
    assert source.source == "sample" and source.channel == "x"


@pytest.mark.parametrize("channel", ["x", "reddit"])
def test_same_inputs_give_byte_identical_pages(channel: str) -> None:
    first = [signature(p) for p in run(channel, 3)]
    second = [signature(p) for p in run(channel, 3)]
    assert first and first == second
    other_seed = [signature(p) for p in run(channel, 3, seed=8)]
    assert other_seed != first


@pytest.mark.parametrize("channel", ["x", "reddit"])
def test_a_long_window_equals_its_days_fetched_one_by_one(channel: str) -> None:
    whole = [signature(p) for p in run(channel, 3)]
    split = [signature(p) for d in range(3) for p in run(channel, 1, start=START + timedelta(days=d))]
    assert whole == split


@pytest.mark.parametrize("channel", ["x", "reddit"])
def test_pages_are_timestamped_after_their_day_in_utc(channel: str) -> None:
    pages = run(channel, 2)
    times = [p.fetched_at for p in pages]
    assert all(t.tzinfo is not None and t.utcoffset() == timedelta(0) for t in times)
    assert times == sorted(times)
    assert min(times) >= START + timedelta(days=1)
    assert all(p.status_code == 200 and p.url and p.url.startswith("https://") for p in pages)
    assert all("token" not in json.dumps(dict(p.request.params)).lower().replace("pagination_token", "")
               .replace("next_token", "") for p in pages)


def test_stats_count_pages_and_records(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    source, pages = x_month
    assert source.stats.requests_spent == len(pages)
    owned = sum(v.fetched for k, v in source.stats.accounts.items() if k.startswith("x:@"))
    assert owned == len(tweets(pages, "owned_posts"))
    refreshed = sum(v.refreshed for v in source.stats.accounts.values())
    assert refreshed == len(tweets(pages, "metric_refresh"))
    assert source.stats.account("x:mentions:northbeam").fetched > 0


def test_new_counts_respect_committed_cursors() -> None:
    source = SampleSource("x")
    first = list(source.pages(FetchContext(window(1), SETTINGS)))
    cursors = dict(p.cursor for p in first if p.cursor)
    assert "x:owned:northbeam" in cursors and "x:mentions:northbeam" in cursors
    # re-fetching the same day with its cursors committed finds nothing new
    again = SampleSource("x")
    list(again.pages(FetchContext(window(1), SETTINGS, cursors=cursors)))
    assert again.stats.account("x:mentions:northbeam").fetched > 0
    assert again.stats.account("x:mentions:northbeam").new == 0


def test_request_budget_stops_requests_and_counts_the_skipped() -> None:
    source = SampleSource("x")
    pages = list(source.pages(FetchContext(window(1), SETTINGS, request_budget=4)))
    assert len(pages) == 4
    assert source.stats.requests_skipped > 0


# --- shapes against real recordings ----------------------------------------------------------------
def _x_fixture(name: str) -> dict[str, Any]:
    path = FIXTURES / "x_v2_full" / "v2_responses" / name
    if not path.exists():
        pytest.skip(f"real fixture {path} not available")
    body = json.loads(path.read_text())["body"]
    return json.loads(body) if isinstance(body, str) else body


def _union_keys(items: Iterable[dict[str, Any]]) -> set[str]:
    keys: set[str] = set()
    for item in items:
        keys |= set(item)
    return keys


def test_x_tweet_pages_have_the_real_v2_shape(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = x_month
    real = [_x_fixture(n) for n in ("users__1665378883__tweets-d24b15.json", "tweets__search__all-7a8d63.json",
                                    "users__956624418__mentions-d24b15.json", "tweets-0ee54c.json")]
    real_tweet_keys = _union_keys(t for body in real for t in body["data"]) | {"edit_history_tweet_ids"}
    real_user_keys = _union_keys(u for body in real for u in body["includes"]["users"])
    real_meta_keys = _union_keys(body["meta"] for body in real if "meta" in body) | {"next_token"}
    real_error_keys = set(real[3]["errors"][0])
    real_metric_keys = set(real[0]["data"][0]["public_metrics"])
    required = {"id", "text", "created_at", "author_id", "conversation_id", "lang", "public_metrics"}
    for page in pages:
        if page.request.endpoint == "users/by":
            continue
        body = json.loads(page.body)
        assert set(body) <= {"data", "includes", "meta", "errors"}, page.request.endpoint
        for tweet in body.get("data", []):
            assert set(tweet) <= real_tweet_keys
            assert len(required - set(tweet)) <= 1  # a malformed record misses at most one field
            assert real_metric_keys <= set(tweet["public_metrics"]) <= real_metric_keys | {"bookmark_count", "impression_count"}
            for entity in tweet.get("entities", {}).get("urls", []):
                assert tweet["text"][entity["start"]:entity["end"]] == entity["url"]
        for user in body.get("includes", {}).get("users", []):
            assert {"id", "username", "name", "public_metrics"} <= set(user) <= real_user_keys
        assert set(body.get("meta", {})) <= real_meta_keys
        for error in body.get("errors", []):
            assert set(error) == real_error_keys
        if page.request.stream in ("owned_posts", "mentions"):
            assert body["meta"]["result_count"] == len(body.get("data", []))


def test_x_user_lookup_has_the_real_shape(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = x_month
    real_min = _union_keys(_x_fixture("users__by-ed3b03.json")["data"])
    real_full = _union_keys(_x_fixture("users-25f017.json")["data"])
    lookups = bodies(pages, "users/by")
    assert len(lookups) == 30 * len(SETTINGS.watching("x"))
    for body in lookups:
        assert set(body) == {"data"}
        for user in body["data"]:
            assert real_min <= set(user) <= real_full


def _praw_listing_child(cassette: str, uri_part: str, kind: str) -> set[str]:
    path = FIXTURES / "praw" / cassette
    if not path.exists():
        pytest.skip(f"real fixture {path} not available")
    for interaction in json.loads(path.read_text())["interactions"]:
        if uri_part in interaction["request"]["uri"]:
            body = json.loads(interaction["response"]["body"]["string"])
            if kind == "t5":
                return set(body["data"])
            children = [c["data"] for c in body["data"]["children"] if c["kind"] == kind]
            plain = [c for c in children if "crosspost_parent" not in c]
            return set((plain or children)[0])
    raise AssertionError(f"{uri_part} not in {cassette}")


def test_reddit_pages_have_the_real_listing_shape(reddit_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = reddit_month
    real_t3 = _praw_listing_child("TestRedditorListings.test_overview__new.json", "overview", "t3") - {"media_metadata"}
    real_t1 = _praw_listing_child("TestRedditorListings.test_overview__new.json", "overview", "t1") - {"media_metadata"}
    real_t5 = _praw_listing_child("TestRedditor.test_moderated.json", "announcements/about", "t5")
    broken = {"id", "name", "created", "created_utc"}  # what a malformed record may lack
    seen = defaultdict(int)
    for page in pages:
        body = json.loads(page.body)
        if page.request.endpoint == "r/:subreddit/about":
            assert body["kind"] == "t5" and set(body["data"]) == real_t5
            continue
        assert body["kind"] == "Listing"
        assert set(body["data"]) - {"facets"} == {"after", "dist", "modhash", "geo_filter", "children", "before"}
        assert body["data"]["dist"] == len(body["data"]["children"])
        for child in body["data"]["children"]:
            keys = set(child["data"])
            expected = real_t3 | {"url_overridden_by_dest"} if child["kind"] == "t3" else real_t1
            if child["kind"] == "t3" and child["data"].get("is_self", True):
                expected = real_t3
            if child["data"].get("author") == "[deleted]":
                expected = expected - {"author_fullname"}
            assert expected - broken <= keys <= expected, (child["kind"], keys ^ expected)
            seen[child["kind"]] += 1
    assert seen["t3"] > 100 and seen["t1"] > 10


# --- pagination ------------------------------------------------------------------------------------
SMALL_PAGES = parse_settings({
    **SETTINGS.model_dump(exclude={"channels"}),
    "channels": {"x": {"page_size": 5}, "reddit": {"page_size": 3}},
})


def _chains(pages: list[RawPage], stream: str) -> dict[tuple[Any, ...], list[RawPage]]:
    chains: dict[tuple[Any, ...], list[RawPage]] = defaultdict(list)
    for page in pages:
        if page.request.stream == stream:
            params = {k: v for k, v in page.request.params.items()
                      if k not in ("pagination_token", "next_token", "after", "count")}
            key = (page.request.endpoint, page.request.company, page.request.account,
                   json.dumps(params, sort_keys=True), page.fetched_at.date())
            chains[key].append(page)
    return chains


def test_x_pagination_chains_next_tokens_with_a_small_page_size() -> None:
    pages = run("x", 2, settings=SMALL_PAGES, volume=3)
    multi = 0
    for stream, param, size in (("owned_posts", "pagination_token", 5), ("mentions", "next_token", 10)):
        for chain in _chains(pages, stream).values():
            metas = [json.loads(p.body)["meta"] for p in chain]
            ids = [int(t["id"]) for p in chain for t in json.loads(p.body).get("data", [])]
            assert ids == sorted(ids, reverse=True) and len(ids) == len(set(ids))  # newest first, no repeats
            assert all(m["result_count"] <= size for m in metas)
            assert param not in chain[0].request.params
            for after, meta in zip(chain[1:], metas, strict=False):
                assert after.request.params[param] == meta["next_token"]
                assert meta["next_token"] in (after.url or "")
                assert meta["result_count"] == size
            assert "next_token" not in metas[-1]
            tokens = [m["next_token"] for m in metas[:-1]]
            assert len(tokens) == len(set(tokens))
            multi += len(chain) > 1
            if chain[0].cursor is not None:
                assert chain[0].cursor[1] == metas[0]["newest_id"]
    assert multi >= 3


def test_reddit_pagination_chains_after_with_a_small_page_size() -> None:
    pages = run("reddit", 2, settings=SMALL_PAGES, volume=3)
    multi = 0
    for stream in ("owned_posts", "mentions"):
        for chain in _chains(pages, stream).values():
            listings = [json.loads(p.body)["data"] for p in chain]
            for listing, following in zip(listings, chain[1:] + [None], strict=True):
                assert len(listing["children"]) <= 3
                if following is None:
                    assert listing["after"] is None
                else:
                    last = listing["children"][-1]["data"]
                    assert listing["after"] == last.get("name", listing["after"])  # a malformed last child has no name
                    assert following.request.params["after"] == listing["after"]
            multi += len(chain) > 1
    assert multi >= 2


# --- identity and time -----------------------------------------------------------------------------
def test_x_ids_are_unique_and_increase_with_time(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = x_month
    content: dict[str, tuple[Any, ...]] = {}
    owned_ids: list[str] = []
    for page, tweet in tweets(pages):
        seen = (tweet.get("author_id"), tweet.get("text"))
        assert content.setdefault(tweet["id"], seen) == seen  # one id, one post
        if page.request.stream == "owned_posts":
            owned_ids.append(tweet["id"])
    assert len(owned_ids) == len(set(owned_ids))  # a timeline returns each post once, ever
    dated = [(t["created_at"], int(t["id"])) for _, t in tweets(pages) if "created_at" in t]
    dated.sort()
    assert [i for _, i in dated] == sorted(i for _, i in dated)


def test_reddit_ids_are_unique(reddit_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = reddit_month
    content: dict[str, tuple[Any, ...]] = {}
    for _, child in things(pages):
        data = child["data"]
        if "name" not in data:
            continue
        seen = (data.get("title"), data.get("body"), data.get("subreddit"))
        assert content.setdefault(data["name"], seen) == seen
    users = defaultdict(list)
    for page, child in things(pages, "owned_posts"):
        if page.request.endpoint == "user/:name/submitted" and "name" in child["data"]:
            users[page.request.account].append(child["data"]["name"])
    assert users and all(len(v) == len(set(v)) for v in users.values())


def test_x_metrics_never_decrease_and_grow_with_age(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = x_month
    history: dict[str, list[tuple[datetime, dict[str, Any]]]] = defaultdict(list)
    for page, tweet in tweets(pages, "owned_posts", "metric_refresh"):
        history[tweet["id"]].append((page.fetched_at, tweet["public_metrics"]))
    grew = 0
    for observations in history.values():
        observations.sort(key=lambda o: o[0])
        for (_, old), (_, new) in zip(observations, observations[1:], strict=False):
            for name, value in new.items():
                if isinstance(value, int) and isinstance(old[name], int):
                    assert value >= old[name], name
        if len(observations) > 1 and observations[-1][1]["impression_count"] != "n/a":
            grew += observations[-1][1]["impression_count"] > observations[0][1]["impression_count"]
    assert grew > 50


def test_reddit_scores_never_decrease(reddit_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = reddit_month
    history: dict[str, list[tuple[datetime, Any, Any]]] = defaultdict(list)
    for page, child in things(pages):
        data = child["data"]
        if "name" in data:
            history[data["name"]].append((page.fetched_at, data["score"], data.get("num_comments")))
    refreshed = 0
    for observations in history.values():
        observations.sort(key=lambda o: o[0])
        ints = [o for o in observations if isinstance(o[1], int)]
        assert [o[1] for o in ints] == sorted(o[1] for o in ints)
        refreshed += len(observations) > 3
    assert refreshed > 20


def test_followers_and_subscribers_grow(x_month: tuple[SampleSource, list[RawPage]],
                                        reddit_month: tuple[SampleSource, list[RawPage]]) -> None:
    series: dict[str, list[int]] = defaultdict(list)
    for body in bodies(x_month[1], "users/by"):
        for user in body["data"]:
            series[user["username"]].append(user["public_metrics"]["followers_count"])
    for body in bodies(reddit_month[1], "r/:subreddit/about"):
        series["r/" + body["data"]["display_name"]].append(body["data"]["subscribers"])
    assert len(series) == 6 + 2
    for name, values in series.items():
        assert len(values) == 30
        assert values == sorted(values), name
        assert values[-1] > values[0], name
        steps = {b - a for a, b in zip(values, values[1:], strict=False)}
        assert len(steps) > 3, f"{name} grows too regularly: {steps}"


# --- content and realism ---------------------------------------------------------------------------
def test_a_month_covers_both_objectives_every_theme_and_several_languages(
        x_month: tuple[SampleSource, list[RawPage]], reddit_month: tuple[SampleSource, list[RawPage]]) -> None:
    for source, _ in (x_month, reddit_month):
        truth = source.truth
        owned = [t for t in truth.values() if t.owned]
        assert {"marketing", "recruiting", "other"} <= {t.objective for t in owned}
        assert {"jobs", "culture", "expertise", "product", "event", "news", "support", "community"} <= {
            t.theme for t in truth.values()}
        assert {"en", "de"} <= {t.lang for t in truth.values()}
    x_truth = x_month[0].truth
    assert {"en", "de", "es", "fr"} <= {t.lang for t in x_truth.values()}
    texts = [t["text"] for _, t in tweets(x_month[1], "owned_posts")]
    assert len(set(texts)) > 0.95 * len(texts)  # variable parts keep repeats rare
    careers = [u["expanded_url"] for _, t in tweets(x_month[1]) for u in t.get("entities", {}).get("urls", [])
               if "careers.northbeam.example" in u["expanded_url"]]
    assert careers
    recruiting_tags = [t for t in texts if "#lifeatnorthbeam" in t or "#northbeamcareers" in t]
    assert recruiting_tags


def test_x_has_replies_retweets_quotes_and_co_mentions(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    _, pages = x_month
    kinds = {ref["type"] for _, t in tweets(pages, "owned_posts") for ref in t.get("referenced_tweets", [])}
    assert kinds == {"replied_to", "retweeted", "quoted"}
    mentions = [t["text"].lower() for _, t in tweets(pages, "mentions")]
    both = [t for t in mentions if ("northbeam" in t) and ("quillon" in t)]
    assert both
    owned_ids = {t["id"] for _, t in tweets(pages, "owned_posts")}
    replies_to_owned = [t for _, t in tweets(pages, "mentions")
                        for r in t.get("referenced_tweets", []) if r["id"] in owned_ids]
    assert replies_to_owned


def test_engagement_is_heavy_tailed_and_differs_by_objective(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    source, pages = x_month
    likes: dict[str, list[int]] = defaultdict(list)
    for _, tweet in tweets(pages, "metric_refresh"):
        value = tweet["public_metrics"]["like_count"]
        if isinstance(value, int) and not tweet.get("referenced_tweets"):
            likes[source.truth[f"x:{tweet['id']}"].objective].append(value)
    everything = sorted(v for values in likes.values() for v in values)
    median = everything[len(everything) // 2]
    assert everything[-1] > 10 * max(median, 1)  # a few posts go far beyond the typical one
    means = {k: sum(v) / len(v) for k, v in likes.items() if v}
    assert means["marketing"] != pytest.approx(means["recruiting"], rel=0.1)


def test_weekdays_get_more_company_posts_than_weekends(x_month: tuple[SampleSource, list[RawPage]]) -> None:
    per_day: dict[int, int] = defaultdict(int)
    for _, tweet in tweets(x_month[1], "owned_posts"):
        if "created_at" in tweet:
            per_day[datetime.fromisoformat(tweet["created_at"].replace("Z", "+00:00")).weekday()] += 1
    assert sum(per_day[d] for d in range(5)) / 5 > 2 * sum(per_day[d] for d in (5, 6)) / 2


def test_deleted_posts_show_as_the_apis_show_them(x_month: tuple[SampleSource, list[RawPage]],
                                                  reddit_month: tuple[SampleSource, list[RawPage]]) -> None:
    errors = [e for body in bodies(x_month[1], "tweets") for e in body.get("errors", [])]
    assert errors
    for error in errors:
        assert error["title"] == "Not Found Error" and error["resource_id"] == error["value"]
        assert error["detail"] == f"Could not find tweet with ids: [{error['value']}]."
    deleted = [c for _, c in things(reddit_month[1], "metric_refresh") if c["data"].get("author") == "[deleted]"]
    assert deleted and all(c["data"]["removed_by_category"] == "deleted" for c in deleted)


def test_malformed_records_appear_about_one_in_four_hundred(x_month: tuple[SampleSource, list[RawPage]],
                                                            reddit_month: tuple[SampleSource, list[RawPage]]) -> None:
    for (source, _), kinds, records in (
        (x_month, X_FAULTS, tweets(x_month[1])),
        (reddit_month, REDDIT_FAULTS, things(reddit_month[1])),
    ):
        faults = source.faults
        assert set(faults) <= set(kinds)
        total = sum(faults.values())
        assert len(set(faults)) >= 2
        assert 1 / 1500 < total / len(records) < 1 / 150
    x_broken = [t for _, t in tweets(x_month[1]) if "created_at" not in t or "author_id" not in t
                or t["public_metrics"]["like_count"] == "n/a"]
    assert len(x_broken) == sum(x_month[0].faults.values())


# --- selection and volume --------------------------------------------------------------------------
@pytest.mark.parametrize("channel", ["x", "reddit"])
def test_only_selected_companies_are_fetched(channel: str) -> None:
    everything = run(channel, 2)
    only = run(channel, 2, companies=["quillon"])
    assert only and {p.request.company for p in only} == {"quillon"}
    assert [p.body for p in only] == [p.body for p in everything if p.request.company == "quillon"]


def test_companies_not_watched_on_a_channel_are_skipped() -> None:
    pages = run("reddit", 1)
    assert "halcyon" in {p.request.company for p in pages}  # search only
    assert not [p for p in pages if p.request.company == "halcyon" and p.request.stream == "owned_posts"]


def test_volume_scales_posts_per_day() -> None:
    def count(volume: float) -> int:
        pages = run("x", 7, volume=volume)
        return len(tweets(pages, "owned_posts", "mentions"))

    small, large = count(1.0), count(4.0)
    assert 3.0 < large / small < 5.0
    assert count(0.0) == 0


def test_rejects_unknown_channels() -> None:
    with pytest.raises(ValueError):
        SampleSource("mastodon")  # type: ignore[arg-type]
