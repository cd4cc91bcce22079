"""Parquet read by a filesystem table: columns already of the declared types pass as they are
(the fast path TPC-H's data takes); others are still converted and checked."""

from decimal import Decimal

import polars as pl
import pytest

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.file_formats import read_batches
from bailian_assets.planning.project import load_source


def table(folder, columns):
    sql = (
        f"CREATE TABLE t ({columns}) WITH ('connector' = 'filesystem', "
        f"'path' = '{folder}', 'format' = 'parquet');"
    )
    return load_source(sql, "t.sql", {}).tables["t"]


def test_columns_of_the_declared_types_are_read_as_they_are(tmp_path):
    frame = pl.DataFrame(
        {"k": [1, 2], "price": [Decimal("1.50"), Decimal("20.25")], "s": ["a", None]},
        schema={"k": pl.Int64, "price": pl.Decimal(15, 2), "s": pl.String},
    )
    frame.write_parquet(tmp_path / "part-0.parquet")
    spec = table(tmp_path, "k BIGINT, price DECIMAL(15, 2), s STRING")
    (batch,) = read_batches(spec, tmp_path / "part-0.parquet", spec.data_columns)
    assert batch.equals(frame)


def test_other_types_are_still_checked(tmp_path):
    pl.DataFrame({"k": [1, 2**40]}).write_parquet(tmp_path / "part-0.parquet")
    spec = table(tmp_path, "k INT")
    with pytest.raises(ExecutionError, match=r"is not a INT|is not an INT"):
        list(read_batches(spec, tmp_path / "part-0.parquet", spec.data_columns))


def test_a_table_whose_files_hold_the_declared_types_is_scanned_by_polars_itself(tmp_path):
    from bailian_assets.executor.filesystem import scan_table

    frame = pl.DataFrame(
        {"k": [1, 2, 3], "s": ["a", "b", None]}, schema={"k": pl.Int64, "s": pl.String}
    )
    frame.write_parquet(tmp_path / "part-0.parquet")
    frame.write_parquet(tmp_path / "part-1.parquet")
    scan = scan_table(table(tmp_path, "k BIGINT, s STRING")).filter(pl.col("k") > 1)
    assert "Parquet SCAN" in scan.explain()  # parallel, the filter pushed into the files
    assert scan.collect()["k"].to_list() == [2, 3, 2, 3]


def test_a_file_of_other_types_takes_the_reader_that_converts_and_checks(tmp_path):
    from bailian_assets.executor.filesystem import scan_table

    pl.DataFrame({"k": [1, 2]}, schema={"k": pl.Int64}).write_parquet(tmp_path / "a.parquet")
    pl.DataFrame({"k": [2**40]}, schema={"k": pl.Int64}).write_parquet(tmp_path / "b.parquet")
    scan = scan_table(table(tmp_path, "k INT"))
    assert "Parquet SCAN" not in scan.explain()
    with pytest.raises(ExecutionError, match=r"b\.parquet"):
        scan.collect()
