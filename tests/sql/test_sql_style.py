"""House style and portability of the view files, checked without a database."""

from __future__ import annotations

import re

import pytest
import sqlglot
from sqlglot import exp

from crosstalk.views import view_files, view_name
from models.schema import Base

FILES = view_files()


def _outer_query(path) -> exp.Select:
    tree = sqlglot.parse_one(path.read_text(encoding="utf-8"), read="postgres")
    assert isinstance(tree, exp.Select), f"{path.name}: not a single select"
    return tree


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_header_states_the_grain(path):
    assert path.read_text(encoding="utf-8").startswith("-- Each row represents ")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_ctes_end_in_final(path):
    tree = _outer_query(path)
    ctes = [cte.alias for cte in tree.args["with_"].expressions] if tree.args.get("with_") else []
    assert ctes and ctes[-1] == "final", f"{path.name}: CTEs {ctes}"
    assert path.read_text(encoding="utf-8").rstrip().endswith("select * from final")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_lowercase_sql(path):
    code = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))
    code = re.sub(r"'[^']*'", "''", code)
    assert not re.search(r"[A-Z]", code), f"{path.name}: upper case outside comments and strings"


@pytest.mark.parametrize("dialect", ["postgres", "duckdb"])
def test_views_read_only_tables_and_earlier_views(dialect):
    known = set(Base.metadata.tables)
    for path in FILES:
        tree = sqlglot.parse_one(path.read_text(encoding="utf-8"), read=dialect)
        ctes = {cte.alias for cte in tree.find_all(exp.CTE)}
        sources = {t.name for t in tree.find_all(exp.Table)} - ctes
        assert sources <= known, f"{path.name} reads unknown or later objects: {sources - known}"
        known.add(view_name(path))
