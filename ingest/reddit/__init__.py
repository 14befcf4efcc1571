"""Reddit live source over praw: `RedditLiveSource`, built by `live_source()`."""

from __future__ import annotations

from crosstalk.config import Settings
from ingest.reddit.live import RedditLiveSource


def live_source(settings: Settings | None = None) -> RedditLiveSource:
    """The live Reddit source with credentials from the environment
    (`RedditLiveSource.from_environment`); raises `ingest.credentials.MissingCredentials`
    naming connection `reddit_default` when absent."""
    return RedditLiveSource.from_environment(settings)


__all__ = ["RedditLiveSource", "live_source"]
