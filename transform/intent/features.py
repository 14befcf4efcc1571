"""Sparse feature rows for the intent model: hashed character n-grams, word uni/bigrams, and a
few one-hot facts (channel, author type), all built with array operations.

Columns: [0, 2**char_bits) character n-grams, then 2**word_bits word n-grams, then META.
Features are kept as occurrence streams (text index, column) sorted by text, one per block,
never de-duplicated: idf weighting, normalization and the linear scores are all sums over
occurrences (`transform.intent.model`), which is what lets labeling skip a sort entirely.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from transform.intent.cues import GROUPS, cue_counts
from transform.intent.hashing import Corpus, Tokens, char_ngrams, encode, word_ngrams, words

CHANNELS = ("x", "reddit", "linkedin", "youtube", "facebook")
AUTHOR_TYPES = ("owned", "earned")
# Cue groups whose meaning flips with who writes: "my interview" is a candidate talking.
EARNED_CUES = ("candidate_voice", "customer_voice", "first_person", "jobs", "product", "workplace", "corporate", "community")
META = (
    tuple(f"channel={c}" for c in CHANNELS)
    + tuple(f"author={a}" for a in AUTHOR_TYPES)
    + ("short",)
    + tuple(f"cue={g}" for g in GROUPS)
    + tuple(f"earned*cue={g}" for g in EARNED_CUES)
)
SHORT_CHARS = 60  # posts this short are mostly hashtags, links or one-liners


@dataclass(frozen=True)
class FeatureSpec:
    """How text becomes columns; stored in the artifact so labeling matches training."""

    char_bits: int = 20
    word_bits: int = 20
    char_min: int = 3  # 2-grams: same cross-validated F1, 25% more work
    char_max: int = 5
    char_weight: float = 1.0  # length of each text's character block after normalization
    word_weight: float = 1.0  # same for the word block; the ratio decides which one leads
    earned_weights: bool = True  # a second set of weights for earned posts (+1 point, writers held out)

    @property
    def char_size(self) -> int:
        """Width of the character n-gram block."""
        return 1 << self.char_bits

    @property
    def word_size(self) -> int:
        """Width of the word n-gram block."""
        return 1 << self.word_bits

    @property
    def meta_start(self) -> int:
        """First META column."""
        return self.char_size + self.word_size

    @property
    def n_features(self) -> int:
        """Total number of columns."""
        return self.meta_start + len(META)

    def to_dict(self) -> dict[str, float]:
        """Plain dict for the artifact manifest."""
        return asdict(self)


@dataclass(frozen=True)
class Encoded:
    """A frame of model texts encoded once, reused by features and sentiment."""

    corpus: Corpus
    tokens: Tokens


def encode_texts(texts: pd.Series) -> Encoded:
    """Code points and word tokens of the prepared texts."""
    corpus = encode(texts.tolist())
    return Encoded(corpus, words(corpus))


@dataclass(frozen=True)
class Stream:
    """Occurrences of hashed columns: `doc` (sorted) and `col` are parallel int64 arrays."""

    doc: np.ndarray
    col: np.ndarray


@dataclass(frozen=True)
class Features:
    """A frame's features: character and word occurrence streams and the META facts."""

    n_docs: int
    char: Stream
    word: Stream
    meta: np.ndarray  # (n_docs, len(META)) float32 0/1


def _meta(posts: pd.DataFrame, lengths: np.ndarray, cues: np.ndarray) -> np.ndarray:
    """One column per META fact: 0/1 facts, then log(1 + count) per cue group."""
    channel = posts["channel"].astype("str").str.lower().to_numpy()
    author = posts["author_type"].astype("str").str.lower().to_numpy()
    columns = []
    for name in META:
        kind, _, value = name.partition("=")
        if kind == "channel":
            columns.append(channel == value)
        elif kind == "author":
            columns.append(author == value)
        elif kind == "short":
            columns.append(lengths < SHORT_CHARS)
        elif kind == "cue":
            columns.append(cues[:, GROUPS.index(value)])
        else:
            columns.append(cues[:, GROUPS.index(value)] * (author == "earned"))
    return np.stack(columns, axis=1).astype(np.float32)


def featurize(posts: pd.DataFrame, encoded: Encoded, spec: FeatureSpec) -> Features:
    """Occurrence streams and META facts, one row per post (rows of `posts` and `encoded` align)."""
    corpus = encoded.corpus
    c_doc, c_col = char_ngrams(corpus, spec.char_min, spec.char_max, spec.char_bits)
    w_doc, w_col = word_ngrams(encoded.tokens, spec.word_bits)
    lengths = np.bincount(corpus.doc, minlength=corpus.n_docs)
    return Features(
        n_docs=corpus.n_docs,
        char=Stream(c_doc, c_col),
        word=Stream(w_doc, spec.char_size + w_col),
        meta=_meta(posts.reset_index(drop=True), lengths, cue_counts(encoded.tokens, corpus.n_docs)),
    )


def document_frequency(features: Features, spec: FeatureSpec) -> np.ndarray:
    """Number of texts each column occurs in (META columns included)."""
    df = np.zeros(spec.n_features, dtype=np.int64)
    for stream in (features.char, features.word):
        pairs = np.unique(stream.doc * spec.n_features + stream.col)
        df += np.bincount(pairs % spec.n_features, minlength=spec.n_features)
    df[spec.meta_start :] = (features.meta > 0).sum(axis=0)
    return df
