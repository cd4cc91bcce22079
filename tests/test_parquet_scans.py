"""Parquet files Polars scans itself: their schemas are read once while the files stay as they
are, and any change to a file (rewritten in place, replaced, its times set back) is noticed."""

import os

import polars as pl
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import ExecutionError
from bailian_assets.executor import filesystem, parquet_scans
from bailian_assets.executor.parquet_scans import ParquetScans
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_project, load_source

DECLARED = {"k": pl.Int64(), "s": pl.String()}


@pytest.fixture
def checks(monkeypatch):
    """How many times the files' schemas were read; every file counts as settled."""
    seen = []
    checked_scan = parquet_scans._checked_scan

    def counting(files, declared):
        seen.append([f.name for f in files])
        return checked_scan(files, declared)

    monkeypatch.setattr(parquet_scans, "_checked_scan", counting)
    monkeypatch.setattr(parquet_scans, "SETTLED_NS", 0)
    return seen


def write(path, k, s=None, **options):
    frame = pl.DataFrame({"k": k, "s": s or [str(v) for v in k]})
    frame.write_parquet(path, compression="uncompressed", statistics=False, **options)


def test_unchanged_files_are_checked_once(tmp_path, checks):
    write(tmp_path / "a.parquet", [1, 2])
    write(tmp_path / "b.parquet", [3])
    scans = ParquetScans()
    files = [tmp_path / "a.parquet", tmp_path / "b.parquet"]
    first = scans.scan(files, DECLARED)
    assert first is scans.scan(files, DECLARED)
    assert checks == [["a.parquet", "b.parquet"]]
    assert first is not None and first.collect()["k"].to_list() == [1, 2, 3]


def test_other_declared_types_are_checked_anew(tmp_path, checks):
    write(tmp_path / "a.parquet", [1, 2])
    scans = ParquetScans()
    assert scans.scan([tmp_path / "a.parquet"], DECLARED) is not None
    assert scans.scan([tmp_path / "a.parquet"], {"k": pl.Int32()}) is None  # types differ
    assert scans.scan([tmp_path / "a.parquet"], {"k": pl.Int32()}) is None
    assert len(checks) == 2


def test_a_file_rewritten_in_place_with_its_times_set_back_is_read_anew(tmp_path, checks):
    """Same path, inode, size and modification time: only the change time tells."""
    file = tmp_path / "a.parquet"
    write(file, [1, 2], ["x", "y"])
    scans = ParquetScans()
    assert scans.scan([file], DECLARED).collect()["s"].to_list() == ["x", "y"]
    before = os.stat(file)
    replacement = tmp_path / "other.parquet"
    write(replacement, [3, 4], ["p", "q"])
    assert replacement.stat().st_size == before.st_size  # the same size: the test means it
    file.write_bytes(replacement.read_bytes())  # in place: the same inode
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(file)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )
    assert after.st_ctime_ns != before.st_ctime_ns
    assert scans.scan([file], DECLARED).collect()["s"].to_list() == ["p", "q"]
    assert len(checks) == 2


def test_a_file_replaced_by_one_of_other_types_takes_the_checking_reader(tmp_path, checks):
    file = tmp_path / "part-0.parquet"
    write(file, [1, 2])
    sql = (
        f"CREATE TABLE t (k BIGINT, s STRING) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path}', 'format' = 'parquet');"
    )
    table = load_source(sql, "t.sql", {}).tables["t"]
    assert "Parquet SCAN" in filesystem.scan_table(table).explain()
    pl.DataFrame({"k": ["not a number"], "s": ["x"]}).write_parquet(tmp_path / "new.parquet")
    os.replace(tmp_path / "new.parquet", file)
    scan = filesystem.scan_table(table)
    assert "Parquet SCAN" not in scan.explain()
    with pytest.raises(ExecutionError, match=r"part-0\.parquet"):
        scan.collect()


def test_recently_changed_files_are_not_remembered(tmp_path, monkeypatch):
    """A file changed within a clock tick of being looked at may change again unseen."""
    seen = []
    checked_scan = parquet_scans._checked_scan
    monkeypatch.setattr(
        parquet_scans, "_checked_scan", lambda f, d: seen.append(1) or checked_scan(f, d)
    )
    write(tmp_path / "a.parquet", [1])
    scans = ParquetScans()
    scans.scan([tmp_path / "a.parquet"], DECLARED)
    scans.scan([tmp_path / "a.parquet"], DECLARED)
    assert len(seen) == 2


def test_the_least_recently_used_set_of_files_is_forgotten_first(tmp_path, checks):
    for name in "abc":
        write(tmp_path / f"{name}.parquet", [1])
    scans = ParquetScans(limit=2)
    a, b, c = ([tmp_path / f"{name}.parquet"] for name in "abc")
    scans.scan(a, DECLARED)
    scans.scan(b, DECLARED)
    scans.scan(a, DECLARED)  # a used last: b goes when c comes
    scans.scan(c, DECLARED)
    scans.scan(a, DECLARED)
    scans.scan(b, DECLARED)
    assert checks == [["a.parquet"], ["b.parquet"], ["c.parquet"], ["b.parquet"]]


def test_a_missing_file_is_an_os_error_for_the_caller(tmp_path):
    with pytest.raises(FileNotFoundError):
        ParquetScans().scan([tmp_path / "gone.parquet"], DECLARED)


def test_a_parquet_table_the_job_rewrites_is_read_as_written(tmp_path, checks):
    """A query after the job's INSERT reads the files as they are then, not the ones a
    query before it scanned."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.csv").write_text("".join(f"{i},{i}.5\n" for i in range(50)))
    tables = (
        "CREATE TABLE src (id BIGINT, amount DOUBLE) WITH ('connector' = 'filesystem', "
        "'path' = 'src', 'format' = 'csv');\n"
        "CREATE TABLE copy (id BIGINT, amount DOUBLE) WITH ('connector' = 'filesystem', "
        "'path' = 'copy', 'format' = 'parquet');\n"
        "CREATE TABLE snk (n BIGINT, total DOUBLE) WITH ('connector' = 'blackhole');\n"
    )
    sql = tables + (
        "INSERT INTO copy SELECT id, amount FROM src WHERE id < 3;\n"
        "INSERT INTO snk SELECT COUNT(*), SUM(amount) FROM copy;\n"
        "INSERT INTO copy SELECT id, amount FROM src WHERE id >= 40;\n"
        "INSERT INTO snk SELECT COUNT(*), SUM(amount) FROM copy;\n"
    )
    path = tmp_path / "job.sql"
    path.write_text(sql)
    result = run_project(load_project([path], {}), simulated_backend(), lambda t, line: None)
    # the job's INSERTs into one table add up (Flink's INSERT INTO appends)
    assert result.sinks["snk"].rows() == [(3, 4.5), (13, 4.5 + sum(i + 0.5 for i in range(40, 50)))]
