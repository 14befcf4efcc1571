"""The one place that sorts HTTP outcomes: classification, waits, retries, budget."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import prawcore
import pytest
import requests

from ingest.errors import (
    AuthenticationFailed,
    BudgetExhausted,
    NotFound,
    RateLimited,
    RequestBudget,
    RequestRejected,
    RetriesExhausted,
    RetryPolicy,
    call_with_retries,
    classify_exception,
    classify_status,
    server_wait,
)

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def _response(status: int, headers: dict[str, str] | None = None, body: bytes = b"{}") -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.headers.update(headers or {})
    response._content = body
    response.url = "https://api.example.test/2/things"
    return response


def _http_error(status: int, headers: dict[str, str] | None = None, body: bytes = b"{}") -> requests.HTTPError:
    return requests.HTTPError(response=_response(status, headers, body))


def test_server_wait_reads_retry_after_seconds_or_date_then_the_x_reset():
    assert server_wait({"Retry-After": "12"}, NOW) == 12.0
    assert server_wait({"retry-after": "Mon, 05 Jan 2026 12:00:30 GMT"}, NOW) == 30.0
    assert server_wait({"x-rate-limit-reset": str(int(NOW.timestamp()) + 60)}, NOW) == 61.0
    assert server_wait({"x-rate-limit-reset": str(int(NOW.timestamp()) - 60)}, NOW) == 0.0
    assert server_wait({}, NOW) is None


@pytest.mark.parametrize(
    ("status", "kind"),
    [(429, "retry"), (500, "retry"), (502, "retry"), (503, "retry"), (504, "retry"), (408, "retry"),
     (401, "auth"), (403, "forbidden"), (404, "not_found"), (302, "not_found"), (400, "fatal"), (422, "fatal")],
)
def test_each_status_has_one_meaning(status, kind):
    assert classify_status(status, {}, NOW).kind == kind


def test_success_is_not_an_outcome():
    assert classify_status(200, {}, NOW) is None


def test_connection_errors_are_retryable_also_when_prawcore_wraps_them():
    assert classify_exception(requests.ConnectionError("reset by peer"), NOW).kind == "retry"
    wrapped = prawcore.RequestException(requests.ReadTimeout("slow"), ("GET", "u"), {})
    assert classify_exception(wrapped, NOW).kind == "retry"
    assert classify_exception(ValueError("bug"), NOW).kind == "fatal"


def test_backoff_doubles_with_jitter_and_is_capped():
    policy = RetryPolicy(backoff_base=2.0, backoff_cap=10.0, rng=random.Random(1))
    for attempt, ceiling in [(1, 2.0), (2, 4.0), (3, 8.0), (4, 10.0), (9, 10.0)]:
        waits = {policy.backoff(attempt) for _ in range(20)}
        assert all(ceiling / 2 <= w <= ceiling for w in waits)
        assert len(waits) > 1  # jittered, not lock-step


def _policy(sleeps: list[float], **kw) -> RetryPolicy:
    return RetryPolicy(sleep=sleeps.append, clock=lambda: NOW, rng=random.Random(3), **kw)


def test_retries_until_success_honouring_the_servers_wait():
    sleeps: list[float] = []
    replies = iter([_http_error(429, {"Retry-After": "7"}), _http_error(502), "ok"])

    def send() -> str:
        reply = next(replies)
        if isinstance(reply, Exception):
            raise reply
        return reply

    assert call_with_retries(send, endpoint="things", connection="x_default", policy=_policy(sleeps)) == "ok"
    assert sleeps[0] == 7.0 and 1.0 <= sleeps[1] <= 4.0


def test_fatal_outcomes_are_not_retried_and_name_endpoint_and_connection():
    sleeps: list[float] = []
    for status, error in [(401, AuthenticationFailed), (403, AuthenticationFailed), (404, NotFound),
                          (400, RequestRejected)]:
        def send(status=status):
            raise _http_error(status, body=b'{"detail": "the API said why"}')

        with pytest.raises(error) as failure:
            call_with_retries(send, endpoint="users/by", connection="x_default", policy=_policy(sleeps))
        assert "users/by" in str(failure.value) and "x_default" in str(failure.value)
        assert "the API said why" in str(failure.value) and failure.value.status == status
    assert sleeps == []


def test_exhausted_retries_say_how_many_attempts():
    sleeps: list[float] = []

    def send():
        raise requests.ConnectionError("down")

    with pytest.raises(RetriesExhausted, match=r"tweets .*3 attempt"):
        call_with_retries(send, endpoint="tweets", connection="x_default", policy=_policy(sleeps, max_attempts=3))
    assert len(sleeps) == 2


def test_a_wait_longer_than_allowed_fails_instead_of_hanging():
    def send():
        raise _http_error(429, {"x-rate-limit-reset": str(int(NOW.timestamp()) + 86_400)})

    with pytest.raises(RateLimited, match="rate limited"):
        call_with_retries(send, endpoint="tweets/search/recent", connection="x_default", policy=_policy([]))


def test_the_budget_is_charged_per_attempt_and_stops_before_sending():
    budget = RequestBudget(2)
    sent: list[int] = []

    def send():
        sent.append(1)
        raise _http_error(503)

    with pytest.raises(BudgetExhausted):
        call_with_retries(send, endpoint="tweets", connection="x_default", policy=_policy([]),
                          before_attempt=budget.take)
    assert len(sent) == 2 and budget.spent == 2 and budget.exhausted and budget.remaining == 0
    unlimited = RequestBudget(None)
    for _ in range(1000):
        unlimited.take()
    assert not unlimited.exhausted and unlimited.remaining is None
