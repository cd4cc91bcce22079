"""CREATE TABLE columns as Flink has them (expectations from the Flink 2.3 oracle): sink column
types enforced on write (VARCHAR(n)/CHAR(n) lengths, NOT NULL), computed columns, the
filesystem connector's METADATA columns, WATERMARK and PRIMARY KEY declarations."""

import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import ExecutionError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator


def printed(sql: str) -> list[str]:
    """The lines the print sinks of `sql` show."""
    project = load_source(sql, "t.sql", {})
    lines: list[str] = []
    run_project(project, simulated_backend(BailianSimulator()), lambda t, line: lines.append(line))
    return lines


# ------------------------------------------------------------------ sink column types


def test_varchar_sink_column_truncates_and_char_pads():
    sql = """
    CREATE TEMPORARY TABLE out1 (s VARCHAR(3), c CHAR(5), n INT NOT NULL) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT 'abcdef', 'ab', 1;
    """
    assert printed(sql) == ["+I[abc, ab   , 1]"]  # as Flink 2.3 prints it


def test_varchar_sink_column_truncates_a_column_read_from_a_view():
    sql = """
    CREATE TEMPORARY VIEW v(s) AS VALUES ('abcdef'), ('xy'), (CAST(NULL AS STRING));
    CREATE TEMPORARY TABLE out1 (s VARCHAR(3)) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT s FROM v;
    """
    assert printed(sql) == ["+I[abc]", "+I[xy]", "+I[null]"]


def test_null_into_a_not_null_sink_column_fails_the_job_with_flinks_text():
    sql = """
    CREATE TEMPORARY TABLE out1 (id INT NOT NULL) WITH ('connector' = 'print');
    CREATE TEMPORARY VIEW t(v) AS VALUES (1), (CAST(NULL AS INT));
    INSERT INTO out1 SELECT v FROM t;
    """
    with pytest.raises(ExecutionError) as caught:
        printed(sql)
    assert "Column 'id' is NOT NULL, however, a null value is being written into it" in str(
        caught.value
    )
    assert "t.sql:4:" in str(caught.value)  # the INSERT's query


def test_a_not_null_sink_column_takes_a_nullable_column_without_nulls():
    sql = """
    CREATE TEMPORARY TABLE out1 (id INT NOT NULL) WITH ('connector' = 'print');
    CREATE TEMPORARY VIEW t(v) AS VALUES (1), (CAST(NULL AS INT));
    INSERT INTO out1 SELECT v FROM t WHERE v IS NOT NULL;
    """
    assert printed(sql) == ["+I[1]"]
