"""The labeled development set (`devset/*.jsonl`) and its fixed train / test split.

A post's split depends only on its id (a hash), so it never changes when more posts are added and
nobody can move a hard post out of the test split by re-shuffling. The test split is for the
final report only: training and every tuning choice use the train split (cross-validation).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from transform.intent import OBJECTIVES, THEMES

DEVSET_DIR = Path(__file__).resolve().parent / "devset"
TEST_PERCENT = 30
REQUIRED = ("id", "channel", "author_type", "text", "objective", "theme")


def split_of(post_id: str) -> str:
    """'test' for ~30% of ids, else 'train' (stable across runs and machines)."""
    digest = hashlib.sha256(str(post_id).encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:4], "big") % 100 < TEST_PERCENT else "train"


def load_devset(directory: Path = DEVSET_DIR) -> pd.DataFrame:
    """All dev-set posts with `post_id`, `source` (file stem) and `split` columns.

    Rows with a missing field or an unknown label are dropped (files may be mid-write); ids
    repeated across files keep their first row.
    """
    frames = []
    for path in sorted(directory.glob("*.jsonl")):
        frame = pd.read_json(path, lines=True, dtype=False)
        frame["source"] = path.stem
        frames.append(frame)
    if not frames:
        raise FileNotFoundError(f"no *.jsonl dev-set files in {directory}")
    data = pd.concat(frames, ignore_index=True)
    for column in ("company", "hard", "hard_kind", "lang", "title", "account_handle"):
        if column not in data:
            data[column] = None
    ok = data[list(REQUIRED)].notna().all(axis=1)
    ok &= data["objective"].isin(OBJECTIVES) & data["theme"].isin(THEMES)
    data = data[ok].drop_duplicates(subset="id", keep="first").reset_index(drop=True)
    data["id"] = data["id"].astype(str)
    data["post_id"] = data["id"]
    data["hard"] = data["hard"].fillna(False).astype(bool)
    data["split"] = data["id"].map(split_of)
    return data
