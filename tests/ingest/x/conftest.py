"""Offline X API v2: the real tweepy.Client against `responses`, bodies from recorded cassettes."""

from __future__ import annotations

import json
import random
import re
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
import responses

from crosstalk.config import parse_settings
from ingest.base import FetchContext, Window
from ingest.credentials import Secret, XCredentials
from ingest.errors import RetryPolicy
from ingest.x import XLiveSource

API = "https://api.twitter.com/2"
TOKEN = "AAAAAAAAAAAAAAAAAAAAAtest-bearer-token-do-not-log-4f1c9e"
NOW = datetime(2021, 6, 3, 1, 0, tzinfo=UTC)
WINDOW = Window(datetime(2021, 6, 2, tzinfo=UTC), datetime(2021, 6, 3, tzinfo=UTC))
# Only what a page may keep; the cassettes' gzip/length headers would not match a re-served body.
SERVED_HEADERS = ("date", "api-version", "x-rate-limit-limit", "x-rate-limit-remaining",
                  "x-rate-limit-reset", "x-connection-hash", "cache-control")


class Recorded:
    """A recorded X response: its exact body text and headers."""

    def __init__(self, fixtures: Path, name: str) -> None:
        cassette = json.loads((fixtures / "x_v2_full" / "vcr" / f"{name}.json").read_text())
        response = cassette["interactions"][0]["response"]
        self.status = response["status"]["code"]
        self.body = response["body"]["string"]
        self.headers = {k: v[0] for k, v in response["headers"].items() if k in SERVED_HEADERS}
        self.json = json.loads(self.body)

    def response(self, status: int | None = None, **extra_headers: str) -> responses.Response:
        """A `responses` entry serving this body (for any URL registered with it)."""
        return responses.Response(
            method="GET", url="", body=self.body, status=status or self.status,
            headers={**self.headers, **extra_headers}, content_type="application/json; charset=utf-8",
        )


@pytest.fixture
def recorded(fixtures_dir: Path):
    """recorded("users__by-ed3b03") -> the real response of that cassette."""
    return lambda name: Recorded(fixtures_dir, name)


@pytest.fixture
def x_settings():
    """One company whose handles match the recorded users/by body (one of them does not exist)."""
    return parse_settings({
        "focus": "acme",
        "companies": [{"key": "acme", "name": "Acme Corp", "x": {"handles": ["icahdq", "adljfhjsd"]}}],
    })


@pytest.fixture
def sleeps() -> list[float]:
    """Every wait the retry policy asked for (nothing really sleeps)."""
    return []


@pytest.fixture
def source(sleeps: list[float]) -> XLiveSource:
    """The live source over a real tweepy.Client, built the production way; fixed clock."""
    policy = RetryPolicy(sleep=sleeps.append, clock=lambda: NOW, rng=random.Random(7))
    return XLiveSource.from_credentials(XCredentials(Secret(TOKEN), origin="test"), policy=policy)


@pytest.fixture
def ctx(x_settings):
    """A context for the 2021-06-02 window; tests replace fields with dataclasses.replace."""
    return FetchContext(window=WINDOW, settings=x_settings)


@pytest.fixture
def api():
    """`responses` intercepting every HTTP call; an unregistered URL fails (no network)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def _serve(mock: responses.RequestsMock, path_regex: str, *replies: responses.Response) -> None:
    pattern = re.compile(rf"{re.escape(API)}/{path_regex}(\?.*)?$")
    for reply in replies:
        reply.url = pattern
        mock.add(reply)


@pytest.fixture
def serve():
    """serve(api, r"users/by", reply, ...): `replies` in order for GETs matching that path
    (the last one repeats)."""
    return _serve


@pytest.fixture
def x():
    """The constants tests compare against: TOKEN, NOW, WINDOW."""
    return SimpleNamespace(TOKEN=TOKEN, NOW=NOW, WINDOW=WINDOW)
