"""Constants of the Reddit connector: endpoints, limits, headers. Config lives in crosstalk.yaml."""

from __future__ import annotations

# Endpoint path templates, as stored in `Request.endpoint`.
USER_SUBMITTED = "user/:name/submitted"
SUBREDDIT_NEW = "r/:subreddit/new"
SUBREDDIT_ABOUT = "r/:subreddit/about"
SEARCH = "search"  # site-wide search (search_subreddits: [all])
SUBREDDIT_SEARCH = "r/:subreddit/search"  # search restricted to one subreddit
INFO = "api/info"

FULLNAMES_PER_INFO = 100  # /api/info takes at most 100 fullnames
SITE_WIDE = "all"

# Response headers worth keeping with a landed page (never cookies, CDN or tracking headers).
SAFE_HEADERS = frozenset(
    {"date", "content-type", "x-ratelimit-used", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after"}
)
# Loggers that see Reddit requests; the client id/secret are redacted from them all.
LIBRARY_LOGGERS = ("praw", "prawcore", "urllib3.connectionpool", "requests")
