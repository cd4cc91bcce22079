"""A correlated global aggregate's input narrowed to the keys its outer rows ask for (a "magic
set", `planning/decorrelate.py` `_narrowed`): the plan's shape, and rows unchanged by it (NULL
keys, keys no outer row asks for, outer rows no subquery row joins)."""

from __future__ import annotations

import pytest

from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_lines

# csv files have no NULL INT: the views make 0 NULL
TABLES = """\
CREATE TABLE users_raw (uid INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE orders_raw (oid INT, uid INT)
  WITH ('connector' = 'filesystem', 'path' = 'orders.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW users AS
  SELECT CASE WHEN uid = 0 THEN CAST(NULL AS INT) ELSE uid END AS uid, name FROM users_raw;
CREATE TEMPORARY VIEW orders AS
  SELECT oid, CASE WHEN uid = 0 THEN CAST(NULL AS INT) ELSE uid END AS uid FROM orders_raw;
CREATE TEMPORARY TABLE out1 (name STRING, n BIGINT) WITH ('connector' = 'print');
"""


@pytest.fixture
def folder(tmp_path):
    # eve has no orders; order 104's user 5 is asked for by no outer row; 103's user is NULL
    (tmp_path / "users.csv").write_text("1,ann\n2,ben\n3,cat\n0,dan\n4,eve\n")
    (tmp_path / "orders.csv").write_text("100,1\n101,1\n102,3\n103,0\n104,5\n")
    return tmp_path


def sql(folder, query: str) -> str:
    return TABLES.replace("'path' = '", f"'path' = '{folder}/") + query


def correlated(folder, query: str) -> p.CorrelatedJoin:
    (insert,) = load_source(sql(folder, query), str(folder / "q.sql"), {}).inserts
    (join,) = [n for n in p.walk(insert.query.root) if isinstance(n, p.CorrelatedJoin)]
    return join


def semi_joins(node: p.Node) -> list[p.SemiJoin]:
    return [n for n in p.walk(node) if isinstance(n, p.SemiJoin)]


COUNTS = (
    "INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.uid = u.uid) "
    "FROM users u WHERE name <> 'ben' ORDER BY name;"
)


def test_the_aggregate_reads_only_the_keys_the_outer_rows_ask_for(folder):
    join = correlated(folder, COUNTS)
    (semi,) = semi_joins(join.subquery)
    # the outer rows are the join's own input (one node: computed once), their distinct keys
    asked = semi.subquery
    assert isinstance(asked, p.Distinct) and isinstance(asked.input, p.Project)
    assert asked.input.input is join.input
    # on the orders side: its key, `o.uid`
    assert any(f.column.startswith("oid") for f in semi.input.fields)


def test_narrowed_rows_are_the_unnarrowed_ones(folder):
    # dan's NULL key joins no order (the NULL order neither), eve's none: COUNT(*) is 0
    assert printed_lines(sql(folder, COUNTS)) == [
        "+I[ann, 2]",
        "+I[cat, 1]",
        "+I[dan, 0]",
        "+I[eve, 0]",
    ]


def test_a_sum_over_no_asked_rows_is_null(folder):
    query = (
        "INSERT INTO out1 SELECT name, (SELECT SUM(o.oid) FROM orders o WHERE o.uid = u.uid) "
        "FROM users u WHERE u.uid > 1 OR u.uid IS NULL ORDER BY name;"
    )
    assert printed_lines(sql(folder, query)) == [
        "+I[ben, null]",
        "+I[cat, 102]",
        "+I[dan, null]",
        "+I[eve, null]",
    ]


def test_the_semi_join_is_placed_on_the_table_holding_the_key(folder):
    query = (
        "INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o, users x "
        "WHERE o.uid = x.uid AND o.uid = u.uid) FROM users u ORDER BY name;"
    )
    join = correlated(folder, query)
    (semi,) = semi_joins(join.subquery)
    assert any(isinstance(n, p.Join) for n in p.walk(join.subquery))
    assert not any(isinstance(n, p.Join) for n in p.walk(semi.input))  # below the join
    assert printed_lines(sql(folder, query)) == [
        "+I[ann, 2]",
        "+I[ben, 0]",
        "+I[cat, 1]",
        "+I[dan, 0]",
        "+I[eve, 0]",
    ]


def test_a_group_by_of_its_own_is_not_narrowed(folder):
    # Flink checks every key value's groups for a second row, asked for or not
    query = (
        "INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.uid = u.uid "
        "GROUP BY o.uid) FROM users u;"
    )
    assert semi_joins(correlated(folder, query).subquery) == []


def test_a_non_equality_condition_is_not_narrowed(folder):
    # its domain matches NULL outer values too (IS NOT DISTINCT FROM): no SemiJoin drops them
    query = (
        "INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.uid < u.uid) "
        "FROM users u ORDER BY name;"
    )
    assert semi_joins(correlated(folder, query).subquery) == []
    assert printed_lines(sql(folder, query)) == [
        "+I[ann, 0]",
        "+I[ben, 2]",
        "+I[cat, 2]",
        "+I[dan, 0]",
        "+I[eve, 3]",
    ]
