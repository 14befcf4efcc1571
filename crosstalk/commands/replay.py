"""`crosstalk replay`: land recorded API responses (files or folders) and transform them."""

from __future__ import annotations

import argparse
from pathlib import Path

from crosstalk.commands.common import console, engine_of, settings_of
from crosstalk.pipeline import prepare_warehouse, publish, replay_files


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `replay` subcommand."""
    p = sub.add_parser("replay", help="land recorded API responses (bodies, {url,status_code,headers,body} "
                                      "files or vcrpy cassettes) through the live path")
    p.add_argument("--channel", choices=["x", "reddit"], required=True)
    p.add_argument("--company", help="attribute the dump to this company key (its timelines become owned)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.set_defaults(handler=replay)


def replay(args: argparse.Namespace) -> int:
    """Replay each file as its own batch and print what landed."""
    settings = settings_of(args)
    if args.company and args.company not in {c.key for c in settings.companies}:
        raise ValueError(f"--company {args.company!r} is not a company key in the config")
    engine = engine_of(settings)
    prepare_warehouse(engine, settings)
    results = replay_files(engine, settings, args.channel, args.paths, company=args.company)
    for r in results:
        console.print(f"{r.batch_id}: {r.raw_pages} pages, {r.raw_records} records → {r.normalized} posts, "
                      f"{r.duplicates} repeats, {r.quarantined} quarantined")
    console.print(f"{len(results)} file(s): {sum(r.normalized for r in results)} posts, "
                  f"{sum(r.quarantined for r in results)} quarantined")
    publish(engine, settings)
    return 0
