"""Constants of the X API v2 connector: endpoints, fields, limits. Config lives in crosstalk.yaml."""

from __future__ import annotations

from datetime import timedelta

HOST = "https://api.twitter.com"  # tweepy 4.17 still calls this host

# Endpoint path templates, as stored in `Request.endpoint`.
USERS_BY = "users/by"
USER_TWEETS = "users/:id/tweets"
SEARCH_RECENT = "tweets/search/recent"
TWEETS = "tweets"

TWEET_FIELDS = [
    "created_at",
    "public_metrics",
    "lang",
    "entities",
    "referenced_tweets",
    "conversation_id",
    "in_reply_to_user_id",
    "author_id",
]
EXPANSIONS = ["author_id", "referenced_tweets.id"]
# public_metrics carries followers_count: the daily audience snapshot of each account.
USER_FIELDS = ["created_at", "description", "name", "protected", "public_metrics", "username", "verified"]

USERS_PER_LOOKUP = 100  # GET /2/users/by takes at most 100 usernames
IDS_PER_LOOKUP = 100  # GET /2/tweets takes at most 100 ids
MAX_QUERY_LENGTH = 512  # recent search query limit (self-serve tiers)

# Recent search only reaches back seven days; stay a little inside so a slow run is not refused.
SEARCH_REACH = timedelta(days=7) - timedelta(minutes=5)
# Search rejects an end_time less than 10 s before the request.
SEARCH_END_LAG = timedelta(seconds=30)

# Response headers worth keeping with a landed page (never cookies or connection hashes).
SAFE_HEADERS = frozenset(
    {
        "date",
        "content-type",
        "api-version",
        "x-rate-limit-limit",
        "x-rate-limit-remaining",
        "x-rate-limit-reset",
        "retry-after",
    }
)
# Loggers whose records may carry the bearer token (tweepy logs request headers at DEBUG).
LIBRARY_LOGGERS = ("tweepy.client", "tweepy", "urllib3.connectionpool", "requests")
