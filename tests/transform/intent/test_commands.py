import json
import subprocess
import sys
from pathlib import Path

from crosstalk.commands.intent import main

REPO = Path(__file__).resolve().parents[3]


def test_label_command_adds_labels_to_every_row(tmp_path):
    rows = [
        {"id": 17, "text": "We're hiring nurses in Leeds, apply now", "channel": "linkedin", "author_type": "owned", "company": "Acme"},
        {"id": "b", "text": "the new app update is great", "channel": "x", "extra": [1, 2]},
    ]
    source = tmp_path / "posts.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    target = tmp_path / "labeled.jsonl"
    assert main(["label", "--input", str(source), "--output", str(target)]) == 0
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == [17, "b"]
    assert out[1]["extra"] == [1, 2]
    for row in out:
        assert row["objective"] in {"marketing", "recruiting", "other"}
        assert row["sentiment"] in {"positive", "neutral", "negative"}
        assert 0 <= row["confidence"] <= 1
    assert out[0]["objective"] == "recruiting"


def test_label_command_with_the_baseline(tmp_path):
    source = tmp_path / "p.jsonl"
    source.write_text(json.dumps({"id": 1, "text": "hiring now", "channel": "x"}) + "\n", encoding="utf-8")
    target = tmp_path / "o.jsonl"
    main(["label", "--input", str(source), "--output", str(target), "--labeler-version", "rules-v0"])
    assert json.loads(target.read_text())["labeler_version"] == "rules-v0"


def test_relabel_dag_parses_without_errors(tmp_path):
    """Parsed in a subprocess: Airflow reads its environment once, at import."""
    code = (
        "from airflow.dag_processing.dagbag import DagBag; "
        f"b = DagBag(dag_folder={str(REPO / 'dags' / 'crosstalk_relabel.py')!r}); "
        "assert b.import_errors == {}, b.import_errors; "
        "d = b.dags['crosstalk_relabel']; "
        "print(sorted(d.task_ids), type(d.timetable).__name__)"
    )
    env = {
        "AIRFLOW_HOME": str(tmp_path),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{tmp_path / 'a.db'}",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "['relabel']" in result.stdout
    assert "NullTimetable" in result.stdout, "manual trigger only"
