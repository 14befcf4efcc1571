"""Class-balanced one-vs-rest ridge regression, solved in its dual (kernel) form.

The dev set has a few thousand posts and a few hundred thousand n-gram columns, so the n x n
kernel K = X Xᵀ is small: it is built once per cross-validation fold and every alpha and every
class is then one Cholesky solve, instead of one iterative solve over all columns per alpha and
class (measured 10x faster for the grid search). The solution is the one sklearn's
`RidgeClassifier(class_weight="balanced")` finds: targets ±1 per class, sample weights
n / (classes * count of the row's class), an unpenalized intercept from weighted centering.

Earned weights: every row's features appear twice, the second copy only on earned posts, so the
kernel of two rows is x_i · x_j (1 + e_i e_j) and the primal coefficients split into the weights
every post uses and the extra weights of earned posts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.linalg import cho_factor, cho_solve

ABSENT = -1e3  # score of a class the training rows never had: it never wins


def kernel(rows: sp.csr_matrix, cols: sp.csr_matrix, earned_rows: np.ndarray | None, earned_cols: np.ndarray | None) -> np.ndarray:
    """Dense kernel between two sets of rows (with the earned copy when both flags are given)."""
    k = np.asarray((rows @ cols.T).todense(), dtype=np.float64)
    if earned_rows is not None and earned_cols is not None:
        k *= 1.0 + np.outer(earned_rows, earned_cols)
    return k


@dataclass(frozen=True)
class DualFit:
    """A solved dual: predictions are centered-kernel rows times `dual` plus `mean_target`."""

    n_classes: int
    present: np.ndarray  # class indices seen in training, in order
    dual: np.ndarray  # (n, len(present))
    weights: np.ndarray  # (n,) sample weights normalized to sum 1
    mean_target: np.ndarray  # (len(present),) weighted mean of the ±1 targets
    kernel_weights: np.ndarray  # K w, shape (n,)
    center: float  # wᵀ K w


def solve(k: np.ndarray, y: np.ndarray, n_classes: int, alpha: float) -> DualFit:
    """Fit on the training kernel `k` and class indices `y`."""
    present, counts = np.unique(y, return_counts=True)
    s = (len(y) / (len(present) * counts))[np.searchsorted(present, y)]
    w = s / s.sum()
    targets = np.where(y[:, None] == present[None, :], 1.0, -1.0)
    mean_target = w @ targets
    kw = k @ w
    center = float(w @ kw)
    centered = k - kw[None, :] - kw[:, None] + center
    centered[np.diag_indices_from(centered)] += alpha / s  # weighted ridge: penalty / sample weight
    factor = cho_factor(centered, overwrite_a=True, check_finite=False)
    dual = cho_solve(factor, targets - mean_target, check_finite=False)
    return DualFit(n_classes, present, dual, w, mean_target, kw, center)


def decision(fit: DualFit, k_new: np.ndarray) -> np.ndarray:
    """(m, n_classes) scores of new rows from their kernel against the training rows."""
    centered = k_new - (k_new @ fit.weights)[:, None] - fit.kernel_weights[None, :] + fit.center
    out = np.full((k_new.shape[0], fit.n_classes), ABSENT)
    out[:, fit.present] = centered @ fit.dual + fit.mean_target
    return out


def primal(
    fit: DualFit, x: sp.csr_matrix, earned: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    """(coef, earned coef or None, intercept) over the columns of the training rows `x`."""
    back = fit.dual - np.outer(fit.weights, fit.dual.sum(axis=0))  # Cᵀ A, C = I - 1 wᵀ
    coef = np.zeros((x.shape[1], fit.n_classes), dtype=np.float64)
    coef[:, fit.present] = np.asarray(x.T @ back)
    mean_score = np.asarray(fit.weights @ x @ coef)
    earned_coef = None
    if earned is not None:
        earned_coef = np.zeros_like(coef)
        earned_coef[:, fit.present] = np.asarray(x.T @ (earned[:, None] * back))
        mean_score = mean_score + np.asarray((fit.weights * earned) @ x @ earned_coef)
    intercept = np.full(fit.n_classes, ABSENT)
    intercept[fit.present] = fit.mean_target - mean_score[fit.present]
    return coef, earned_coef, intercept
