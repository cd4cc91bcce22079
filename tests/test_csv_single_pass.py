"""A positional csv file is read in one pass: Polars refuses a line with two fields past the
declared ones, and only then is the file counted the careful way, from the line it stopped at,
with every row given exactly once."""

import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import ExecutionError
from bailian_assets.executor import csv_reader
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_project

LINES = 30_000  # Polars gives such a file in several batches


def run(tmp_path, lines, options=""):
    (tmp_path / "t.csv").write_text("\n".join(lines) + "\n")
    sql = (
        "CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', "
        f"'path' = 't.csv', 'format' = 'csv'{options});\n"
        "CREATE TABLE out1 (id INT, name STRING) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO out1 SELECT id, name FROM t;\n"
    )
    (tmp_path / "job.sql").write_text(sql)
    project = load_project([tmp_path / "job.sql"], environ={})
    return run_project(project, simulated_backend(), lambda t, line: None).sinks["out1"]


@pytest.fixture
def counted(monkeypatch):
    """How many times a file's delimiters were counted before its index was loaded."""
    seen = []
    most_fields = csv_reader.LineIndex.most_fields

    def counting(self):
        if self._fields is None and self._bound is None:
            seen.append(self.file.name)
        return most_fields(self)

    monkeypatch.setattr(csv_reader.LineIndex, "most_fields", counting)
    return seen


def test_a_file_without_long_lines_is_read_once(tmp_path, counted):
    lines = [f"{i},n{i}" + ("," if i % 7 == 0 else "") for i in range(LINES)]
    frame = run(tmp_path, lines)
    assert frame.height == LINES and frame["id"].to_list() == list(range(LINES))
    assert counted == []


def test_two_extra_empty_fields_deep_in_the_file_fail_their_line(tmp_path, counted):
    lines = [f"{i},n{i}" for i in range(LINES)]
    lines[25_000] = "25000,n25000,,"
    with pytest.raises(ExecutionError, match=r"t\.csv:25001: more fields than the table declares"):
        run(tmp_path, lines)
    assert counted == ["t.csv"]  # counted the careful way once Polars refused the line


def test_rows_before_and_after_a_refused_line_are_each_read_once(tmp_path):
    lines = [f"{i},n{i}" for i in range(LINES)]
    for bad in (20_000, 25_000):
        lines[bad] = f"{bad},n{bad},,"
    lines[27_000] = "27000,n27000,"  # one extra empty field: a row like any other
    frame = run(tmp_path, lines, ", 'csv.ignore-parse-errors' = 'true'")
    expected = [i for i in range(LINES) if i not in (20_000, 25_000)]
    assert frame["id"].to_list() == expected
    assert frame.filter(frame["id"] == 27_000)["name"].to_list() == ["n27000"]


def test_a_long_first_line_is_refused_before_any_row_is_given(tmp_path):
    lines = ["0,a,,,,", *(f"{i},n{i}" for i in range(1, 100))]
    frame = run(tmp_path, lines, ", 'csv.ignore-parse-errors' = 'true'")
    assert frame["id"].to_list() == list(range(1, 100))
