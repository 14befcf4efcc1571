"""Choosing a source: sample works anywhere; live without credentials names what is missing."""

from __future__ import annotations

import pytest

from crosstalk.sources import UnknownSource, make_source
from ingest.base import ChannelSource
from ingest.credentials import MissingCredentials


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch):
    for var in ("CROSSTALK_X_BEARER_TOKEN", "CROSSTALK_REDDIT_CLIENT_ID", "CROSSTALK_REDDIT_CLIENT_SECRET",
                "CROSSTALK_REDDIT_USER_AGENT", "AIRFLOW_CONN_X_DEFAULT", "AIRFLOW_CONN_REDDIT_DEFAULT",
                "AIRFLOW_CTX_DAG_ID"):
        monkeypatch.delenv(var, raising=False)


@pytest.mark.parametrize(("channel", "connection"), [("x", "x_default"), ("reddit", "reddit_default")])
def test_live_without_credentials_names_the_connection(channel, connection):
    with pytest.raises(MissingCredentials, match=connection):
        make_source("live", channel)


@pytest.mark.parametrize("channel", ["x", "reddit"])
def test_sample_and_replay_need_nothing(channel):
    assert isinstance(make_source("sample", channel), ChannelSource)
    assert isinstance(make_source("replay", channel), ChannelSource)


def test_unknown_source_is_a_clear_error():
    with pytest.raises(UnknownSource, match="use one of sample, live, replay"):
        make_source("twitter-scraper", "x")
