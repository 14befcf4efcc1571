"""Config validation names the bad field in one clear message."""

from __future__ import annotations

import pytest
import yaml

from crosstalk.cli import main
from crosstalk.config import (
    DEFAULT_CONFIG_PATH,
    ConfigError,
    load_settings,
    parse_settings,
    warehouse_url,
)


def _config() -> dict:
    return yaml.safe_load(DEFAULT_CONFIG_PATH.read_text())


def test_bundled_config_is_valid():
    settings = load_settings()
    assert settings.focus_company.key == "northbeam"
    assert len(settings.companies) >= 3
    assert settings.watching("x") and settings.watching("reddit")


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["companies"][1]["x"].update(handle=["oops"]), "companies[1].x.handle: unknown key"),
    (lambda d: d["companies"][0]["x"].update(handles=[]), "companies[0].x.handles"),
    (lambda d: d["companies"][0]["x"].update(handles=["not a handle!"]), "not an X handle"),
    (lambda d: d["channels"]["x"].update(refresh_window_days="week"), "channels.x.refresh_window_days"),
    (lambda d: d.update(focus="nobody"), "focus 'nobody' is not one of"),
    (lambda d: d.update(timezone="Mars/Olympus"), "not an IANA time zone"),
    (lambda d: d["companies"].append(dict(d["companies"][0])), "company keys must be unique"),
])
def test_invalid_config_names_the_field(mutate, message):
    data = _config()
    mutate(data)
    with pytest.raises(ConfigError) as info:
        parse_settings(data, "test.yaml")
    assert message in str(info.value)
    assert "Traceback" not in str(info.value) and "pydantic" not in str(info.value)


def test_cli_prints_config_errors_without_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    data = _config()
    data["companies"][0]["reddit"]["subreddit"] = ["typo"]
    bad.write_text(yaml.safe_dump(data))
    assert main(["--config", str(bad), "report"]) == 2
    err = capsys.readouterr().err
    assert "companies[0].reddit.subreddit: unknown key" in err and "Traceback" not in err


def test_warehouse_url_env_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("CROSSTALK_HOME", str(tmp_path))
    assert warehouse_url(load_settings()) == f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    monkeypatch.setenv("CROSSTALK_WAREHOUSE_URL", "postgresql+psycopg://u@h/db")
    assert warehouse_url(load_settings()) == "postgresql+psycopg://u@h/db"
