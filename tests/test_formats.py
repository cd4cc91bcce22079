"""csv and json formats as Flink 2.3 reads them, their options, and the print sink's subtasks.

Every expectation here was checked against real Flink 2.3 (the oracle, `flink-run`): the
golden cases under tests/golden/ddl hold Flink's own answers; these tests pin the details
around them (what is warned, what is counted, where the Python fallback is taken).
"""

from __future__ import annotations

from pathlib import Path

from bailian_assets.backends import simulated_backend
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_project
from bailian_assets.simulator.service import BailianSimulator


def run_sql(folder: Path, sql: str) -> list[str]:
    """Run `sql` (written to folder/job.sql) and return the lines its print sinks wrote."""
    path = folder / "job.sql"
    path.write_text(sql, encoding="utf-8")
    project = load_project([path], environ={})
    lines: list[str] = []
    run_project(
        project, simulated_backend(BailianSimulator()), lambda table, line: lines.append(line)
    )
    return lines


# ------------------------------------------------------------------ print sink subtasks


def test_print_with_parallelism_prefixes_each_line_with_its_subtask(tmp_path):
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', 'sink.parallelism' = '3');\n"
        "INSERT INTO out1 VALUES (1), (2), (3), (4), (5);\n"
    )
    # Flink deals rows round-robin; each subtask's lines come together
    assert run_sql(tmp_path, sql) == ["1> +I[1]", "1> +I[4]", "2> +I[2]", "2> +I[5]", "3> +I[3]"]


def test_print_identifier_and_subtask_join_with_a_colon(tmp_path):
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', "
        "'sink.parallelism' = '2', 'print-identifier' = 'me');\n"
        "INSERT INTO out1 VALUES (1), (2), (3);\n"
    )
    assert run_sql(tmp_path, sql) == ["me:1> +I[1]", "me:1> +I[3]", "me:2> +I[2]"]


def test_print_with_parallelism_one_has_no_prefix(tmp_path):
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', 'sink.parallelism' = '1');\n"
        "INSERT INTO out1 VALUES (1);\n"
    )
    assert run_sql(tmp_path, sql) == ["+I[1]"]
