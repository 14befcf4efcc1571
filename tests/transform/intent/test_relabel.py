from datetime import UTC, datetime

import pandas as pd
import pytest

from models.warehouse import append, create_schema, make_engine, read_frame
from transform.intent.registry import current_labeler, set_current_labeler
from transform.intent.relabel import relabel_history
from transform.intent.rules import KeywordRules


@pytest.fixture()
def engine(tmp_path):
    engine = make_engine(f"duckdb:///{tmp_path / 'w.duckdb'}")
    create_schema(engine)
    now = datetime(2025, 1, 1, tzinfo=UTC)
    posts = pd.DataFrame(
        {
            "channel": ["x", "x", "reddit", "x", "reddit"],
            "post_id": ["1", "2", "a", "3", "b"],
            "company": "northbeam",
            "author_type": ["owned", "owned", "earned", "owned", "earned"],
            "account_handle": ["northbeam", "northbeamjobs", "someone", "northbeam", "else"],
            "created_at": now,
            "title": [None, None, "Offer from Northbeam", None, None],
            "text": ["New release is out", "Come work with us", "is the salary fair?", "Webinar Thursday", "meh"],
            "is_reply": False,
            "is_repost": False,
            "is_quote": False,
            "is_deleted": False,
            "last_batch_id": "b",
            "last_fetched_at": now,
        }
    )
    with engine.begin() as conn:
        append(conn, "posts", posts)
    yield engine
    engine.dispose()


def _labels(engine):
    with engine.connect() as conn:
        return read_frame(conn, "select * from post_labels order by channel, post_id, labeler_version")


def test_relabel_labels_every_post_in_pages_and_makes_the_version_current(engine, tiny_labeler):
    assert relabel_history(engine, None, KeywordRules(), batch_size=2) == 5
    assert relabel_history(engine, None, tiny_labeler, batch_size=2) == 5
    labels = _labels(engine)
    assert len(labels) == 10, "both versions' labels are kept"
    assert labels.groupby("labeler_version").size().to_dict() == {"rules-v0": 5, "test-v1": 5}
    with engine.connect() as conn:
        assert current_labeler(conn) == "test-v1"
        flags = read_frame(conn, "select labeler_version, is_current from labelers order by 1")
    assert flags["is_current"].tolist() == [False, True]


def test_relabel_twice_is_idempotent(engine):
    relabel_history(engine, None, KeywordRules())
    relabel_history(engine, None, KeywordRules())
    assert len(_labels(engine)) == 5


def test_recruiting_handle_from_config_reaches_the_labels(engine, tiny_labeler):
    from crosstalk.config import load_settings

    relabel_history(engine, load_settings(), tiny_labeler)
    labels = _labels(engine).set_index("post_id")
    assert labels.loc["2", "objective"] == "recruiting"  # posted by @northbeamjobs


def test_set_current_labeler_registers_once(engine):
    with engine.begin() as conn:
        set_current_labeler(conn, "v1")
        set_current_labeler(conn, "v2")
        set_current_labeler(conn, "v1")
        rows = read_frame(conn, "select labeler_version, is_current from labelers order by 1")
    assert rows.values.tolist() == [["v1", True], ["v2", False]]
