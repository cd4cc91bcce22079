"""TPC-H's 22 queries at scale factor 0.01 through bailian-assets, against real Flink's rows.

The data comes from `tpchgen-cli` (the `test` extra) as Parquet, generated once per session
into a temporary folder (a few seconds); the tables are Flink filesystem tables
(tests/tpch/tables.sql) and each query (tests/tpch/queries/qNN.sql) runs as
`bailian-assets run` runs a project: planned with the tables' file and run in-process. The
expected rows are what real Apache Flink 2.3 printed for the same queries over the same data
written as csv (tests/tpch/expected/, see tests/tpch/README.md).

Rows are compared in order (every query orders its rows or returns one): exactly, as printed,
for every column but DOUBLE ones, which agree within a relative 1e-9 (Flink and Polars may sum
floating-point numbers in a different order). DECIMAL columns (all of TPC-H's money) are exact.
A query without Flink's rows yet (`qNN.duckdb.json` instead of `qNN.flink.out`, see the
README) is compared value by value with DuckDB's: strings, dates and integers exactly, other
numbers within 1e-6 (DuckDB's AVG is a DOUBLE where Flink's is a DECIMAL of scale 6).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from bailian_assets.planning.project import load_project
from conftest import clean_env, printed_run
from golden_harness import parse_expected

TPCH = Path(__file__).resolve().parent / "tpch"
QUERIES = sorted(p.stem for p in (TPCH / "queries").glob("q*.sql"))
SCALE_FACTOR = "0.01"  # tests/tpch/regenerate generates Flink's csv at the same
RELATIVE_TOLERANCE = 1e-9  # DOUBLE columns only

# Queries that fail only for want of work other engineers are doing; strict, so that each
# fails the suite (and is taken off this list) as soon as that work makes it pass.
WAITING_FOR: dict[str, str] = {}


def expectation(name: str) -> Path:
    """Flink's rows for the query, or DuckDB's where we have no Flink rows (yet)."""
    flink = TPCH / "expected" / f"{name}.flink.out"
    return flink if flink.is_file() else flink.with_name(f"{name}.duckdb.json")


def test_there_are_22_queries_each_with_expected_rows():
    assert QUERIES == [f"q{n:02}" for n in range(1, 23)]
    assert not [q for q in QUERIES if not expectation(q).is_file()]


@pytest.fixture(scope="session")
def tpch_data(tmp_path_factory) -> Path:
    """TPC-H at scale factor 0.01 as Parquet, one folder per table (`<table>/<table>.1.parquet`)."""
    folder = tmp_path_factory.mktemp("tpch")
    tpchgen = Path(sys.executable).parent / "tpchgen-cli"
    command = [str(tpchgen), "parquet", "-s", SCALE_FACTOR, "--parts", "1", "-o", str(folder)]
    subprocess.run(command, check=True, env=clean_env(), capture_output=True)
    return folder


def run_query(name: str, data: Path) -> tuple[list[str], list[str], list[tuple]]:
    """The query's printed rows, the type of each of its columns, and its rows as values."""
    environ = {"TPCH_DATA": str(data), "TPCH_FORMAT": "parquet"}
    files = [TPCH / "tables.sql", TPCH / "queries" / f"{name}.sql"]
    project = load_project(files, environ, display_root=TPCH)
    (select,) = project.selects
    lines, result = printed_run(project)
    values = result.sinks[select.name].rows()
    return lines, [c.type.name for c in select.table.columns], values


def flink_rows(name: str) -> list[str]:
    expected = parse_expected((TPCH / "expected" / f"{name}.flink.out").read_text("utf-8"))
    assert expected.ok, f"Flink refused {name}: {expected.message}"
    (group,) = expected.groups
    return group[1]


def same_row(ours: str, flink: str, column_types: list[str]) -> bool:
    """Identical as printed; or, with DOUBLE columns, the same fields with DOUBLE values close."""
    if ours == flink:
        return True
    doubles = [i for i, t in enumerate(column_types) if t in ("DOUBLE", "FLOAT")]
    ours_fields, flink_fields = ours[3:-1].split(", "), flink[3:-1].split(", ")
    if not doubles or len(ours_fields) != len(column_types) != len(flink_fields):
        return False
    for i, (mine, theirs) in enumerate(zip(ours_fields, flink_fields, strict=False)):
        if mine != theirs and not (i in doubles and _close(mine, theirs)):
            return False
    return True


def _close(mine: str, theirs: str) -> bool:
    try:
        return math.isclose(float(mine), float(theirs), rel_tol=RELATIVE_TOLERANCE)
    except ValueError:
        return False


def same_values(ours: tuple, duckdb: list) -> bool:
    """Our row against DuckDB's (JSON: numbers, DECIMAL and DATE as text)."""
    if len(ours) != len(duckdb):
        return False
    for mine, theirs in zip(ours, duckdb, strict=False):
        if isinstance(mine, (bool, int, str)) or mine is None or theirs is None:
            if mine != theirs:
                return False
        elif isinstance(mine, (float, Decimal)):
            if not math.isclose(float(mine), float(theirs), rel_tol=1e-9, abs_tol=1e-6):
                return False
        elif str(mine) != theirs:  # dates
            return False
    return True


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(q, marks=pytest.mark.xfail(strict=True, reason=WAITING_FOR[q]))
        if q in WAITING_FOR
        else q
        for q in QUERIES
    ],
)
def test_query_gives_flink_rows(name, tpch_data):
    ours, column_types, values = run_query(name, tpch_data)
    if expectation(name).suffix == ".json":
        expected = json.loads(expectation(name).read_text("utf-8"))["rows"]
        assert len(values) == len(expected), f"{len(values)} rows, DuckDB {len(expected)}"
        for number, (mine, theirs) in enumerate(zip(values, expected, strict=False), 1):
            assert same_values(mine, theirs), f"row {number}: ours {mine}, DuckDB {theirs}"
        return
    expected = flink_rows(name)
    assert len(ours) == len(expected), f"{len(ours)} rows, Flink {len(expected)}"
    for number, (mine, theirs) in enumerate(zip(ours, expected, strict=False), 1):
        assert same_row(mine, theirs, column_types), f"row {number}: ours {mine}, Flink {theirs}"
