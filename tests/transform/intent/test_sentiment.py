import pandas as pd
import pytest

from transform.intent.features import encode_texts
from transform.intent.sentiment import sentiment_frame
from transform.intent.text import model_text, raw_text

TEXTS = [
    "I love the new dashboard, it is really great!",
    "The app keeps crashing and support is terrible",
    "The office is on Main Street",
    "This update is not good",
    "Launch day 🎉",
]


def _sentiment(texts):
    posts = pd.DataFrame({"text": texts, "title": None})
    lowered = raw_text(posts)
    encoded = encode_texts(model_text(lowered, pd.Series([None] * len(texts)), None))
    return sentiment_frame(encoded.corpus, encoded.tokens, lowered)


def test_polarity_of_plain_english():
    assert _sentiment(TEXTS)["sentiment"].tolist() == ["positive", "negative", "neutral", "negative", "positive"]


def test_scores_are_bounded_and_close_to_vader():
    vader = pytest.importorskip("vaderSentiment.vaderSentiment").SentimentIntensityAnalyzer()
    ours = _sentiment(TEXTS)["sentiment_score"]
    reference = pd.Series([vader.polarity_scores(t)["compound"] for t in TEXTS])
    assert ours.between(-1, 1).all()
    assert (ours - reference).abs().max() < 0.35
    assert ((ours > 0.05) == (reference > 0.05)).all()
