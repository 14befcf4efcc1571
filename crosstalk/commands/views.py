"""`crosstalk views`: (re)create the analyst views and refresh the message-consistency table."""

from __future__ import annotations

import argparse

from crosstalk.commands.common import console, engine_of, settings_of
from crosstalk.views import create_views
from transform.consistency import compute_message_consistency


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `views` subcommand."""
    p = sub.add_parser("views", help="(re)create the SQL views in sql/ and refresh message consistency")
    p.add_argument(
        "--no-consistency",
        action="store_true",
        help="only recreate the views; keep the stored message-consistency scores",
    )
    p.set_defaults(handler=views)


def views(args: argparse.Namespace) -> int:
    """Recreate every view (storing the config's time zone) and, by default, rescore consistency."""
    settings = settings_of(args)
    engine = engine_of(settings)
    names = create_views(engine, settings)
    console.print(f"views: {len(names)} created: {', '.join(names)}")
    if not args.no_consistency:
        rows = compute_message_consistency(engine, settings)
        console.print(f"message consistency: {rows} company × channel × period rows")
    return 0
