"""`crosstalk label --input POSTS.jsonl --output LABELED.jsonl`: label posts from a file.

Input rows need `id`, `text`, `channel`; `author_type`, `company`, `title` and `account_handle`
are used when present. Output rows are the input rows with `objective`, `theme`, `confidence`,
`sentiment`, `sentiment_score` and `labeler_version` added. No warehouse is touched. Files are
labeled with the most accurate labeler installed (the embedding blend); `--labeler-version fast`
gives the daily pipeline's labeler.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from crosstalk.config import Settings

ADDED = ["objective", "theme", "confidence", "sentiment", "sentiment_score", "labeler_version"]


def read_rows(path: str) -> list[dict[str, Any]]:
    """JSON objects, one a line, from a file or stdin ('-'); blank lines are skipped."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    with stream:
        rows = [json.loads(line) for line in stream if line.strip()]
    for number, row in enumerate(rows, start=1):
        missing = [c for c in ("id", "text", "channel") if c not in row]
        if missing:
            raise ValueError(f"{path}: row {number} lacks {missing}")
    return rows


def label_rows(rows: list[dict[str, Any]], settings: Settings | None, version: str | None = None) -> list[dict[str, Any]]:
    """The rows with the label fields added; every other field is passed through unchanged."""
    from transform.intent import INPUT_COLUMNS, label_posts, labeler_for_version

    frame = pd.DataFrame.from_records(rows).rename(columns={"id": "post_id"}).reindex(columns=INPUT_COLUMNS)
    frame["post_id"] = frame["post_id"].astype(str)
    labels = label_posts(frame, settings, labeler_for_version(version))
    labels["confidence"] = labels["confidence"].astype(float).round(4)
    labels["sentiment_score"] = labels["sentiment_score"].astype(float).round(4)
    added = labels[ADDED].to_dict(orient="records")
    return [{**row, **extra} for row, extra in zip(rows, added, strict=True)]


def label_file(input_path: str, output_path: str, config: str | None = None, version: str | None = None) -> int:
    """Label the posts of `input_path` into `output_path` ('-' = stdout); return the row count."""
    from crosstalk.config import load_settings

    labeled = label_rows(read_rows(input_path), load_settings(config), version)
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in labeled)
    if output_path == "-":
        sys.stdout.write(lines)
    else:
        Path(output_path).write_text(lines, encoding="utf-8")
    return len(labeled)


def _handle(args: argparse.Namespace) -> int:
    count = label_file(args.input, args.output, args.config, args.labeler_version)
    if args.output != "-":
        sys.stderr.write(f"labeled {count} posts -> {args.output}\n")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `label` subcommand."""
    parser = subparsers.add_parser("label", help="label posts in a JSON-lines file (objective, theme, sentiment)")
    parser.add_argument("--input", required=True, help="posts as JSON lines ('-' for stdin)")
    parser.add_argument("--output", required=True, help="where to write labeled JSON lines ('-' for stdout)")
    parser.add_argument(
        "--labeler-version",
        default="best",
        help="best (default: accurate when its package is installed, else fast), accurate "
        "(embedding blend, ~20-35 posts/s), fast (the daily labeler, ~40,000 posts/s), rules-v0, or a version string",
    )
    parser.set_defaults(handler=_handle)
