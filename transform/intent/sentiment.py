"""Sentiment of every post from VADER's own lexicon, vectorized over the whole frame.

`vaderSentiment`'s analyzer is a Python loop per post (~11,000 posts/s here, before any other
labeling work), so it alone would break the 20,000 posts/s budget. This module keeps VADER's
lexicon, its negation words and scalar (-0.74), its booster increment (0.293), its
exclamation emphasis, its emoji descriptions and its compound normalization
(sum / sqrt(sum**2 + 15)) and thresholds (+-0.05), and evaluates them with array operations.
Left out: ALL-CAPS emphasis, the "but" re-weighting, "kind of" and idiom rules. The lexicon is
English: German, French and Spanish posts mostly come out neutral (docs/intent_evaluation.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from transform.intent.hashing import Corpus, Tokens, word_hashes

N_SCALAR = -0.74
B_INCR = 0.293
EXCLAMATION = 0.292
ALPHA = 15.0
THRESHOLD = 0.05


@dataclass(frozen=True)
class _Lexicon:
    hashes: np.ndarray  # sorted raw token hashes of lexicon words
    valence: np.ndarray
    negators: np.ndarray  # sorted raw hashes
    boosters: np.ndarray  # sorted raw hashes (increments and dampeners share the magnitude)
    booster_sign: np.ndarray
    emoji: np.ndarray  # sorted code points of single-code-point emoji
    emoji_valence: np.ndarray


def _vader_dir() -> Path:
    import vaderSentiment

    return Path(vaderSentiment.__file__).resolve().parent


def _sorted(hashes: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = hashes != 0
    hashes, values = hashes[keep], values[keep]
    hashes, first = np.unique(hashes, return_index=True)
    return hashes, values[first]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """VADER's lexicon, negations, boosters and emoji valences, hashed like post tokens."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE

    rows = (_vader_dir() / "vader_lexicon.txt").read_text(encoding="utf-8").splitlines()
    entries = [r.split("\t")[:2] for r in rows if r.strip()]
    lex_words = [w for w, _ in entries]
    valence = np.array([float(v) for _, v in entries])
    hashes, valence = _sorted(word_hashes(lex_words), valence)
    # "don't" is split into "do not" before hashing, so the bare forms suffice.
    negate = [w.replace("'", "") for w in NEGATE]
    neg = np.unique(word_hashes(negate))
    neg = neg[neg != 0]
    boost_words = list(BOOSTER_DICT)
    boost, boost_sign = _sorted(word_hashes(boost_words), np.sign([BOOSTER_DICT[w] for w in boost_words]))
    # An emoji scores as the sum of the lexicon words in its description, as VADER does.
    emoji_rows = (_vader_dir() / "emoji_utf8_lexicon.txt").read_text(encoding="utf-8").splitlines()
    lookup = dict(entries)
    points, emoji_val = [], []
    for row in emoji_rows:
        symbol, _, description = row.partition("\t")
        if len(symbol) != 1:
            continue
        score = sum(float(lookup.get(w, 0.0)) for w in description.split())
        if score:
            points.append(ord(symbol))
            emoji_val.append(score)
    order = np.argsort(points)
    return _Lexicon(
        hashes,
        valence,
        neg,
        boost,
        boost_sign.astype(float),
        np.asarray(points, dtype=np.uint32)[order],
        np.asarray(emoji_val, dtype=float)[order],
    )


def _lookup(keys: np.ndarray, table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index into `table` of each key and whether it was found."""
    if len(table) == 0:
        return np.zeros(len(keys), np.int64), np.zeros(len(keys), bool)
    pos = np.searchsorted(table, keys).clip(0, len(table) - 1)
    return pos, table[pos] == keys


def _previous(values: np.ndarray, tokens: Tokens, k: int) -> np.ndarray:
    """`values` of the token k places earlier in the same text (False/0 when there is none)."""
    n = len(values)
    k = min(k, n)
    shifted = np.concatenate((np.zeros(k, values.dtype), values[: n - k]))
    same = np.concatenate((np.zeros(k, bool), tokens.doc[k:] == tokens.doc[: n - k]))
    return np.where(same, shifted, np.zeros(1, values.dtype))


def score(corpus: Corpus, tokens: Tokens, exclamations: np.ndarray) -> np.ndarray:
    """VADER-style compound score in [-1, 1] per text."""
    lex = lexicon()
    # One lookup per table for every token; neighbours' facts are shifted arrays, not lookups.
    pos, found = _lookup(tokens.hashes, lex.hashes)
    bpos, is_booster = _lookup(tokens.hashes, lex.boosters)
    is_negator = _lookup(tokens.hashes, lex.negators)[1]
    found &= ~is_booster  # booster words carry no valence of their own in VADER
    valence = np.where(found, lex.valence[pos], 0.0)
    # A booster pushes the next sentiment word further from zero ("really good").
    booster_sign = np.where(is_booster, lex.booster_sign[bpos], 0.0)
    valence = valence + _previous(booster_sign, tokens, 1) * B_INCR * np.sign(valence)
    # A negation within the three preceding words flips and damps, as in VADER.
    negated = _previous(is_negator, tokens, 1) | _previous(is_negator, tokens, 2) | _previous(is_negator, tokens, 3)
    valence = np.where(negated, valence * N_SCALAR, valence)
    total = np.bincount(tokens.doc, weights=valence, minlength=corpus.n_docs).astype(float)
    epos, is_emoji = _lookup(corpus.codes, lex.emoji)
    total += np.bincount(corpus.doc[is_emoji], weights=lex.emoji_valence[epos[is_emoji]], minlength=corpus.n_docs)
    total += np.sign(total) * np.minimum(exclamations, 4) * EXCLAMATION
    return total / np.sqrt(total * total + ALPHA)


def polarity(compound: np.ndarray) -> np.ndarray:
    """positive / neutral / negative by VADER's standard thresholds."""
    return np.select([compound >= THRESHOLD, compound <= -THRESHOLD], ["positive", "negative"], "neutral")


def sentiment_frame(corpus: Corpus, tokens: Tokens, lowered: pd.Series) -> pd.DataFrame:
    """`sentiment` and `sentiment_score` columns for the texts of `corpus`."""
    compound = score(corpus, tokens, lowered.str.count("!").to_numpy(dtype=float))
    return pd.DataFrame({"sentiment": polarity(compound), "sentiment_score": compound.round(4)})
