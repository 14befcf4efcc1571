"""Text preparation shared by training and labeling: one lower-cased string per post.

Everything here is a whole-column pandas string operation (Arrow-backed in pandas 3, so the
regexes run in C++), never a Python loop over posts.
"""

from __future__ import annotations

import re

import pandas as pd

from crosstalk.config import Settings

COMPANY_TOKEN = "xco"
URL_TOKEN = " xurl "
# Corporate suffixes dropped to find the short name people actually write ("Quillon").
# Literal whitespace characters, not \s: pandas sends \s patterns to Python's re row by row.
_SPACES = "[ \t\n\r\x0b\x0c\x00\xa0\u2028\u2029\u200b]+"
_SUFFIXES = {"inc", "inc.", "llc", "ltd", "gmbh", "ag", "sa", "co", "co.", "corp", "group", "the"}


def raw_text(posts: pd.DataFrame) -> pd.Series:
    """Title and text of each post, lower-cased, whitespace collapsed (NUL removed)."""
    title = posts["title"].astype("str").fillna("") if "title" in posts else ""
    body = posts["text"].astype("str").fillna("")
    text = (title + " " + body) if isinstance(title, pd.Series) else body
    return text.str.lower().str.replace(_SPACES, " ", regex=True).str.strip()


def company_terms(names: list[str]) -> list[str]:
    """Lower-cased forms by which posts refer to companies: names, short names, hashtag forms.

    They are masked in model input so the classifier learns how posts are written, not which
    fictional company in the training set happened to post more job ads.
    """
    terms: set[str] = set()
    for name in names:
        lowered = str(name).lower().strip()
        if not lowered:
            continue
        terms.add(lowered)
        parts = [p for p in lowered.split() if p not in _SUFFIXES]
        if len(parts) > 1:
            terms.add("".join(parts))  # hashtags: #quillonsystems
        if parts and len(parts[0]) >= 5:
            terms.add(parts[0])
    return sorted(terms, key=len, reverse=True)


def _mask(text: pd.Series, names: list[str]) -> pd.Series:
    terms = company_terms(names)
    if not terms:
        return text
    return text.str.replace("|".join(re.escape(t) for t in terms), COMPANY_TOKEN, regex=True)


def model_text(lowered: pd.Series, companies: pd.Series, settings: Settings | None) -> pd.Series:
    """Model input: company names masked, URLs marked, contractions split, padded with spaces."""
    configured = [n for c in (settings.companies if settings else []) for n in (c.key, c.name, *c.aliases)]
    text = _mask(lowered, configured)  # every configured company, competitors included
    # Companies outside the config (dev set, CLI input): each post's own company, one regex per
    # company rather than one huge alternation, which RE2 runs far slower.
    known = {n.lower() for n in configured}
    names = companies.astype("str")
    other = names.where(~names.str.lower().isin(known))
    if other.notna().any():
        parts = [text[other.isna()]]
        parts += [_mask(text.loc[rows], [name]) for name, rows in other.groupby(other).groups.items()]
        text = pd.concat(parts).reindex(text.index)
    text = text.str.replace(r"https?://(www\.)?", URL_TOKEN, regex=True)
    text = text.str.replace("\u2019", "'", regex=False)
    # "don't" -> "do not": one negation token for the sentiment lexicon and the model alike.
    text = text.str.replace("n't", " not", regex=False)
    return " " + text + " "
