"""A tiny hand-written labeled set and a model trained on it (seconds, no dev set needed)."""

from __future__ import annotations

import pandas as pd
import pytest

from transform.intent.features import FeatureSpec
from transform.intent.labeler import LinearIntentLabeler
from transform.intent.training import TrainParams, fit, training_data

ROWS = [
    ("x", "owned", "We're hiring backend engineers in Lisbon! Apply: jobs.lever.co/acme/123", "recruiting", "jobs"),
    ("linkedin", "owned", "Join our team: open roles in sales and support, apply today", "recruiting", "jobs"),
    ("x", "owned", "Summer internship applications are open for students #internship", "recruiting", "jobs"),
    ("facebook", "owned", "Meet Priya, who leads our warehouse night shift. A day in the life of our crew", "recruiting", "culture"),
    ("linkedin", "owned", "Proud to be named a Great Place to Work for the third year. Thank you, team", "recruiting", "culture"),
    ("youtube", "owned", "Career fair this Saturday at the campus hall: meet our recruiters", "recruiting", "event"),
    ("reddit", "earned", "Got an offer from Acme, is the base salary a lowball? Interview was brutal", "recruiting", "jobs"),
    ("reddit", "earned", "My manager at Acme ghosted me after the onsite interview", "recruiting", "jobs"),
    ("x", "owned", "Introducing Acme Flow 2.0: faster dashboards and new pricing plans. Try the demo", "marketing", "product"),
    ("linkedin", "owned", "New white paper: five trends reshaping freight logistics this year", "marketing", "expertise"),
    ("youtube", "owned", "Watch the keynote from our customer summit: what is new in the product", "marketing", "event"),
    ("facebook", "owned", "Spring sale! 20% off every plan this week, use code SPRING", "marketing", "product"),
    ("x", "owned", "Register for Thursday's webinar on reducing churn with better onboarding emails", "marketing", "event"),
    ("reddit", "earned", "Switched to Acme last month, the app is great but billing charged me twice", "marketing", "support"),
    ("x", "earned", "Acme's new dashboard is honestly the best update this year", "marketing", "product"),
    ("linkedin", "owned", "Case study: how a regional bank cut reporting time in half with our platform", "marketing", "expertise"),
    ("x", "owned", "@dana sorry about that! Please DM us your order number and we'll sort it out", "other", "support"),
    ("x", "owned", "We are investigating an outage affecting logins. Updates to follow", "other", "support"),
    ("linkedin", "owned", "Acme reports third quarter earnings; revenue up 12% for shareholders", "other", "news"),
    ("facebook", "owned", "Happy holidays from all of us!", "other", "community"),
    ("x", "earned", "saw an Acme truck on the highway today lol", "other", "community"),
    ("reddit", "earned", "Acme announced it is being acquired, what happens to the stock?", "other", "news"),
]


@pytest.fixture(scope="session")
def tiny() -> pd.DataFrame:
    """The hand-written labeled rows as a dev-set-shaped frame."""
    frame = pd.DataFrame(ROWS, columns=["channel", "author_type", "text", "objective", "theme"])
    frame["id"] = [f"t{i}" for i in range(len(frame))]
    frame["post_id"] = frame["id"]
    frame["company"] = "Acme"
    return frame


@pytest.fixture(scope="session")
def tiny_labeler(tiny: pd.DataFrame) -> LinearIntentLabeler:
    """A model fitted on the tiny set (small hash spaces keep it fast)."""
    spec = FeatureSpec(char_bits=16, word_bits=16)
    model = fit(training_data(tiny, spec), spec, TrainParams(alpha_objective=0.1, alpha_theme=0.1, min_df=1), "test-v1")
    return LinearIntentLabeler(model)
