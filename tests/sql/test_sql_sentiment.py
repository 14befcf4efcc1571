"""earned_sentiment: customer / candidate / public sentiment about each company, checked by hand."""

from __future__ import annotations

import pytest

from tests.sql.sql_dataset import rows

# Earned posts in the dataset: x9 (mentions northbeam and quillon, marketing, +0.6 positive),
# x10 (quillon, recruiting, -0.5 negative), r5 (verdant, other, 0.0 neutral); x11 mentions nobody.
EXPECTED = {
    ("northbeam", "x", "customer"): (1, 0.6, 1.0, 0.0, 1.0),
    ("quillon", "x", "customer"): (1, 0.6, 1.0, 0.0, 1.0),
    ("quillon", "x", "candidate"): (1, -0.5, 0.0, 1.0, -1.0),
    ("verdant", "reddit", "public"): (1, 0.0, 0.0, 0.0, 0.0),
}


def test_earned_sentiment_by_voice(loaded_engine):
    found = rows(loaded_engine, "select * from earned_sentiment order by company, channel, voice")
    assert {(r["company"], r["channel"], r["voice"]) for r in found} == set(EXPECTED)
    for r in found:
        posts, score, positive, negative, net = EXPECTED[(r["company"], r["channel"], r["voice"])]
        assert r["earned_posts"] == posts and r["scored_posts"] == posts
        assert r["avg_sentiment_score"] == pytest.approx(score)
        assert r["share_positive"] == pytest.approx(positive)
        assert r["share_negative"] == pytest.approx(negative)
        assert r["net_sentiment"] == pytest.approx(net)
        assert str(r["week_start"]) == "2024-03-04"
