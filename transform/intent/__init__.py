"""Audience-intent labeling: which audience a post serves (objective) and what it is about (theme).

`label_posts(posts, settings)` is the one entry point the pipeline calls. It returns one row per
post with the columns in `LABEL_COLUMNS`; the labeler that produced a row is named by
`labeler_version`, so history can be re-labeled and compared without re-fetching.
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd

from crosstalk.config import Settings

OBJECTIVES = ("marketing", "recruiting", "other")
THEMES = ("jobs", "culture", "expertise", "product", "event", "news", "support", "community")
LABEL_COLUMNS = [
    "channel",
    "post_id",
    "labeler_version",
    "objective",
    "theme",
    "confidence",
    "sentiment",
    "sentiment_score",
]
# Columns a labeler may read from the posts frame (others are ignored).
INPUT_COLUMNS = ["channel", "post_id", "text", "title", "author_type", "company", "account_handle"]


class Labeler(Protocol):
    """Labels a frame of posts; vectorized over the frame."""

    version: str

    def label(self, posts: pd.DataFrame, settings: Settings | None) -> pd.DataFrame:
        """Return LABEL_COLUMNS for every row of `posts`, in the same order."""
        ...


def default_labeler() -> Labeler:
    """The labeler the pipeline uses unless told otherwise."""
    from transform.intent.rules import KeywordRules

    return KeywordRules()


def label_posts(posts: pd.DataFrame, settings: Settings | None, labeler: Labeler | None = None) -> pd.DataFrame:
    """Label every post; an empty frame gives an empty frame with LABEL_COLUMNS."""
    labeler = labeler or default_labeler()
    if posts.empty:
        return pd.DataFrame(columns=LABEL_COLUMNS)
    frame = posts.reindex(columns=INPUT_COLUMNS)
    out = labeler.label(frame.reset_index(drop=True), settings)
    return out[LABEL_COLUMNS]
