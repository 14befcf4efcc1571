"""The `views` and `dashboard` subcommands, wired the way crosstalk/cli.py wires them."""

from __future__ import annotations

import argparse

from sqlalchemy import inspect

from crosstalk.commands import dashboard as dashboard_command
from crosstalk.commands import views as views_command
from crosstalk.views import view_names
from models.warehouse import make_engine
from tests.sql import sql_dataset
from tests.sql.sql_dataset import rows


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crosstalk")
    parser.add_argument("--config")
    sub = parser.add_subparsers(dest="command", required=True)
    views_command.register(sub)
    dashboard_command.register(sub)
    return parser


def test_views_and_dashboard_commands(tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    engine = make_engine(url)
    sql_dataset.load(engine)
    engine.dispose()
    monkeypatch.setenv("CROSSTALK_WAREHOUSE_URL", url)  # the handler resolves it via warehouse_url()
    parser = _parser()

    args = parser.parse_args(["views"])
    assert args.handler(args) == 0
    engine = make_engine(url)
    assert set(view_names()) <= set(inspect(engine).get_view_names())
    # The bundled config's time zone is stored for the views; consistency was scored.
    assert rows(engine, "select value from report_settings where setting = 'timezone'") == [
        {"value": "Europe/Berlin"}
    ]
    assert rows(engine, "select count(*) as n from consistency_scores")[0]["n"] > 0
    engine.dispose()

    out = tmp_path / "out" / "dash.html"
    args = parser.parse_args(["dashboard", "--out", str(out), "--refresh"])
    assert args.handler(args) == 0
    assert out.stat().st_size > 1_000_000  # plotly.js is inlined
    assert "crosstalk-data" in out.read_text(encoding="utf-8")
