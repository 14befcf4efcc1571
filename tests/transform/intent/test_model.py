import numpy as np
import pandas as pd

from crosstalk.config import load_settings
from transform.intent import LABEL_COLUMNS, OBJECTIVES, THEMES, label_posts
from transform.intent.labeler import LinearIntentLabeler
from transform.intent.model import IntentModel


def test_labels_every_post_in_order_with_the_contract_columns(tiny, tiny_labeler):
    out = label_posts(tiny, None, tiny_labeler)
    assert list(out.columns) == LABEL_COLUMNS
    assert out["post_id"].tolist() == tiny["post_id"].tolist()
    assert set(out["objective"]) <= set(OBJECTIVES)
    assert set(out["theme"]) <= set(THEMES)
    assert out["confidence"].between(1 / 3, 1).all()
    assert (out["labeler_version"] == "test-v1").all()
    assert out["sentiment"].isin(["positive", "neutral", "negative"]).all()


def test_fits_its_training_rows(tiny, tiny_labeler):
    out = label_posts(tiny, None, tiny_labeler)
    assert (out["objective"] == tiny["objective"]).mean() >= 0.9


def test_result_does_not_depend_on_batch_composition(tiny, tiny_labeler):
    whole = label_posts(tiny, None, tiny_labeler)
    one = label_posts(tiny.iloc[[5]], None, tiny_labeler)
    assert one["objective"].iloc[0] == whole["objective"].iloc[5]
    assert np.isclose(one["confidence"].iloc[0], whole["confidence"].iloc[5])


def test_config_override_turns_a_post_recruiting(tiny_labeler):
    posts = pd.DataFrame({"channel": ["x", "x"], "post_id": ["a", "b"], "text": ["Friday vibes #LifeAtNorthbeam"] * 2})
    posts.loc[1, "text"] = "Friday vibes"
    out = label_posts(posts, load_settings(), tiny_labeler)
    assert out["objective"].iloc[0] == "recruiting"
    assert out["confidence"].iloc[0] > 0.8


def test_empty_and_missing_text(tiny_labeler):
    assert label_posts(pd.DataFrame(columns=["channel", "post_id", "text"]), None, tiny_labeler).empty
    posts = pd.DataFrame({"channel": ["x"], "post_id": ["1"], "text": [None], "title": [None]})
    assert len(label_posts(posts, None, tiny_labeler)) == 1


def test_artifact_round_trip_keeps_predictions(tmp_path, tiny, tiny_labeler):
    path = tmp_path / "model.npz"
    tiny_labeler.model.save(path)
    loaded = LinearIntentLabeler(IntentModel.load(path))
    a = label_posts(tiny, None, tiny_labeler)
    b = label_posts(tiny, None, loaded)
    assert loaded.version == "test-v1"
    assert (a["objective"] == b["objective"]).all()
    assert np.allclose(a["confidence"], b["confidence"], atol=5e-3)
    assert path.with_suffix(".json").exists()


def test_earned_weights_apply_to_earned_posts_only(tiny):
    from transform.intent.features import FeatureSpec
    from transform.intent.model import earned_rows
    from transform.intent.training import TrainParams, fit, training_data

    spec = FeatureSpec(char_bits=16, word_bits=16)
    data = training_data(tiny, spec)
    model = fit(data, spec, TrainParams(min_df=1))
    plain = fit(data, FeatureSpec(char_bits=16, word_bits=16, earned_weights=False), TrainParams(min_df=1))
    assert model.objective.earned_coef is not None and plain.objective.earned_coef is None
    earned = earned_rows(data.features)
    assert 0 < earned.sum() < len(earned)
    parts = model.parts(data.features)
    with_weights, _ = model.logits(parts, None, earned)
    without, _ = model.logits(parts, None, np.zeros_like(earned))
    owned = earned == 0
    assert np.allclose(with_weights[owned], without[owned])
    assert not np.allclose(with_weights[~owned], without[~owned])
