"""Intent v0: keyword rules. Kept as the baseline every better labeler is measured against."""

from __future__ import annotations

import numpy as np
import pandas as pd

from crosstalk.config import Settings

_RECRUITING = r"\b(?:hiring|we'?re hiring|job|jobs|career|careers|apply|internship|intern|vacanc\w*|join (?:our|the) team|recruit\w*|open roles?|position)\b"
_OTHER = r"\b(?:outage|investors?|earnings|dividend|sorry|dm us|thanks for reaching out|happy holidays)\b"
_THEMES = [
    ("jobs", r"\b(?:hiring|job|jobs|apply|position|vacanc\w*|open roles?|internship)\b"),
    ("culture", r"\b(?:culture|team|life at|employees?|colleagues|office|values)\b"),
    ("event", r"\b(?:webinar|conference|summit|expo|meetup|event|booth|career fair)\b"),
    ("support", r"\b(?:support|help|issue|outage|fix(?:ed)?|dm us|sorry)\b"),
    ("news", r"\b(?:announce\w*|news|earnings|acquir\w*|partnership|press)\b"),
    ("expertise", r"\b(?:guide|report|white ?paper|insights?|trends?|how to|research|study)\b"),
    ("product", r"\b(?:launch\w*|product|feature|release|pricing|demo|new)\b"),
]


class KeywordRules:
    """Keyword rules over text and title; confidence is fixed per rule strength."""

    version = "rules-v0"

    def label(self, posts: pd.DataFrame, settings: Settings | None) -> pd.DataFrame:
        """Label posts by keyword matches (vectorized regex over the whole frame)."""
        text = (posts["title"].fillna("") + " " + posts["text"].fillna("")).str.lower()
        recruiting = text.str.contains(_RECRUITING, regex=True)
        other = text.str.contains(_OTHER, regex=True) & ~recruiting
        objective = np.select([recruiting, other], ["recruiting", "other"], default="marketing")
        theme = pd.Series("community", index=posts.index)
        for name, pattern in reversed(_THEMES):
            theme = theme.mask(text.str.contains(pattern, regex=True), name)
        return pd.DataFrame(
            {
                "channel": posts["channel"].to_numpy(),
                "post_id": posts["post_id"].to_numpy(),
                "labeler_version": self.version,
                "objective": objective,
                "theme": theme.to_numpy(),
                "confidence": np.where(recruiting | other, 0.6, 0.4),
                "sentiment": None,
                "sentiment_score": np.nan,
            }
        )
