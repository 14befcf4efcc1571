"""Every metric view against numbers worked out by hand from tests/sql/sql_dataset.py.

Each test runs on DuckDB and on PostgreSQL (the `loaded_engine` fixture is parametrized).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect

from crosstalk.views import view_names
from tests.sql.sql_dataset import one, rows

W1 = date(2024, 3, 4)  # Monday of the first week
W2 = date(2024, 3, 11)


def approx(value: float) -> object:
    return pytest.approx(value, rel=1e-9, abs=1e-12)


def test_every_view_exists(loaded_engine):
    existing = set(inspect(loaded_engine).get_view_names())
    assert set(view_names()) <= existing


def test_post_performance_keeps_owned_live_attributed_posts(loaded_engine):
    found = {r["post_id"] for r in rows(loaded_engine, "select post_id from post_performance")}
    # x5 is deleted; x9, x10, r5 are earned; x11 is unattributed.
    assert found == {"x1", "x2", "x3", "x4", "x6", "x7", "x8", "x12", "x13", "r1", "r2", "r3", "r4"}
    originals = rows(loaded_engine, "select post_id from post_performance where not is_original")
    assert {r["post_id"] for r in originals} == {"x4", "r3"}


def test_interactions_from_declared_components(loaded_engine):
    x1 = one(loaded_engine, "select * from post_performance where post_id = 'x1'")
    # Latest snapshot: likes 50, reposts 8, replies 6, quotes 2; bookmarks 9 stay apart.
    assert (x1["amplification"], x1["applause"], x1["conversation"]) == (10, 50, 6)
    assert x1["interactions"] == 66
    assert x1["bookmarks"] == 9
    assert x1["observations"] == 3
    r1 = one(loaded_engine, "select * from post_performance where post_id = 'r1'")
    # Reddit: score 19 + comments 5; no share count exists.
    assert (r1["applause"], r1["conversation"], r1["interactions"]) == (19, 5, 24)
    assert r1["amplification"] is None
    r4 = one(loaded_engine, "select interactions, applause from post_performance where post_id = 'r4'")
    assert (r4["applause"], r4["interactions"]) == (-2, 0)  # a net-downvoted post


def test_unknown_metrics_are_null_not_zero(loaded_engine):
    x7 = one(loaded_engine, "select * from post_performance where post_id = 'x7'")
    assert x7["interactions"] is None
    assert x7["engagement_rate_by_followers"] is None
    assert x7["observations"] == 0
    x3 = one(loaded_engine, "select engagement_rate_by_impressions from post_performance where post_id = 'x3'")
    assert x3["engagement_rate_by_impressions"] is None  # no impressions reported


def test_followers_at_publication(loaded_engine):
    got = {
        r["post_id"]: r
        for r in rows(
            loaded_engine,
            "select post_id, followers, followers_snapshot_date, followers_snapshot_after_post,"
            " engagement_rate_by_followers from post_performance",
        )
    }
    # x1 (03-04): latest on or before is 03-01 -> 1000; x3 (03-11): 03-08 -> 2000.
    assert got["x1"]["followers"] == 1000
    assert got["x3"]["followers"] == 2000
    assert got["x3"]["followers_snapshot_date"] == date(2024, 3, 8)
    # x6 (03-05): quillon's only snapshot is 03-10 -> fallback to the earliest after.
    assert got["x6"]["followers"] == 500
    assert got["x6"]["followers_snapshot_after_post"] is True
    # Reddit: subscribers of the post's subreddit ('Northbeam' matches handle 'northbeam'),
    # never the posting account's 5 followers.
    assert got["r1"]["followers"] == 100
    assert got["r2"]["followers"] == 10000
    assert got["x1"]["engagement_rate_by_followers"] == approx(66 / 1000)
    assert got["x3"]["engagement_rate_by_followers"] == approx(20 / 2000)
    assert got["x6"]["engagement_rate_by_followers"] == approx(10 / 500)
    assert got["r1"]["engagement_rate_by_followers"] == approx(24 / 100)


def test_rates_per_follower_and_impression(loaded_engine):
    x1 = one(loaded_engine, "select * from post_performance where post_id = 'x1'")
    assert x1["engagement_rate_by_impressions"] == approx(66 / 5000)
    assert x1["amplification_rate_by_followers"] == approx(10 / 1000)
    assert x1["applause_rate_by_followers"] == approx(50 / 1000)
    assert x1["conversation_rate_by_followers"] == approx(6 / 1000)
    r1 = one(loaded_engine, "select * from post_performance where post_id = 'r1'")
    assert r1["amplification_rate_by_followers"] is None
    assert r1["applause_rate_by_followers"] == approx(19 / 100)


def test_engagement_maturity(loaded_engine):
    got = {
        r["post_id"]: r
        for r in rows(
            loaded_engine,
            "select post_id, interactions_24h, interactions_24h_age_hours, interactions_7d,"
            " interactions_7d_age_hours from post_performance",
        )
    }
    # x1 observed at 10 h (14), 47 h (40) and 8 d 2 h (66).
    assert (got["x1"]["interactions_24h"], got["x1"]["interactions_7d"]) == (14, 40)
    assert got["x1"]["interactions_24h_age_hours"] == approx(10)
    assert got["x1"]["interactions_7d_age_hours"] == approx(47)
    # x2 first observed at 25 h: nothing is known at 24 h.
    assert got["x2"]["interactions_24h"] is None
    assert got["x2"]["interactions_7d"] == 6
    # r1 observed at 20 h (12) and 68 h (24).
    assert (got["r1"]["interactions_24h"], got["r1"]["interactions_7d"]) == (12, 24)


def test_labels_come_from_current_labeler(loaded_engine):
    got = {r["post_id"]: r["objective"] for r in rows(loaded_engine, "select post_id, objective from post_performance")}
    assert got["x1"] == "marketing"  # v0 said recruiting; v1 is current
    assert got["x12"] == "unlabeled"  # v1 never labeled it


def test_engagement_weekly(loaded_engine):
    nb = one(
        loaded_engine,
        "select * from engagement_weekly where company = 'northbeam' and channel = 'x'"
        " and objective = 'marketing' and week_start = :w",
        w=W1,
    )
    # x1 (66 interactions, rate 0.066) and x13 (10, rate 0.01); x5 deleted, x3 next week.
    assert nb["posts"] == 2
    assert nb["posts_per_day"] == approx(2 / 7)
    assert nb["interactions"] == 76
    assert nb["interactions_per_post"] == approx(38)
    assert nb["rated_posts"] == 2
    assert nb["engagement_rate_by_followers"] == approx((0.066 + 0.01) / 2)
    assert nb["impression_rated_posts"] == 1
    assert nb["engagement_rate_by_impressions"] == approx(66 / 5000)
    assert nb["interactions_24h_per_post"] == approx((14 + 10) / 2)
    ql = one(
        loaded_engine,
        "select * from engagement_weekly where company = 'quillon' and channel = 'x'"
        " and objective = 'recruiting' and week_start = :w",
        w=W1,
    )
    # x7 has no metrics: counted as a post, not as zero engagement.
    assert (ql["posts"], ql["posts_with_metrics"], ql["rated_posts"]) == (1, 0, 0)
    assert ql["interactions"] is None
    assert ql["engagement_rate_by_followers"] is None


def test_engagement_daily(loaded_engine):
    got = rows(
        loaded_engine,
        "select post_date, posts, interactions from engagement_daily"
        " where company = 'northbeam' and channel = 'x' and objective = 'marketing'"
        " order by post_date",
    )
    assert [(r["post_date"], r["posts"], r["interactions"]) for r in got] == [
        (date(2024, 3, 4), 1, 66),
        (date(2024, 3, 7), 1, 10),
        (date(2024, 3, 11), 1, 20),
    ]
    reddit = rows(loaded_engine, "select sum(posts) as posts from engagement_daily where channel = 'reddit'")
    assert reddit[0]["posts"] == 3  # r1, r2, r4; the comment r3 is not an original post


def _benchmark(engine, channel, objective, metric):
    return one(
        engine,
        "select * from competitor_benchmark where channel = :c and objective = :o"
        " and metric = :m and week_start = :w",
        c=channel, o=objective, m=metric, w=W1,
    )


def test_competitor_benchmark(loaded_engine):
    rate = _benchmark(loaded_engine, "x", "marketing", "engagement_rate_by_followers")
    # northbeam 0.038, quillon 0.02, verdant 0.01.
    assert rate["focus_company"] == "northbeam"
    assert rate["focus_value"] == approx(0.038)
    assert rate["competitor_avg"] == approx(0.015)
    assert rate["landscape_avg"] == approx((0.038 + 0.02 + 0.01) / 3)
    assert rate["focus_vs_competitors"] == approx(0.038 / 0.015)
    assert rate["competitors"] == 2
    frequency = _benchmark(loaded_engine, "x", "recruiting", "posts_per_day")
    # northbeam 1, quillon 1, verdant 0 recruiting posts that week: a silent week counts as 0.
    assert frequency["focus_value"] == approx(1 / 7)
    assert frequency["competitor_avg"] == approx(1 / 14)
    assert frequency["landscape_avg"] == approx(2 / 21)
    unknown = _benchmark(loaded_engine, "x", "recruiting", "engagement_rate_by_followers")
    # quillon's only recruiting post has no metrics, verdant none: no competitor rate at all.
    assert unknown["competitor_avg"] is None
    assert unknown["competitors_with_value"] == 0
    assert unknown["landscape_avg"] == approx(0.006)
    pooled = _benchmark(loaded_engine, "x", "all", "engagement_rate_by_followers")
    # northbeam's four original posts that week: x1, x2, x12, x13.
    assert pooled["focus_value"] == approx((0.066 + 0.006 + 0.002 + 0.01) / 4)
    reddit = _benchmark(loaded_engine, "reddit", "marketing", "engagement_rate_by_followers")
    # verdant has no Reddit presence (no tracked account, no owned post): not a participant.
    assert reddit["competitors"] == 1
    assert reddit["focus_value"] == approx(50 / 10000)
    assert reddit["competitor_avg"] == approx(0)
    assert reddit["focus_vs_competitors"] is None  # division by a zero average


def test_share_of_voice(loaded_engine):
    got = {
        r["company"]: r
        for r in rows(
            loaded_engine,
            "select * from share_of_voice where channel = 'x' and objective = 'marketing'"
            " and week_start = :w",
            w=W1,
        )
    }
    # Mentions: northbeam x1, x13, x9; quillon x6, x9; verdant x8 (x5 deleted, x11 nobody's).
    assert {c: r["mentions"] for c, r in got.items()} == {"northbeam": 3, "quillon": 2, "verdant": 1}
    assert got["northbeam"]["mention_share"] == approx(3 / 6)
    assert got["verdant"]["mention_share"] == approx(1 / 6)
    assert got["northbeam"]["earned_mentions"] == 1
    assert got["northbeam"]["earned_mention_share"] == approx(1 / 2)
    # Interactions: northbeam 66 + 10 + 4, quillon 10 + 4, verdant 4.
    assert got["northbeam"]["interactions"] == 80
    assert got["northbeam"]["interaction_share"] == approx(80 / 98)
    assert got["northbeam"]["competitor_avg_mention_share"] == approx((2 / 6 + 1 / 6) / 2)
    assert got["northbeam"]["landscape_avg_mention_share"] == approx(1 / 3)
    assert got["northbeam"]["competitor_avg_interaction_share"] == approx((14 / 98 + 4 / 98) / 2)
    recruiting = {
        r["company"]: r
        for r in rows(
            loaded_engine,
            "select * from share_of_voice where channel = 'x' and objective = 'recruiting'"
            " and week_start = :w",
            w=W1,
        )
    }
    # verdant is silent but present with 0, so the averages are over all three companies.
    assert recruiting["verdant"]["mentions"] == 0
    assert recruiting["quillon"]["mention_share"] == approx(2 / 3)
    assert recruiting["quillon"]["interactions"] == 1  # x7 unknown, x10 1
    assert recruiting["northbeam"]["interaction_share"] == approx(6 / 7)


def test_objective_mix(loaded_engine):
    got = {
        r["objective"]: r
        for r in rows(
            loaded_engine,
            "select * from objective_mix where company = 'northbeam' and channel = 'x'"
            " and week_start = :w",
            w=W1,
        )
    }
    # x1, x13 marketing; x2 recruiting; x12 unlabeled; the reply x4 and deleted x5 excluded.
    assert {o: r["posts"] for o, r in got.items()} == {"marketing": 2, "recruiting": 1, "unlabeled": 1}
    assert got["marketing"]["share_of_posts"] == approx(0.5)
    assert got["recruiting"]["company_posts"] == 4


def test_best_time_to_post_utc_and_local(loaded_engine):
    got = rows(
        loaded_engine,
        "select clock, time_zone, weekday, weekday_name, hour, posts, engagement_rate_by_followers"
        " from best_time_to_post where company = 'northbeam' and channel = 'x'"
        " and objective = 'marketing' order by clock, weekday, hour",
    )
    slots = [(r["clock"], r["weekday_name"], r["hour"], r["posts"]) for r in got]
    # x1 Mon 10:00, x13 Thu 10:00, x3 Mon 23:30 UTC; Berlin is UTC+1 in March, so x3 is
    # Tuesday 00:30 there.
    assert slots == [
        ("local", "Mon", 11, 1), ("local", "Tue", 0, 1), ("local", "Thu", 11, 1),
        ("utc", "Mon", 10, 1), ("utc", "Mon", 23, 1), ("utc", "Thu", 10, 1),
    ]
    assert {r["time_zone"] for r in got if r["clock"] == "local"} == {"Europe/Berlin"}
    assert got[0]["engagement_rate_by_followers"] == approx(0.066)


def test_top_posts(loaded_engine):
    got = rows(
        loaded_engine,
        "select post_id, company, landscape_rank, company_rank from top_posts"
        " where channel = 'x' and objective = 'marketing' order by landscape_rank",
    )
    # Rates: x1 .066, x6 .02, then x3, x13, x8 all .01 -> more interactions first (20, 10, 4).
    assert [(r["post_id"], r["landscape_rank"]) for r in got] == [
        ("x1", 1), ("x6", 2), ("x3", 3), ("x13", 4), ("x8", 5),
    ]
    assert {r["post_id"]: r["company_rank"] for r in got if r["company"] == "northbeam"} == {
        "x1": 1, "x3": 2, "x13": 3,
    }
    recruiting = rows(
        loaded_engine,
        "select post_id, landscape_rank from top_posts where channel = 'x' and objective = 'recruiting'"
        " order by landscape_rank",
    )
    assert [r["post_id"] for r in recruiting] == ["x2", "x7"]  # unknown rate ranks last


def test_message_consistency_view(loaded_engine):
    got = {
        (r["company"], r["channel"]): r
        for r in rows(loaded_engine, "select * from message_consistency where period_kind = 'all'")
    }
    nb = got[("northbeam", "x")]
    assert (nb["marketing_posts"], nb["recruiting_posts"]) == (3, 1)
    assert 0 < nb["similarity"] < 1
    assert nb["consistency_index"] == approx(nb["similarity"] / nb["baseline_similarity"])
    assert nb["top_shared_terms"] == "data, pipelines"
    words = (nb["top_marketing_terms"] + ", " + nb["top_recruiting_terms"]).split(", ")
    assert "northbeam" not in words  # the brand name in both sets is not a shared message
    assert "lifeatnorthbeam" in nb["top_recruiting_terms"]  # the careers hashtag is a real signal
    # quillon's two posts share no word at all.
    assert got[("quillon", "x")]["similarity"] == 0
    assert got[("quillon", "x")]["reading"] == "posts share no words"
    assert got[("verdant", "x")]["reading"] == "not enough posts"
    terms = rows(
        loaded_engine,
        "select term, kind, term_rank from message_consistency_terms where company = 'quillon'"
        " and channel = 'x' and period_kind = 'all' and kind = 'marketing' order by term_rank",
    )
    assert [t["term"] for t in terms] == ["banks", "platform", "security"]
