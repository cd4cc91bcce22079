"""Lazy filesystem scans: a query's partition filter reaches the folder listing, its projection
the files, and the error texts stay those of a whole read."""

import re

import polars as pl
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import ExecutionError
from bailian_assets.executor import filesystem
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_project


@pytest.fixture
def reads(monkeypatch):
    """Which data files are read (and which of their columns), and which folders are listed."""
    seen = {"files": [], "columns": [], "listed": []}
    read_batches, data_files = filesystem.read_batches, filesystem._data_files

    def counting_read(table, file, columns):
        seen["files"].append(file.relative_to(table.location).as_posix())
        seen["columns"].append([c.name for c in columns])
        return read_batches(table, file, columns)

    def counting_list(folder):
        seen["listed"].append(folder.name)
        return data_files(folder)

    monkeypatch.setattr(filesystem, "read_batches", counting_read)
    monkeypatch.setattr(filesystem, "_data_files", counting_list)
    return seen


def events(tmp_path, days=("2025-01-01", "2025-01-02", "2025-01-03"), dt_type="STRING"):
    """A parquet table partitioned by day, two rows a day."""
    root = tmp_path / "events"
    for i, day in enumerate(days):
        folder = root / f"dt={day}"
        folder.mkdir(parents=True)
        pl.DataFrame(
            {"id": [2 * i, 2 * i + 1], "amount": [1.5 * i, 10.0 + i], "note": [f"n{i}", None]}
        ).write_parquet(folder / "part-0.parquet")
    return f"""CREATE TABLE events (id BIGINT, amount DOUBLE, note STRING, dt {dt_type})
  PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = 'events', 'format' = 'parquet');
CREATE TABLE snk (a BIGINT, b DOUBLE) WITH ('connector' = 'blackhole');
"""


def run(tmp_path, sql):
    path = tmp_path / "job.sql"
    path.write_text(sql)
    return run_project(
        load_project([path], environ={}), simulated_backend(), lambda table, line: None
    ).sinks["snk"]


def test_a_partition_filter_lists_and_reads_only_its_folders(tmp_path, reads):
    sql = events(tmp_path) + (
        "INSERT INTO snk SELECT COUNT(*), SUM(amount) FROM events "
        "WHERE dt = '2025-01-02' AND amount > 5;"
    )
    assert run(tmp_path, sql).rows() == [(1, 11.0)]
    assert reads["files"] == ["dt=2025-01-02/part-0.parquet"]
    assert reads["listed"] == ["dt=2025-01-02"]


def test_a_view_one_query_reads_is_pruned_by_that_querys_filter(tmp_path, reads):
    sql = events(tmp_path) + (
        "CREATE TEMPORARY VIEW big AS SELECT id, amount * 2 AS twice, dt FROM events "
        "WHERE amount > 1;\n"
        "INSERT INTO snk SELECT id, twice FROM big WHERE dt = '2025-01-03';"
    )
    assert sorted(run(tmp_path, sql).rows()) == [(4, 6.0), (5, 24.0)]
    assert reads["files"] == ["dt=2025-01-03/part-0.parquet"]


def test_a_view_two_queries_read_is_computed_once(tmp_path, reads):
    sql = events(tmp_path) + (
        "CREATE TEMPORARY VIEW big AS SELECT id, amount, dt FROM events WHERE amount > 1;\n"
        "INSERT INTO snk SELECT id, amount FROM big WHERE dt = '2025-01-03';\n"
        "INSERT INTO snk SELECT id, amount FROM big WHERE dt = '2025-01-01';"
    )
    assert sorted(run(tmp_path, sql).rows()) == [(1, 10.0), (4, 3.0), (5, 12.0)]
    assert sorted(reads["files"]) == [f"dt=2025-01-0{d}/part-0.parquet" for d in (1, 2, 3)]


def test_a_filter_that_partitions_cannot_decide_reads_every_folder(tmp_path, reads):
    sql = events(tmp_path) + (
        "INSERT INTO snk SELECT id, amount FROM events WHERE dt = '2025-01-02' OR amount > 11;"
    )
    assert sorted(run(tmp_path, sql).rows()) == [(2, 1.5), (3, 11.0), (5, 12.0)]
    assert len(reads["files"]) == 3


def test_typed_partition_values_prune_with_ranges_and_functions(tmp_path, reads):
    sql = events(tmp_path, dt_type="DATE") + (
        "INSERT INTO snk SELECT id, amount FROM events "
        "WHERE EXTRACT(DAY FROM dt) >= 2 AND EXTRACT(DAY FROM dt) <> 3;"
    )
    assert sorted(run(tmp_path, sql).rows()) == [(2, 1.5), (3, 11.0)]
    assert reads["files"] == ["dt=2025-01-02/part-0.parquet"]


def test_a_null_partition_is_pruned_like_any_other(tmp_path, reads):
    sql = events(tmp_path, days=("a", "__DEFAULT_PARTITION__")) + (
        "INSERT INTO snk SELECT id, amount FROM events WHERE dt IS NULL;"
    )
    assert sorted(run(tmp_path, sql).rows()) == [(2, 1.5), (3, 11.0)]
    assert reads["files"] == ["dt=__DEFAULT_PARTITION__/part-0.parquet"]


def test_nested_partitions_are_not_listed_below_a_refused_folder(tmp_path, reads):
    root = tmp_path / "t"
    for country in ("cn", "us"):
        for day in ("d1", "d2"):
            (root / f"country={country}" / f"dt={day}").mkdir(parents=True)
            pl.DataFrame({"id": [1], "amount": [2.0]}).write_parquet(
                root / f"country={country}" / f"dt={day}" / "part-0.parquet"
            )
    sql = (
        "CREATE TABLE t (id BIGINT, amount DOUBLE, country STRING, dt STRING) "
        "PARTITIONED BY (country, dt) WITH ('connector' = 'filesystem', 'path' = 't', "
        "'format' = 'parquet');\n"
        "CREATE TABLE snk (a BIGINT, b DOUBLE) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO snk SELECT COUNT(*), SUM(amount) FROM t "
        "WHERE country = 'us' AND dt = 'd2';"
    )
    assert run(tmp_path, sql).rows() == [(1, 2.0)]
    assert reads["files"] == ["country=us/dt=d2/part-0.parquet"]
    assert reads["listed"] == ["dt=d2"]


def test_only_the_columns_a_query_uses_are_read(tmp_path, reads):
    sql = events(tmp_path) + "INSERT INTO snk SELECT id, 0.0 FROM events WHERE dt = 'x';"
    assert run(tmp_path, sql).rows() == []
    assert reads["files"] == []
    sql = sql.replace("WHERE dt = 'x'", "WHERE id < 2")
    run(tmp_path, sql)
    assert reads["columns"] and all(columns == ["id"] for columns in reads["columns"])


def test_a_broken_file_in_a_pruned_partition_is_never_opened(tmp_path):
    sql = events(tmp_path)
    bad = tmp_path / "events" / "dt=2025-01-09"
    bad.mkdir()
    (bad / "part-0.parquet").write_bytes(b"not parquet at all")
    job = sql + "INSERT INTO snk SELECT id, amount FROM events WHERE dt = '2025-01-01';"
    assert sorted(run(tmp_path, job).rows()) == [(0, 0.0), (1, 10.0)]
    with pytest.raises(
        ExecutionError,
        match=r"dt=2025-01-09/part-0.parquet: cannot read it "
        r"as parquet",
    ):
        run(tmp_path, sql + "INSERT INTO snk SELECT id, amount FROM events;")


def test_a_bad_value_far_down_a_csv_names_its_line(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    lines = [f"{i},{i / 2}" for i in range(300_000)]
    lines[250_000] = "250000,lots"
    (folder / "part-0.csv").write_text("\n".join(lines) + "\n")
    sql = (
        "CREATE TABLE t (id BIGINT, score DOUBLE) WITH ('connector' = 'filesystem', "
        "'path' = 'data', 'format' = 'csv');\n"
        "CREATE TABLE snk (a BIGINT, b DOUBLE) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO snk SELECT COUNT(*), SUM(score) FROM t;"
    )
    with pytest.raises(
        ExecutionError,
        match=r"part-0.csv:250001:8: error: value 'lots' of column "
        r"'score' is not a DOUBLE",
    ):
        run(tmp_path, sql)


def test_a_malformed_json_line_is_located_in_the_file_and_names_the_query(tmp_path):
    """`path:line:col: error:` in the data file, then the statement whose query read it."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "e.json").write_text('{"id":1,"kind":"buy"}\n{"id":3,"kind":"buy",amount:1}\n')
    sql = (
        "CREATE TABLE t (id INT, kind STRING) WITH ('connector' = 'filesystem', "
        "'path' = 'data', 'format' = 'json');\n"
        "CREATE TABLE snk (k STRING, n BIGINT) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO snk SELECT kind, COUNT(*) FROM t GROUP BY kind;"
    )
    with pytest.raises(ExecutionError) as failure:
        run(tmp_path, sql)
    message = str(failure.value)
    assert re.search(
        r"e\.json:2:22: error: cannot read it as json: Expecting property name enclosed in "
        r"double quotes \(read by the query at .*\.sql:3:17\)$",
        message,
    ), message


def test_a_limit_stops_reading(tmp_path, reads):
    sql = events(tmp_path) + "INSERT INTO snk SELECT id, amount FROM events LIMIT 1;"
    assert run(tmp_path, sql).height == 1
    assert len(reads["files"]) < 3


def test_a_table_written_by_the_job_is_read_as_written(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.csv").write_text("1,2.5\n2,3.5\n3,4.0\n")
    sql = (
        "CREATE TABLE src (id BIGINT, amount DOUBLE) WITH ('connector' = 'filesystem', "
        "'path' = 'src', 'format' = 'csv');\n"
        "CREATE TABLE copy (id BIGINT, amount DOUBLE) WITH ('connector' = 'filesystem', "
        "'path' = 'copy', 'format' = 'json');\n"
        "CREATE TABLE snk (a BIGINT, b DOUBLE) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO snk SELECT COUNT(*), 0.0 FROM copy;\n"
        "INSERT INTO copy SELECT id, amount FROM src WHERE id > 1;\n"
        "INSERT INTO snk SELECT COUNT(*), SUM(amount) FROM copy;"
    )
    (tmp_path / "copy").mkdir()  # empty before the job: read as no rows
    assert run(tmp_path, sql).rows() == [(0, 0.0), (2, 7.5)]
