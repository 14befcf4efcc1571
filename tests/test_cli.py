"""The `crosstalk` commands a user types, run in-process against a temporary warehouse."""

from __future__ import annotations

import pytest

from crosstalk.cli import main
from models.warehouse import make_engine, read_frame


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSTALK_HOME", str(tmp_path))
    return tmp_path


def test_run_prints_table_warehouse_and_dashboard(home, capsys):
    assert main(["run", "--start", "2026-11-01", "--end", "2026-11-02"]) == 0
    out = capsys.readouterr().out
    assert f"DuckDB file {home / 'warehouse.duckdb'}" in out
    assert "Engagement by channel × objective" in out
    assert "dashboard:" in out and (home / "dashboard.html").exists()
    engine = make_engine(f"duckdb:///{home / 'warehouse.duckdb'}")
    with engine.connect() as conn:
        days = read_frame(conn, "select count(distinct cast(interval_start as date)) as n from loads").iloc[0, 0]
    assert days == 2


def test_run_rejects_a_backwards_range(home, capsys):
    assert main(["run", "--start", "2026-11-05", "--end", "2026-11-01"]) == 1
    assert "after --end" in capsys.readouterr().err


def test_replay_command_lands_files_and_report_reads_views(home, fixtures_dir, capsys):
    path = fixtures_dir / "praw" / "TestSubredditListings.test_new.json"
    assert main(["replay", "--channel", "reddit", str(path)]) == 0
    out = capsys.readouterr().out
    assert "100 posts" in out and "0 quarantined" in out
    assert main(["report"]) == 0
    assert "Engagement by channel × objective" in capsys.readouterr().out


def test_replay_of_a_missing_path_is_a_clear_error(home, capsys):
    assert main(["replay", "--channel", "x", str(home / "nope.json")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
