"""What every subcommand needs: settings, the warehouse engine, and where things are."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from rich.console import Console
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from crosstalk.config import Settings, load_settings, warehouse_url
from models.warehouse import make_engine

# Never break a path across lines; when piped or logged (no terminal), print tables 120 wide.
console = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 120)


def settings_of(args: argparse.Namespace) -> Settings:
    """The validated config named by --config (or the default)."""
    return load_settings(getattr(args, "config", None))


def engine_of(settings: Settings) -> Engine:
    """The warehouse engine; prints where the warehouse is (without a password)."""
    url = warehouse_url(settings)
    console.print(f"warehouse: {describe_url(url)}")
    return make_engine(url)


def describe_url(url: str) -> str:
    """The URL as safe to print: a DuckDB file path, or a server URL with the password hidden."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "duckdb":
        return f"DuckDB file {parsed.database}"
    return parsed.render_as_string(hide_password=True)


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
