"""`crosstalk` command line: the same functions the DAG tasks call, for people and scripts."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from crosstalk.commands import COMMAND_MODULES
from crosstalk.config import ConfigError


def build_parser() -> argparse.ArgumentParser:
    """The parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="crosstalk",
        description="Social listening split by audience: clients (marketing) vs candidates (recruiting).",
    )
    parser.add_argument("--config", help="config file (default: $CROSSTALK_CONFIG or the bundled sample)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"crosstalk.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `crosstalk` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or 0)
    except ConfigError as exc:
        print(f"crosstalk: {exc}", file=sys.stderr)
        return 2
    except (ValueError, LookupError, FileNotFoundError) as exc:
        print(f"crosstalk: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
