"""Landing: raw pages appended as received, cursors committed with the load and never rewound."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from crosstalk.pipeline import batch_id_for, day_window, prepare_warehouse
from ingest.base import FetchContext, FetchStats, RawPage, Request
from ingest.landing import advance, land, read_cursors
from models.warehouse import make_engine, read_frame
from transform.batch import NoCommittedLoad, transform_batch

DAY = day_window(datetime(2026, 11, 20, tzinfo=UTC).date())


def tweet(i: int) -> dict:
    return {"id": str(1000 + i), "text": f"post {i} from Northbeam Analytics", "author_id": "42",
            "created_at": "2026-11-20T10:00:00.000Z",
            "public_metrics": {"like_count": i, "retweet_count": 0, "reply_count": 0, "quote_count": 0}}


class FakeSource:
    """Yields pages, then optionally fails mid-way like a dropped connection."""

    channel = "x"
    source = "fake"

    def __init__(self, bodies: list[dict], fail_after: int | None = None, cursor: str = "1003") -> None:
        self.bodies, self.fail_after, self.cursor = bodies, fail_after, cursor
        self.stats = FetchStats()

    def pages(self, ctx: FetchContext) -> Iterator[RawPage]:
        for i, body in enumerate(self.bodies):
            if self.fail_after is not None and i == self.fail_after:
                raise ConnectionError("connection reset by peer")
            self.stats.requests_spent += 1
            yield RawPage(Request("x", "users/:id/tweets", "owned_posts", {"max_results": 100}, "northbeam", "northbeam"),
                          200, json.dumps(body), datetime(2026, 11, 21, 0, 5, tzinfo=UTC),
                          url="https://api.twitter.com/2/users/42/tweets", cursor=("x:owned:northbeam", self.cursor))


@pytest.fixture
def engine(duckdb_url, settings):
    engine = make_engine(duckdb_url)
    prepare_warehouse(engine, settings)
    return engine


def test_pages_land_verbatim_and_cursor_moves_on_commit(engine, settings):
    body = {"data": [tweet(1), tweet(2)], "meta": {"result_count": 2}}
    batch = batch_id_for("fake", "x", DAY, "northbeam")
    result = land(engine, FakeSource([body]), FetchContext(DAY, settings), batch)
    with engine.connect() as conn:
        raw = read_frame(conn, "select * from raw_responses")
        load = read_frame(conn, "select * from loads").iloc[0]
    assert raw.loc[0, "body"] == json.dumps(body)
    assert raw.loc[0, "interval_start"] == DAY.start and raw.loc[0, "interval_end"] == DAY.end
    assert json.loads(raw.loc[0, "request_params"]) == {"max_results": 100}
    assert load["status"] == "committed" and load["pages"] == 1 and load["requests_spent"] == 1
    assert read_cursors(engine, "fake", "x") == {"x:owned:northbeam": "1003"} == result.cursors


def test_failed_load_keeps_raw_but_moves_no_cursor_and_is_never_transformed(engine, settings):
    batch = batch_id_for("fake", "x", DAY, "northbeam")
    with pytest.raises(ConnectionError):
        land(engine, FakeSource([{"data": [tweet(1)]}, {"data": [tweet(2)]}], fail_after=1),
             FetchContext(DAY, settings), batch)
    with engine.connect() as conn:
        load = read_frame(conn, "select status, error from loads").iloc[0]
    assert load["status"] == "failed" and "connection reset" in load["error"]
    assert read_cursors(engine, "fake", "x") == {}
    with pytest.raises(NoCommittedLoad):
        transform_batch(engine, batch, settings)
    # The retry succeeds and is the only load transform reads.
    land(engine, FakeSource([{"data": [tweet(1)]}, {"data": [tweet(2)]}]), FetchContext(DAY, settings), batch)
    result = transform_batch(engine, batch, settings)
    assert result.normalized == 2 and result.raw_pages == 2


def test_cursors_never_move_backwards():
    assert advance({"k": "200"}, {"k": "150"}) == {}
    assert advance({"k": "200"}, {"k": "250", "new": "5"}) == {"k": "250", "new": "5"}
    assert advance({"k": "1763700000.5"}, {"k": "1763700001.0"}) == {"k": "1763700001.0"}
