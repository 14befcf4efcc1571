"""docs/data_dictionary.md documents every view, table and column of the live warehouse."""

from __future__ import annotations

import re
from pathlib import Path

from tests.sql.sql_dataset import rows

DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data_dictionary.md"

# information_schema works on both engines (SQLAlchemy's column reflection does not on DuckDB).
COLUMNS_SQL = """
select
    c.table_name,
    c.column_name,
    t.table_type
from information_schema.columns as c
inner join information_schema.tables as t
    on t.table_schema = c.table_schema
    and t.table_name = c.table_name
where c.table_schema = current_schema()
"""


def documented() -> dict[str, tuple[str, set[str]]]:
    """Object name -> (kind, documented columns), parsed from the dictionary's sections."""
    objects: dict[str, tuple[str, set[str]]] = {}
    current = None
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### `(\w+)` \((view|table)\)", line)
        if heading:
            current = heading.group(1)
            objects[current] = (heading.group(2), set())
            continue
        column = re.match(r"^\| `(\w+)` \|", line)
        if column and current:
            objects[current][1].add(column.group(1))
    return objects


def test_every_view_table_and_column_is_documented(loaded_engine):
    docs = documented()
    live: dict[str, tuple[str, set[str]]] = {}
    for row in rows(loaded_engine, COLUMNS_SQL):
        kind = "view" if row["table_type"].upper() == "VIEW" else "table"
        live.setdefault(row["table_name"], (kind, set()))[1].add(row["column_name"])
    missing = {name: kind for name, (kind, _) in live.items() if name not in docs}
    assert not missing, f"add these to docs/data_dictionary.md: {missing}"
    for name, (kind, columns) in live.items():
        assert docs[name][0] == kind, f"{name} is a {kind}"
        undocumented = columns - docs[name][1]
        assert not undocumented, f"{name}: document columns {sorted(undocumented)}"


def test_every_section_states_its_grain():
    text = DICTIONARY.read_text(encoding="utf-8")
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        assert "\nEach row represents " in section, section.splitlines()[0]
