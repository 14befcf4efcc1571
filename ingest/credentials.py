"""Secrets for the live sources: an Airflow connection when Airflow provides one, else env vars.

Resolution order for each channel:

1. the Airflow connection (`x_default`, `reddit_default`) through ``airflow.sdk.BaseHook`` —
   tried when running inside an Airflow task (``AIRFLOW_CTX_DAG_ID`` is set) or when the
   connection is defined in the environment (``AIRFLOW_CONN_X_DEFAULT`` …);
2. the ``CROSSTALK_*`` environment variables;
3. otherwise `MissingCredentials`, naming the connection id and the variables to set.

Secret values are wrapped in `Secret`, whose ``repr``/``str`` never show the value; call
``reveal()`` only at the point where a client library needs it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

X_CONNECTION = "x_default"
REDDIT_CONNECTION = "reddit_default"
X_BEARER_ENV = "CROSSTALK_X_BEARER_TOKEN"
REDDIT_CLIENT_ID_ENV = "CROSSTALK_REDDIT_CLIENT_ID"
REDDIT_CLIENT_SECRET_ENV = "CROSSTALK_REDDIT_CLIENT_SECRET"
REDDIT_USER_AGENT_ENV = "CROSSTALK_REDDIT_USER_AGENT"
DEFAULT_REDDIT_USER_AGENT = "python:crosstalk:0.1 (social listening; read-only)"


class MissingCredentials(RuntimeError):
    """No credentials for a live source; the message says which connection or env vars to set."""

    def __init__(self, connection_id: str, env_vars: Iterable[str], *, detail: str = "") -> None:
        names = ", ".join(env_vars)
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"no credentials for the live source: define the Airflow connection "
            f"'{connection_id}' (or AIRFLOW_CONN_{connection_id.upper()}) or set {names}{extra}"
        )
        self.connection_id = connection_id


class Secret:
    """A secret string that never prints itself (repr, str, f-strings, logging, tracebacks)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise ValueError("a Secret cannot be empty")
        self._value = value

    def reveal(self) -> str:
        """The value, for handing to a client library; never log or store the result."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        # Pickling (XCom, multiprocessing) would copy the secret out of this process.
        raise TypeError("Secret values cannot be pickled")


@dataclass(frozen=True)
class XCredentials:
    """App-only X API v2 credentials."""

    bearer_token: Secret
    origin: str  # where they came from, e.g. "connection x_default"; safe to log

    def secrets(self) -> tuple[str, ...]:
        """Raw secret values, for log redaction only."""
        return (self.bearer_token.reveal(),)


@dataclass(frozen=True)
class RedditCredentials:
    """Reddit script-app credentials for read-only (application-only) OAuth."""

    client_id: Secret
    client_secret: Secret
    user_agent: str
    origin: str

    def secrets(self) -> tuple[str, ...]:
        """Raw secret values, for log redaction only."""
        return (self.client_id.reveal(), self.client_secret.reveal())


def _under_airflow(connection_id: str, env: Mapping[str, str]) -> bool:
    return "AIRFLOW_CTX_DAG_ID" in env or f"AIRFLOW_CONN_{connection_id.upper()}" in env


def airflow_connection(connection_id: str, env: Mapping[str, str] | None = None) -> Any | None:
    """The Airflow `Connection` with this id, or None when Airflow is not in play or lacks it.

    Never logs the connection: its repr includes the password.
    """
    env = os.environ if env is None else env
    if not _under_airflow(connection_id, env):
        return None
    try:
        from airflow.sdk import BaseHook
    except ImportError:
        return None
    try:
        return BaseHook.get_connection(connection_id)
    except Exception as exc:  # AirflowNotFoundException, or no secrets backend reachable
        log.info("Airflow connection %s not available (%s); trying environment variables",
                 connection_id, type(exc).__name__)
        return None


def _extra(conn: Any) -> dict[str, Any]:
    try:
        extra = conn.extra_dejson
    except Exception:  # malformed extra JSON: treat as empty rather than echo it in an error
        return {}
    return extra if isinstance(extra, dict) else {}


def _mask_in_airflow(values: Iterable[str]) -> None:
    """Register secrets with Airflow's log masker too, when running under Airflow."""
    try:
        from airflow.sdk.log import mask_secret
    except ImportError:
        return
    for value in values:
        try:
            mask_secret(value)
        except Exception:  # masking is a second line of defence; never fail a fetch over it
            return


def x_credentials(env: Mapping[str, str] | None = None) -> XCredentials:
    """Bearer token from connection `x_default` (password, or extra ``bearer_token``) or
    ``CROSSTALK_X_BEARER_TOKEN``; raise `MissingCredentials` when neither has one."""
    env = os.environ if env is None else env
    conn = airflow_connection(X_CONNECTION, env)
    if conn is not None:
        token = conn.password or _extra(conn).get("bearer_token")
        if token:
            return XCredentials(Secret(str(token)), origin=f"connection {X_CONNECTION}")
        log.warning("connection %s has no password or extra.bearer_token", X_CONNECTION)
    token = env.get(X_BEARER_ENV)
    if token:
        creds = XCredentials(Secret(token), origin=f"environment {X_BEARER_ENV}")
        if "AIRFLOW_CTX_DAG_ID" in env:
            _mask_in_airflow(creds.secrets())
        return creds
    raise MissingCredentials(X_CONNECTION, [X_BEARER_ENV])


def reddit_credentials(env: Mapping[str, str] | None = None) -> RedditCredentials:
    """Client id (login), secret (password) and user agent (extra ``user_agent``) from
    connection `reddit_default`, else the ``CROSSTALK_REDDIT_*`` variables."""
    env = os.environ if env is None else env
    conn = airflow_connection(REDDIT_CONNECTION, env)
    if conn is not None:
        extra = _extra(conn)
        client_id = conn.login or extra.get("client_id")
        client_secret = conn.password or extra.get("client_secret")
        if client_id and client_secret:
            return RedditCredentials(
                Secret(str(client_id)),
                Secret(str(client_secret)),
                user_agent=str(extra.get("user_agent") or DEFAULT_REDDIT_USER_AGENT),
                origin=f"connection {REDDIT_CONNECTION}",
            )
        log.warning("connection %s lacks login (client id) or password (client secret)",
                    REDDIT_CONNECTION)
    client_id = env.get(REDDIT_CLIENT_ID_ENV)
    client_secret = env.get(REDDIT_CLIENT_SECRET_ENV)
    if client_id and client_secret:
        creds = RedditCredentials(
            Secret(client_id),
            Secret(client_secret),
            user_agent=env.get(REDDIT_USER_AGENT_ENV) or DEFAULT_REDDIT_USER_AGENT,
            origin="environment CROSSTALK_REDDIT_*",
        )
        if "AIRFLOW_CTX_DAG_ID" in env:
            _mask_in_airflow(creds.secrets())
        return creds
    missing = [n for n in (REDDIT_CLIENT_ID_ENV, REDDIT_CLIENT_SECRET_ENV) if not env.get(n)]
    raise MissingCredentials(
        REDDIT_CONNECTION,
        [REDDIT_CLIENT_ID_ENV, REDDIT_CLIENT_SECRET_ENV, f"{REDDIT_USER_AGENT_ENV} (optional)"],
        detail=f"missing: {', '.join(missing)}",
    )


class RedactSecrets(logging.Filter):
    """Rewrites log records that contain a known secret. tweepy logs its request headers,
    bearer token included, at DEBUG; this filter on its logger turns the token into ***."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def add(self, secrets: Iterable[str]) -> None:
        """Also redact these values from now on."""
        self._secrets.update(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:  # noqa: D102 - logging.Filter API
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:
            return True
        if any(s in message for s in self._secrets):
            for secret in self._secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


_REDACTOR = RedactSecrets()


def redact_library_logs(secrets: Iterable[str], logger_names: Iterable[str]) -> None:
    """Redact `secrets` from everything the named loggers emit (filters only see records
    logged on their own logger, so name the exact module loggers, e.g. ``tweepy.client``)."""
    _REDACTOR.add(secrets)
    for name in logger_names:
        logger = logging.getLogger(name)
        if _REDACTOR not in logger.filters:
            logger.addFilter(_REDACTOR)
