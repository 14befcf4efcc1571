"""Secrets: from an Airflow connection or env vars, never shown, a clear error when absent."""

from __future__ import annotations

import json
import logging
import pickle

import pytest

from ingest.credentials import (
    MissingCredentials,
    Secret,
    redact_library_logs,
    reddit_credentials,
    x_credentials,
)

TOKEN = "bearer-for-tests-7d2a9c"


def test_a_secret_never_shows_itself():
    secret = Secret(TOKEN)
    assert TOKEN not in repr(secret) and TOKEN not in str(secret) and TOKEN not in f"{secret}"
    assert TOKEN not in repr({"token": secret}) and secret.reveal() == TOKEN
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_x_token_from_the_environment():
    creds = x_credentials({"CROSSTALK_X_BEARER_TOKEN": TOKEN})
    assert creds.bearer_token.reveal() == TOKEN and creds.origin == "environment CROSSTALK_X_BEARER_TOKEN"
    assert TOKEN not in repr(creds)


def test_missing_credentials_name_the_connection_and_the_variables():
    with pytest.raises(MissingCredentials) as x_failure:
        x_credentials({})
    assert "'x_default'" in str(x_failure.value) and "CROSSTALK_X_BEARER_TOKEN" in str(x_failure.value)
    with pytest.raises(MissingCredentials) as reddit_failure:
        reddit_credentials({"CROSSTALK_REDDIT_CLIENT_SECRET": "s3cr3t-value"})
    message = str(reddit_failure.value)
    assert "'reddit_default'" in message and "missing: CROSSTALK_REDDIT_CLIENT_ID" in message
    assert "s3cr3t-value" not in message


def test_the_airflow_connection_wins_when_defined(monkeypatch):
    env = {
        "AIRFLOW_CONN_X_DEFAULT": json.dumps({"conn_type": "http", "password": TOKEN}),
        "CROSSTALK_X_BEARER_TOKEN": "the-env-one",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    creds = x_credentials(env)
    assert creds.bearer_token.reveal() == TOKEN and creds.origin == "connection x_default"


def test_reddit_connection_fields(monkeypatch):
    conn = {"conn_type": "http", "login": "client-id-1", "password": "client-secret-1",
            "extra": {"user_agent": "python:acme-listening:1.0 (by u/acme)"}}
    monkeypatch.setenv("AIRFLOW_CONN_REDDIT_DEFAULT", json.dumps(conn))
    creds = reddit_credentials({"AIRFLOW_CONN_REDDIT_DEFAULT": json.dumps(conn)})
    assert creds.client_id.reveal() == "client-id-1" and creds.client_secret.reveal() == "client-secret-1"
    assert creds.user_agent == "python:acme-listening:1.0 (by u/acme)"
    assert "client-secret-1" not in repr(creds)


def test_an_empty_connection_falls_back_to_the_environment(monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_X_DEFAULT", json.dumps({"conn_type": "http"}))
    env = {"AIRFLOW_CONN_X_DEFAULT": "{}", "CROSSTALK_X_BEARER_TOKEN": TOKEN}
    assert x_credentials(env).origin == "environment CROSSTALK_X_BEARER_TOKEN"


def test_library_logs_are_redacted(caplog):
    logger = logging.getLogger("tests.some_library")
    redact_library_logs([TOKEN], ["tests.some_library"])
    with caplog.at_level(logging.DEBUG):
        logger.debug("Headers: %s", {"Authorization": f"Bearer {TOKEN}"})
    assert "Bearer ***" in caplog.text and TOKEN not in caplog.text
