"""Shapes a review found failing: guards that must stay linear in the operands they follow
(a CASE or AND of many text CASTs), correlated SELECT lists and aggregate arguments through
the domain join (NULL outer values, nested subqueries), and join keys that are expressions."""

from __future__ import annotations

import pytest

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.expressions import compile_expr
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_project
from conftest import printed_run

CSV = "'format' = 'csv', 'csv.null-literal' = ''"


def _table(name: str, columns: str) -> str:
    return (
        f"CREATE TABLE {name} ({columns}) WITH ('connector' = 'filesystem', "
        f"'path' = '{name}.csv', {CSV});\n"
    )


def _project(tmp_path, sql: str, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    path = tmp_path / "job.sql"
    path.write_text(sql)
    return load_project([path], environ={})


def _lines(tmp_path, sql: str, files: dict[str, str]) -> list[str]:
    return printed_run(_project(tmp_path, sql, files))[0]


def _case_size(tmp_path, branches: int) -> int:
    """The size of the compiled CASE bucketing a text column through CAST in each WHEN."""
    whens = " ".join(f"WHEN CAST(s AS INT) < {10 * j} THEN {j}" for j in range(1, branches + 1))
    sql = (
        _table("t", "s STRING")
        + "CREATE TEMPORARY TABLE out1 (b INT) WITH ('connector' = 'blackhole');\n"
        f"INSERT INTO out1 SELECT CASE {whens} ELSE 0 END FROM t;"
    )
    root = _project(tmp_path, sql, {"t.csv": "1\n"}).inserts[0].query.root
    (project,) = [n for n in p.walk(root) if isinstance(n, p.Project)][:1]
    return len(str(compile_expr(project.items[0][0])))


def test_guards_grow_linearly_with_the_branches_not_exponentially(tmp_path):
    """A CASE (or AND/OR chain) whose tests CAST text: each test's guard holds every earlier
    test compiled with its own guard, so the Polars expression grows ~3x per branch (its
    text: 335, 669, 1003, 1337 characters for 2, 4, 6, 8 WHENs before 3782ce1; 1251, 12507,
    113715, 1024491 after). A 10-WHEN CASE runs for minutes; 14 AND-ed CASTs take 9 GB."""
    small, large = _case_size(tmp_path, 4), _case_size(tmp_path, 8)
    assert large < 4 * small


USERS = "1,10\n2,\n3,30\n4,\n"
ITEMS = "100,1,2\n102,1,3\n103,3,1\n104,,5\n"
TABLES = _table("users", "uid INT, k INT") + _table("items", "oid INT, uid INT, q INT")


def test_exists_whose_select_list_reads_a_null_outer_ltz_keeps_the_row(tmp_path):
    """Flink 2.3 (oracle): uids 1, 2, 3, 4. The domain join keys a TIMESTAMP_LTZ with `=`,
    so a NULL outer value joins nothing: 2 and 4 are dropped (before ac105d8: refused)."""
    sql = TABLES + (
        "CREATE TEMPORARY VIEW uu AS SELECT uid, TO_TIMESTAMP_LTZ(k, 0) AS tl FROM users;\n"
        "CREATE TEMPORARY TABLE out1 (uid INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT uid FROM uu u WHERE EXISTS "
        "(SELECT u.tl FROM items i WHERE i.oid > u.uid) ORDER BY uid;"
    )
    lines = _lines(tmp_path, sql, {"users.csv": USERS, "items.csv": ITEMS})
    assert lines == ["+I[1]", "+I[2]", "+I[3]", "+I[4]"]


def test_aggregate_argument_reading_outer_beside_a_nested_subquery(tmp_path):
    """Flink 2.3 (oracle) and SQLite: 13, NULL, 31, NULL. Ours: 'joining with repeated key
    names; already joined on $domain#14 and $domain#16' (a Polars error)."""
    sql = TABLES + (
        "CREATE TEMPORARY TABLE out1 (uid INT, m INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT uid, (SELECT MAX(q + u.k) FROM items i WHERE EXISTS "
        "(SELECT 1 FROM items j WHERE j.oid = i.oid AND j.uid = u.uid)) FROM users u ORDER BY uid;"
    )
    lines = _lines(tmp_path, sql, {"users.csv": USERS, "items.csv": ITEMS})
    assert lines == ["+I[1, 13]", "+I[2, null]", "+I[3, 31]", "+I[4, null]"]


@pytest.mark.parametrize(
    "on",
    [
        "CAST(a.s AS INT) = b.i",  # 'alias' is not allowed in a join key (pre-existing)
        "a.i + 1 = b.i AND a.i * 2 = b.i + 2",  # joining with repeated key names (pre-existing)
    ],
)
def test_join_keys_that_are_expressions(tmp_path, on):
    sql = (
        _table("t", "i INT, s STRING")
        + "CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');\n"
        f"INSERT INTO out1 SELECT a.i, b.i FROM t a JOIN t b ON {on} ORDER BY a.i;"
    )
    try:
        lines = _lines(tmp_path, sql, {"t.csv": "1,2\n2,3\n3,4\n4,5\n"})
    except ExecutionError as error:
        pytest.fail(str(error))
    assert lines  # CAST: (1, 2), (2, 3), (3, 4); the two keys: (3, 4)
