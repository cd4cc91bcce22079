"""The filesystem connector: Flink's formats and folders, clear errors, whole-partition writes."""

import polars as pl
import pytest

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.filesystem import partition_values, read_table, write_table
from bailian_assets.planning.project import load_project


def table(tmp_path, columns, options, partitioned=""):
    sql = tmp_path / "t.sql"
    sql.write_text(
        f"CREATE TABLE t ({columns}) {partitioned} WITH ('connector' = 'filesystem', {options});\n"
    )
    return load_project([sql], environ={}).tables["t"]


def test_relative_paths_resolve_against_the_sql_files_folder(tmp_path):
    t = table(tmp_path, "a INT", "'path' = 'data', 'format' = 'csv'")
    assert t.location == tmp_path / "data"


def test_csv_without_header_is_positional_and_empty_fields_are_flinks(tmp_path):
    # as Flink 2.3 reads them: an empty STRING field is '', an empty DOUBLE one fails the
    # read unless 'csv.null-literal' = '' makes empty fields NULL
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "part-0.csv").write_text("1,好東西,2.5\n2,,\n")
    columns = "id BIGINT, name STRING, score DOUBLE"
    t = table(tmp_path, columns, "'path' = 'data', 'format' = 'csv'")
    with pytest.raises(
        ExecutionError, match=r"part-0.csv:2:4: error: empty field for column 'score'"
    ):
        read_table(t)
    t = table(tmp_path, columns, "'path' = 'data', 'format' = 'csv', 'csv.null-literal' = ''")
    assert read_table(t).rows() == [(1, "好東西", 2.5), (2, None, None)]


def test_a_value_that_does_not_convert_names_file_and_line(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "part-0.csv").write_text("id,score\n1,2.5\n2,lots\n")
    t = table(
        tmp_path,
        "id BIGINT, score DOUBLE",
        "'path' = 'data', 'format' = 'csv', 'csv.header' = 'true'",
    )
    with pytest.raises(
        ExecutionError,
        match=r"part-0.csv:3:3: error: value 'lots' of column 'score' "
        r"is not a DOUBLE",
    ):
        read_table(t)


def test_a_declared_column_the_file_lacks(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.json").write_text('{"id": 1}\n')
    t = table(tmp_path, "id BIGINT, review STRING", "'path' = 'data', 'format' = 'json'")
    with pytest.raises(
        ExecutionError,
        match=r"a.json: no column 'review', which table 't' "
        r"declares \(declared at .*t.sql:1\)",
    ):
        read_table(t)


def test_a_missing_folder(tmp_path):
    t = table(tmp_path, "id BIGINT", "'path' = 'nowhere', 'format' = 'parquet'")
    with pytest.raises(
        ExecutionError,
        match=r"t.sql:1:\d+: error: table 't': path '.*nowhere' does not exist",
    ):
        read_table(t)


def test_partitions_round_trip_and_replace_whole(tmp_path):
    t = table(
        tmp_path,
        "id BIGINT, v ARRAY<FLOAT>, dt STRING",
        "'path' = 'out', 'format' = 'parquet'",
        "PARTITIONED BY (dt)",
    )
    frame = pl.DataFrame(
        {
            "id": [1, 2, 3],
            "v": [[0.5, 1.0], [0.25, 0.0], [1.0, 1.0]],
            "dt": ["2025-01-01", "2025-01-01", "2025-01-02"],
        },
        schema_overrides={"v": pl.List(pl.Float32)},
    )
    write_table(t, frame)
    assert partition_values(t) == ["2025-01-01", "2025-01-02"]
    files = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "out").rglob("*"))
    assert files == [
        "out/_bailian_lock",
        "out/_bailian_table",
        "out/dt=2025-01-01",
        "out/dt=2025-01-01/_bailian_files",
        "out/dt=2025-01-01/part-0.parquet",
        "out/dt=2025-01-02",
        "out/dt=2025-01-02/_bailian_files",
        "out/dt=2025-01-02/part-0.parquet",
    ]
    # partition columns live in folder names only, as Flink writes them
    assert pl.read_parquet(tmp_path / "out/dt=2025-01-01/part-0.parquet").columns == ["id", "v"]
    assert read_table(t).sort("id").equals(frame)
    # re-writing a day replaces it whole; a day now empty is removed; others are untouched
    write_table(t, frame.filter(pl.col("id") == 2), partitions=["2025-01-01", "2025-01-02"])
    assert read_table(t).get_column("id").to_list() == [2]
    assert read_table(t, ["2025-01-01"]).height == 1
    with pytest.raises(ExecutionError, match="no data for partition dt=2025-01-02"):
        read_table(t, ["2025-01-02"])


def test_json_and_csv_sinks(tmp_path):
    for fmt in ("json", "csv"):
        t = table(tmp_path, "id BIGINT, label STRING", f"'path' = '{fmt}', 'format' = '{fmt}'")
        frame = pl.DataFrame({"id": [1, 2], "label": ["positive", "負面"]})
        write_table(t, frame)
        assert read_table(t).equals(frame)
