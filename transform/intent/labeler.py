"""The default labeler: hashed n-gram linear model + rule signals + lexicon sentiment.

Labeling never trains: it loads the versioned artifact in `artifacts/` (built by
`crosstalk intent train`) and runs array operations over the whole frame.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from crosstalk.config import Settings
from transform.intent import OBJECTIVES, THEMES
from transform.intent.features import Encoded, Features, FeatureSpec, encode_texts, featurize
from transform.intent.model import IntentModel
from transform.intent.sentiment import sentiment_frame
from transform.intent.signals import Signals, detect
from transform.intent.text import model_text, raw_text

ARTIFACT_PATH = Path(__file__).resolve().parent / "artifacts" / "intent_model.npz"


@dataclass(frozen=True)
class Prepared:
    """Everything derived from a posts frame before the model runs."""

    lowered: pd.Series
    signals: Signals
    encoded: Encoded
    features: Features


def prepare(posts: pd.DataFrame, settings: Settings | None, spec: FeatureSpec) -> Prepared:
    """Text, rule signals, tokens and hashed counts for `posts` (any index; order is kept)."""
    posts = posts.reset_index(drop=True)
    for column in ("title", "author_type", "company", "account_handle"):
        if column not in posts:
            posts[column] = None
    lowered = raw_text(posts)
    signals = detect(lowered, posts["account_handle"], settings)
    encoded = encode_texts(model_text(lowered, posts["company"], settings))
    return Prepared(lowered, signals, encoded, featurize(posts, encoded, spec))


class LinearIntentLabeler:
    """`Labeler` over a trained `IntentModel`; `confidence` is the objective's probability.

    Frames are labeled in chunks of `chunk_size` posts on `workers` threads: chunks keep the
    working arrays in cache, and numpy and Arrow release the GIL in their array kernels, so two
    threads use both cores. Labels do not depend on how a frame is chunked.
    """

    def __init__(self, model: IntentModel, chunk_size: int = 4096, workers: int | None = None) -> None:
        self.model = model
        self.version = model.version
        self.chunk_size = chunk_size
        self.workers = workers or min(4, os.cpu_count() or 1)

    def probabilities(
        self, posts: pd.DataFrame, settings: Settings | None
    ) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
        """Calibrated objective and theme probabilities (columns in OBJECTIVES / THEMES order)
        and the sentiment columns, for the rows of `posts`."""
        prepared = prepare(posts, settings, self.model.spec)
        objective, theme = self.model.predict(prepared.features, prepared.signals)
        sentiment = sentiment_frame(prepared.encoded.corpus, prepared.encoded.tokens, prepared.lowered)
        return objective, theme, sentiment

    def _label_chunk(self, posts: pd.DataFrame, settings: Settings | None) -> pd.DataFrame:
        objective, theme, sentiment = self.probabilities(posts, settings)
        return label_rows(posts, self.version, objective, theme, sentiment)

    def label(self, posts: pd.DataFrame, settings: Settings | None) -> pd.DataFrame:
        """Label every post (vectorized per chunk); rows keep the order of `posts`."""
        posts = posts.reset_index(drop=True)
        chunks = [posts.iloc[i : i + self.chunk_size] for i in range(0, max(len(posts), 1), self.chunk_size)]
        if len(chunks) == 1 or self.workers == 1:
            return pd.concat([self._label_chunk(c, settings) for c in chunks], ignore_index=True)
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            parts = list(pool.map(lambda c: self._label_chunk(c, settings), chunks))
        return pd.concat(parts, ignore_index=True)


def label_rows(
    posts: pd.DataFrame, version: str, objective: np.ndarray, theme: np.ndarray, sentiment: pd.DataFrame
) -> pd.DataFrame:
    """LABEL_COLUMNS rows from class probabilities (columns in OBJECTIVES / THEMES order)."""
    return pd.DataFrame(
        {
            "channel": posts["channel"].to_numpy(),
            "post_id": posts["post_id"].to_numpy() if "post_id" in posts else np.arange(len(posts)),
            "labeler_version": version,
            "objective": np.asarray(OBJECTIVES)[objective.argmax(axis=1)],
            "theme": np.asarray(THEMES)[theme.argmax(axis=1)],
            "confidence": objective.max(axis=1).round(4),
            "sentiment": sentiment["sentiment"].to_numpy(),
            "sentiment_score": sentiment["sentiment_score"].to_numpy(),
        }
    )


@lru_cache(maxsize=4)
def load_labeler(path: Path = ARTIFACT_PATH) -> LinearIntentLabeler:
    """The labeler of an artifact, loaded once per process."""
    return LinearIntentLabeler(IntentModel.load(path))
