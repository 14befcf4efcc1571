"""Message consistency: do a company's marketing and recruiting posts speak with one voice?

The seed articles describe a "split personality": the same company tells clients about its
expertise and tells candidates about its barbecue. This module measures it per company ×
channel × period, from the company's own original posts and their current labels:

1. Each post (title + text, URLs, @handles and the company's own names removed — a brand name
   in both sets is not a shared message) becomes a TF-IDF vector. The IDF is fitted once per
   channel on every company's posts, so all companies and periods are weighed alike.
2. The marketing posts and the recruiting posts are each averaged into a centroid;
   `similarity` is the cosine of the two centroids (0 = no shared vocabulary, 1 = identical mix).
3. Cosine grows with the number of posts averaged, so the raw value is not comparable across
   companies. `baseline_similarity` is the mean cosine after shuffling the objective labels among
   the same posts (what a single voice would score at these counts); `consistency_index =
   similarity / baseline` is therefore ~1 for one voice and ~0 for two unrelated vocabularies.
4. The top shared terms (largest smaller-of-the-two centroid weights) and the top divergent terms
   per side (largest weight differences) say what the two messages have in common and what
   separates them.
"""

from __future__ import annotations

import re
import zlib
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sqlalchemy import Engine, text

from crosstalk.config import Settings
from models import warehouse

MIN_POSTS = 3  # per side; fewer posts make a centroid one post's wording, not a message
PERMUTATIONS = 50
TOP_TERMS = 10

_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"(?<!\w)[@/]?(?:u|r)/\w+|@\w+")
_TOKEN = r"(?u)\b[^\W\d_][\w'-]*[^\W_]\b"  # words of 2+ chars that start with a letter

# Owned, original, not deleted posts of configured companies, labeled by the current labeler.
# Read from base tables (not the views) so this can run before or after the views are created.
_DOCUMENTS_SQL = """
with current_labeler as (
    select labeler_version
    from labelers
    where is_current
    order by registered_at desc, labeler_version desc
    limit 1
)
select
    p.channel,
    p.company,
    p.created_at,
    p.title,
    p.text,
    l.objective,
    l.labeler_version
from posts as p
inner join post_labels as l
    on l.channel = p.channel
    and l.post_id = p.post_id
inner join current_labeler as c
    on c.labeler_version = l.labeler_version
where p.author_type = 'owned'
    and p.company is not null
    and not p.is_deleted
    and not p.is_reply
    and not p.is_repost
"""


def company_names(settings: Settings) -> dict[str, list[str]]:
    """Per company key, the lower-case names to strip: key, name, aliases, handles, accounts."""
    names: dict[str, list[str]] = {}
    for company in settings.companies:
        found = {company.key, company.name, *company.aliases}
        if company.x:
            found.update(company.x.handles)
        if company.reddit:
            found.update(company.reddit.accounts)
            found.update(company.reddit.subreddits)
        # Longest first, so "northbeam analytics" goes before "northbeam".
        names[company.key] = sorted({n.lower() for n in found}, key=len, reverse=True)
    return names


def clean_text(value: str, strip: list[str]) -> str:
    """Lower-case text without URLs, @handles, u/ r/ names, and the given names (whole words)."""
    out = _HANDLE.sub(" ", _URL.sub(" ", value.lower()))
    for name in strip:
        out = re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", " ", out)
    return out.replace("#", " ")


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0


def _centroid(matrix: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(matrix.mean(axis=0)).ravel()


def score_sets(
    marketing: sparse.csr_matrix,
    recruiting: sparse.csr_matrix,
    terms: np.ndarray,
    rng: np.random.Generator,
    permutations: int = PERMUTATIONS,
    top_terms: int = TOP_TERMS,
) -> tuple[float, float, list[dict]]:
    """Similarity, shuffled baseline and top terms of two sets of L2-normalized TF-IDF rows."""
    m_centroid, r_centroid = _centroid(marketing), _centroid(recruiting)
    similarity = _cosine(m_centroid, r_centroid)
    pooled = sparse.vstack([marketing, recruiting]).tocsr()
    n_marketing = marketing.shape[0]
    shuffled = []
    for _ in range(permutations):
        order = rng.permutation(pooled.shape[0])
        shuffled.append(
            _cosine(_centroid(pooled[order[:n_marketing]]), _centroid(pooled[order[n_marketing:]]))
        )
    baseline = float(np.mean(shuffled))
    rows: list[dict] = []
    rankings = {
        "shared": np.minimum(m_centroid, r_centroid),
        "marketing": m_centroid - r_centroid,
        "recruiting": r_centroid - m_centroid,
    }
    for kind, weight in rankings.items():
        # Stable sort on the negated weight; ties fall to alphabetical order of the vocabulary.
        order = np.argsort(-weight, kind="stable")
        picked = [i for i in order[:top_terms] if weight[i] > 0]
        for rank, i in enumerate(picked, start=1):
            rows.append(
                {
                    "kind": kind,
                    "term_rank": rank,
                    "term": str(terms[i]),
                    "marketing_weight": float(m_centroid[i]),
                    "recruiting_weight": float(r_centroid[i]),
                }
            )
    return similarity, baseline, rows


def _periods(frame: pd.DataFrame) -> list[tuple[str, date, date, pd.Series]]:
    """('all', first day, last day, mask) and one ('month', first, last, mask) per month."""
    days = frame["created_at"].dt.tz_convert("UTC").dt.date
    months = frame["created_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period("M")
    out = [("all", min(days), max(days), pd.Series(True, index=frame.index))]
    for month in sorted(months.unique()):
        out.append(("month", month.start_time.date(), month.end_time.date(), months == month))
    return out


def consistency_frames(
    documents: pd.DataFrame,
    settings: Settings,
    *,
    min_posts: int = MIN_POSTS,
    permutations: int = PERMUTATIONS,
    top_terms: int = TOP_TERMS,
    computed_at: datetime | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score rows and term rows for every company × channel × period in `documents`.

    `documents` has channel, company, created_at (tz-aware), title, text, objective and
    labeler_version. Every company × channel × period with posts gets a score row; similarity
    stays NULL when either side has fewer than `min_posts` posts.
    """
    computed_at = computed_at or datetime.now(UTC)
    names = company_names(settings)
    scores: list[dict] = []
    terms: list[dict] = []
    if documents.empty:
        return pd.DataFrame(scores), pd.DataFrame(terms)
    docs = documents.reset_index(drop=True)  # positions below must be unique row labels
    docs["created_at"] = pd.to_datetime(docs["created_at"], utc=True)
    # Missing titles arrive as None or NaN; neither may become the word "nan".
    titles = docs["title"].astype(object).where(docs["title"].notna(), "")
    bodies = docs["text"].astype(object).where(docs["text"].notna(), "")
    docs["body"] = [
        clean_text(f"{title} {body}", names.get(company, []))
        for title, body, company in zip(titles, bodies, docs["company"], strict=True)
    ]
    for channel, channel_docs in docs.groupby("channel", sort=True):
        vectorizer = TfidfVectorizer(stop_words="english", token_pattern=_TOKEN, sublinear_tf=True)
        try:
            matrix = vectorizer.fit_transform(channel_docs["body"]).tocsr()
        except ValueError:  # nothing but stop words and names on this channel
            continue
        vocabulary = vectorizer.get_feature_names_out()
        positions = pd.Series(np.arange(len(channel_docs)), index=channel_docs.index)
        for company, company_docs in channel_docs.groupby("company", sort=True):
            for kind, start, end, mask in _periods(company_docs):
                period_docs = company_docs[mask]
                is_m = (period_docs["objective"] == "marketing").to_numpy()
                is_r = (period_docs["objective"] == "recruiting").to_numpy()
                row = {
                    "company": company,
                    "channel": channel,
                    "period_kind": kind,
                    "period_start": start,
                    "period_end": end,
                    "marketing_posts": int(is_m.sum()),
                    "recruiting_posts": int(is_r.sum()),
                    "similarity": None,
                    "baseline_similarity": None,
                    "consistency_index": None,
                    "labeler_version": str(period_docs["labeler_version"].iloc[0]),
                    "computed_at": computed_at,
                }
                scores.append(row)
                if min(is_m.sum(), is_r.sum()) < min_posts:
                    continue
                rows = matrix[positions[period_docs.index].to_numpy()]
                # A seed per company × channel × period keeps reruns identical.
                seed = zlib.crc32(f"{company}|{channel}|{kind}|{start}".encode())
                similarity, baseline, top = score_sets(
                    rows[is_m], rows[is_r], vocabulary, np.random.default_rng(seed),
                    permutations, top_terms,
                )
                row["similarity"] = similarity
                row["baseline_similarity"] = baseline
                row["consistency_index"] = similarity / baseline if baseline > 0 else None
                keys = {k: row[k] for k in ("company", "channel", "period_kind", "period_start")}
                terms.extend({**keys, **t} for t in top)
    return pd.DataFrame(scores), pd.DataFrame(terms)


def compute_message_consistency(
    engine: Engine,
    settings: Settings,
    *,
    min_posts: int = MIN_POSTS,
    permutations: int = PERMUTATIONS,
    top_terms: int = TOP_TERMS,
) -> int:
    """Recompute `consistency_scores` and `consistency_terms` from the warehouse; return score rows.

    The tables are derived entirely from posts and labels, so they are replaced as a whole in
    one transaction: rerunning gives the same rows, and a relabel is picked up everywhere.
    """
    warehouse.create_schema(engine)
    with engine.connect() as conn:
        documents = warehouse.read_frame(conn, _DOCUMENTS_SQL)
    scores, terms = consistency_frames(
        documents, settings, min_posts=min_posts, permutations=permutations, top_terms=top_terms
    )
    with engine.begin() as conn:
        conn.execute(text("delete from consistency_terms"))
        conn.execute(text("delete from consistency_scores"))
        warehouse.append(conn, "consistency_scores", scores)
        warehouse.append(conn, "consistency_terms", terms)
    return len(scores)
