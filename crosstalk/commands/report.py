"""`crosstalk report`: the channel × objective engagement table, read from the views."""

from __future__ import annotations

import argparse

from rich.table import Table
from sqlalchemy import Engine

from crosstalk.commands.common import console, engine_of, settings_of
from crosstalk.config import Settings
from models.warehouse import read_frame

REPORT_SQL = """
select
    channel,
    objective,
    sum(case when company = :focus then posts else 0 end) as focus_posts,
    sum(case when company = :focus then interactions else 0 end) as focus_interactions,
    sum(case when company = :focus then engagement_rate_by_followers * rated_posts end)
        / nullif(sum(case when company = :focus then rated_posts end), 0) as focus_rate,
    sum(case when company <> :focus then engagement_rate_by_followers * rated_posts end)
        / nullif(sum(case when company <> :focus then rated_posts end), 0) as competitor_rate,
    sum(posts) as all_posts
from engagement_daily
group by channel, objective
order by channel, objective
"""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `report` subcommand."""
    p = sub.add_parser("report", help="print engagement by channel × objective (focus vs competitors)")
    p.set_defaults(handler=report)


def _pct(value: object) -> str:
    return "—" if value is None or value != value else f"{float(value) * 100:.2f}%"


def print_report(engine: Engine, settings: Settings) -> None:
    """Print the channel × objective table for the focus company against its competitors."""
    with engine.connect() as conn:
        frame = read_frame(conn, REPORT_SQL, {"focus": settings.focus})
    table = Table(title=f"Engagement by channel × objective — {settings.focus_company.name} vs competitors")
    for col in ("channel", "objective", "posts", "interactions", "ER focus", "ER rivals", "all posts"):
        table.add_column(col, justify="left" if col in ("channel", "objective") else "right", no_wrap=True)
    for row in frame.itertuples(index=False):
        table.add_row(row.channel, row.objective, f"{int(row.focus_posts or 0):,}",
                      f"{int(row.focus_interactions or 0):,}", _pct(row.focus_rate), _pct(row.competitor_rate),
                      f"{int(row.all_posts or 0):,}")
    console.print(table)
    console.print("posts / interactions: the focus company's original posts; ER = engagement rate = interactions / "
                  "followers at posting, averaged per post, for the focus company and for its competitors' posts "
                  "pooled; all posts: every tracked company (docs/metrics.md)")


def report(args: argparse.Namespace) -> int:
    """Print the report from the warehouse."""
    settings = settings_of(args)
    print_report(engine_of(settings), settings)
    return 0
