"""Held-out evaluation: per-class precision / recall / F1, macro-F1 and confusion matrices for
objective and theme, for any labelers, measured the same way on the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from transform.intent import OBJECTIVES, THEMES, Labeler, label_posts
from transform.intent.model import IntentModel


@dataclass(frozen=True)
class Scores:
    """Metrics of one labeler on one target (objective or theme)."""

    per_class: pd.DataFrame  # precision, recall, f1, support per class
    macro_f1: float
    accuracy: float
    confusion: pd.DataFrame  # rows: true, columns: predicted


def score(truth: pd.Series, predicted: pd.Series, classes: tuple[str, ...]) -> Scores:
    """Metrics over the classes in `classes` (all of them shown, absent ones with support 0)."""
    labels = list(classes)
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    per_class = pd.DataFrame({"precision": p, "recall": r, "f1": f, "support": s}, index=labels)
    present = per_class["support"] > 0
    cm = confusion_matrix(truth, predicted, labels=labels)
    return Scores(
        per_class=per_class,
        macro_f1=float(per_class.loc[present, "f1"].mean()),
        accuracy=float((truth.to_numpy() == predicted.to_numpy()).mean()),
        confusion=pd.DataFrame(cm, index=[f"true {c}" for c in labels], columns=labels),
    )


def predictions(frame: pd.DataFrame, labelers: Mapping[str, Labeler]) -> dict[str, pd.DataFrame]:
    """Each labeler's label rows for `frame` (no config overrides: dev-set companies are fictional)."""
    return {name: label_posts(frame, None, labeler) for name, labeler in labelers.items()}


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size."""
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(correct[mask].mean() - confidence[mask].mean())
    return total / max(len(confidence), 1)


def _table(frame: pd.DataFrame, digits: int = 3) -> str:
    """A markdown table of a small frame."""
    head = "| | " + " | ".join(str(c) for c in frame.columns) + " |"
    rule = "|---" * (len(frame.columns) + 1) + "|"
    rows = []
    counts = {"support", "n", "trained on"}  # whole numbers that pandas stores as floats beside rates
    for index, row in frame.iterrows():
        cells = [
            str(int(v)) if column in counts else f"{v:.{digits}f}" if isinstance(v, float) else str(v)
            for column, v in zip(frame.columns, row.tolist(), strict=True)
        ]
        rows.append(f"| {index} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *rows])


def report(frame: pd.DataFrame, labelers: Mapping[str, Labeler], title: str) -> str:
    """Markdown report: for each target, every labeler's per-class table, macro-F1 and confusion."""
    preds = predictions(frame, labelers)
    lines = [f"## {title}", "", f"{len(frame)} posts.", ""]
    summary = []
    for target, classes in (("objective", OBJECTIVES), ("theme", THEMES)):
        for name, pred in preds.items():
            s = score(frame[target].reset_index(drop=True), pred[target], classes)
            summary.append({"labeler": name, "target": target, "macro_f1": s.macro_f1, "accuracy": s.accuracy})
            lines += [f"### {target} — {name}", "", f"macro-F1 **{s.macro_f1:.3f}**, accuracy {s.accuracy:.3f}", ""]
            lines += [_table(s.per_class), "", "Confusion (rows true, columns predicted):", ""]
            lines += [_table(s.confusion), ""]
    lines += ["### summary", "", _table(pd.DataFrame(summary).set_index("labeler")), ""]
    lines += _breakdowns(frame, preds)
    return "\n".join(lines)


def _breakdowns(frame: pd.DataFrame, preds: Mapping[str, pd.DataFrame]) -> list[str]:
    """Objective accuracy by hard-case kind, channel and author type; calibration of confidence."""
    frame = frame.reset_index(drop=True)
    lines = ["### objective accuracy by slice", ""]
    slices = []
    for column in ("hard_kind", "channel", "author_type", "lang"):
        keys = frame[column].fillna("(easy)" if column == "hard_kind" else "(none)")
        for key in sorted(keys.unique()):
            mask = (keys == key).to_numpy()
            row: dict[str, object] = {"slice": f"{column}={key}", "n": int(mask.sum())}
            for name, pred in preds.items():
                row[name] = float((pred["objective"].to_numpy()[mask] == frame["objective"].to_numpy()[mask]).mean())
            slices.append(row)
    lines += [_table(pd.DataFrame(slices).set_index("slice")), ""]
    lines += ["### calibration of `confidence` (objective)", ""]
    for name, pred in preds.items():
        correct = (pred["objective"].to_numpy() == frame["objective"].to_numpy()).astype(float)
        ece = expected_calibration_error(pred["confidence"].to_numpy(dtype=float), correct)
        lines.append(f"- {name}: mean confidence {pred['confidence'].mean():.3f}, accuracy {correct.mean():.3f}, ECE {ece:.3f}")
    return lines + [""]


def round_of(source: str) -> int:
    """The writing round of a dev-set file: its `_N` suffix (`x_reddit_2` -> 2), else 1."""
    tail = source.rsplit("_", 1)[-1]
    return int(tail) if tail.isdigit() else 1


def _retrained_scores(train: pd.DataFrame, held: pd.DataFrame, model: IntentModel) -> dict[str, object]:
    """Train a model like `model` (its spec and params) on `train`; macro-F1 of it and of the
    keyword baseline on `held`."""
    from transform.intent.labeler import LinearIntentLabeler
    from transform.intent.rules import KeywordRules
    from transform.intent.training import TrainParams, fit, training_data

    params = TrainParams(**model.manifest["params"])
    temp = LinearIntentLabeler(fit(training_data(train, model.spec), model.spec, params))
    row: dict[str, object] = {"trained on": len(train), "n": len(held)}
    for name, pred in predictions(held, {"model": temp, "rules-v0": KeywordRules()}).items():
        row[f"{name} objective F1"] = score(held["objective"], pred["objective"], OBJECTIVES).macro_f1
        row[f"{name} theme F1"] = score(held["theme"], pred["theme"], THEMES).macro_f1
    return row


def round_holdout_report(devset: pd.DataFrame, model: IntentModel) -> str:
    """Forward-in-time check: for each writing round r > 1, train (artifact's params) on the train
    rows of rounds before r and score every row of round r — writers who came later, as the team's
    independent set will, scored before any of their posts were trained on."""
    rounds = devset["source"].map(round_of)
    rows = []
    for r in sorted(rounds.unique())[1:]:
        train = devset[(rounds < r) & (devset["split"] == "train")].reset_index(drop=True)
        rows.append({"round": r, **_retrained_scores(train, devset[rounds == r].reset_index(drop=True), model)})
    table = _table(pd.DataFrame(rows).set_index("round"))
    return "## later writers: train on earlier rounds, score the next round (macro-F1)\n\n" + table + "\n"


def source_holdout_report(devset: pd.DataFrame, model: IntentModel) -> str:
    """Cross-writer check: for each dev-set file, train (artifact's params) on the other files'
    train rows and score every row of the left-out file — a writer and style never seen."""
    rows = []
    for source in sorted(devset["source"].unique()):
        train = devset[(devset["source"] != source) & (devset["split"] == "train")].reset_index(drop=True)
        held = devset[devset["source"] == source].reset_index(drop=True)
        rows.append({"left out": source, **_retrained_scores(train, held, model)})
    table = _table(pd.DataFrame(rows).set_index("left out"))
    return "## leave-one-file-out (macro-F1)\n\n" + table + "\n"
