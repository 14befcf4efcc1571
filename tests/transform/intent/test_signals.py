import pandas as pd

from crosstalk.config import load_settings
from transform.intent.signals import detect
from transform.intent.text import raw_text


def _signals(texts, handles=None, settings=None):
    posts = pd.DataFrame({"text": texts, "title": None})
    handles = pd.Series(handles or [None] * len(texts))
    return detect(raw_text(posts), handles, settings)


def test_careers_links_with_and_without_scheme():
    s = _signals(
        [
            "Apply → careers.ferrowind.com/drivers",
            "https://boards.greenhouse.io/acme/jobs/42",
            "Apply 👉 jobs.lever.co/quillmark/senior-data-engineer",
            "acme.de/karriere ist online",
            "see linkedin.com/jobs/view/123",
        ]
    )
    assert s.careers_link.tolist() == [True] * 5


def test_no_careers_signal_on_product_links_or_the_word_indeed():
    s = _signals(["New report: quillmark.io/readmissions-report", "Indeed. We shipped it.", "we ship jobs daily"])
    assert s.careers_link.tolist() == [False, False, False]


def test_config_overrides_pool_all_companies():
    settings = load_settings()  # bundled sample config
    s = _signals(
        ["Fun Friday #LifeAtNorthbeam", "ping @quilloncareers", "new release", "#teamquillonfans"],
        handles=[None, None, "northbeamjobs", None],
        settings=settings,
    )
    assert s.recruiting_override.tolist() == [True, True, True, False]
    assert s.marketing_override.tolist() == [False] * 4
