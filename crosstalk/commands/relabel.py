"""`crosstalk relabel`: re-label every post in the warehouse and make that labeler current."""

from __future__ import annotations

import argparse
import sys


def _handle(args: argparse.Namespace) -> int:
    from transform.intent.relabel import relabel_from_config

    count = relabel_from_config(args.config, args.labeler_version, args.batch_size)
    sys.stderr.write(f"relabeled {count} posts\n")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `relabel` subcommand."""
    parser = subparsers.add_parser("relabel", help="re-label history from the warehouse (no re-fetching)")
    parser.add_argument("--labeler-version", default=None, help="the built artifact's version (default), rules-v0, or accurate (embedding blend, ~20-35 posts/s)")
    parser.add_argument("--batch-size", type=int, default=50_000, help="posts read and labeled per page")
    parser.set_defaults(handler=_handle)
