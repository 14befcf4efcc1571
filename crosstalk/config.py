"""The one configuration file: which companies to watch, on which channels, and where to store.

A wrong key, a missing handle or a bad type raises `ConfigError` with one line per problem,
each naming the field (``companies[1].x.handles``), never a pydantic traceback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "config" / "crosstalk.yaml"
CONFIG_ENV = "CROSSTALK_CONFIG"
WAREHOUSE_ENV = "CROSSTALK_WAREHOUSE_URL"
HOME_ENV = "CROSSTALK_HOME"

_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_REDDIT_NAME = re.compile(r"^[A-Za-z0-9_-]{2,21}$")


class ConfigError(ValueError):
    """The configuration file is missing, unreadable or invalid; the message names each field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class XWatch(_Strict):
    """What to watch on X for one company."""

    handles: list[str] = Field(min_length=1)
    mention_queries: list[str] = Field(default_factory=list)

    @field_validator("handles")
    @classmethod
    def _handles(cls, value: list[str]) -> list[str]:
        cleaned = [h.lstrip("@") for h in value]
        bad = [h for h in cleaned if not _HANDLE.match(h)]
        if bad:
            raise ValueError(f"not an X handle (letters, digits, _; at most 15): {bad}")
        return cleaned


class RedditWatch(_Strict):
    """What to watch on Reddit for one company."""

    accounts: list[str] = Field(default_factory=list)
    subreddits: list[str] = Field(default_factory=list)
    search_queries: list[str] = Field(default_factory=list)

    @field_validator("accounts", "subreddits")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        cleaned = [re.sub(r"^/?(u|r|user)/", "", v) for v in value]
        bad = [v for v in cleaned if not _REDDIT_NAME.match(v)]
        if bad:
            raise ValueError(f"not a Reddit account or subreddit name: {bad}")
        return cleaned

    @model_validator(mode="after")
    def _something(self) -> RedditWatch:
        if not (self.accounts or self.subreddits or self.search_queries):
            raise ValueError("give at least one of accounts, subreddits, search_queries")
        return self


class IntentOverrides(_Strict):
    """Company-specific signals for the audience-intent labeler, editable by analysts."""

    recruiting_hashtags: list[str] = Field(default_factory=list)
    marketing_hashtags: list[str] = Field(default_factory=list)
    careers_domains: list[str] = Field(default_factory=list)
    recruiting_handles: list[str] = Field(default_factory=list)


class Company(_Strict):
    """One company: the focus company or a competitor."""

    key: str = Field(pattern=r"^[a-z0-9_]{1,40}$")
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    x: XWatch | None = None
    reddit: RedditWatch | None = None
    intent: IntentOverrides = Field(default_factory=IntentOverrides)

    @model_validator(mode="after")
    def _a_channel(self) -> Company:
        if self.x is None and self.reddit is None:
            raise ValueError("watch at least one channel (x or reddit)")
        return self


class XSettings(_Strict):
    """Channel-wide settings for X."""

    refresh_window_days: int = Field(default=7, ge=0, le=30)
    request_budget: int = Field(default=300, ge=1)
    page_size: int = Field(default=100, ge=5, le=100)


class RedditSettings(_Strict):
    """Channel-wide settings for Reddit."""

    refresh_window_days: int = Field(default=7, ge=0, le=30)
    search_subreddits: list[str] = Field(default_factory=lambda: ["all"])
    search_overlap_hours: int = Field(default=6, ge=0, le=72)
    page_size: int = Field(default=100, ge=1, le=100)


class Channels(_Strict):
    """Settings per channel."""

    x: XSettings = Field(default_factory=XSettings)
    reddit: RedditSettings = Field(default_factory=RedditSettings)


class Settings(_Strict):
    """The whole configuration file."""

    focus: str
    timezone: str = "UTC"
    warehouse_url: str | None = None
    companies: list[Company] = Field(min_length=1)
    channels: Channels = Field(default_factory=Channels)

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        keys = [c.key for c in self.companies]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError(f"company keys must be unique, repeated: {dupes}")
        if self.focus not in keys:
            raise ValueError(f"focus {self.focus!r} is not one of the companies' keys {keys}")
        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(self.timezone)
        except Exception as exc:
            raise ValueError(f"timezone {self.timezone!r} is not an IANA time zone") from exc
        return self

    def company(self, key: str) -> Company:
        """The company with this key."""
        for company in self.companies:
            if company.key == key:
                return company
        raise KeyError(key)

    @property
    def focus_company(self) -> Company:
        """The company whose presence is being measured."""
        return self.company(self.focus)

    def watching(self, channel: str) -> list[Company]:
        """Companies with something to watch on `channel` ("x" or "reddit")."""
        return [c for c in self.companies if getattr(c, channel) is not None]


def _field_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def _describe(error: ValidationError, source: str) -> str:
    lines = [f"invalid configuration in {source}:"]
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown key (check its spelling)"
        lines.append(f"  {_field_path(item['loc'])}: {message}")
    return "\n".join(lines)


def parse_settings(data: Any, source: str = "<config>") -> Settings:
    """Validate an already-parsed mapping; raise ConfigError naming each bad field."""
    if not isinstance(data, dict):
        raise ConfigError(f"invalid configuration in {source}: expected a mapping at the top level")
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, source)) from None


def config_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The config file in use: the argument, else $CROSSTALK_CONFIG, else the bundled sample config."""
    return Path(path or os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG_PATH)


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read and validate the YAML config file."""
    resolved = config_path(path)
    try:
        text = resolved.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read configuration {resolved}: {exc.strerror}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"configuration {resolved} is not valid YAML: {exc}") from None
    return parse_settings(data, str(resolved))


def crosstalk_home() -> Path:
    """Where local state lives by default: $CROSSTALK_HOME, else ./.crosstalk."""
    return Path(os.environ.get(HOME_ENV) or Path.cwd() / ".crosstalk").resolve()


def warehouse_url(settings: Settings | None = None) -> str:
    """The warehouse SQLAlchemy URL: $CROSSTALK_WAREHOUSE_URL, else the config's, else a DuckDB file."""
    url = os.environ.get(WAREHOUSE_ENV) or (settings.warehouse_url if settings else None)
    if url:
        return url
    return f"duckdb:///{crosstalk_home() / 'warehouse.duckdb'}"
