"""The trained intent model as plain arrays: idf, two linear classifiers, calibration, rule weights.

The artifact is one `.npz` of numeric arrays plus a JSON manifest inside it, loaded with
`allow_pickle=False`: no pickled sklearn objects, so it does not break when scikit-learn is
upgraded and loading it cannot execute code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from transform.intent.features import META, Features, FeatureSpec, Stream
from transform.intent.signals import Signals


@dataclass(frozen=True)
class Head:
    """One linear softmax classifier over the model's vocabulary."""

    classes: tuple[str, ...]
    coef: np.ndarray  # (vocabulary, classes) float32
    intercept: np.ndarray  # (classes,)
    temperature: float = 1.0  # fitted on out-of-fold training scores; >1 softens
    # Extra weights that apply to earned posts only: "my interview", "proud", "finally fixed" mean
    # different audiences when the company writes them and when someone else does.
    earned_coef: np.ndarray | None = None  # (vocabulary, classes) or None

    @cached_property
    def padded(self) -> np.ndarray:
        """Coefficients with a zero row appended for the unknown column."""
        return _pad(self.coef)

    @cached_property
    def earned_padded(self) -> np.ndarray:
        """Earned-only coefficients (zeros when the head has none), padded like `padded`."""
        return _pad(self.earned_coef if self.earned_coef is not None else np.zeros_like(self.coef))

    def logits(self, x: sp.csr_matrix) -> np.ndarray:
        """Raw class scores for normalized rows over the vocabulary (with or without the unknown column)."""
        coef = self.padded if x.shape[1] == self.coef.shape[0] + 1 else self.coef
        return np.asarray(x @ coef) + self.intercept


def _pad(coef: np.ndarray) -> np.ndarray:
    """`coef` with a zero row appended for the unknown column."""
    return np.vstack((coef, np.zeros((1, coef.shape[1]), coef.dtype)))


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
    _idf_ext: np.ndarray | None = field(default=None, repr=False)

    def _index(self) -> np.ndarray:
        """Hashed column -> vocabulary index; columns outside the vocabulary map to the extra
        last index `len(columns)`, whose coefficients are zero and whose idf is the default."""
        if self._lookup is None:
            vocabulary = len(self.columns)
            index = np.full(self.spec.n_features, vocabulary, dtype=np.int32)
            index[self.columns] = np.arange(vocabulary, dtype=np.int32)
            self._lookup = index
        return self._lookup

    def _idf_or_default(self) -> np.ndarray:
        """idf per vocabulary column with the default idf appended for the unknown column."""
        if self._idf_ext is None:
            self._idf_ext = np.append(self.idf, np.float32(self.default_idf)).astype(np.float32)
        return self._idf_ext

    def _block(self, stream: Stream, n: int, scale: float) -> sp.csr_matrix:
        """One block's tf-idf rows over the vocabulary (+ the unknown column), unit length per text.

        Built straight from the text-sorted occurrence stream, with no filtering or sorting: an
        occurrence contributes idf / norm, repeats add up in the product (tf * idf), and the
        norm is sqrt(sum of idf**2 over occurrences). Columns never seen in training count in
        the norm with the largest idf (so a post of unknown words is not read as a confident
        one) and land on the unknown column, which no class weighs.
        """
        vi = self._index()[stream.col]
        weight = self._idf_or_default()[vi]
        norm = np.sqrt(np.bincount(stream.doc, weights=weight * weight, minlength=n)).astype(np.float32)
        norm[norm == 0] = 1.0
        norm /= scale
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(stream.doc, minlength=n), out=indptr[1:])
        data = weight / norm[stream.doc]
        return sp.csr_matrix((data, vi, indptr), shape=(n, len(self.columns) + 1))

    def parts(self, features: Features) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
        """Character block, word block and META facts, each as rows over the vocabulary."""
        n = features.n_docs
        meta_cols = self._index()[self.spec.meta_start : self.spec.meta_start + features.meta.shape[1]]
        present = meta_cols < len(self.columns)
        meta = sp.csr_matrix(
            (features.meta[:, present].ravel(), (np.repeat(np.arange(n), present.sum()), np.tile(meta_cols[present], n))),
            shape=(n, len(self.columns) + 1),
        )
        return (
            self._block(features.char, n, self.spec.char_weight),
            self._block(features.word, n, self.spec.word_weight),
            meta,
        )

    def transform(self, features: Features) -> sp.csr_matrix:
        """The design matrix: the three parts summed (used for training and inspection)."""
        char, word, meta = self.parts(features)
        x = (char + word + meta).tocsr()[:, : len(self.columns)]  # drop the unknown column
        x.sum_duplicates()
        return x.tocsr()

    @cached_property
    def _both(self) -> np.ndarray:
        """Both heads' padded coefficients, and their earned-only ones, side by side: one sparse
        product serves all four."""
        heads = (self.objective.padded, self.theme.padded)
        if self.has_earned_weights:
            heads += (self.objective.earned_padded, self.theme.earned_padded)
        return np.hstack(heads)

    @property
    def has_earned_weights(self) -> bool:
        """Whether either head carries earned-only weights."""
        return self.objective.earned_coef is not None or self.theme.earned_coef is not None

    def logits(
        self, parts: tuple[sp.csr_matrix, ...], signals: Signals | None, earned: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(objective logits with the rule signals' log-odds added, theme logits); `earned` is
        1.0 for posts written by someone other than the company (adds the earned-only weights)."""
        scores = sum(np.asarray(p @ self._both) for p in parts)
        width = len(self.objective.classes) + len(self.theme.classes)
        both = scores[:, :width]
        if self.has_earned_weights and earned is not None:
            both = both + earned[:, None] * scores[:, width:]
        k = len(self.objective.classes)
        objective = both[:, :k] + self.objective.intercept
        theme = both[:, k:] + self.theme.intercept
        if signals is not None:
            classes = list(self.objective.classes)
            rec, mkt = classes.index("recruiting"), classes.index("marketing")
            objective[:, rec] += self.rules.careers_link * signals.careers_link
            objective[:, rec] += self.rules.override * signals.recruiting_override
            objective[:, mkt] += self.rules.override * signals.marketing_override
        return objective, theme

    def predict(self, features: Features, signals: Signals | None) -> tuple[np.ndarray, np.ndarray]:
        """Calibrated (objective, theme) class probabilities, columns in each head's class order."""
        objective, theme = self.logits(self.parts(features), signals, earned_rows(features))
        return softmax(objective, self.objective.temperature), softmax(theme, self.theme.temperature)

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
            **{
                f"{name}_earned_coef": head.earned_coef.astype(np.float16)
                for name, head in (("objective", self.objective), ("theme", self.theme))
                if head.earned_coef is not None
            },
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
                _optional(arrays, "objective_earned_coef"),
            ),
            theme=Head(
                tuple(meta["theme_classes"]),
                arrays["theme_coef"].astype(np.float32),
                arrays["theme_intercept"],
                float(meta["theme_temperature"]),
                _optional(arrays, "theme_earned_coef"),
            ),
            rules=RuleWeights(**meta["rules"]),
            manifest=meta.get("manifest", {}),
        )


def _optional(arrays: dict[str, np.ndarray], name: str) -> np.ndarray | None:
    """An artifact array as float32, or None for artifacts written before it existed."""
    return arrays[name].astype(np.float32) if name in arrays else None


def earned_rows(features: Features) -> np.ndarray:
    """1.0 for each post whose author type is earned, else 0.0."""
    return features.meta[:, META.index("author=earned")].astype(np.float32)
