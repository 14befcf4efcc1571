"""Real recorded payloads replayed into the warehouse: counts and metric sums equal the payloads'."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosstalk.pipeline import prepare_warehouse, replay_files
from ingest.replay import expand_paths, file_batch_id
from models.warehouse import make_engine, read_frame, table_counts
from tests.payloads import reddit_posts, x_posts

X_DIR = "x_v2_full/v2_responses"
TWEEPY_DIR = "tweepy"  # v2 with default fields only (no created_at, no metrics) and v1.1 statuses
REDDIT_DIR = "praw"


def _metric_sums(engine, batch_id: str) -> dict:
    with engine.connect() as conn:
        return read_frame(conn, "select count(*) as n, sum(likes) as likes, sum(reposts) as reposts, "
                                "sum(replies) as replies, sum(quotes) as quotes, sum(score) as score "
                                "from metric_snapshots where batch_id = :b", {"b": batch_id}).iloc[0].to_dict()


def test_replay_reconciles_with_payloads(warehouse_url, settings, fixtures_dir):
    engine = make_engine(warehouse_url)
    prepare_warehouse(engine, settings)
    x_dirs = [fixtures_dir / X_DIR, fixtures_dir / TWEEPY_DIR]
    x_results = replay_files(engine, settings, "x", x_dirs)
    reddit_results = replay_files(engine, settings, "reddit", [fixtures_dir / REDDIT_DIR])

    for path in expand_paths(x_dirs):
        expected = x_posts(path)
        sums = _metric_sums(engine, file_batch_id("x", path))
        assert sums["n"] == len(expected), path.name
        for column in ("likes", "reposts", "replies", "quotes"):
            values = [t[column] for t in expected.values() if t[column] is not None]
            assert sums[column] == (sum(values) if values else None), (path.name, column)
    for path in expand_paths([fixtures_dir / REDDIT_DIR]):
        expected = reddit_posts(path)
        sums = _metric_sums(engine, file_batch_id("reddit", path))
        assert sums["n"] == len(expected), path.name
        assert (sums["score"] or 0) == sum(p["score"] for p in expected.values()), path.name
        assert (sums["replies"] or 0) == sum(p.get("num_comments") or 0 for p in expected.values()), path.name

    all_x = {i for p in expand_paths(x_dirs) for i in x_posts(p)}
    all_reddit = {i for p in expand_paths([fixtures_dir / REDDIT_DIR]) for i in reddit_posts(p)}
    with engine.connect() as conn:
        counts = read_frame(conn, "select channel, count(*) as n, count(distinct post_id) as d from posts group by channel")
        counts = counts.set_index("channel")
        batches = read_frame(conn, "select * from batches")
    assert counts.loc["x", "n"] == counts.loc["x", "d"] == len(all_x)
    assert counts.loc["reddit", "n"] == counts.loc["reddit", "d"] == len(all_reddit)
    assert (batches["raw_records"] == batches["normalized"] + batches["duplicates"] + batches["quarantined"]).all()
    assert len(x_results) + len(reddit_results) == len(batches)


def test_replaying_the_same_files_again_changes_no_normalized_row(duckdb_url, settings, fixtures_dir):
    engine = make_engine(duckdb_url)
    prepare_warehouse(engine, settings)
    paths = [fixtures_dir / X_DIR, fixtures_dir / REDDIT_DIR / "TestSubmission.test_comments.json"]
    replay_files(engine, settings, "x", paths[:1])
    replay_files(engine, settings, "reddit", paths[1:])
    tables = ["posts", "metric_snapshots", "account_snapshots", "post_labels", "post_mentions", "quarantine"]
    snapshot = {t: _table(engine, t) for t in tables}
    before = table_counts(engine, ["raw_responses", "loads"])
    replay_files(engine, settings, "x", paths[:1])
    replay_files(engine, settings, "reddit", paths[1:])
    for t in tables:
        assert _table(engine, t).equals(snapshot[t]), t
    after = table_counts(engine, ["raw_responses", "loads"])
    assert after["raw_responses"] == 2 * before["raw_responses"]  # raw is append-only: history kept


def _table(engine, name: str):
    with engine.connect() as conn:
        frame = read_frame(conn, f'select * from "{name}"')
    # Timestamps of the transform itself, and lineage to the raw rows of the newest load, change.
    drop = [c for c in ("labeled_at", "quarantined_at", "raw_id") if c in frame]
    frame = frame.drop(columns=drop)
    return frame.sort_values(list(frame.columns[:3])).reset_index(drop=True)


@pytest.mark.parametrize("name", ["x", "reddit"])
def test_replay_attributes_a_dump_to_a_company(duckdb_url, settings, fixtures_dir, name):
    engine = make_engine(duckdb_url)
    prepare_warehouse(engine, settings)
    path = {
        "x": fixtures_dir / X_DIR / "users__1665378883__tweets-d24b15.json",
        "reddit": fixtures_dir / REDDIT_DIR / "TestRedditorListings.test_overview__new.json",
    }[name]
    replay_files(engine, settings, name, [Path(path)], company="quillon")
    with engine.connect() as conn:
        frame = read_frame(conn, "select author_type, company, count(*) as n from posts group by 1, 2")
    assert set(frame["company"]) == {"quillon"}
    if name == "x":
        assert set(frame["author_type"]) == {"owned"}
