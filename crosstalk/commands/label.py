"""`crosstalk label --input POSTS.jsonl --output LABELED.jsonl`: label posts from a file.

Input rows need `id`, `text`, `channel`; `author_type`, `company`, `title` and `account_handle`
are used when present. Output rows are the input rows with `objective`, `theme`, `confidence`,
`sentiment`, `sentiment_score` and `labeler_version` added. No warehouse is touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ADDED = ["objective", "theme", "confidence", "sentiment", "sentiment_score", "labeler_version"]


def read_posts(path: str) -> pd.DataFrame:
    """JSON lines from a file, or from stdin for '-'; ids are kept exactly as written."""
    source = sys.stdin if path == "-" else Path(path)
    frame = pd.read_json(source, lines=True, dtype=False)
    missing = [c for c in ("id", "text", "channel") if c not in frame]
    if missing:
        raise SystemExit(f"{path}: every row needs {missing}")
    return frame


def label_file(input_path: str, output_path: str, config: str | None = None, version: str | None = None) -> int:
    """Label the posts of `input_path` into `output_path`; return the number of rows."""
    from crosstalk.config import load_settings
    from transform.intent import label_posts, labeler_for_version

    settings = load_settings(config)
    posts = read_posts(input_path)
    frame = posts.rename(columns={"id": "post_id"})
    labels = label_posts(frame, settings, labeler_for_version(version))
    out = posts.drop(columns=[c for c in ADDED if c in posts]).reset_index(drop=True)
    out[ADDED] = labels[ADDED].to_numpy()
    out["confidence"] = out["confidence"].astype(float)
    out["sentiment_score"] = out["sentiment_score"].astype(float)
    target = sys.stdout if output_path == "-" else output_path
    out.to_json(target, orient="records", lines=True, force_ascii=False)
    return len(out)


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
    parser.add_argument("--labeler-version", default=None, help="rules-v0 or the built artifact's version (default)")
    parser.set_defaults(handler=_handle)
