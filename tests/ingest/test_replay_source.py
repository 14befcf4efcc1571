"""The replay source reads every recording format and never lands a credential exchange."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml

from ingest.replay import ReplaySource, endpoint_of
from ingest.replay.recordings import RecordingError, read_recordings

BODY = {"data": [{"id": "1", "text": "hello", "created_at": "2026-11-20T10:00:00.000Z"}]}


def test_bare_body(tmp_path: Path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps(BODY))
    (rec,) = read_recordings(path)
    assert json.loads(rec.body) == BODY and rec.status_code == 200 and rec.url is None


def test_url_status_headers_body_object(fixtures_dir):
    path = fixtures_dir / "x_v2_full/v2_responses/users__956624418__tweets-d24b15.json"
    doc = json.loads(path.read_text())
    (rec,) = read_recordings(path)
    assert rec.body == doc["body"] if isinstance(doc["body"], str) else json.loads(rec.body) == doc["body"]
    assert rec.status_code == 200 and rec.url == doc["url"]
    assert rec.recorded_at is not None and rec.recorded_at.year == 2021
    assert "x-connection-hash" not in rec.headers and "x-rate-limit-reset" in rec.headers


def test_vcr_json_cassette_skips_the_oauth_token_exchange(fixtures_dir):
    path = fixtures_dir / "praw/TestSubredditListings.test_new.json"
    recs = read_recordings(path)
    assert recs and all("access_token" not in (r.url or "") for r in recs)
    assert all("<ACCESS_TOKEN>" not in r.body for r in recs)


def test_vcr_yaml_cassette_with_gzip_bytes(tmp_path: Path):
    cassette = {"interactions": [{
        "request": {"method": "GET", "uri": "https://api.twitter.com/2/tweets/search/recent?query=x&bearer=no"},
        "response": {"status": {"code": 200, "message": "OK"},
                     "headers": {"Content-Encoding": ["gzip"], "Date": ["Sun, 19 Dec 2021 20:49:17 GMT"]},
                     "body": {"string": gzip.compress(json.dumps(BODY).encode())}},
    }], "version": 1}
    path = tmp_path / "cassette.yaml"
    path.write_text(yaml.dump(cassette))
    (rec,) = read_recordings(path)
    assert json.loads(rec.body) == BODY
    pages = list(ReplaySource("x", [path]).pages())
    assert pages[0].request.endpoint == "tweets/search/recent"
    assert "bearer" not in pages[0].request.params and "bearer" not in (pages[0].url or "")


def test_not_a_recording_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "notes.yaml"
    path.write_text("just a sentence")
    with pytest.raises(RecordingError, match="not a recorded API response"):
        read_recordings(path)


@pytest.mark.parametrize(("channel", "url", "endpoint", "account"), [
    ("x", "https://api.twitter.com/2/users/956624418/tweets?max_results=100", "users/:id/tweets", "956624418"),
    ("x", "https://api.twitter.com/2/tweets/search/all?query=a", "tweets/search/all", None),
    ("x", "https://api.twitter.com/2/tweets/123/liking_users", "tweets/:id/liking_users", None),
    ("reddit", "https://oauth.reddit.com/r/askreddit/new?limit=100", "r/:subreddit/new", "askreddit"),
    ("reddit", "https://oauth.reddit.com/user/spez/submitted", "user/:name/submitted", "spez"),
    ("reddit", "https://oauth.reddit.com/comments/98vj9e/_/e4j4830?context=100", "comments/:id/:slug/:comment", None),
])
def test_endpoint_templates(channel, url, endpoint, account):
    assert endpoint_of(channel, url) == (endpoint, account)


def test_folder_expansion_lands_every_get(fixtures_dir):
    source = ReplaySource("reddit", [fixtures_dir / "praw"])
    pages = list(source.pages())
    assert len(pages) == source.stats.requests_spent > 20
    assert all(p.request.channel == "reddit" and p.fetched_at.tzinfo is not None for p in pages)
