"""X (Twitter) API v2 live source over tweepy: `XLiveSource`, built by `live_source()`."""

from __future__ import annotations

from crosstalk.config import Settings
from ingest.x.live import XLiveSource


def live_source(settings: Settings | None = None) -> XLiveSource:
    """The live X source with credentials from the environment (`XLiveSource.from_environment`);
    raises `ingest.credentials.MissingCredentials` naming connection `x_default` when absent."""
    return XLiveSource.from_environment(settings)


__all__ = ["XLiveSource", "live_source"]
