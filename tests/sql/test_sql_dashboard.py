"""The dashboard: built from views only, and rendered by a real headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from crosstalk.dashboard import (
    DASHBOARD_QUERIES,
    load_dashboard_data,
    render_dashboard,
    write_dashboard,
)
from crosstalk.views import view_names

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
CHARTS = ["chart-engagement", "chart-benchmark", "chart-sov", "chart-mix", "chart-besttime", "chart-sentiment",
          "chart-consistency"]


def test_dashboard_reads_views_only():
    views = set(view_names())
    for name, sql in DASHBOARD_QUERIES.items():
        sources = {t.name for t in sqlglot.parse_one(sql, read="postgres").find_all(exp.Table)}
        assert sources and sources <= views, f"{name} reads {sources - views}"


def test_dashboard_data_is_plain_json(loaded_engine):
    data = load_dashboard_data(loaded_engine)
    assert set(data) == set(DASHBOARD_QUERIES)
    assert all(data[name] for name in data), "every data set has rows on the test warehouse"
    json.dumps(data, allow_nan=False)  # no NaN, Decimal or datetime left
    week = next(r for r in data["engagement"] if r["company"] == "northbeam" and r["objective"] == "marketing"
                and r["channel"] == "x" and r["week_start"] == "2024-03-04")
    assert week["engagement_rate_by_followers"] == pytest.approx(0.038)


def test_embedded_text_cannot_close_the_script():
    html = render_dashboard({"top_posts": [{"text": "</script><script>alert(1)</script>"}]})
    data = html.split('<script type="application/json" id="crosstalk-data">', 1)[1]
    assert data.split("</script>", 1)[0].count("<\\/script>") == 2
    assert not re.search(r"<script[^>]+src=", html), "no external scripts"
    assert "plotly.js v" in html  # the library is inlined, not fetched


@pytest.mark.browser
def test_dashboard_renders_offline_in_chromium(duckdb_loaded, tmp_path):
    # The page only depends on the views' rows, which the metric tests pin on both backends.
    from playwright.sync_api import sync_playwright

    page_path = write_dashboard(duckdb_loaded, tmp_path / "site" / "dashboard.html")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            requests: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("request", lambda req: requests.append(req.url))
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-rendered='1']", timeout=15_000)
            for chart in CHARTS:
                box = page.locator(f"#{chart} .main-svg").first.bounding_box()
                assert box and box["width"] > 100 and box["height"] > 100, chart
                assert page.locator(f"#{chart} g.trace, #{chart} .hm").count() > 0, chart
            assert page.locator("#table-top-posts tbody tr").count() == 9
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

            # Filters act on the embedded data: one company, one channel.
            page.select_option("#f-company", "quillon")
            page.wait_for_selector("body[data-rendered='2']")
            companies = set(page.locator("#table-top-posts tbody tr").evaluate_all(
                "rows => rows.map(r => r.dataset.company)"))
            assert companies == {"quillon"}
            page.select_option("#f-channel", "reddit")
            page.wait_for_selector("body[data-rendered='3']")
            assert page.locator("#table-top-posts tbody tr").count() == 1  # r4
            page.screenshot(path=str(ARTIFACTS / "dashboard-quillon-reddit.png"), full_page=True)

            # Nothing outside the file was requested: the page works offline.
            assert all(url.startswith("file://") for url in requests), requests
            assert errors == []
        finally:
            browser.close()
