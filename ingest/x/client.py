"""HTTP and paging for X API v2 through `tweepy.Client`: raw responses, retries, budget, tokens.

Every call goes through `XApi.send`, which spends one unit of the run's budget per attempt,
retries what `ingest.errors` calls retryable, and returns the raw `requests.Response`
(the client is built with ``return_type=requests.Response`` so tweepy never parses it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
import tweepy

from ingest.base import RawPage, Request, utcnow
from ingest.credentials import X_CONNECTION, XCredentials, redact_library_logs
from ingest.errors import (
    RepeatedPageToken,
    RequestBudget,
    RequestRejected,
    RetryPolicy,
    call_with_retries,
)
from ingest.x import settings as xs


def build_client(credentials: XCredentials) -> tweepy.Client:
    """An app-only `tweepy.Client` returning raw responses; its loggers redact the token."""
    redact_library_logs(credentials.secrets(), xs.LIBRARY_LOGGERS)
    return tweepy.Client(
        bearer_token=credentials.bearer_token.reveal(),
        return_type=requests.Response,
        # Rate limits are handled once, in ingest.errors, with an injectable sleep.
        wait_on_rate_limit=False,
    )


def safe_headers(response: requests.Response) -> dict[str, str]:
    """Only the response headers worth landing (rate limits, date, content type)."""
    return {k.lower(): v for k, v in response.headers.items() if k.lower() in xs.SAFE_HEADERS}


def query_params(url: str) -> dict[str, str]:
    """The query string of a request URL as a dict (X sends credentials in a header only)."""
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def to_raw_page(
    response: requests.Response, request: Request, cursor: tuple[str, str] | None = None
) -> RawPage:
    """One landed page: the body byte-for-byte (UTF-8), what was asked, when, which headers."""
    url = response.url or ""
    return RawPage(
        request=Request(
            channel=request.channel,
            endpoint=request.endpoint,
            stream=request.stream,
            params=query_params(url),
            company=request.company,
            account=request.account,
        ),
        status_code=response.status_code,
        body=response.content.decode("utf-8", errors="replace"),
        fetched_at=utcnow(),
        url=url,  # the bearer token travels in a header, never in the URL
        headers=safe_headers(response),
        cursor=cursor,
    )


@dataclass
class Page:
    """A fetched response and its parsed JSON body (parsed only to steer paging and stats)."""

    response: requests.Response
    body: dict[str, Any]

    @property
    def data(self) -> list[dict[str, Any]]:
        """The `data` items (an empty list when absent or a single object)."""
        data = self.body.get("data")
        if isinstance(data, list):
            return data
        return [data] if isinstance(data, dict) else []

    @property
    def errors(self) -> list[dict[str, Any]]:
        """Partial errors: deleted, protected, suspended or unknown resources."""
        errors = self.body.get("errors")
        return errors if isinstance(errors, list) else []

    @property
    def next_token(self) -> str | None:
        """The token of the next page, or None on the last one."""
        meta = self.body.get("meta")
        token = meta.get("next_token") if isinstance(meta, dict) else None
        return str(token) if token else None

    @property
    def is_last(self) -> bool:
        """No further page: no next_token, or an empty page (X may send a token with none)."""
        return self.next_token is None or not self.data


class XApi:
    """The four X endpoints Crosstalk reads, each returning parsed `Page`s of raw responses."""

    def __init__(
        self,
        client: tweepy.Client,
        *,
        budget: RequestBudget,
        policy: RetryPolicy,
        connection: str = X_CONNECTION,
    ) -> None:
        self.client = client
        self.budget = budget
        self.policy = policy
        self.connection = connection

    def send(self, endpoint: str, call: Callable[[], requests.Response]) -> Page:
        """One request with retries; each attempt spends budget. The body must be JSON."""
        response = call_with_retries(
            call,
            endpoint=endpoint,
            connection=self.connection,
            policy=self.policy,
            before_attempt=self.budget.take,
        )
        try:
            body = json.loads(response.content)
        except ValueError:
            raise RequestRejected(
                f"{endpoint} answered HTTP {response.status_code} with a body that is not JSON",
                endpoint=endpoint,
                status=response.status_code,
            ) from None
        return Page(response, body if isinstance(body, dict) else {})

    def users_by(self, usernames: list[str]) -> Page:
        """GET /2/users/by: ids and public_metrics (followers) of up to 100 handles."""
        return self.send(
            xs.USERS_BY,
            lambda: self.client.get_users(usernames=usernames, user_fields=xs.USER_FIELDS),
        )

    def user_tweets(self, user_id: str, **params: Any) -> Iterator[Page]:
        """GET /2/users/:id/tweets, every page (pagination_token)."""
        return self.paginate(
            xs.USER_TWEETS,
            lambda token: self.client.get_users_tweets(
                user_id, pagination_token=token, **self._tweet_params(), **params
            ),
        )

    def search_recent(self, query: str, **params: Any) -> Iterator[Page]:
        """GET /2/tweets/search/recent, every page (next_token)."""
        return self.paginate(
            xs.SEARCH_RECENT,
            lambda token: self.client.search_recent_tweets(
                query, next_token=token, **self._tweet_params(), **params
            ),
        )

    def tweets(self, ids: list[str]) -> Page:
        """GET /2/tweets?ids=…: current metrics of up to 100 posts; unknown ids come as errors."""
        return self.send(
            xs.TWEETS,
            lambda: self.client.get_tweets(
                ids, tweet_fields=xs.TWEET_FIELDS, expansions=xs.EXPANSIONS,
                user_fields=xs.USER_FIELDS,
            ),
        )

    def paginate(self, endpoint: str, call: Callable[[str | None], requests.Response]) -> Iterator[Page]:
        """Follow `meta.next_token` to the last page; refuse a token seen before."""
        token: str | None = None
        followed: set[str] = set()
        while True:
            page = self.send(endpoint, lambda token=token: call(token))
            yield page
            following = page.next_token
            if page.is_last or following is None:
                return
            if following in followed:
                raise RepeatedPageToken(
                    f"{endpoint} returned next_token {following!r} a second time; "
                    "stopping instead of looping",
                    endpoint=endpoint,
                )
            followed.add(following)
            token = following

    @staticmethod
    def _tweet_params() -> dict[str, Any]:
        return {"tweet_fields": xs.TWEET_FIELDS, "expansions": xs.EXPANSIONS, "user_fields": xs.USER_FIELDS}
