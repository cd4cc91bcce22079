"""A filesystem sink never deletes what it did not write, never lets a partition value out of
its table, survives SIGKILL at any moment, and takes turns with other writers."""

import fcntl
import inspect
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.cli import main
from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.executor import table_folder
from bailian_assets.executor.filesystem import partition_values, read_table, write_table
from bailian_assets.executor.runner import run_project
from bailian_assets.integration import build_definitions, register_partitions
from bailian_assets.integration.io_managers import ParquetFrames
from bailian_assets.planning.partition_path import escape, unescape
from bailian_assets.planning.project import load_project
from bailian_assets.simulator.service import BailianSimulator
from conftest import CHAT_MODEL, ROOT, clean_env


def load(folder: Path, sql: str, name: str = "t.sql"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(sql)
    return load_project([folder / name], environ={}, display_root=folder)


def sink_sql(
    path: str, columns: str = "id BIGINT, label STRING", fmt: str = "parquet", partitioned: str = ""
) -> str:
    return (
        f"CREATE TABLE t ({columns}) {partitioned} WITH ('connector' = 'filesystem', "
        f"'path' = '{path}', 'format' = '{fmt}');\n"
    )


INSERT = "INSERT INTO t VALUES (1, 'a'), (2, 'b');\n"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its content."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.startswith(table_folder.LEFTOVER)]


# ------------------------------------------------------------------ refused when checked


@pytest.mark.parametrize(
    "path, reason",
    [
        (".", "it is the folder of the SQL file"),
        ("./", "it is the folder of the SQL file"),
        ("sub/..", "it is the folder of the SQL file"),
        ("..", "it is a folder above the SQL file's folder"),
        ("../..", "it is a folder above the SQL file's folder"),
        ("/", "it is a folder above the SQL file's folder"),
        ("t.sql", "it is the SQL file itself"),
        ("data.csv", "it is an existing file"),
    ],
)
def test_a_sink_path_onto_the_sql_files_is_refused_at_check_time(tmp_path, path, reason):
    folder = tmp_path / "project" / "sql"
    folder.mkdir(parents=True)
    (folder / "data.csv").write_text("1,a\n")
    sql = "-- a job\n" + sink_sql(path, fmt="csv") + INSERT
    with pytest.raises(SqlError) as caught:
        load(folder, sql)
    (diagnostic,) = caught.value.diagnostics
    text = diagnostic.format()
    column = sql.splitlines()[1].index(f"'{path}'") + 1
    assert text.startswith(f"t.sql:2:{column}: error: filesystem sink 't' cannot write to ")
    assert reason in text and "A sink needs a folder of its own" in text
    assert "^" + "~" * (len(path) + 1) in text  # the path's value is underlined


def test_check_and_run_leave_the_sql_folder_alone(tmp_path, capsys):
    folder = tmp_path / "sql"
    folder.mkdir()
    job = folder / "job.sql"
    job.write_text(sink_sql(".") + INSERT)
    (folder / "other.sql").write_text("-- keep me\n")
    before = tree(folder)
    assert main(["check", str(job)]) == 1
    assert main(["run", str(job)]) == 1
    err = capsys.readouterr().err
    assert "job.sql:1:" in err and "it is the folder of the SQL file" in err
    assert "Traceback" not in err
    assert tree(folder) == before


def test_a_source_may_read_any_folder(tmp_path):
    folder = tmp_path / "sql"
    sql = (
        "CREATE TABLE src (a STRING) WITH ('connector' = 'filesystem', 'path' = '.', "
        "'format' = 'csv');\n"
        "CREATE TABLE snk (a STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO snk SELECT a FROM src;\n"
    )
    assert load(folder, sql).inserts  # only written tables are restricted


def test_the_sink_check_finds_table_and_insert_in_either_file_order(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "a.sql").write_text(INSERT)
    (folder / "b.sql").write_text(sink_sql("."))
    (folder / "c.sql").write_text(
        sink_sql("..").replace("TABLE t", "TABLE u")
        + "CREATE TABLE v (id BIGINT, label STRING) WITH ("
        "'connector' = 'filesystem', 'path' = '/', 'format' = 'json');"
        "\n"
    )
    (folder / "d.sql").write_text("INSERT INTO u VALUES (1, 'a');\n")
    with pytest.raises(SqlError) as caught:
        load_project([folder], environ={}, display_root=folder)
    located = [(d.path, d.position.line) for d in caught.value.diagnostics]
    assert located == [("b.sql", 1), ("c.sql", 1)]  # v is never written: not refused


def test_a_csv_sink_refuses_nested_and_binary_columns_at_check_time(tmp_path):
    sql = (
        "CREATE TABLE t (\n  id BIGINT,\n  v ARRAY<FLOAT>,\n  m MAP<STRING, INT>,\n"
        "  b BYTES\n) WITH ('connector' = 'filesystem', 'path' = 'out', 'format' = 'csv');\n"
        "CREATE TABLE j (id BIGINT, b VARBINARY, r ROW<x BINARY>) WITH ("
        "'connector' = 'filesystem', 'path' = 'j', 'format' = 'json');\n"
        # a table's format is checked where it is used, as Flink checks it
        "INSERT INTO t SELECT 1;\nINSERT INTO j SELECT 1;\n"
    )
    with pytest.raises(SqlError) as caught:
        load(tmp_path / "sql", sql)
    lines = [d.format().splitlines()[0] for d in caught.value.diagnostics]
    t, j = (
        "t.sql:8:13: error: table 't' cannot be used: ",
        "t.sql:9:13: error: table 'j' cannot be used: ",
    )
    assert lines == [
        t + "column `v` of table 't' is ARRAY<FLOAT>: a csv field holds one "
        "value, not a nested one; use 'format' = 'json' or 'parquet' (at t.sql:3:3)",
        t + "column `m` of table 't' is MAP<STRING, INT>: a csv field holds one "
        "value, not a nested one; use 'format' = 'json' or 'parquet' (at t.sql:4:3)",
        t + "column `b` of table 't' is BYTES: binary values cannot be stored in "
        "csv files; use 'format' = 'parquet' (at t.sql:5:3)",
        j + "column `b` of table 'j' is VARBINARY: binary values cannot be "
        "stored in json files; use 'format' = 'parquet' (at t.sql:7:28)",
        j + "column `r` of table 'j' is ROW<`x` BINARY>: binary values cannot "
        "be stored in json files; use 'format' = 'parquet' (at t.sql:7:41)",
    ]


# ------------------------------------------------------------------ refused when run


def test_a_folder_holding_foreign_files_is_refused_before_any_model_is_paid(tmp_path):
    out = tmp_path / "out"
    (out / "keep").mkdir(parents=True)
    (out / "notes.txt").write_text("mine")
    (out / "keep" / "data.parquet").write_bytes(b"not yours")
    before = tree(out)
    project = load(
        tmp_path / "sql",
        CHAT_MODEL + sink_sql("../out") + "CREATE VIEW v (id, txt) AS VALUES (1, 'great');\n"
        "INSERT INTO t SELECT id, content FROM ML_PREDICT(TABLE v, MODEL m, "
        "DESCRIPTOR(txt));\n",
    )
    simulator = BailianSimulator()
    with pytest.raises(
        ExecutionError,
        match=r"table 't' \(declared at t.sql:\d+\): folder '.*out' "
        r"holds files this table did not write: keep/, notes.txt\. A filesystem "
        r"sink writes only into a new or empty folder, or one it wrote itself",
    ):
        run_project(project, simulated_backend(simulator), lambda t, line: None)
    assert sum(simulator.counters.by_status.values()) == 0  # no model was called
    assert tree(out) == before


def test_a_fresh_or_empty_folder_is_taken_and_marked(tmp_path):
    project = load(tmp_path / "sql", sink_sql("../out/t") + INSERT)
    (tmp_path / "out").mkdir()
    run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    files = tree(tmp_path / "out" / "t")
    assert sorted(files) == ["_bailian_files", "_bailian_lock", "_bailian_table", "part-0.parquet"]
    assert b'"table": "t"' in files["_bailian_table"]
    assert b'"part-0.parquet"' in files["_bailian_files"]
    run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    assert read_table(project.tables["t"]).height == 2  # its own folder: replaced, no duplicates


def test_files_added_to_a_table_folder_are_never_replaced(tmp_path):
    t = load(
        tmp_path / "sql",
        sink_sql("../out", "id BIGINT, dt STRING", partitioned="PARTITIONED BY (dt)"),
    ).tables["t"]
    frame = pl.DataFrame({"id": [1, 2], "dt": ["d1", "d2"]})
    write_table(t, frame)
    out = tmp_path / "out"
    (out / "dt=d1" / "extra.parquet").write_bytes(b"someone else's")
    with pytest.raises(
        ExecutionError,
        match=r"folder '.*dt=d1' holds files this table did not "
        r"write: extra.parquet",
    ):
        write_table(t, frame)
    with pytest.raises(ExecutionError, match=r"extra.parquet"):  # not emptied either
        write_table(t, frame.filter(pl.col("dt") == "d2"), partitions=["d1", "d2"])
    assert (out / "dt=d1" / "extra.parquet").read_bytes() == b"someone else's"
    write_table(t, frame.filter(pl.col("dt") == "d2"))  # d2 holds nothing foreign
    (out / "README").write_text("hello")
    with pytest.raises(
        ExecutionError,
        match=r"folder '.*out' holds files this table did not "
        r"write: README",
    ):
        write_table(t, frame.filter(pl.col("dt") == "d2"))
    assert (out / "README").read_text() == "hello"


def test_a_partition_folder_the_table_did_not_create_is_not_replaced(tmp_path):
    t = load(
        tmp_path / "sql",
        sink_sql("../out", "id BIGINT, dt STRING", partitioned="PARTITIONED BY (dt)"),
    ).tables["t"]
    write_table(t, pl.DataFrame({"id": [1], "dt": ["d1"]}))
    (tmp_path / "out" / "dt=d2").mkdir()
    (tmp_path / "out" / "dt=d2" / "part-0.parquet").write_bytes(b"copied in by hand")
    with pytest.raises(
        ExecutionError,
        match=r"dt=d2' holds files this table did not write: "
        r"part-0.parquet",
    ):
        write_table(t, pl.DataFrame({"id": [2], "dt": ["d2"]}))
    assert (tmp_path / "out" / "dt=d2" / "part-0.parquet").read_bytes() == b"copied in by hand"


def test_a_folder_of_another_table_or_written_otherwise_is_refused(tmp_path):
    project = load(
        tmp_path / "sql",
        sink_sql("../out")
        + sink_sql("../out").replace("TABLE t", "TABLE u")
        + sink_sql("../out", fmt="json").replace("TABLE t", "TABLE j"),
    )
    write_table(project.tables["t"], pl.DataFrame({"id": [1], "label": ["a"]}))
    with pytest.raises(
        ExecutionError,
        match=r"table 'u' \(declared at t.sql:2\) cannot write "
        r"to '.*out': the folder belongs to table 't' "
        r"\(declared at t.sql:1, in .*t.sql\)",
    ):
        write_table(project.tables["u"], pl.DataFrame({"id": [2], "label": ["b"]}))
    reformatted = load(tmp_path / "sql", sink_sql("../out", fmt="json")).tables["t"]
    with pytest.raises(
        ExecutionError,
        match=r"holds it with format 'parquet', and it is now "
        r"declared with 'json'",
    ):
        write_table(reformatted, pl.DataFrame({"id": [2], "label": ["b"]}))
    other = load(tmp_path / "other", sink_sql("../out")).tables["t"]  # another project's t
    with pytest.raises(
        ExecutionError,
        match=r"the folder belongs to table 't' declared at "
        r"t.sql:1, in .*sql/t.sql",
    ):
        write_table(other, pl.DataFrame({"id": [2], "label": ["b"]}))
    assert read_table(project.tables["t"]).rows() == [(1, "a")]


def test_a_sink_path_that_is_a_file_is_refused_at_run_time_too(tmp_path):
    t = load(tmp_path / "sql", sink_sql("../out")).tables["t"]
    (tmp_path / "out").write_text("a file")
    with pytest.raises(ExecutionError, match="is a file, not a folder"):
        write_table(t, pl.DataFrame({"id": [1], "label": ["a"]}))
    assert (tmp_path / "out").read_text() == "a file"


# ------------------------------------------------------------------ partitions


def test_daily_writes_keep_the_days_before(tmp_path):
    t = load(
        tmp_path / "sql",
        sink_sql("../out", "id BIGINT, dt STRING", partitioned="PARTITIONED BY (dt)"),
    ).tables["t"]
    for day in ("2025-01-01", "2025-01-02", "2025-01-03"):
        write_table(t, pl.DataFrame({"id": [1, 2], "dt": [day, day]}), partitions=[day])
    assert partition_values(t) == ["2025-01-01", "2025-01-02", "2025-01-03"]
    assert read_table(t).height == 6
    # a run of one day whose rows name another day is refused, and writes nothing
    with pytest.raises(
        ExecutionError,
        match=r"a write of partitions dt=2025-01-04 has rows for "
        r"dt=2025-01-01; a partitioned run must only write "
        r"its own partitions",
    ):
        write_table(t, pl.DataFrame({"id": [9], "dt": ["2025-01-01"]}), partitions=["2025-01-04"])
    assert read_table(t).height == 6


def test_a_partitioned_write_into_an_unpartitioned_table_is_refused(tmp_path):
    t = load(tmp_path / "sql", sink_sql("../out")).tables["t"]
    with pytest.raises(
        ExecutionError,
        match="is not partitioned: a write of some partitions would replace the whole table",
    ):
        write_table(t, pl.DataFrame({"id": [1], "label": ["a"]}), partitions=["a"])


SPECIAL = [
    "a/b",
    "../../x",
    "..",
    ".",
    "100%",
    "k=v",
    "x:y",
    "*?",
    "it's",
    "a\\b",
    '#[]{}^"',
    "tab\there",
    "new\nline",
    "中文 ~!@$&()+;,<>|",
    "__HIVE__",
]


def test_partition_values_are_escaped_as_hive_does_and_read_back(tmp_path):
    t = load(
        tmp_path / "sql",
        sink_sql("../out", "id BIGINT, p STRING", partitioned="PARTITIONED BY (p)"),
    ).tables["t"]
    values = [*SPECIAL, None, ""]
    frame = pl.DataFrame({"id": list(range(len(values))), "p": values})
    write_table(t, frame)
    out = tmp_path / "out"
    assert {p.name for p in tmp_path.iterdir()} == {"sql", "out"}  # nothing escaped the table
    names = sorted(p.name for p in out.iterdir() if p.name.startswith("p="))
    assert "p=a%2Fb" in names and "p=..%2F..%2Fx" in names and "p=.." in names
    assert "p=100%25" in names and "p=k%3Dv" in names and "p=tab%09here" in names
    assert "p=__DEFAULT_PARTITION__" in names  # NULL and '' alike, as in Flink
    assert "p=中文 ~!@$&()+;,<>|" in names
    assert all("/" not in n[2:] for n in names)
    back = read_table(t).sort("id")
    assert back.get_column("p").to_list() == [*SPECIAL, None, None]
    assert partition_values(t) == sorted([*SPECIAL, "__DEFAULT_PARTITION__"])
    assert read_table(t, ["a/b"]).rows() == [(0, "a/b")]
    # a Dagster run of the partitions '../../x' and 'a/b' replaces exactly those
    write_table(t, pl.DataFrame({"id": [100], "p": ["../../x"]}), partitions=["../../x", "a/b"])
    assert read_table(t, ["../../x"]).rows() == [(100, "../../x")]
    assert "a/b" not in partition_values(t) and "." in partition_values(t)


def test_escaping_matches_flink_character_for_character():
    # the folder name Flink 2.3 wrote for this value (flink-oracle, csv and json sinks)
    value = "a%b=c:d#e?f*g\"h'i\\j{k[l]m^n 中 ~.!@$&()+;,<>|"
    assert escape(value) == (
        "a%25b%3Dc%3Ad%23e%3Ff%2Ag%22h%27i%5Cj%7Bk%5Bl%5Dm%5En 中 ~.!@$&()+;,<>|"
    )
    for code in range(0x110):
        assert unescape(escape(chr(code))) == chr(code)
    assert escape("\x01\x1f\x7f") == "%01%1F%7F"
    assert unescape("%zz%4") == "%zz%4" and unescape("%+1") == "%+1"  # not %XX: kept
    assert unescape("a%2fb") == "a/b"  # lower-case hex as Hive reads it


def test_partition_columns_of_other_types_round_trip(tmp_path):
    t = load(
        tmp_path / "sql",
        sink_sql(
            "../out",
            "id BIGINT, d DATE, b BOOLEAN, n INT",
            fmt="json",
            partitioned="PARTITIONED BY (d, b, n)",
        ),
    ).tables["t"]
    import datetime as dt

    frame = pl.DataFrame(
        {
            "id": [1, 2, 3],
            "d": [dt.date(2025, 1, 2), None, dt.date(2025, 1, 3)],
            "b": [True, False, None],
            "n": [7, -1, None],
        },
        schema_overrides={"n": pl.Int32},
    )
    write_table(t, frame)
    assert (tmp_path / "out" / "d=2025-01-02" / "b=true" / "n=7").is_dir()
    assert read_table(t).sort("id").equals(frame)


def test_multi_level_partitions_of_a_run_are_replaced_whole(tmp_path):
    t = load(
        tmp_path / "sql",
        sink_sql(
            "../out", "id BIGINT, dt STRING, lang STRING", partitioned="PARTITIONED BY (dt, lang)"
        ),
    ).tables["t"]
    write_table(
        t, pl.DataFrame({"id": [1, 2, 3], "dt": ["d1", "d1", "d2"], "lang": ["en", "zh", "en"]})
    )
    write_table(t, pl.DataFrame({"id": [4], "dt": ["d1"], "lang": ["en"]}), partitions=["d1"])
    assert sorted(read_table(t).rows()) == [(3, "d2", "en"), (4, "d1", "en")]
    assert not (tmp_path / "out" / "dt=d1" / "lang=zh").exists()


def test_dagster_frames_of_a_partition_stay_in_their_folder(tmp_path):
    frames = ParquetFrames(tmp_path / "base")
    path = frames._path(dg.AssetKey(["v"]), "../../x")
    assert path.parent == tmp_path / "base" / "v" and path.name == "..%2F..%2Fx.parquet"


# ------------------------------------------------------------------ csv and json round trips

TYPED = "id INT, d DATE, ts TIMESTAMP(3), b BOOLEAN, amount DECIMAL(10, 2), t TIME, s STRING"


def typed_frame() -> pl.DataFrame:
    import datetime as dt

    return pl.DataFrame(
        {
            "id": [1, 2, 3],
            "d": [dt.date(2025, 1, 2), None, dt.date(2025, 1, 3)],
            "ts": [dt.datetime(2025, 1, 2, 10, 11, 12, 345000), None, dt.datetime(2025, 1, 3)],
            "b": [True, None, False],
            "amount": [12.5, None, 1.0],
            "t": [dt.time(10, 11, 12), None, dt.time(0, 0, 1, 500000)],
            "s": ['a,b "q"', "", None],
        },
        schema_overrides={"id": pl.Int32},
    )


@pytest.mark.parametrize("fmt, header", [("csv", False), ("csv", True), ("json", False)])
def test_text_sinks_write_what_text_sources_read(tmp_path, fmt, header):
    options = "'csv.header' = 'true', " if header else ""
    if fmt == "csv":  # Flink's csv writes NULL as its null literal, and reads it back
        options += "'csv.null-literal' = '\\N', "
    sql = (
        f"CREATE TABLE t ({TYPED}) WITH ({options}'connector' = 'filesystem', "
        f"'path' = '../out', 'format' = '{fmt}');\n"
    )
    t = load(tmp_path / "sql", sql).tables["t"]
    frame = typed_frame()
    write_table(t, frame)
    assert read_table(t).equals(frame)
    text = (tmp_path / "out" / f"part-0.{fmt}").read_text()
    if fmt == "csv":  # as Flink's csv format writes them (and can read them back)
        assert (
            text.splitlines()[header]
            == '1,2025-01-02,2025-01-02 10:11:12.345,true,12.5,10:11:12,"a,b ""q"""'
        )
    else:
        assert '"d":"2025-01-02","ts":"2025-01-02 10:11:12.345","b":true' in text
    write_table(t, frame.head(0))  # zero rows: an empty file (csv: the header alone)
    assert read_table(t).equals(frame.head(0))


def test_zero_byte_files_are_zero_rows(tmp_path):
    for fmt in ("csv", "json"):
        data = tmp_path / f"in_{fmt}"
        data.mkdir()
        (data / f"empty.{fmt}").write_bytes(b"")
        sql = (
            f"CREATE TABLE t ({TYPED}) WITH ('connector' = 'filesystem', "
            f"'path' = '../in_{fmt}', 'format' = '{fmt}');\n"
        )
        t = load(tmp_path / f"sql_{fmt}", sql).tables["t"]
        assert read_table(t).equals(typed_frame().head(0))


def test_a_csv_source_reads_timestamps_and_booleans_as_flink_does(tmp_path):
    # Flink's csv reads only `yyyy-MM-dd HH:mm:ss[.f]` (no `T`, seconds required) and any
    # boolean text but `true` (any case) as false (checked against Flink 2.3)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_text("2025-01-02 10:11:12.5,TRUE\n2025-01-02 10:11:00,yes\n")
    t = load(
        tmp_path / "sql",
        "CREATE TABLE t (ts TIMESTAMP(3), b BOOLEAN) WITH ("
        "'connector' = 'filesystem', 'path' = '../in', 'format' = 'csv');\n",
    ).tables["t"]
    import datetime as dt

    assert read_table(t).rows() == [
        (dt.datetime(2025, 1, 2, 10, 11, 12, 500000), True),
        (dt.datetime(2025, 1, 2, 10, 11), False),
    ]
    for iso in ("2025-01-02T10:11:12", "2025-01-02 10:11"):
        (tmp_path / "in" / "a.csv").write_text(f"{iso},true\n")
        with pytest.raises(
            ExecutionError, match=r"a.csv:1:1: error: value '.*' of column 'ts' is not a"
        ):
            read_table(t)


# ------------------------------------------------------------------ IF NOT EXISTS in two files


def test_if_not_exists_in_two_files_must_declare_the_same_table(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    declare = (
        "CREATE TABLE IF NOT EXISTS t (id BIGINT, label STRING) WITH ("
        "'connector' = 'filesystem', 'path' = '{path}', 'format' = '{fmt}');\n"
    )
    (folder / "a.sql").write_text(declare.format(path="../out/a", fmt="parquet") + INSERT)
    (folder / "b.sql").write_text("-- b\n" + declare.format(path="../out/b", fmt="json") + INSERT)
    with pytest.raises(SqlError) as caught:
        load_project([folder], environ={}, display_root=folder)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.format().splitlines()[0] == (
        f"b.sql:2:28: error: table 't' is declared differently in a.sql:1 (path "
        f"{folder}/../out/a there, {folder}/../out/b here; 'format' 'parquet' there, 'json' "
        "here); IF NOT EXISTS would make this file's INSERTs write into the table a.sql "
        "declares. Declare it the same way in both files, or give one of them another name"
    )
    (folder / "b.sql").write_text(declare.format(path="../out/a", fmt="parquet") + INSERT)
    project = load_project([folder], environ={}, display_root=folder)
    assert len(project.inserts_into("t")) == 2  # the same table: shared, as intended


def test_if_not_exists_twice_in_one_file_keeps_the_first_as_flink_does(tmp_path):
    sql = (
        sink_sql("../out/a").replace("TABLE t", "TABLE IF NOT EXISTS t")
        + sink_sql("../out/b").replace("TABLE t", "TABLE IF NOT EXISTS t")
        + INSERT
    )
    project = load(tmp_path / "sql", sql)
    assert project.tables["t"].location == tmp_path / "sql" / "../out/a"


# ------------------------------------------------------------------ Dagster partitions

DAILY_SOURCE = """\
CREATE TABLE reviews (id BIGINT, txt STRING, dt STRING) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem', 'path' = 'data', 'format' = 'json');
"""


def daily_project(tmp_path, sink: str, insert: str) -> Path:
    folder = tmp_path / "sql"
    for day in ("2025-01-01", "2025-01-02", "2025-01-03"):
        (folder / "data" / f"dt={day}").mkdir(parents=True)
        (folder / "data" / f"dt={day}" / "a.json").write_text(
            f'{{"id": 1, "txt": "one {day}"}}\n{{"id": 2, "txt": "two {day}"}}\n'
        )
    (folder / "job.sql").write_text(DAILY_SOURCE + sink + insert)
    return folder


def test_a_daily_source_into_an_unpartitioned_sink_is_refused_at_load_time(tmp_path, capsys):
    sql = daily_project(
        tmp_path,
        "CREATE TABLE snk (id BIGINT, txt STRING) WITH ("
        "'connector' = 'filesystem', 'path' = '../out', 'format' = 'parquet');\n",
        "INSERT INTO snk SELECT id, txt FROM reviews;\n",
    )
    with pytest.raises(
        SqlError,
        match=r"job.sql:4:1: error: sink 'snk' \(declared at "
        r"job.sql:3\) is not partitioned, but this INSERT reads "
        r"table 'reviews', which is partitioned by `dt`: Dagster "
        r"runs it one `dt` at a time, and each run would replace "
        r"the whole table",
    ):
        build_definitions(sql)
    # the same verdict everywhere: check and run refuse it, located, before anything runs
    for command in ("check", "run"):
        assert main([command, str(sql / "job.sql")]) == 1
        err = capsys.readouterr().err
        assert "job.sql:4:1: error: sink 'snk'" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_daily_source_into_a_sink_partitioned_otherwise_is_refused(tmp_path):
    sql = daily_project(
        tmp_path,
        "CREATE TABLE snk (id BIGINT, dt STRING) PARTITIONED BY (dt) "
        "WITH ('connector' = 'filesystem', 'path' = '../out', 'format' = "
        "'parquet');\n",
        "INSERT INTO snk SELECT id, txt FROM reviews;\n",
    )
    with pytest.raises(
        SqlError,
        match=r"job.sql:4:1: error: sink 'snk' .* is partitioned by `dt`, which "
        r"this INSERT does not fill with the partition column `dt` of "
        r"'reviews'",
    ):
        build_definitions(sql)


def test_each_daily_run_writes_its_own_day_and_keeps_the_others(tmp_path):
    sql = daily_project(
        tmp_path,
        "CREATE TABLE snk (id BIGINT, txt STRING, `day` STRING) "
        "PARTITIONED BY (`day`) WITH ('connector' = 'filesystem', "
        "'path' = '../out', 'format' = 'parquet');\n"
        "CREATE VIEW renamed AS SELECT id, UPPER(txt) AS txt, dt AS `day` "
        "FROM reviews WHERE id > 0;\n",
        "INSERT INTO snk SELECT id, txt, CAST(`day` AS STRING) FROM renamed;\n",
    )
    defs = build_definitions(sql)
    job = defs.resolve_implicit_global_asset_job_def()
    with dg.instance_for_test() as instance:
        register_partitions(instance, sql)  # the days present, as the sensor registers them
        for day in ("2025-01-02", "2025-01-03"):
            assert job.execute_in_process(partition_key=day, instance=instance).success
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("_")) == [
        "day=2025-01-02",
        "day=2025-01-03",
    ]
    assert pl.read_parquet(out / "day=2025-01-02" / "part-0.parquet").rows() == [
        (1, "ONE 2025-01-02"),
        (2, "TWO 2025-01-02"),
    ]


def test_a_daily_source_may_feed_a_print_sink(tmp_path):
    sql = daily_project(
        tmp_path,
        "CREATE TABLE snk (id BIGINT) WITH ('connector' = 'print');\n",
        "INSERT INTO snk SELECT id FROM reviews;\n",
    )
    assert build_definitions(sql).resolve_assets_def("snk").partitions_def is not None


def test_static_partition_keys_are_the_unescaped_values(tmp_path):
    folder = tmp_path / "sql"
    for name in ("p=a%2Fb", "p=..%2F..%2Fx", "p=x...y"):
        (folder / "data" / name).mkdir(parents=True)
        (folder / "data" / name / "a.json").write_text('{"id": 1}\n')
    (folder / "job.sql").write_text(
        "CREATE TABLE src (id BIGINT, p STRING) PARTITIONED BY (p) WITH ("
        "'connector' = 'filesystem', 'path' = 'data', 'format' = 'json');\n"
        "CREATE TABLE snk (id BIGINT, p STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO snk SELECT id, p FROM src;\n"
    )
    partitions = build_definitions(folder).resolve_assets_def("snk").partitions_def
    # 'x...y' cannot be a Dagster key: left out (with a warning), not a failed code location
    with dg.instance_for_test() as instance:
        register_partitions(instance, folder)
        assert partitions.get_partition_keys(dynamic_partitions_store=instance) == [
            "../../x",
            "a/b",
        ]


# ------------------------------------------------------------------ crashes and other writers

CRASH_SQL = """\
CREATE TABLE p (id BIGINT, writer INT, version INT, dt STRING) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem', 'path' = '{out}/p', 'format' = 'parquet');
CREATE TABLE u (id BIGINT, writer INT, version INT) WITH (
  'connector' = 'filesystem', 'path' = '{out}/u', 'format' = 'csv');
"""
DAYS = ["d1", "d2", "d3"]  # always written; "odd" by odd versions only, "even" by even ones


def version_frame(writer: int, version: int, rows: int) -> pl.DataFrame:
    days = DAYS + (["odd"] if version % 2 else ["even"])
    return pl.DataFrame(
        {
            "id": list(range(rows * len(days))),
            "writer": writer,
            "version": version,
            "dt": [d for d in days for _ in range(rows)],
        },
        schema_overrides={"writer": pl.Int32, "version": pl.Int32},
    )


def write_version(project, writer: int, version: int, rows: int) -> None:
    """One run: the partitions d1-d3 replaced, 'odd' or 'even' created and the other removed;
    the unpartitioned table replaced."""
    frame = version_frame(writer, version, rows)
    write_table(project.tables["p"], frame, partitions=[*DAYS, "odd", "even"])
    write_table(project.tables["u"], frame.drop("dt"))


def assert_whole(project, rows: int) -> None:
    """Every partition is one whole write (some writer's some version), none is missing."""
    frame = read_table(project.tables["p"])
    assert set(DAYS) <= set(frame.get_column("dt")), "a partition is missing"
    for (day,), part in frame.group_by("dt"):
        assert part.height == rows and part.select("writer", "version").n_unique() == 1, day
    whole = read_table(project.tables["u"])
    assert whole.height == 4 * rows and whole.select("writer", "version").n_unique() == 1


class Killed(BaseException):
    """What a SIGKILL does to a writer, in-process: it stops, and no `except Exception` runs."""


def test_a_write_stopped_after_any_step_leaves_each_partition_old_or_new(tmp_path, monkeypatch):
    project = load(tmp_path / "sql", CRASH_SQL.format(out="../out"))
    steps = {"count": 0, "stop_at": 0}

    def step(function):
        def stepped(*args, **kwargs):
            steps["count"] += 1
            if steps["count"] == steps["stop_at"]:
                raise Killed()
            return function(*args, **kwargs)

        return stepped

    for module, name in [
        (os, "replace"),
        (os, "rename"),
        (os, "unlink"),
        (os, "mkdir"),
        (table_folder.shutil, "rmtree"),
        (table_folder, "_write_json"),
    ]:
        monkeypatch.setattr(module, name, step(getattr(module, name)))
    # a flush to disk is a place to stop too; skipping it keeps the test fast
    monkeypatch.setattr(table_folder, "_fsync", step(lambda path: None))
    tried = 0
    for before, after in ((1, 2), (2, 3)):  # each creates one partition and removes one
        stop_at = 1
        while True:  # stop the write after its 1st step, its 2nd, ... until it finishes
            steps["stop_at"] = 0
            write_version(project, 0, before, 5)
            steps.update(count=0, stop_at=stop_at)
            try:
                write_version(project, 0, after, 5)
                break
            except Killed:
                assert_whole(project, 5)
                versions = set(read_table(project.tables["p"]).get_column("version"))
                assert versions <= {before, after}
            stop_at += 1
        tried += stop_at - 1
    assert tried > 40  # every step of both writes was a place to stop
    assert leftovers(tmp_path / "out") == []  # cleared by the writes that followed


WRITER = """\
import sys
import polars as pl
from bailian_assets.executor.filesystem import write_table
from bailian_assets.planning.project import load_project
DAYS = %r
%s
%s
project = load_project([sys.argv[1]], environ={})
writer, rows, versions = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
for version in range(1, versions + 1):
    write_version(project, writer, version, rows)
    if version == 1:
        print("ready", flush=True)
"""


def start_writers(tmp_path, count: int, rows: int, versions: int, shared: bool):
    """`count` writer processes, each writing `versions` versions (0: without end) of its own
    tables, or all of one pair of tables when `shared` (written once before they start)."""
    script = WRITER % (DAYS, inspect.getsource(version_frame), inspect.getsource(write_version))
    children, projects = [], []
    for i in range(1, count + 1):
        out = "../out" if shared else f"../out/w{i}"
        # writers of one table run one project (another project's table could not write there)
        name = "w1.sql" if shared else f"w{i}.sql"
        projects.append(load(tmp_path / "sql", CRASH_SQL.format(out=out), name))
        if shared and i == 1:
            write_version(projects[-1], 0, 1, rows)
        children.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    script,
                    str(tmp_path / "sql" / name),
                    str(i),
                    str(rows),
                    str(versions or 10**9),
                ],
                cwd=ROOT,
                env=clean_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    return children, projects


def finish(child) -> str:
    child.wait(timeout=60)
    errors = child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    return errors


def test_writers_killed_at_random_moments_never_lose_a_partition(tmp_path):
    """Writers SIGKILLed at random moments: reads afterwards see every partition whole, and the
    next read clears the leftovers. BAILIAN_SOAK_ROUNDS=50 runs it longer."""
    rows, rounds, count = 3000, int(os.environ.get("BAILIAN_SOAK_ROUNDS", "2")), 5
    random_ = random.Random(7)
    hits = 0
    for round_ in range(rounds):
        children, projects = start_writers(tmp_path / f"r{round_}", count, rows, 0, False)
        for i, (child, project) in enumerate(zip(children, projects, strict=False), start=1):
            assert child.stdout.readline() == "ready\n", child.stderr.read()
            time.sleep(random_.uniform(0, 0.25))
            child.send_signal(signal.SIGKILL)
            errors = finish(child)
            assert "Error" not in errors, errors
            out = tmp_path / f"r{round_}" / "out" / f"w{i}"
            hits += bool(leftovers(out))  # killed in the middle of a change
            assert_whole(project, rows)
            assert leftovers(out) == []  # the read cleared them
            write_version(project, 0, 99, rows)  # the killed writer's lock is free again
    print(f"{rounds * count} writers killed, {hits} in the middle of a change")


def test_writers_of_one_table_take_turns(tmp_path):
    """Three processes write one table at once while it is read: no error, no partition ever
    missing, and the last write of each process whole."""
    children, projects = start_writers(tmp_path, 3, 500, 8, True)
    while any(child.poll() is None for child in children):
        assert_whole(projects[0], 500)
    for child in children:
        errors = finish(child)
        assert child.returncode == 0 and errors == "", errors
    assert_whole(projects[0], 500)
    assert leftovers(tmp_path / "out") == []


def test_a_writer_waits_for_another_then_gives_up_with_its_pid(tmp_path, monkeypatch):
    t = load(tmp_path / "sql", sink_sql("../out")).tables["t"]
    write_table(t, pl.DataFrame({"id": [1], "label": ["a"]}))
    monkeypatch.setattr(table_folder, "LOCK_WAIT_SECONDS", 0.3)
    holder = os.open(tmp_path / "out" / table_folder.LOCK, os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)
    os.ftruncate(holder, 0)
    os.write(holder, b"4242\n")
    try:
        with pytest.raises(
            ExecutionError,
            match=r"another run is writing table 't' \(lock held "
            r"by pid 4242, on .*_bailian_lock\); run again "
            r"when it has finished",
        ):
            write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))
    finally:
        os.close(holder)
    write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))  # free again
    assert read_table(t).rows() == [(2, "b")]


def test_dagster_fails_a_sink_run_on_a_foreign_folder_before_any_model_is_paid(tmp_path):
    from bailian_assets import backends

    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.csv").write_text("1,2\n")
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "job.sql").write_text(
        CHAT_MODEL + sink_sql("../out") + "CREATE VIEW v (id, txt) AS VALUES (1, 'great');\n"
        "INSERT INTO t SELECT id, content FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(txt));\n"
    )
    defs = build_definitions(folder)
    calls = sum(backends._shared_simulator.counters.by_status.values())
    with dg.instance_for_test() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(
            instance=instance, raise_on_error=False
        )
    assert not result.success
    (failure,) = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    message = failure.step_failure_data.error.message
    assert "holds files this table did not write: mine.csv" in message
    assert sum(backends._shared_simulator.counters.by_status.values()) == calls
    assert tree(out) == {"mine.csv": b"1,2\n"}


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    t = load(tmp_path / "sql", sink_sql("../a_file/out")).tables["t"]
    (tmp_path / "a_file").write_text("not a folder")
    with pytest.raises(
        ExecutionError,
        match=r"table 't' \(declared at t.sql:1\): cannot "
        r"prepare '.*a_file/out': Not a directory",
    ):
        write_table(t, pl.DataFrame({"id": [1], "label": ["a"]}))


def test_hidden_files_in_a_table_folder_are_left_alone_and_block_only_a_removal(tmp_path):
    t = load(
        tmp_path / "sql",
        sink_sql("../out", "id BIGINT, dt STRING", partitioned="PARTITIONED BY (dt)"),
    ).tables["t"]
    write_table(t, pl.DataFrame({"id": [1, 2], "dt": ["d1", "d2"]}))
    out = tmp_path / "out"
    for folder in (out, out / "dt=d1", out / "dt=d2"):
        (folder / ".DS_Store").write_bytes(b"finder")
    write_table(t, pl.DataFrame({"id": [3, 4], "dt": ["d1", "d2"]}))  # replaced beside them
    assert sorted(read_table(t).rows()) == [(3, "d1"), (4, "d2")]
    with pytest.raises(
        ExecutionError,
        match=r"dt=d2' holds files this table did not write: "
        r"\.DS_Store",
    ):
        write_table(t, pl.DataFrame({"id": [5], "dt": ["d1"]}), partitions=["d1", "d2"])
    assert all(
        (f / ".DS_Store").read_bytes() == b"finder" for f in (out, out / "dt=d1", out / "dt=d2")
    )


def test_run_into_a_foreign_folder_ends_with_one_clear_line(tmp_path, capsys):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.xlsx").write_bytes(b"precious")
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "job.sql").write_text(sink_sql("../out") + INSERT)
    assert main(["check", str(folder / "job.sql")]) == 0  # only the run can know
    assert main(["run", str(folder / "job.sql")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("bailian-assets: error: table 't' (declared at ")
    assert "holds files this table did not write: report.xlsx" in err[-1]
    assert "Traceback" not in "\n".join(err)
    assert tree(tmp_path / "out") == {"report.xlsx": b"precious"}


def test_a_partition_key_as_long_as_a_folder_name_allows_materializes_in_dagster(tmp_path):
    """A value fills its folder name (`p=` + 240 bytes); the frame Dagster stores for the
    partition must not need a longer file name than the folder had."""
    value = "é" * 120  # 240 bytes of UTF-8
    folder = tmp_path / "sql"
    (folder / "data" / f"p={value}").mkdir(parents=True)
    (folder / "data" / f"p={value}" / "a.json").write_text('{"id": 1}\n')
    (folder / "job.sql").write_text(
        "CREATE TABLE src (id BIGINT, p STRING) PARTITIONED BY (p) WITH ("
        "'connector' = 'filesystem', 'path' = 'data', 'format' = 'json');\n"
        "CREATE VIEW picked AS SELECT id, p FROM src WHERE id > 0;\n"
        "CREATE TABLE snk (id BIGINT, p STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO snk SELECT id, p FROM picked;\n"
    )
    job = build_definitions(folder).resolve_implicit_global_asset_job_def()
    with dg.instance_for_test() as instance:
        register_partitions(instance, folder)
        assert job.execute_in_process(partition_key=value, instance=instance).success
        stored = [p.name for p in Path(instance.storage_directory()).rglob("*.parquet")]
    assert stored and all(len(name.encode()) <= 200 for name in stored)
