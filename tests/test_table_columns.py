"""CREATE TABLE columns as Flink has them (expectations from the Flink 2.3 oracle): sink column
types enforced on write (VARCHAR(n)/CHAR(n) lengths, NOT NULL), computed columns, the
filesystem connector's METADATA columns, WATERMARK and PRIMARY KEY declarations."""

from pathlib import Path

import pytest

from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.planning.project import load_project, load_source
from conftest import printed_lines, printed_run

# ------------------------------------------------------------------ sink column types


def test_varchar_sink_column_truncates_and_char_pads():
    sql = """
    CREATE TEMPORARY TABLE out1 (s VARCHAR(3), c CHAR(5), n INT NOT NULL)
      WITH ('connector' = 'print');
    INSERT INTO out1 SELECT 'abcdef', 'ab', 1;
    """
    assert printed_lines(sql) == ["+I[abc, ab   , 1]"]  # as Flink 2.3 prints it


def test_varchar_sink_column_truncates_a_column_read_from_a_view():
    sql = """
    CREATE TEMPORARY VIEW v(s) AS VALUES ('abcdef'), ('xy'), (CAST(NULL AS STRING));
    CREATE TEMPORARY TABLE out1 (s VARCHAR(3)) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT s FROM v;
    """
    assert printed_lines(sql) == ["+I[abc]", "+I[xy]", "+I[null]"]


def test_null_into_a_not_null_sink_column_fails_the_job_with_flinks_text():
    sql = """
    CREATE TEMPORARY TABLE out1 (id INT NOT NULL) WITH ('connector' = 'print');
    CREATE TEMPORARY VIEW t(v) AS VALUES (1), (CAST(NULL AS INT));
    INSERT INTO out1 SELECT v FROM t;
    """
    with pytest.raises(ExecutionError) as caught:
        printed_lines(sql)
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
    assert printed_lines(sql) == ["+I[1]"]


def test_a_null_into_a_primary_key_column_fails_the_job():
    sql = """
    CREATE TEMPORARY TABLE out1 (id INT, x INT, PRIMARY KEY (id) NOT ENFORCED)
      WITH ('connector' = 'print');
    INSERT INTO out1 VALUES (CAST(NULL AS INT), 1);
    """
    with pytest.raises(ExecutionError, match="Column 'id' is NOT NULL, however"):
        printed_lines(sql)


# ------------------------------------------------------------------ tables read from files

EVENTS = """\
1,click,2024-01-05 10:00:00,1.50
2,view,2024-01-05 10:00:05.250,0.25
3,click,2024-01-06 23:59:59,2.00
"""
EVENTS_TABLE = (
    "CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2){extra})\n"
    "  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');\n"
)


def run_file(tmp_path: Path, sql: str) -> list[str]:
    """Print lines of `sql` run as the file t.sql beside events.csv."""
    (tmp_path / "events.csv").write_text(EVENTS)
    (tmp_path / "t.sql").write_text(sql)
    return printed_run(load_project([tmp_path / "t.sql"], {}, tmp_path))[0]


def refused(tmp_path: Path, sql: str) -> list[tuple[int, str]]:
    """(line, message) of each diagnostic for `sql`, the file t.sql beside events.csv."""
    (tmp_path / "events.csv").write_text(EVENTS)
    (tmp_path / "t.sql").write_text(sql)
    with pytest.raises(SqlError) as caught:
        load_project([tmp_path / "t.sql"], {}, tmp_path)
    return [(d.position.line, d.message) for d in caught.value.diagnostics]


def events(extra: str) -> str:
    return EVENTS_TABLE.format(extra=extra)


def test_computed_columns_are_computed_when_read(tmp_path):
    sql = events(", day_ AS CAST(ts AS DATE), big AS amount > 1") + (
        "CREATE TEMPORARY TABLE out1 (id INT, day_ DATE, big BOOLEAN) "
        "WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id, day_, big FROM events WHERE big OR id = 2 ORDER BY id;\n"
    )
    assert run_file(tmp_path, sql) == [
        "+I[1, 2024-01-05, true]",
        "+I[2, 2024-01-05, false]",
        "+I[3, 2024-01-06, true]",
    ]


def test_select_star_gives_every_column_in_declared_order(tmp_path):
    sql = (
        "CREATE TABLE events (id INT, d AS id * 10, kind STRING, "
        "fname STRING METADATA FROM 'file.name' VIRTUAL, ts TIMESTAMP(3), amount DECIMAL(10, 2))\n"
        "  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');\n"
        "CREATE TEMPORARY TABLE out1 (id INT, d INT, kind STRING, fname STRING, ts TIMESTAMP(3), "
        "amount DECIMAL(10, 2)) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT * FROM events WHERE id = 2;\n"
    )
    assert run_file(tmp_path, sql) == ["+I[2, 20, view, events.csv, 2024-01-05T10:00:05.250, 0.25]"]


def test_a_computed_column_is_not_an_insert_target():
    # Flink: "Different number of columns", the sink schema without the computed column
    sql = """
    CREATE TABLE t (a INT, b AS a * 2) WITH ('connector' = 'blackhole');
    INSERT INTO t SELECT 1, 2;
    """
    with pytest.raises(SqlError, match="Different number of columns"):
        load_source(sql, "t.sql", {})
    sql = """
    CREATE TEMPORARY TABLE out1 (id INT, twice AS id * 2, kind STRING) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT 1, 'a';
    """
    assert printed_lines(sql) == ["+I[1, a]"]


def test_a_computed_column_reads_physical_columns_only(tmp_path):
    # Flink refuses it at the CREATE TABLE: "Unknown identifier 'a'"
    sql = events(", a AS amount * 2, b AS a + 1") + (
        "CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id FROM events;\n"
    )
    [(line, message)] = refused(tmp_path, sql)
    assert line == 1 and "'a' not found" in message


def test_filesystem_metadata_columns(tmp_path):
    sql = events(
        ", `file.path` STRING METADATA VIRTUAL, fsize BIGINT METADATA FROM 'file.size' VIRTUAL, "
        "fname STRING METADATA FROM 'file.name' VIRTUAL, "
        "mtime TIMESTAMP_LTZ(3) METADATA FROM 'file.modification-time' VIRTUAL"
    ) + (
        "CREATE TEMPORARY TABLE out1 (id INT, p STRING, fsize BIGINT, fname STRING, m BOOLEAN, "
        "n INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id, `file.path`, fsize, fname, mtime IS NOT NULL, "
        "CAST(fsize AS INT) FROM events WHERE id < 3 ORDER BY id;\n"
    )
    path, size = tmp_path / "events.csv", len(EVENTS)
    assert run_file(tmp_path, sql) == [
        f"+I[{i}, {path}, {size}, events.csv, true, {size}]" for i in (1, 2)
    ]


def test_a_metadata_column_alone_gives_one_value_per_row(tmp_path):
    sql = events(", fname STRING METADATA FROM 'file.name' VIRTUAL") + (
        "CREATE TEMPORARY TABLE out1 (fname STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT fname FROM events;\n"
    )
    assert run_file(tmp_path, sql) == ["+I[events.csv]"] * 3


def test_an_unknown_metadata_key_is_refused_where_the_table_is_read(tmp_path):
    sql = events(", x STRING METADATA FROM 'nope' VIRTUAL") + (
        "CREATE TEMPORARY TABLE out1 (id INT, x STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id, x FROM events;\n"
    )
    [(line, message)] = refused(tmp_path, sql)
    assert line == 4  # the INSERT, as in Flink
    assert "Invalid metadata key 'nope' in column 'x'" in message
    assert "file.path, file.name, file.size, file.modification-time" in message


def test_metadata_columns_on_a_connector_without_metadata_are_refused_where_read():
    sql = """
    CREATE TABLE g (id INT, m STRING METADATA VIRTUAL)
      WITH ('connector' = 'datagen', 'number-of-rows' = '2');
    CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT 1 FROM g;
    """
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.position.line == 5  # the INSERT, which reads the metadata
    assert "doesn't implement the SupportsReadingMetadata interface" in diagnostic.message


def test_a_persisted_metadata_column_cannot_be_written():
    sql = """
    CREATE TEMPORARY TABLE out1 (id INT, m STRING METADATA) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT 1, 'x';
    """
    with pytest.raises(SqlError, match="declares persistable metadata columns") as caught:
        load_source(sql, "t.sql", {})
    assert caught.value.diagnostics[0].position.line == 3
    sql = """
    CREATE TABLE sink1 (id INT, fname STRING METADATA FROM 'file.name' VIRTUAL)
      WITH ('connector' = 'blackhole');
    INSERT INTO sink1 SELECT 1;
    """
    load_source(sql, "t.sql", {})  # a VIRTUAL one is not part of what an INSERT writes


def test_two_metadata_columns_of_one_key_are_refused_at_the_create(tmp_path):
    sql = events(
        ", fsize BIGINT METADATA FROM 'file.size' VIRTUAL, n2 INT METADATA FROM 'file.size' VIRTUAL"
    ) + (
        "CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id FROM events;\n"
    )
    [(line, message)] = refused(tmp_path, sql)
    assert line == 1
    assert message.startswith(
        "The column `fsize` and `n2` in the table are both from the same metadata key 'file.size'."
    )


@pytest.mark.parametrize(
    "extra, expected",
    [
        (
            ", s STRING, WATERMARK FOR s AS s",
            "the time field type is STRING",
        ),
        (
            ", t6 TIMESTAMP(6), WATERMARK FOR t6 AS t6",
            "the time field type is TIMESTAMP(6)",
        ),
        (
            ", WATERMARK FOR nope AS nope",
            "The rowtime attribute field 'nope' is not defined in the table schema",
        ),
        (
            ", WATERMARK FOR ts AS id",
            "but the watermark expression type is INT",
        ),
        (", PRIMARY KEY (nope) NOT ENFORCED", "Primary key column 'nope' is not defined"),
        (
            ", b AS id + 1, PRIMARY KEY (b) NOT ENFORCED",
            "A PRIMARY KEY constraint must be declared on physical columns.",
        ),
        (", PRIMARY KEY (id)", "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint."),
    ],
)
def test_watermarks_and_primary_keys_are_checked_at_the_create(tmp_path, extra, expected):
    sql = events(extra) + (
        "CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id FROM events;\n"
    )
    [(line, message)] = refused(tmp_path, sql)
    assert line == 1 and expected in message


def test_a_watermark_and_a_primary_key_are_accepted_and_change_no_row(tmp_path):
    sql = (
        "CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(6), amount DECIMAL(10, 2), "
        "ts3 AS CAST(ts AS TIMESTAMP(3)), WATERMARK FOR ts3 AS ts3 - INTERVAL '5' SECOND, "
        "PRIMARY KEY (id) NOT ENFORCED)\n"
        "  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');\n"
        "CREATE TEMPORARY TABLE out1 (id INT, ts3 TIMESTAMP(3)) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id, ts3 FROM events ORDER BY id;\n"
    )
    assert run_file(tmp_path, sql) == [
        "+I[1, 2024-01-05T10:00]",
        "+I[2, 2024-01-05T10:00:05.250]",
        "+I[3, 2024-01-06T23:59:59]",
    ]


def test_a_metadata_value_is_cast_to_the_declared_type_when_flink_can_cast_it(tmp_path):
    sql = events(", big BOOLEAN METADATA FROM 'file.size' VIRTUAL") + (
        "CREATE TEMPORARY TABLE out1 (id INT, big BOOLEAN) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id, big FROM events ORDER BY id;\n"
    )
    assert run_file(tmp_path, sql) == ["+I[1, true]", "+I[2, true]", "+I[3, true]"]
    sql = events(", d DATE METADATA FROM 'file.size' VIRTUAL") + (
        "CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id FROM events;\n"
    )
    [(line, message)] = refused(tmp_path, sql)
    assert line == 4 and "Invalid data type for metadata column 'd'" in message


def test_a_char_sink_column_refuses_a_varchar_value():
    sql = """
    CREATE TEMPORARY VIEW v(c) AS VALUES ('ab'), ('abcdefg');
    CREATE TEMPORARY TABLE out1 (c CHAR(5)) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT c FROM v;
    """
    with pytest.raises(SqlError, match="Incompatible types for sink column 'c'"):
        load_source(sql, "t.sql", {})


def test_the_not_null_enforcer_set_to_drop_drops_such_rows():
    sql = """
    SET 'table.exec.sink.not-null-enforcer' = 'DROP';
    CREATE TEMPORARY TABLE out1 (id INT NOT NULL, name STRING) WITH ('connector' = 'print');
    CREATE TEMPORARY VIEW t(v, n) AS
      VALUES (1, 'a'), (CAST(NULL AS INT), 'b'), (3, CAST(NULL AS STRING));
    INSERT INTO out1 SELECT v, n FROM t;
    """
    assert printed_lines(sql) == ["+I[1, a]", "+I[3, null]"]


def test_an_unknown_not_null_enforcer_is_refused_at_the_insert():
    sql = """
    SET 'table.exec.sink.not-null-enforcer' = 'IGNORE';
    CREATE TEMPORARY TABLE out1 (id INT NOT NULL) WITH ('connector' = 'print');
    INSERT INTO out1 SELECT 1;
    """
    with pytest.raises(SqlError, match="Could not parse value 'IGNORE'") as caught:
        load_source(sql, "t.sql", {})
    assert caught.value.diagnostics[0].position.line == 4
