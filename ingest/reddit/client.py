"""HTTP for Reddit through praw: praw authenticates and rate-limits, a tap keeps the raw bodies.

praw parses every response before handing it back, so the raw text is taken one level lower:
`TappedRequestor` (a ``prawcore.Requestor``, installed through praw's documented
``requestor_class`` hook) records each API response as it arrives and spends one unit of the
run's budget per request. Token exchanges go to ``www.reddit.com`` and are never recorded.
There is no retry loop here: prawcore already retries 5xx/connection errors and paces requests
from the ``x-ratelimit-*`` headers; a second loop would multiply its waits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import praw
import prawcore
import requests

from ingest.base import RawPage, Request, utcnow
from ingest.credentials import REDDIT_CONNECTION, RedditCredentials, redact_library_logs
from ingest.errors import (
    BudgetExhausted,
    RepeatedPageToken,
    RequestBudget,
    classify_exception,
    to_fetch_error,
)
from ingest.reddit import settings as rs

log = logging.getLogger(__name__)


@dataclass
class Tap:
    """What the requestor records for the current run: API responses and the request budget."""

    budget: RequestBudget = field(default_factory=lambda: RequestBudget(None))
    responses: list[requests.Response] = field(default_factory=list)


class TappedRequestor(prawcore.Requestor):
    """A prawcore requestor that records API responses and charges the budget per request."""

    def __init__(self, *args: Any, tap: Tap, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tap = tap

    def request(self, *args: Any, timeout: float | None = None, **kwargs: Any) -> requests.Response:
        """Send one request; API requests are charged to the budget and recorded."""
        # prawcore calls request(method, url, ...) for API calls and token exchanges alike.
        url = str(args[1]) if len(args) > 1 else str(kwargs.get("url", ""))
        is_api = url.startswith(self.oauth_url)  # the token endpoint lives on reddit_url
        if is_api:
            self.tap.budget.take()  # raises BudgetExhausted before anything is sent
        response = super().request(*args, timeout=timeout, **kwargs)
        if is_api:
            self.tap.responses.append(response)
        return response


def build_reddit(credentials: RedditCredentials, tap: Tap) -> praw.Reddit:
    """A read-only `praw.Reddit` (application-only OAuth) whose requestor feeds `tap`."""
    redact_library_logs(credentials.secrets(), rs.LIBRARY_LOGGERS)
    reddit = praw.Reddit(
        client_id=credentials.client_id.reveal(),
        client_secret=credentials.client_secret.reveal(),
        user_agent=credentials.user_agent,
        check_for_updates=False,  # otherwise praw calls PyPI on start-up
        requestor_class=TappedRequestor,
        requestor_kwargs={"tap": tap},
    )
    reddit.read_only = True
    return reddit


def safe_headers(response: requests.Response) -> dict[str, str]:
    """Only the response headers worth landing (rate limits, date, content type)."""
    return {k.lower(): v for k, v in response.headers.items() if k.lower() in rs.SAFE_HEADERS}


def to_raw_page(response: requests.Response, request: Request, cursor: tuple[str, str] | None = None) -> RawPage:
    """One landed page: the body as received (UTF-8), what was asked, when, which headers."""
    url = response.url or ""
    return RawPage(
        request=Request(
            channel="reddit",
            endpoint=request.endpoint,
            stream=request.stream,
            params=dict(parse_qsl(urlsplit(url).query, keep_blank_values=True)),
            company=request.company,
            account=request.account,
        ),
        status_code=response.status_code,
        body=response.content.decode("utf-8", errors="replace"),
        fetched_at=utcnow(),
        url=url,  # the OAuth token travels in a header, never in the URL
        headers=safe_headers(response),
        cursor=cursor,
    )


@dataclass
class Listing:
    """A fetched response and the JSON praw parsed from it."""

    response: requests.Response
    body: Any

    @property
    def children(self) -> list[dict[str, Any]]:
        """The things of a Listing (`kind` + `data`), an empty list for anything else."""
        data = self.body.get("data") if isinstance(self.body, dict) else None
        children = data.get("children") if isinstance(data, dict) else None
        return [c for c in children if isinstance(c, dict)] if isinstance(children, list) else []

    @property
    def after(self) -> str | None:
        """The fullname to page after, or None on the last page."""
        data = self.body.get("data") if isinstance(self.body, dict) else None
        after = data.get("after") if isinstance(data, dict) else None
        return str(after) if after else None


class RedditApi:
    """GET requests through praw, returning each raw response with its parsed body."""

    def __init__(self, reddit: praw.Reddit, tap: Tap, *, connection: str = REDDIT_CONNECTION) -> None:
        self.reddit = reddit
        self.tap = tap
        self.connection = connection

    def get(self, endpoint: str, path: str, params: Mapping[str, Any] | None = None) -> Listing:
        """One GET; praw authenticates, paces and retries. Failures become `FetchError`s."""
        if self.tap.budget.exhausted:
            # Refuse here, before praw's rate limiter might sleep for a request never sent.
            raise BudgetExhausted(f"request budget of {self.tap.budget.limit} spent")
        self.tap.responses.clear()
        try:
            body = self.reddit.request(method="GET", path=path, params=dict(params or {}))
        except BudgetExhausted:
            raise
        except Exception as exc:
            outcome = classify_exception(exc, utcnow())
            raise to_fetch_error(
                exc, outcome, endpoint=endpoint, connection=self.connection,
                attempts=max(1, len(self.tap.responses)),
            ) from exc
        return Listing(self.tap.responses[-1], body)

    def listing(self, endpoint: str, path: str, params: Mapping[str, Any]) -> Iterator[Listing]:
        """Every page of a Listing, following `after`; refuses an `after` seen before. The caller
        stops early by closing the iterator (once it has gone back far enough)."""
        after: str | None = None
        followed: set[str] = set()
        while True:
            page = self.get(endpoint, path, {**params, **({"after": after} if after else {})})
            yield page
            following = page.after
            if following is None or not page.children:
                return
            if following in followed:
                raise RepeatedPageToken(
                    f"{endpoint} returned after={following!r} a second time; stopping instead of looping",
                    endpoint=endpoint,
                )
            followed.add(following)
            after = following
