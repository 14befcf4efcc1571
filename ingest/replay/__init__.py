"""The `replay` source: recorded API responses landed through exactly the live path.

Useful for tests and for users re-processing archived API dumps: each file becomes one batch
(keyed by its content hash, so replaying the same file twice changes nothing).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ingest.base import Channel, FetchContext, FetchStats, RawPage, Request
from ingest.replay.recordings import Recorded, RecordingError, expand_paths, read_recordings

__all__ = ["ReplaySource", "RecordingError", "expand_paths", "file_batch_id", "endpoint_of"]

_SECRET_PARAM = re.compile(r"(?i)token|secret|password|signature|api_?key|client_id|bearer|auth")
_ID = re.compile(r"^\d+$")
_OWNED = {"users/:id/tweets", "user/:name/submitted", "user/:name/overview"}
_MENTIONS = {"tweets/search/recent", "tweets/search/all", "users/:id/mentions", "search", "r/:subreddit/search"}


def endpoint_of(channel: Channel, url: str | None) -> tuple[str, str | None]:
    """The path template of a URL and the account it names, e.g. ('users/:id/tweets', '123')."""
    if not url:
        return "unknown", None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if channel == "x" and parts[:1] == ["2"]:
        parts = parts[1:]
    account = None
    template = []
    for i, part in enumerate(parts):
        prev = parts[i - 1] if i else ""
        if channel == "x" and _ID.match(part):
            template.append(":id")
            account = account or (part if prev == "users" else None)
        elif channel == "reddit" and prev in ("r", "user", "u"):
            template.append(":subreddit" if prev == "r" else ":name")
            account = part
        elif channel == "reddit" and prev == "comments":
            template.append(":id")
        elif channel == "reddit" and i >= 2 and parts[i - 2] == "comments":
            template.append(":slug")
        elif channel == "reddit" and i >= 3 and parts[i - 3] == "comments":
            template.append(":comment")
        else:
            template.append(part)
    return "/".join(template) or "unknown", account


def file_batch_id(channel: Channel, path: Path) -> str:
    """`replay:{channel}:{sha256 of the file's bytes, first 16 hex}`."""
    return f"replay:{channel}:{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}"


class ReplaySource:
    """Yields the responses recorded in files as RawPages (one file or folder list)."""

    source = "replay"

    def __init__(self, channel: Channel, paths: list[Path], company: str | None = None) -> None:
        self.channel = channel
        self.files = expand_paths([Path(p) for p in paths])
        self.company = company  # attribute the dump to this company key (timelines become owned)
        self.stats = FetchStats()

    def _page(self, rec: Recorded, path: Path) -> RawPage:
        endpoint, account = endpoint_of(self.channel, rec.url)
        stream = "replay"
        if self.company and endpoint in _OWNED:
            stream = "owned_posts"
        elif self.company and endpoint in _MENTIONS:
            stream = "mentions"
        query = dict(parse_qsl(urlsplit(rec.url).query)) if rec.url else {}
        params = {k: v for k, v in query.items() if not _SECRET_PARAM.search(k)}
        fetched = rec.recorded_at or datetime.fromtimestamp(path.stat().st_mtime, UTC)
        return RawPage(
            request=Request(self.channel, endpoint, stream, params, self.company, account),
            status_code=rec.status_code,
            body=rec.body,
            fetched_at=fetched.astimezone(UTC),
            url=urlunsplit(urlsplit(rec.url)._replace(query=urlencode(params))) if rec.url else None,
            headers={**rec.headers, "x-crosstalk-replay-file": path.name},
        )

    def pages(self, ctx: FetchContext | None = None) -> Iterator[RawPage]:
        """Every recorded response of every file, in order; the context is not needed."""
        for path in self.files:
            for rec in read_recordings(path):
                if rec.method != "GET":
                    continue  # POSTs (auth, votes, messages) carry no posts to land
                self.stats.requests_spent += 1
                self.stats.account(path.name).fetched += 1
                yield self._page(rec, path)
