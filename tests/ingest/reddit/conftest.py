"""Offline Reddit: the real praw.Reddit against `responses`, bodies from praw's recorded cassettes."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
import responses

from crosstalk.config import parse_settings
from ingest.base import FetchContext, Window
from ingest.credentials import RedditCredentials, Secret
from ingest.reddit import RedditLiveSource

OAUTH = "https://oauth.reddit.com"
TOKEN_URL = "https://www.reddit.com/api/v1/access_token"
CLIENT_ID = "cid-test-3b9f21a7"
CLIENT_SECRET = "csecret-test-do-not-log-8e41d0c2"
WINDOW = Window(datetime(2016, 12, 22, tzinfo=UTC), datetime(2016, 12, 23, tzinfo=UTC))


class Cassette:
    """The GET interactions of one praw cassette, by path (body text exactly as recorded)."""

    def __init__(self, fixtures: Path, name: str) -> None:
        data = json.loads((fixtures / "praw" / f"{name}.json").read_text())
        self.interactions = data["interactions"]

    def body(self, path: str, nth: int = 0) -> str:
        """The body of the nth GET whose URI path ends with `path`."""
        hits = [i for i in self.interactions
                if i["request"]["method"] == "GET" and i["request"]["uri"].split("?")[0].rstrip("/").endswith(path)]
        return hits[nth]["response"]["body"]["string"]

    def token_body(self) -> str:
        """The recorded access-token response (placeholders, no real credentials)."""
        return next(i["response"]["body"]["string"] for i in self.interactions if i["request"]["method"] == "POST")


def reply(body: str, status: int = 200, **headers: str) -> responses.Response:
    """A `responses` entry (its URL is set by `serve`)."""
    return responses.Response(method="GET", url="", body=body, status=status, headers=headers,
                              content_type="application/json; charset=UTF-8")


def _serve(mock: responses.RequestsMock, path_regex: str, *replies: responses.Response) -> None:
    pattern = re.compile(rf"{re.escape(OAUTH)}/{path_regex}/?(\?.*)?$")
    for r in replies:
        r.url = pattern
        mock.add(r)


@pytest.fixture
def cassette(fixtures_dir: Path):
    """cassette("TestSubreddit.test_search") -> its recorded responses."""
    return lambda name: Cassette(fixtures_dir, name)


@pytest.fixture
def serve():
    """serve(api, r"r/\\w+/new", reply, ...): replies in order for matching GETs (last repeats)."""
    return _serve


@pytest.fixture
def reply_with():
    """reply_with(body, status=200, **headers) -> a `responses` entry."""
    return reply


@pytest.fixture
def rd():
    """Constants tests compare against."""
    return SimpleNamespace(CLIENT_ID=CLIENT_ID, CLIENT_SECRET=CLIENT_SECRET, WINDOW=WINDOW, TOKEN_URL=TOKEN_URL)


@pytest.fixture
def api(cassette):
    """`responses` for every HTTP call, with the OAuth token endpoint answering; no network."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.POST, TOKEN_URL, body=cassette("TestSubredditListings.test_new").token_body(),
                 content_type="application/json")
        yield mock


@pytest.fixture
def source() -> RedditLiveSource:
    """The live source over a real read-only praw.Reddit, built the production way."""
    creds = RedditCredentials(Secret(CLIENT_ID), Secret(CLIENT_SECRET), user_agent="python:crosstalk-tests:0.1",
                              origin="test")
    return RedditLiveSource.from_credentials(creds)


def make_settings(**reddit: object):
    """One company watching `reddit` (accounts/subreddits/search_queries); no overlap by default."""
    return parse_settings({
        "focus": "acme",
        "companies": [{"key": "acme", "name": "Acme Corp", "reddit": reddit}],
        "channels": {"reddit": {"search_overlap_hours": 0, "search_subreddits": ["all"]}},
    })


@pytest.fixture
def context():
    """context(window=WINDOW, **reddit) -> a FetchContext for a one-company config."""
    def build(window: Window = WINDOW, *, cursors=None, overlap_hours: int = 0, refresh_ids=(),
              request_budget=None, companies=None, **reddit: object) -> FetchContext:
        settings = make_settings(**reddit)
        if overlap_hours:
            settings = settings.model_copy(update={"channels": settings.channels.model_copy(update={
                "reddit": settings.channels.reddit.model_copy(update={"search_overlap_hours": overlap_hours})})})
        return FetchContext(window=window, settings=settings, cursors=cursors or {},
                            refresh_ids=list(refresh_ids), request_budget=request_budget, companies=companies)
    return build
