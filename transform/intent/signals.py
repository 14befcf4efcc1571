"""Rule signals a text model misses or sees too rarely to trust: careers links, job boards,
recruiting handles and the analysts' per-company overrides from the config file.

Each signal is a boolean per post. The labeler turns them into log-odds added to the model's
scores (not hard overrides), so a post that is plainly a product launch with a careers link in
the footer can still come out marketing when the text says so strongly enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crosstalk.config import Settings

# pandas runs a regex in Arrow's RE2 (C++, whole column) only if it avoids \b, \w and \s on
# non-ASCII text; otherwise it falls back to Python's re per row. Hence explicit boundaries.
_END = r"(?:[^a-z0-9_]|$)"
_START = r"(?:^|[^a-z0-9_])"

# Applicant-tracking systems and job boards (regex fragments): a link to one is a job ad. Posts
# often drop the scheme ("jobs.lever.co/acme"), so hosts are matched wherever they appear.
JOB_BOARDS = (
    r"greenhouse\.io",
    rf"lever\.co{_END}",
    r"myworkday(?:jobs|site)\.com",
    r"workday\.com/[a-z_/-]*careers",
    r"smartrecruiters\.com",
    r"ashbyhq\.com",
    r"workable\.com",
    r"jobvite\.com",
    r"icims\.com",
    r"taleo\.net",
    r"bamboohr\.com",
    r"recruitee\.com",
    r"jobs\.personio\.[a-z]+",
    r"teamtailor\.com",
    r"join\.com/",
    r"breezy\.hr",
    r"wellfound\.com",
    r"linkedin\.com/jobs",
    rf"indeed\.(?:com|[a-z]{{2}}){_END}",
    r"glassdoor\.[a-z]",
    r"stepstone\.[a-z]",
    r"welcometothejungle\.com",
    r"successfactors\.[a-z]",
    r"infojobs\.[a-z]",
    r"xing\.com/jobs",
    r"rippling\.com/[a-z_/-]*jobs",
    r"pinpointhq\.com",
)
_CAREER_WORDS = (
    r"careers?|jobs?|karriere|stellen[a-z]*|empleos?|trabaja-con-nosotros|emplois?|recrutement"
    r"|join-us|joinus|work-with-us|open-roles|vacatures|talent"
)
# A careers page of any company, with or without a scheme: a host starting with a careers word
# (careers.acme.com) or a path segment that is one (acme.com/en/careers).
_CAREERS_URL = (
    rf"{_START}(?:{_CAREER_WORDS})\.[a-z0-9-]+\.[a-z]{{2,}}"
    rf"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{{2,}}/(?:[^ /]+/)*(?:{_CAREER_WORDS}){_END}"
)


@dataclass(frozen=True)
class Signals:
    """Boolean rule signals per post, in the order of the posts frame."""

    careers_link: np.ndarray
    recruiting_override: np.ndarray
    marketing_override: np.ndarray


def _alternation(items: list[str]) -> str | None:
    cleaned = sorted({i.lower().strip() for i in items if i and i.strip()}, key=len, reverse=True)
    return "|".join(re.escape(i) for i in cleaned) if cleaned else None


def _overrides(settings: Settings | None) -> tuple[list[str], list[str], list[str], list[str]]:
    """All companies' overrides pooled: a #lifeatquillon tag is recruiting whoever posts it."""
    rec_tags: list[str] = []
    mkt_tags: list[str] = []
    domains: list[str] = []
    handles: list[str] = []
    for company in settings.companies if settings is not None else []:
        rec_tags += company.intent.recruiting_hashtags
        mkt_tags += company.intent.marketing_hashtags
        domains += company.intent.careers_domains
        handles += [h.lstrip("@") for h in company.intent.recruiting_handles]
    return rec_tags, mkt_tags, domains, handles


def _tag_pattern(tags: list[str]) -> str | None:
    body = _alternation([t.lstrip("#") for t in tags])
    # A hashtag must end where the tag ends: #teamquillon is not #teamquillonfans.
    return rf"#(?:{body}){_END}" if body else None


def detect(lowered: pd.Series, handles: pd.Series, settings: Settings | None) -> Signals:
    """Evaluate every rule over the lower-cased post text and the author handle column."""
    careers_link = lowered.str.contains(_CAREERS_URL, regex=True) | lowered.str.contains(
        "|".join(JOB_BOARDS), regex=True
    )
    rec_tags, mkt_tags, domains, rec_handles = _overrides(settings)
    recruiting = pd.Series(False, index=lowered.index)
    domain_pattern = _alternation(domains)
    if domain_pattern:
        careers_link = careers_link | lowered.str.contains(domain_pattern, regex=True)
    tag_pattern = _tag_pattern(rec_tags)
    if tag_pattern:
        recruiting = recruiting | lowered.str.contains(tag_pattern, regex=True)
    handle_pattern = _alternation(rec_handles)
    if handle_pattern:
        recruiting = recruiting | lowered.str.contains(rf"@(?:{handle_pattern}){_END}", regex=True)
        author = handles.astype("str").fillna("").str.lower().str.lstrip("@")
        recruiting = recruiting | author.isin([h.lower() for h in rec_handles])
    mkt_pattern = _tag_pattern(mkt_tags)
    marketing = (
        lowered.str.contains(mkt_pattern, regex=True) if mkt_pattern else pd.Series(False, index=lowered.index)
    )
    return Signals(
        careers_link=careers_link.to_numpy(dtype=bool),
        recruiting_override=recruiting.to_numpy(dtype=bool),
        marketing_override=marketing.to_numpy(dtype=bool),
    )
