"""`crosstalk dashboard`: write the self-contained HTML dashboard from the views."""

from __future__ import annotations

import argparse
from pathlib import Path

from crosstalk.commands.common import console, engine_of, settings_of
from crosstalk.config import crosstalk_home
from crosstalk.dashboard import write_dashboard
from crosstalk.views import create_views
from transform.consistency import compute_message_consistency


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `dashboard` subcommand."""
    p = sub.add_parser("dashboard", help="write the offline HTML dashboard built from the views")
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write it (default: $CROSSTALK_HOME/dashboard.html, else ./.crosstalk/)",
    )
    p.add_argument(
        "--refresh",
        action="store_true",
        help="recreate the views and rescore message consistency first",
    )
    p.set_defaults(handler=dashboard)


def dashboard(args: argparse.Namespace) -> int:
    """Write the dashboard page and print its path."""
    settings = settings_of(args)
    engine = engine_of(settings)
    if args.refresh:
        create_views(engine, settings)
        compute_message_consistency(engine, settings)
    path = write_dashboard(engine, args.out or crosstalk_home() / "dashboard.html")
    console.print(f"dashboard: {path.resolve()}")
    return 0
