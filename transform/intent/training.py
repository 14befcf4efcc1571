"""Build the intent artifact from the dev set's train split, reproducibly.

`build_artifact()` is what `crosstalk intent train` runs: hyper-parameters are chosen by 5-fold
cross-validation on the train split only (the test split is never read here), probabilities are
calibrated with one temperature per head fitted on out-of-fold scores, and the version string is
a hash of the training rows, the parameters and the labeler's code, so the same inputs always
give the same version and any change to them gives a new one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import minimize_scalar
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, StratifiedKFold

from transform.intent import OBJECTIVES, THEMES, ridge
from transform.intent.dataset import DEVSET_DIR, load_devset
from transform.intent.features import META, Features, FeatureSpec, Stream, document_frequency
from transform.intent.labeler import ARTIFACT_PATH, prepare
from transform.intent.model import Head, IntentModel, RuleWeights, earned_rows, softmax
from transform.intent.signals import Signals

# The modules whose code decides the labels: editing any of them changes the version.
_CODE = ("text", "hashing", "cues", "features", "signals", "sentiment", "model", "labeler", "ridge", "training")
_ROW_FIELDS = ("id", "channel", "author_type", "company", "text", "objective", "theme")
ALPHA_GRID = (0.1, 0.2, 0.4, 0.8)
MIN_DF_GRID = (2,)  # 1 and 3 measured within half a point of 2, at twice the training time
CAREERS_LINK_GRID = (0.0, 1.0, 2.0, 3.0)
FOLDS = 5


@dataclass(frozen=True)
class TrainParams:
    """Every choice that shapes the artifact besides the data."""

    alpha_objective: float = 0.1
    alpha_theme: float = 0.1
    min_df: int = 2
    careers_link: float = 2.0
    override: float = 4.0


@dataclass(frozen=True)
class TrainingData:
    """Prepared training rows: hashed counts, rule signals and label indices."""

    features: Features
    signals: Signals
    objective: np.ndarray  # index into OBJECTIVES
    theme: np.ndarray  # index into THEMES
    groups: np.ndarray  # who wrote each row (dev-set file): cross-validation holds out whole writers

    def subset(self, rows: np.ndarray) -> TrainingData:
        """The same data restricted to `rows` (taken in ascending order)."""
        rows = np.sort(np.asarray(rows))
        s, f = self.signals, self.features
        return TrainingData(
            subset_features(f, rows),
            Signals(s.careers_link[rows], s.recruiting_override[rows], s.marketing_override[rows]),
            self.objective[rows],
            self.theme[rows],
            self.groups[rows],
        )


def subset_features(features: Features, rows: np.ndarray) -> Features:
    """The features of `rows` (ascending), renumbered 0..len(rows)-1."""
    rows = np.sort(np.asarray(rows))
    new = np.full(features.n_docs, -1, dtype=np.int64)
    new[rows] = np.arange(len(rows))

    def pick(stream: Stream) -> Stream:
        doc = new[stream.doc]
        keep = doc >= 0
        return Stream(doc[keep], stream.col[keep])

    return Features(len(rows), pick(features.char), pick(features.word), features.meta[rows])


def training_data(frame: pd.DataFrame, spec: FeatureSpec) -> TrainingData:
    """Prepare labeled posts; company overrides from a config are not used in training."""
    prepared = prepare(frame, None, spec)
    objective = pd.Categorical(frame["objective"], categories=OBJECTIVES).codes
    theme = pd.Categorical(frame["theme"], categories=THEMES).codes
    groups = frame["source"] if "source" in frame else pd.Series("all", index=frame.index)
    return TrainingData(
        prepared.features, prepared.signals, np.asarray(objective), np.asarray(theme), groups.astype(str).to_numpy()
    )


def vocabulary(data: TrainingData, spec: FeatureSpec, params: TrainParams, version: str = "unversioned") -> IntentModel:
    """A model with the vocabulary and idf of `data` and empty heads."""
    n = data.features.n_docs
    df = document_frequency(data.features, spec)
    keep = df >= params.min_df
    keep[spec.meta_start :] = df[spec.meta_start :] > 0
    columns = np.flatnonzero(keep)
    idf = (np.log((1 + n) / (1 + df[columns])) + 1).astype(np.float32)
    empty = Head((), np.zeros((len(columns), 0), np.float32), np.zeros(0, np.float32))
    return IntentModel(
        version, spec, columns, idf, float(np.log(1 + n) + 1), empty, empty,
        RuleWeights(params.careers_link, params.override),
    )


def _head(fit: ridge.DualFit, x: sp.csr_matrix, earned: np.ndarray | None, classes: tuple[str, ...]) -> Head:
    """A solved dual as a linear head over the vocabulary (classes absent from training never win)."""
    coef, earned_coef, intercept = ridge.primal(fit, x, earned)
    return Head(
        classes,
        coef.astype(np.float32),
        intercept.astype(np.float32),
        earned_coef=earned_coef.astype(np.float32) if earned_coef is not None else None,
    )


def fit(data: TrainingData, spec: FeatureSpec, params: TrainParams, version: str = "unversioned") -> IntentModel:
    """Vocabulary and idf from `data`, then both heads (temperatures stay 1).

    Ridge, not logistic regression: it was 2-3 points of objective macro-F1 better on writers the
    model had not seen (docs/intent_evaluation.md) — squared loss keeps many small weights
    instead of a few large ones, which carries better to another writer's wording.
    """
    model = vocabulary(data, spec, params, version)
    x = model.transform(data.features)
    earned = earned_rows(data.features) if spec.earned_weights else None
    k = ridge.kernel(x, x, earned, earned)
    model.objective = _head(ridge.solve(k, data.objective, len(OBJECTIVES), params.alpha_objective), x, earned, OBJECTIVES)
    model.theme = _head(ridge.solve(k, data.theme, len(THEMES), params.alpha_theme), x, earned, THEMES)
    return model


def out_of_fold_grid(
    data: TrainingData, spec: FeatureSpec, alphas: tuple[float, ...], min_df: int
) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """For each alpha, out-of-fold objective logits (without rule signals) and theme logits.

    One vocabulary and one kernel per fold serve every alpha and both heads."""
    n = data.features.n_docs
    out = {a: (np.zeros((n, len(OBJECTIVES))), np.zeros((n, len(THEMES)))) for a in alphas}
    for train_rows, valid_rows in folds(data):
        part = data.subset(train_rows)
        model = vocabulary(part, spec, TrainParams(min_df=min_df))
        x = model.transform(part.features)
        xv = model.transform(subset_features(data.features, valid_rows))
        e = ev = None
        if spec.earned_weights:
            e, ev = earned_rows(part.features), earned_rows(subset_features(data.features, valid_rows))
        k, kv = ridge.kernel(x, x, e, e), ridge.kernel(xv, x, ev, e)
        for a in alphas:
            obj, theme = out[a]
            obj[valid_rows] = ridge.decision(ridge.solve(k, part.objective, len(OBJECTIVES), a), kv)
            theme[valid_rows] = ridge.decision(ridge.solve(k, part.theme, len(THEMES), a), kv)
    return out


def out_of_fold(data: TrainingData, spec: FeatureSpec, params: TrainParams) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold objective logits (without rule signals) and theme logits for every row."""
    grid = out_of_fold_grid(data, spec, tuple({params.alpha_objective, params.alpha_theme}), params.min_df)
    return grid[params.alpha_objective][0], grid[params.alpha_theme][1]


def folds(data: TrainingData) -> list[tuple[np.ndarray, np.ndarray]]:
    """Cross-validation folds that hold out whole writers (dev-set files) when there are enough
    of them: the labeler is judged on posts by people it never saw, and folds that mix a
    writer's posts into both sides overstate that by several points. Stratified otherwise."""
    n, writers = data.features.n_docs, np.unique(data.groups)
    if len(writers) >= FOLDS:
        return list(GroupKFold(n_splits=FOLDS).split(np.zeros(n), data.objective, data.groups))
    return list(StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0).split(np.zeros(n), data.objective))


def with_rules(logits: np.ndarray, signals: Signals, careers_link: float) -> np.ndarray:
    """Objective logits plus the careers-link log-odds (config overrides never fire in training)."""
    out = logits.copy()
    out[:, OBJECTIVES.index("recruiting")] += careers_link * signals.careers_link
    return out


def macro_f1(y: np.ndarray, logits: np.ndarray) -> float:
    """Macro-F1 of argmax predictions over the classes present in `y`."""
    return float(f1_score(y, logits.argmax(axis=1), average="macro", labels=np.unique(y)))


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature minimizing the negative log-likelihood of out-of-fold scores."""

    def nll(t: float) -> float:
        p = softmax(logits, t)[np.arange(len(y)), y]
        return float(-np.log(np.clip(p, 1e-12, 1)).mean())

    return float(minimize_scalar(nll, bounds=(0.005, 20.0), method="bounded").x)


def tune(data: TrainingData, spec: FeatureSpec) -> tuple[TrainParams, dict[str, Any]]:
    """Grid search by cross-validated macro-F1 on the train split; returns params and CV figures."""
    best_obj: tuple[float, float, int, float] | None = None
    best_theme: tuple[float, float, int] | None = None
    for min_df in MIN_DF_GRID:
        grid = out_of_fold_grid(data, spec, ALPHA_GRID, min_df)
        for alpha, (obj, theme) in grid.items():
            for weight in CAREERS_LINK_GRID:
                score = macro_f1(data.objective, with_rules(obj, data.signals, weight))
                if best_obj is None or score > best_obj[0] + 1e-9:
                    best_obj = (score, alpha, min_df, weight)
            score = macro_f1(data.theme, theme)
            if best_theme is None or score > best_theme[0] + 1e-9:
                best_theme = (score, alpha, min_df)
    assert best_obj is not None and best_theme is not None
    # One vocabulary serves both heads: the objective's min_df wins (it is the headline metric).
    params = TrainParams(
        alpha_objective=best_obj[1], alpha_theme=best_theme[1], min_df=best_obj[2], careers_link=best_obj[3]
    )
    return params, {"objective_macro_f1": round(best_obj[0], 4), "theme_macro_f1": round(best_theme[0], 4)}


def version_of(train: pd.DataFrame, spec: FeatureSpec, params: TrainParams) -> str:
    """`ridge-` + 10 hex digits of a hash over training rows, spec, params and labeler code."""
    digest = hashlib.sha256()
    rows = train.sort_values("id")[list(_ROW_FIELDS)].astype(str).to_numpy().tolist()
    digest.update(json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    digest.update(json.dumps([spec.to_dict(), asdict(params)], sort_keys=True).encode("utf-8"))
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / f"{name}.py").read_bytes())
    return f"ridge-{digest.hexdigest()[:10]}"


def build_artifact(
    devset_dir: Path = DEVSET_DIR,
    out_path: Path = ARTIFACT_PATH,
    spec: FeatureSpec | None = None,
    params: TrainParams | None = None,
) -> IntentModel:
    """Tune (unless `params` is given), calibrate, fit on the whole train split and save."""
    spec = spec or FeatureSpec()
    devset = load_devset(devset_dir)
    train = devset[devset["split"] == "train"].reset_index(drop=True)
    data = training_data(train, spec)
    cv: dict[str, Any] = {}
    if params is None:
        params, cv = tune(data, spec)
    obj, theme = out_of_fold(data, spec, params)
    obj = with_rules(obj, data.signals, params.careers_link)
    cv.update(
        {
            "objective_macro_f1_at_params": round(macro_f1(data.objective, obj), 4),
            "theme_macro_f1_at_params": round(macro_f1(data.theme, theme), 4),
        }
    )
    version = version_of(train, spec, params)
    model = fit(data, spec, params, version)
    model.objective = replace(model.objective, temperature=fit_temperature(obj, data.objective))
    model.theme = replace(model.theme, temperature=fit_temperature(theme, data.theme))
    model.manifest = {
        "trained_on": "train split of transform/intent/devset (test split never read)",
        "train_rows": int(len(train)),
        "train_by_source": train["source"].value_counts().sort_index().to_dict(),
        "params": asdict(params),
        "cross_validation": {"folds": FOLDS, "held_out": "whole writers (dev-set files)", **cv},
        "vocabulary": int(len(model.columns)),
        "meta_features": list(META),
    }
    model.save(out_path)
    return model
