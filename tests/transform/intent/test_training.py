import numpy as np

from transform.intent.dataset import split_of
from transform.intent.features import FeatureSpec
from transform.intent.training import TrainParams, fit, fit_temperature, training_data, version_of


def test_split_is_stable_and_about_thirty_percent():
    ids = [f"post-{i}" for i in range(2000)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    assert 0.25 < splits.count("test") / len(ids) < 0.35


def test_version_changes_with_training_data_and_not_otherwise(tiny):
    spec, params = FeatureSpec(), TrainParams()
    v1 = version_of(tiny, spec, params)
    assert v1 == version_of(tiny.sample(frac=1, random_state=3), spec, params), "row order is irrelevant"
    edited = tiny.copy()
    edited.loc[0, "objective"] = "marketing"
    assert version_of(edited, spec, params) != v1
    assert version_of(tiny, spec, TrainParams(alpha_objective=1.0)) != v1
    assert v1.startswith("ridge-") and len(v1) <= 40


def test_training_is_reproducible(tiny):
    spec = FeatureSpec(char_bits=16, word_bits=16)
    data = training_data(tiny, spec)
    a = fit(data, spec, TrainParams(min_df=1))
    b = fit(data, spec, TrainParams(min_df=1))
    assert np.array_equal(a.columns, b.columns)
    assert np.allclose(a.objective.coef, b.objective.coef)


def test_temperature_softens_overconfident_scores():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 300)
    logits = rng.normal(size=(300, 3))
    logits[np.arange(300), y] += 1.0
    assert fit_temperature(logits * 10, y) > 3


def test_shipped_artifact_is_built_from_the_current_dev_set_and_code():
    """Fails when the dev set or the labeler code changed without `crosstalk intent train`."""
    import pytest

    from transform.intent.dataset import load_devset
    from transform.intent.labeler import ARTIFACT_PATH
    from transform.intent.model import IntentModel

    if not ARTIFACT_PATH.exists():
        pytest.skip("no artifact built")
    model = IntentModel.load(ARTIFACT_PATH)
    devset = load_devset()
    train = devset[devset["split"] == "train"].reset_index(drop=True)
    params = TrainParams(**model.manifest["params"])
    assert version_of(train, model.spec, params) == model.version, "run `crosstalk intent train`"


def test_folds_hold_out_whole_writers(tiny):
    from transform.intent.training import folds

    spec = FeatureSpec(char_bits=16, word_bits=16)
    frame = tiny.assign(source=[f"writer{i % 6}" for i in range(len(tiny))])
    data = training_data(frame, spec)
    for train_rows, valid_rows in folds(data):
        assert not set(data.groups[train_rows]) & set(data.groups[valid_rows])
    single = training_data(tiny, spec)  # one writer: stratified folds, every row validated once
    assert sorted(np.concatenate([v for _, v in folds(single)]).tolist()) == list(range(len(tiny)))


def test_later_round_report_trains_only_on_earlier_rounds(tiny):
    from transform.intent.evaluation import round_holdout_report, round_of

    assert (round_of("x_reddit"), round_of("x_reddit_2"), round_of("multilingual_5")) == (1, 2, 5)
    spec = FeatureSpec(char_bits=16, word_bits=16)
    frame = tiny.assign(source=["early"] * 16 + ["later_2"] * 6, split="train")
    model = fit(training_data(frame, spec), spec, TrainParams(min_df=1))
    model.manifest = {"params": {"min_df": 1}}
    text = round_holdout_report(frame, model)
    assert "| 2 | 16 | 6 |" in text, text


def test_dual_ridge_matches_sklearn_ridge_classifier(tiny):
    from sklearn.linear_model import RidgeClassifier

    from transform.intent import OBJECTIVES, ridge
    from transform.intent.training import vocabulary

    spec = FeatureSpec(char_bits=16, word_bits=16, earned_weights=False)
    data = training_data(tiny, spec)
    x = vocabulary(data, spec, TrainParams(min_df=1)).transform(data.features)
    fitted = ridge.solve(ridge.kernel(x, x, None, None), data.objective, len(OBJECTIVES), 0.3)
    coef, earned_coef, intercept = ridge.primal(fitted, x, None)
    reference = RidgeClassifier(alpha=0.3, class_weight="balanced", solver="sparse_cg", tol=1e-10).fit(x, data.objective)
    assert earned_coef is None
    assert np.allclose(coef.T, reference.coef_, atol=1e-5)
    assert np.allclose(intercept, reference.intercept_, atol=1e-5)
    assert np.allclose(ridge.decision(fitted, ridge.kernel(x, x, None, None)), reference.decision_function(x), atol=1e-5)
