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
    assert version_of(tiny, spec, TrainParams(c_objective=1.0)) != v1
    assert v1.startswith("lr-") and len(v1) <= 40


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
