"""The trained intent model as plain arrays: idf, two linear classifiers, calibration, rule weights.

The artifact is one `.npz` of numeric arrays plus a JSON manifest inside it, loaded with
`allow_pickle=False`: no pickled sklearn objects, so it does not break when scikit-learn is
upgraded and loading it cannot execute code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from transform.intent.features import Features, FeatureSpec, Stream
from transform.intent.signals import Signals


@dataclass(frozen=True)
class Head:
    """One linear softmax classifier over the model's vocabulary."""

    classes: tuple[str, ...]
    coef: np.ndarray  # (vocabulary, classes) float32
    intercept: np.ndarray  # (classes,)
    temperature: float = 1.0  # fitted on out-of-fold training scores; >1 softens

    def logits(self, x: sp.csr_matrix) -> np.ndarray:
        """Raw class scores for normalized vocabulary rows."""
        return np.asarray(x @ self.coef) + self.intercept


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Row-wise softmax of logits / temperature."""
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class RuleWeights:
    """Log-odds the rule signals add to the objective scores."""

    careers_link: float = 2.0
    override: float = 4.0  # analysts' config entries are deliberate: near-certain


@dataclass
class IntentModel:
    """Vocabulary, idf and the objective and theme heads; `transform` + `predict` label rows."""

    version: str
    spec: FeatureSpec
    columns: np.ndarray  # sorted hashed column ids kept in the vocabulary (int64)
    idf: np.ndarray  # idf per vocabulary column (float32)
    default_idf: float  # idf of any column outside the vocabulary (never seen in training)
    objective: Head
    theme: Head
    rules: RuleWeights = field(default_factory=RuleWeights)
    manifest: dict[str, Any] = field(default_factory=dict)
    _lookup: np.ndarray | None = field(default=None, repr=False)

    def _index(self) -> np.ndarray:
        """Hashed column -> vocabulary index (-1 outside the vocabulary), built once."""
        if self._lookup is None:
            # int16 when the vocabulary allows: half the table, fewer cache misses per lookup.
            dtype = np.int16 if len(self.columns) < np.iinfo(np.int16).max else np.int32
            index = np.full(self.spec.n_features, -1, dtype=dtype)
            index[self.columns] = np.arange(len(self.columns), dtype=dtype)
            self._lookup = index
        return self._lookup

    def _idf_or_default(self) -> np.ndarray:
        """idf per vocabulary column with the default idf appended (read at index -1)."""
        return np.append(self.idf, np.float32(self.default_idf)).astype(np.float32)

    def _block(self, stream: Stream, n: int, scale: float) -> sp.csr_matrix:
        """One block's tf-idf rows over the vocabulary, scaled to unit length per text.

        Built straight from the text-sorted occurrence stream: an occurrence contributes
        idf / norm, repeated occurrences add up in the product (tf * idf), and the norm is
        sqrt(sum of idf**2 over occurrences). Columns never seen in training count in the norm
        with the largest idf, so a post full of unknown words is not mistaken for a confident one.
        """
        vi = self._index()[stream.col]
        known = vi >= 0
        weight = self._idf_or_default()[vi]  # index -1 (unknown column) reads the default at the end
        norm = np.sqrt(np.bincount(stream.doc, weights=weight * weight, minlength=n))
        norm[norm == 0] = 1.0
        norm /= scale
        doc = stream.doc[known]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(doc, minlength=n), out=indptr[1:])
        data = weight[known] / norm[doc].astype(np.float32)
        return sp.csr_matrix((data, vi[known], indptr), shape=(n, len(self.columns)))

    def parts(self, features: Features) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
        """Character block, word block and META facts, each as rows over the vocabulary."""
        n = features.n_docs
        meta_cols = self._index()[self.spec.meta_start : self.spec.meta_start + features.meta.shape[1]]
        present = meta_cols >= 0
        meta = sp.csr_matrix(
            (features.meta[:, present].ravel(), (np.repeat(np.arange(n), present.sum()), np.tile(meta_cols[present], n))),
            shape=(n, len(self.columns)),
        )
        return (
            self._block(features.char, n, self.spec.char_weight),
            self._block(features.word, n, self.spec.word_weight),
            meta,
        )

    def transform(self, features: Features) -> sp.csr_matrix:
        """The design matrix: the three parts summed (used for training and inspection)."""
        char, word, meta = self.parts(features)
        x = (char + word + meta).tocsr()
        x.sum_duplicates()
        return x

    def _logits(self, head: Head, parts: tuple[sp.csr_matrix, ...]) -> np.ndarray:
        return sum(np.asarray(p @ head.coef) for p in parts) + head.intercept

    def objective_logits(self, parts: tuple[sp.csr_matrix, ...], signals: Signals | None) -> np.ndarray:
        """Objective scores with the rule signals' log-odds added."""
        logits = self._logits(self.objective, parts)
        if signals is not None:
            classes = list(self.objective.classes)
            rec, mkt = classes.index("recruiting"), classes.index("marketing")
            logits[:, rec] += self.rules.careers_link * signals.careers_link
            logits[:, rec] += self.rules.override * signals.recruiting_override
            logits[:, mkt] += self.rules.override * signals.marketing_override
        return logits

    def theme_logits(self, parts: tuple[sp.csr_matrix, ...]) -> np.ndarray:
        """Theme scores."""
        return self._logits(self.theme, parts)

    def predict(self, features: Features, signals: Signals | None) -> tuple[np.ndarray, np.ndarray]:
        """Calibrated (objective, theme) class probabilities, columns in each head's class order."""
        parts = self.parts(features)
        objective = softmax(self.objective_logits(parts, signals), self.objective.temperature)
        theme = softmax(self.theme_logits(parts), self.theme.temperature)
        return objective, theme

    def save(self, path: Path) -> None:
        """Write the artifact (`.npz`, compressed) and a readable manifest beside it (`.json`)."""
        meta = {
            "version": self.version,
            "spec": self.spec.to_dict(),
            "default_idf": self.default_idf,
            "objective_classes": list(self.objective.classes),
            "theme_classes": list(self.theme.classes),
            "objective_temperature": self.objective.temperature,
            "theme_temperature": self.theme.temperature,
            "rules": {"careers_link": self.rules.careers_link, "override": self.rules.override},
            "manifest": self.manifest,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        # float16 coefficients halve the file; predictions move by < 1e-3 in probability.
        np.savez_compressed(
            path,
            meta=np.array(json.dumps(meta, sort_keys=True)),
            columns=self.columns.astype(np.int32),
            idf=self.idf.astype(np.float16),
            objective_coef=self.objective.coef.astype(np.float16),
            objective_intercept=self.objective.intercept.astype(np.float32),
            theme_coef=self.theme.coef.astype(np.float16),
            theme_intercept=self.theme.intercept.astype(np.float32),
        )
        path.with_suffix(".json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> IntentModel:
        """Read an artifact written by `save`."""
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            arrays = {k: z[k] for k in z.files if k != "meta"}
        return cls(
            version=meta["version"],
            spec=FeatureSpec(**meta["spec"]),
            columns=arrays["columns"].astype(np.int64),
            idf=arrays["idf"].astype(np.float32),
            default_idf=float(meta["default_idf"]),
            objective=Head(
                tuple(meta["objective_classes"]),
                arrays["objective_coef"].astype(np.float32),
                arrays["objective_intercept"],
                float(meta["objective_temperature"]),
            ),
            theme=Head(
                tuple(meta["theme_classes"]),
                arrays["theme_coef"].astype(np.float32),
                arrays["theme_intercept"],
                float(meta["theme_temperature"]),
            ),
            rules=RuleWeights(**meta["rules"]),
            manifest=meta.get("manifest", {}),
        )
