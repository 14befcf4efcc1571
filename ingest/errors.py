"""The one place that sorts HTTP outcomes: retry (429, 5xx, connection), skip, or fail.

Live sources call `call_with_retries` around each request. Classification looks only at the
status code, the response headers and the exception type, so the same rules hold for tweepy,
praw/prawcore and plain requests:

- 429 waits exactly as long as the server says (``Retry-After``, else ``x-rate-limit-reset``),
  up to `RetryPolicy.max_rate_limit_wait`; longer than that fails instead of hanging a worker.
- 5xx, timeouts and dropped connections back off exponentially with jitter, capped.
- 401/403 fail with `AuthenticationFailed`, naming the connection and the endpoint.
- 404 (and Reddit's 302 to a search page) raise `NotFound`, which callers may turn into a skip.
- any other 4xx fails with `RequestRejected`.

It also holds the per-run `RequestBudget` (X sells monthly read caps), because "not sent,
the budget is spent" is one more request outcome.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal, TypeVar

import prawcore
import requests

from ingest.base import utcnow

log = logging.getLogger(__name__)

T = TypeVar("T")

OutcomeKind = Literal["retry", "auth", "forbidden", "not_found", "fatal"]


class FetchError(RuntimeError):
    """A request failed for good; the message names the endpoint (and connection when relevant)."""

    def __init__(self, message: str, *, endpoint: str, status: int | None = None) -> None:
        super().__init__(message)
        self.endpoint = endpoint
        self.status = status


class AuthenticationFailed(FetchError):
    """401/403: the credentials are wrong, revoked or lack access to the endpoint."""


class NotFound(FetchError):
    """The resource (user, subreddit) does not exist or is no longer visible."""


class RequestRejected(FetchError):
    """A 4xx other than 401/403/404/429: the request itself is wrong; retrying will not help."""


class RetriesExhausted(FetchError):
    """429/5xx/connection errors outlasted the retry policy."""


class RateLimited(FetchError):
    """The server asked us to wait longer than the policy allows (e.g. a spent monthly cap)."""


class RepeatedPageToken(FetchError):
    """A paginator received a page token it had already followed (it would loop forever)."""


class BudgetExhausted(Exception):
    """The run's request budget is spent; the request was not sent (a skip, not a failure)."""


@dataclass(frozen=True)
class Outcome:
    """How one failed attempt is classified."""

    kind: OutcomeKind
    status: int | None
    detail: str
    server_wait: float | None = None  # seconds the server asked us to wait, when it said


_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 522})
_CONNECTION_ERRORS = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
)


def server_wait(headers: Mapping[str, str], now: datetime) -> float | None:
    """Seconds the server asked us to wait: ``Retry-After`` (seconds or HTTP date), else
    ``x-rate-limit-reset`` (X: epoch seconds). One second is added to a reset time because the
    window reopens *after* that second; never negative."""
    lowered = {k.lower(): v for k, v in headers.items()}
    retry_after = lowered.get("retry-after")
    if retry_after:
        try:
            return max(0.0, float(retry_after))
        except ValueError:
            try:
                when = parsedate_to_datetime(retry_after)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=UTC)
                return max(0.0, (when - now).total_seconds())
    reset = lowered.get("x-rate-limit-reset")
    if reset:
        try:
            return max(0.0, float(reset) - now.timestamp() + 1.0)
        except ValueError:
            return None
    return None


def classify_status(status: int, headers: Mapping[str, str], now: datetime) -> Outcome | None:
    """Classify an HTTP status; None means success (2xx)."""
    if 200 <= status < 300:
        return None
    if status in _RETRY_STATUSES:
        wait = server_wait(headers, now) if status in (429, 503) else None
        return Outcome("retry", status, f"HTTP {status}", wait)
    if status == 401:
        return Outcome("auth", status, "HTTP 401 Unauthorized")
    if status == 403:
        return Outcome("forbidden", status, "HTTP 403 Forbidden")
    if status in (404, 410, 302):
        return Outcome("not_found", status, f"HTTP {status}")
    return Outcome("fatal", status, f"HTTP {status}")


def _response_of(exc: BaseException) -> requests.Response | None:
    # tweepy.HTTPException, prawcore.ResponseException and requests.HTTPError all keep it here.
    response = getattr(exc, "response", None)
    return response if isinstance(response, requests.Response) else None


def classify_exception(exc: BaseException, now: datetime) -> Outcome:
    """Classify an exception raised by tweepy, praw/prawcore or requests."""
    if isinstance(exc, prawcore.OAuthException):
        # Reddit refuses a token with HTTP 200 and an error payload ("invalid_grant", ...).
        return Outcome("auth", None, f"token refused ({exc.error})")
    response = _response_of(exc)
    if response is not None:
        outcome = classify_status(response.status_code, response.headers, now)
        if outcome is not None:
            return outcome
        return Outcome("fatal", response.status_code, type(exc).__name__)
    original = getattr(exc, "original_exception", None)  # prawcore.RequestException wraps it
    if isinstance(exc, _CONNECTION_ERRORS) or isinstance(original, _CONNECTION_ERRORS):
        cause = original if isinstance(original, BaseException) else exc
        return Outcome("retry", None, f"connection error ({type(cause).__name__})")
    return Outcome("fatal", None, type(exc).__name__)


def _api_detail(exc: BaseException) -> str:
    """The API's own one-line explanation of an error body (X `detail`/`title`, Reddit `message`)."""
    response = _response_of(exc)
    if response is None:
        return ""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    for key in ("detail", "title", "message", "reason"):
        if isinstance(body.get(key), str):
            return body[key][:200]
    return ""


def to_fetch_error(
    exc: BaseException, outcome: Outcome, *, endpoint: str, connection: str, attempts: int = 1
) -> FetchError:
    """The `FetchError` that says, in one line, what failed, where, and what to do."""
    detail = _api_detail(exc)
    said = f": {detail}" if detail else ""
    where = f"{endpoint} (connection {connection})"
    if outcome.kind in ("auth", "forbidden"):
        return AuthenticationFailed(
            f"{outcome.detail} from {where}{said}. Check the credentials of connection "
            f"'{connection}' and that its app may read this endpoint.",
            endpoint=endpoint,
            status=outcome.status,
        )
    if outcome.kind == "not_found":
        return NotFound(f"{outcome.detail} from {where}{said}", endpoint=endpoint, status=outcome.status)
    if outcome.kind == "retry":
        return RetriesExhausted(
            f"{endpoint} (connection {connection}) still failing after {attempts} attempt(s): "
            f"{outcome.detail}{said}",
            endpoint=endpoint,
            status=outcome.status,
        )
    return RequestRejected(f"{outcome.detail} from {where}{said}", endpoint=endpoint, status=outcome.status)


@dataclass
class RetryPolicy:
    """How long and how often to retry; `sleep`, `clock` and `rng` are injectable for tests."""

    max_attempts: int = 5
    backoff_base: float = 2.0  # seconds before the 2nd attempt; doubles each time
    backoff_cap: float = 60.0
    max_rate_limit_wait: float = 16 * 60.0  # X windows are 15 minutes; anything longer is a cap
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], datetime] = utcnow
    rng: random.Random = field(default_factory=random.Random)

    def backoff(self, attempt: int) -> float:
        """Wait after failed attempt number `attempt` (1-based): "equal jitter" — half fixed,
        half random — so parallel workers do not retry in lock-step, capped at `backoff_cap`."""
        ceiling = min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1))
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)

    def wait_for(self, outcome: Outcome, attempt: int) -> float:
        """The server's wait when it gave one (no jitter: it told us when), else the backoff."""
        if outcome.server_wait is not None:
            return outcome.server_wait
        return self.backoff(attempt)


def call_with_retries(
    send: Callable[[], T],
    *,
    endpoint: str,
    connection: str,
    policy: RetryPolicy,
    before_attempt: Callable[[], None] | None = None,
) -> T:
    """Call `send` until it returns, retrying only retryable outcomes; raise a `FetchError`.

    `before_attempt` runs before every attempt (budget accounting); whatever it raises
    (`BudgetExhausted`) propagates untouched.
    """
    attempt = 0
    while True:
        attempt += 1
        if before_attempt is not None:
            before_attempt()
        try:
            return send()
        except Exception as exc:
            outcome = classify_exception(exc, policy.clock())
            if outcome.kind != "retry":
                raise to_fetch_error(exc, outcome, endpoint=endpoint, connection=connection) from exc
            if attempt >= policy.max_attempts:
                raise to_fetch_error(
                    exc, outcome, endpoint=endpoint, connection=connection, attempts=attempt
                ) from exc
            wait = policy.wait_for(outcome, attempt)
            if wait > policy.max_rate_limit_wait:
                raise RateLimited(
                    f"{endpoint} (connection {connection}) is rate limited for another "
                    f"{wait:.0f} s (more than the {policy.max_rate_limit_wait:.0f} s this run "
                    "may wait); the run stops here and resumes from its cursors next time",
                    endpoint=endpoint,
                    status=outcome.status,
                ) from exc
            log.warning(
                "%s: %s on attempt %d/%d; retrying in %.1f s",
                endpoint,
                outcome.detail,
                attempt,
                policy.max_attempts,
                wait,
            )
            policy.sleep(wait)


@dataclass
class RequestBudget:
    """Requests one run may send. `take()` before each request; None means unlimited."""

    limit: int | None
    spent: int = 0

    @property
    def exhausted(self) -> bool:
        """True once `limit` requests have been sent."""
        return self.limit is not None and self.spent >= self.limit

    @property
    def remaining(self) -> int | None:
        """Requests left, or None when unlimited."""
        return None if self.limit is None else max(0, self.limit - self.spent)

    def take(self) -> None:
        """Count one request about to be sent; raise `BudgetExhausted` (and count nothing)
        when the budget is spent."""
        if self.exhausted:
            raise BudgetExhausted(f"request budget of {self.limit} spent")
        self.spent += 1
