"""The warehouse schema: SQLAlchemy 2 models are the one source of truth for every table.

Raw tables keep what APIs returned; normalized tables are derived from raw only, so any history
can be re-derived or re-labeled without calling an API. All timestamps are timezone-aware UTC.
Keys are natural (channel + native id, batch ids): no sequences, so DuckDB and PostgreSQL
behave the same and reloads stay idempotent.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Double,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

TS = DateTime(timezone=True)


class Base(DeclarativeBase):
    """Declarative base; `Base.metadata` creates the whole warehouse."""

    metadata = MetaData()


class RawResponse(Base):
    """Each row represents one API response as received (append-only)."""

    __tablename__ = "raw_responses"

    raw_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    load_id: Mapped[str] = mapped_column(String(64), index=True)
    batch_id: Mapped[str] = mapped_column(String(200), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    stream: Mapped[str] = mapped_column(String(32))
    endpoint: Mapped[str] = mapped_column(String(200))
    request_params: Mapped[str] = mapped_column(Text, doc="JSON of the request parameters; never a secret")
    url: Mapped[str | None] = mapped_column(Text)
    company: Mapped[str | None] = mapped_column(String(40))
    account: Mapped[str | None] = mapped_column(String(100))
    page_index: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int] = mapped_column(Integer)
    headers: Mapped[str] = mapped_column(Text, doc="JSON of non-secret response headers")
    body: Mapped[str] = mapped_column(Text, doc="response body exactly as received")
    fetched_at: Mapped[datetime] = mapped_column(TS)
    interval_start: Mapped[datetime | None] = mapped_column(TS)
    interval_end: Mapped[datetime | None] = mapped_column(TS)


class Load(Base):
    """Each row represents one extract attempt of one batch (a channel × data interval, or a replayed file)."""

    __tablename__ = "loads"

    load_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(200), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    interval_start: Mapped[datetime | None] = mapped_column(TS)
    interval_end: Mapped[datetime | None] = mapped_column(TS)
    started_at: Mapped[datetime] = mapped_column(TS)
    finished_at: Mapped[datetime | None] = mapped_column(TS)
    status: Mapped[str] = mapped_column(String(16), doc="running | committed | failed")
    pages: Mapped[int | None] = mapped_column(Integer)
    requests_spent: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str | None] = mapped_column(Text, doc="JSON: per-account fetched/new/refreshed/skipped/errors")
    error: Mapped[str | None] = mapped_column(Text)


class Cursor(Base):
    """Each row represents the committed incremental cursor of one source stream."""

    __tablename__ = "cursors"

    source: Mapped[str] = mapped_column(String(16), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    stream_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    value: Mapped[str] = mapped_column(String(100))
    load_id: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(TS)


class Batch(Base):
    """Each row represents the last transform of one batch, with counts that reconcile."""

    __tablename__ = "batches"

    batch_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    load_id: Mapped[str] = mapped_column(String(64))
    interval_start: Mapped[datetime | None] = mapped_column(TS)
    interval_end: Mapped[datetime | None] = mapped_column(TS)
    raw_pages: Mapped[int] = mapped_column(Integer)
    raw_records: Mapped[int] = mapped_column(Integer, doc="post records found in raw pages")
    normalized: Mapped[int] = mapped_column(Integer, doc="distinct posts written")
    duplicates: Mapped[int] = mapped_column(Integer, doc="repeats of a post inside the batch")
    quarantined: Mapped[int] = mapped_column(Integer)
    transformed_at: Mapped[datetime] = mapped_column(TS)


class Company(Base):
    """Each row represents one configured company (focus or competitor)."""

    __tablename__ = "companies"

    company: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    is_focus: Mapped[bool] = mapped_column(Boolean)


class TrackedAccount(Base):
    """Each row represents one configured account, handle or subreddit of a company."""

    __tablename__ = "tracked_accounts"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    handle: Mapped[str] = mapped_column(String(100), primary_key=True, doc="lower-case handle / account / r/subreddit")
    company: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16), doc="account | subreddit")


class Post(Base):
    """Each row represents one post on one channel, in its newest fetched version."""

    __tablename__ = "posts"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    post_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    company: Mapped[str | None] = mapped_column(String(40), doc="owner if owned, else the first company mentioned; NULL if none")
    author_type: Mapped[str] = mapped_column(String(16), doc="owned | earned")
    account_id: Mapped[str | None] = mapped_column(String(64))
    account_handle: Mapped[str | None] = mapped_column(String(100))
    community: Mapped[str | None] = mapped_column(String(100), doc="subreddit for Reddit; NULL on X")
    created_at: Mapped[datetime] = mapped_column(TS)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text)
    is_reply: Mapped[bool] = mapped_column(Boolean)
    is_repost: Mapped[bool] = mapped_column(Boolean)
    is_quote: Mapped[bool] = mapped_column(Boolean)
    parent_id: Mapped[str | None] = mapped_column(String(64))
    conversation_id: Mapped[str | None] = mapped_column(String(64))
    is_deleted: Mapped[bool] = mapped_column(Boolean, doc="reported deleted / removed / not found by the API")
    last_batch_id: Mapped[str] = mapped_column(String(200))
    last_fetched_at: Mapped[datetime] = mapped_column(TS)


class PostMention(Base):
    """Each row represents one company a post is about (its owner, or a company it mentions)."""

    __tablename__ = "post_mentions"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    post_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    company: Mapped[str] = mapped_column(String(40), primary_key=True)
    match: Mapped[str] = mapped_column(String(16), doc="owned | handle | name | request")


class MetricSnapshot(Base):
    """Each row represents one observation of one post's public metrics (history is kept)."""

    __tablename__ = "metric_snapshots"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    post_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    observed_at: Mapped[datetime] = mapped_column(TS)
    likes: Mapped[int | None] = mapped_column(BigInteger)
    reposts: Mapped[int | None] = mapped_column(BigInteger)
    replies: Mapped[int | None] = mapped_column(BigInteger)
    quotes: Mapped[int | None] = mapped_column(BigInteger)
    bookmarks: Mapped[int | None] = mapped_column(BigInteger)
    impressions: Mapped[int | None] = mapped_column(BigInteger)
    score: Mapped[int | None] = mapped_column(BigInteger)
    upvote_ratio: Mapped[float | None] = mapped_column(Double)
    raw_id: Mapped[str] = mapped_column(String(64))


class AccountSnapshot(Base):
    """Each row represents one account's (or subreddit's) audience size on one UTC day."""

    __tablename__ = "account_snapshots"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    snapshot_date: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), doc="account | subreddit")
    handle: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))
    followers: Mapped[int | None] = mapped_column(BigInteger, doc="followers (X) or subscribers (subreddit)")
    following: Mapped[int | None] = mapped_column(BigInteger)
    post_count: Mapped[int | None] = mapped_column(BigInteger)
    observed_at: Mapped[datetime] = mapped_column(TS)
    batch_id: Mapped[str] = mapped_column(String(200))


class PostLabel(Base):
    """Each row represents the audience-intent label one labeler version gave one post."""

    __tablename__ = "post_labels"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    post_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    labeler_version: Mapped[str] = mapped_column(String(40), primary_key=True)
    objective: Mapped[str] = mapped_column(String(16), doc="marketing | recruiting | other")
    theme: Mapped[str] = mapped_column(String(16), doc="jobs | culture | expertise | product | event | news | support | community")
    confidence: Mapped[float] = mapped_column(Double)
    sentiment: Mapped[str | None] = mapped_column(String(16), doc="positive | neutral | negative")
    sentiment_score: Mapped[float | None] = mapped_column(Double)
    labeled_at: Mapped[datetime] = mapped_column(TS)


class Labeler(Base):
    """Each row represents one labeler version that has labeled posts; one is current."""

    __tablename__ = "labelers"

    labeler_version: Mapped[str] = mapped_column(String(40), primary_key=True)
    is_current: Mapped[bool] = mapped_column(Boolean)
    registered_at: Mapped[datetime] = mapped_column(TS)


class Quarantine(Base):
    """Each row represents one raw record that failed validation, with the reason."""

    __tablename__ = "quarantine"

    raw_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(200), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    record: Mapped[str] = mapped_column(Text, doc="the offending record as JSON")
    quarantined_at: Mapped[datetime] = mapped_column(TS)


class ReportSetting(Base):
    """Each row represents one configuration value the SQL views need (they cannot read the YAML).

    Written by `crosstalk.views.store_report_settings`; today only `timezone` (IANA name) for
    the local clock of `best_time_to_post`.
    """

    __tablename__ = "report_settings"

    setting: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(TS)


class ConsistencyScore(Base):
    """Each row represents how alike one company's marketing and recruiting posts read on one
    channel over one period (TF-IDF cosine, and the same measure for shuffled objectives)."""

    __tablename__ = "consistency_scores"

    company: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    period_kind: Mapped[str] = mapped_column(String(16), primary_key=True, doc="all | month")
    period_start: Mapped[date] = mapped_column(Date, primary_key=True)
    period_end: Mapped[date] = mapped_column(Date, doc="last day included")
    marketing_posts: Mapped[int] = mapped_column(Integer)
    recruiting_posts: Mapped[int] = mapped_column(Integer)
    similarity: Mapped[float | None] = mapped_column(Double, doc="cosine of the two TF-IDF centroids, 0..1")
    baseline_similarity: Mapped[float | None] = mapped_column(Double, doc="mean cosine with objectives shuffled")
    consistency_index: Mapped[float | None] = mapped_column(Double, doc="similarity / baseline_similarity")
    labeler_version: Mapped[str] = mapped_column(String(40))
    computed_at: Mapped[datetime] = mapped_column(TS)


class ConsistencyTerm(Base):
    """Each row represents one of the top terms shared by, or separating, a company's marketing
    and recruiting posts on one channel over one period."""

    __tablename__ = "consistency_terms"

    company: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    period_kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    period_start: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True, doc="shared | marketing | recruiting")
    term_rank: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(100))
    marketing_weight: Mapped[float] = mapped_column(Double)
    recruiting_weight: Mapped[float] = mapped_column(Double)
