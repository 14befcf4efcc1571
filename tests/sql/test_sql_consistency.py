"""Message consistency: the pure scoring on tiny frames, then the warehouse round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest

from tests.sql import sql_dataset
from tests.sql.sql_dataset import rows
from transform.consistency import clean_text, compute_message_consistency, consistency_frames

SETTINGS = sql_dataset.SETTINGS


def _docs(company: str, marketing: list[str], recruiting: list[str], day: int = 4) -> pd.DataFrame:
    texts = [("marketing", t) for t in marketing] + [("recruiting", t) for t in recruiting]
    return pd.DataFrame(
        {
            "channel": "x",
            "company": company,
            "created_at": datetime(2024, 3, day, 12, tzinfo=UTC),
            "title": float("nan"),  # how pandas delivers a missing title
            "text": text,
            "objective": objective,
            "labeler_version": "v1",
        }
        for objective, text in texts
    )


def _all_period(scores: pd.DataFrame, company: str) -> pd.Series:
    found = scores[(scores["company"] == company) & (scores["period_kind"] == "all")]
    assert len(found) == 1
    return found.iloc[0]


def test_clean_text_removes_links_handles_and_own_names():
    cleaned = clean_text(
        "Northbeam Analytics @northbeamjobs see https://x.example/a r/northbeam #LifeAtNorthbeam",
        ["northbeam analytics", "northbeam"],
    )
    assert cleaned.split() == ["see", "lifeatnorthbeam"]


def test_same_words_score_one_and_disjoint_words_zero():
    same = ["data pipelines for analytics", "faster data pipelines", "analytics dashboards"]
    docs = pd.concat([
        _docs("northbeam", same, same),
        _docs("quillon", ["security platform banks"] * 3, ["barbecue ping pong"] * 3),
    ])
    scores, terms = consistency_frames(docs, SETTINGS, permutations=10)
    assert _all_period(scores, "northbeam")["similarity"] == pytest.approx(1.0)
    assert _all_period(scores, "quillon")["similarity"] == pytest.approx(0.0)
    assert _all_period(scores, "quillon")["consistency_index"] == pytest.approx(0.0)
    terms = terms[terms["period_kind"] == "all"]
    shared = terms[(terms["company"] == "northbeam") & (terms["kind"] == "shared")]
    assert set(shared["term"]) == {"data", "pipelines", "analytics", "faster", "dashboards"}
    assert "nan" not in set(terms["term"])
    divergent = terms[(terms["company"] == "quillon") & (terms["kind"] == "recruiting")]
    assert list(divergent["term"]) == ["barbecue", "ping", "pong"]  # equal weights: alphabetical


def test_index_separates_one_voice_from_split_personality():
    # One voice: both objectives draw on the same story (data work), with a few own words.
    one_voice = _docs(
        "northbeam",
        ["our data platform helps analysts", "data quality for analysts", "analysts trust our data platform"],
        ["join the data platform team", "analysts wanted for data quality", "hiring engineers for our data platform"],
    )
    # Split personality: expertise for clients, barbecue for candidates.
    split = _docs(
        "quillon",
        ["security audits for banks", "compliance platform for banks", "security compliance whitepaper"],
        ["barbecue friday photos", "ping pong tournament fun", "we are hiring cool people barbecue"],
    )
    scores, _ = consistency_frames(pd.concat([one_voice, split]), SETTINGS, permutations=50)
    voice, torn = _all_period(scores, "northbeam"), _all_period(scores, "quillon")
    assert voice["consistency_index"] > 0.6
    assert torn["consistency_index"] < 0.2
    assert voice["baseline_similarity"] > voice["similarity"] * 0.5  # baseline is comparable


def test_too_few_posts_give_a_row_without_a_score():
    scores, terms = consistency_frames(
        _docs("verdant", ["recycling logistics", "greener freight", "route planning"], ["hiring drivers"]),
        SETTINGS,
    )
    row = _all_period(scores, "verdant")
    assert (row["marketing_posts"], row["recruiting_posts"]) == (3, 1)
    assert row["similarity"] is None and row["consistency_index"] is None
    assert terms.empty


def test_months_are_scored_separately():
    docs = pd.concat([
        _docs("northbeam", ["data"] * 3, ["data"] * 3, day=4),
        _docs("northbeam", ["data"] * 3, ["hiring"] * 3, day=4).assign(
            created_at=datetime(2024, 4, 2, tzinfo=UTC)
        ),
    ])
    scores, _ = consistency_frames(docs, SETTINGS, permutations=5)
    months = scores[scores["period_kind"] == "month"].set_index("period_start")
    assert list(months.index.astype(str)) == ["2024-03-01", "2024-04-01"]
    assert months["similarity"].tolist() == pytest.approx([1.0, 0.0])
    assert str(months.loc[months.index[1], "period_end"]) == "2024-04-30"


def test_warehouse_round_trip_is_idempotent(empty_engine):
    sql_dataset.load(empty_engine)
    first = compute_message_consistency(empty_engine, SETTINGS, min_posts=1, permutations=5)
    second = compute_message_consistency(empty_engine, SETTINGS, min_posts=1, permutations=5)
    assert first == second == 10  # 5 company × channel pairs × ('all' + one month)
    stored = rows(empty_engine, "select * from consistency_scores order by company, channel, period_kind")
    assert len(stored) == 10
    terms = {r["term"] for r in rows(empty_engine, "select term from consistency_terms")}
    # Deleted (x5 'launch'), reply (x4 'thanks') and earned (x9 'comparing') posts are not the
    # company's voice; 'unlabeled' x12 ('happy') has no objective to compare.
    assert not terms & {"launch", "thanks", "comparing", "happy", "wednesday"}
    nb = [r for r in stored if r["company"] == "northbeam" and r["channel"] == "x"]
    assert {r["labeler_version"] for r in nb} == {"v1"}
    assert all(r["marketing_posts"] == 3 and r["recruiting_posts"] == 1 for r in nb)
