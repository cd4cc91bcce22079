"""Correlated subqueries (decorrelated into joins: planning/decorrelate.py) and outer joins
whose ON condition has a non-equality part (executor/joins.py).

Two kinds of expectation: rows real Apache Flink 2.3 printed for the same SQL (through
../shared/tools/flink-oracle/flink-run, on the same csv data), and, for the subquery shapes of
TPC-H Q2, Q4, Q17, Q20, Q21 and Q22 on small generated tables, the rows SQLite (Python's
sqlite3, which runs correlated subqueries row by row, the textbook way) gives for the same
query.
"""

import random
import sqlite3

import pytest

from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_by_table


def run(sql: str, folder) -> list[str]:
    """The lines the print sinks received, `sink +I[...]` (csv paths are in `folder`)."""
    sql = sql.replace("'path' = '", f"'path' = '{folder}/")
    path = folder / "q.sql"
    path.write_text(sql)
    shown, _ = printed_by_table(load_source(sql, str(path), {}))
    return [f"{table} {line}" for table, line in shown]


# users and orders with NULL keys: csv files have no NULL INT, views make 0 NULL
PEOPLE = """\
CREATE TABLE users_raw (uid INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE orders_raw (oid INT, uid INT)
  WITH ('connector' = 'filesystem', 'path' = 'orders.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW users AS
  SELECT CASE WHEN uid = 0 THEN CAST(NULL AS INT) ELSE uid END AS uid, name FROM users_raw;
CREATE TEMPORARY VIEW orders AS
  SELECT oid, CASE WHEN uid = 0 THEN CAST(NULL AS INT) ELSE uid END AS uid FROM orders_raw;
"""


@pytest.fixture
def people(tmp_path):
    (tmp_path / "users.csv").write_text("1,ann\n2,ben\n3,cat\n0,dan\n")
    (tmp_path / "orders.csv").write_text("100,1\n101,1\n102,3\n103,0\n")
    return tmp_path


def sink(columns: str, query: str) -> str:
    return f"CREATE TEMPORARY TABLE out1 ({columns}) WITH ('connector' = 'print');\n{query}\n"


# (columns, query, Flink 2.3's rows) over PEOPLE
FLINK_CASES = {
    "exists_with_non_equality_correlation": (
        "oid INT, uid INT",
        "INSERT INTO out1 SELECT oid, uid FROM orders o WHERE EXISTS (SELECT * FROM orders o2 "
        "WHERE o2.uid = o.uid AND o2.oid <> o.oid) ORDER BY oid;",
        ["+I[100, 1]", "+I[101, 1]"],
    ),
    "not_in_correlated_with_nulls": (
        "name STRING",
        "INSERT INTO out1 SELECT name FROM users u WHERE u.uid NOT IN (SELECT o.uid FROM "
        "orders o WHERE o.oid >= 100 + u.uid) ORDER BY name;",
        ["+I[dan]"],
    ),
    "exists_and_in_in_the_select_list": (
        "name STRING, b BOOLEAN, c BOOLEAN",
        "INSERT INTO out1 SELECT name, EXISTS (SELECT 1 FROM orders o WHERE o.uid = u.uid), "
        "u.uid IN (SELECT o.uid FROM orders o WHERE o.oid > 100 + u.uid) FROM users u "
        "ORDER BY name;",
        [
            "+I[ann, true, null]",
            "+I[ben, false, null]",
            "+I[cat, true, false]",
            "+I[dan, false, null]",
        ],
    ),
    "in_as_a_value_is_null_for_a_null_operand_without_rows": (
        "name STRING, b BOOLEAN, c BOOLEAN",
        "INSERT INTO out1 SELECT name, u.uid IN (SELECT o.uid FROM orders o WHERE o.oid = "
        "u.uid + 99), u.uid NOT IN (SELECT o.uid FROM orders o WHERE o.oid = u.uid + 99) "
        "FROM users u ORDER BY name;",
        [
            "+I[ann, true, false]",
            "+I[ben, false, true]",
            "+I[cat, true, false]",
            "+I[dan, null, null]",
        ],
    ),
    "in_under_or_in_where_is_a_value": (
        "name STRING",
        "INSERT INTO out1 SELECT name FROM users u WHERE NOT (u.uid IN (SELECT o.uid FROM "
        "orders o WHERE o.oid > 100 + u.uid)) OR name = 'zed' ORDER BY name;",
        ["+I[cat]"],
    ),
    "scalar_aggregate_compared_in_where": (
        "oid INT",
        "INSERT INTO out1 SELECT oid FROM orders o WHERE o.oid < (SELECT AVG(o2.oid) + 1 "
        "FROM orders o2 WHERE o2.uid = o.uid) ORDER BY oid;",
        ["+I[100]", "+I[102]"],
    ),
    "in_over_a_correlated_scalar_subquery": (
        "name STRING",
        "INSERT INTO out1 SELECT name FROM users u WHERE u.uid IN (SELECT o.uid FROM orders o "
        "WHERE o.oid > (SELECT 0.5 * SUM(o2.oid) FROM orders o2 WHERE o2.uid = o.uid)) "
        "ORDER BY name;",
        ["+I[ann]", "+I[cat]"],
    ),
    "exists_under_or": (
        "name STRING",
        "INSERT INTO out1 SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM orders o "
        "WHERE o.uid = u.uid) OR u.uid = 2 ORDER BY name;",
        ["+I[ann]", "+I[ben]", "+I[cat]"],
    ),
    "scalar_count_with_its_own_group_by": (
        "name STRING, n BIGINT",
        "INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.uid = u.uid "
        "GROUP BY o.uid) FROM users u ORDER BY name;",
        ["+I[ann, 2]", "+I[ben, null]", "+I[cat, 1]", "+I[dan, null]"],
    ),
    "not_exists_with_null_keys": (
        "name STRING",
        "INSERT INTO out1 SELECT name FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders o "
        "WHERE o.uid = u.uid) ORDER BY name;",
        ["+I[ben]", "+I[dan]"],
    ),
    "scalar_max_with_a_local_condition": (
        "name STRING, n INT",
        "INSERT INTO out1 SELECT name, (SELECT MAX(o.oid) FROM orders o WHERE o.uid = u.uid "
        "AND o.oid > 100) FROM users u ORDER BY name;",
        ["+I[ann, 101]", "+I[ben, null]", "+I[cat, 102]", "+I[dan, null]"],
    ),
    "count_under_a_non_equality_correlation": (
        "name STRING, n BIGINT",
        "INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.uid < u.uid) "
        "FROM users u ORDER BY name;",
        ["+I[ann, 0]", "+I[ben, 2]", "+I[cat, 2]", "+I[dan, 0]"],
    ),
    "exists_whose_correlated_condition_reads_the_outer_row_only": (
        "name STRING",
        "INSERT INTO out1 SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM orders o "
        "WHERE u.uid > 1 AND o.oid > 101) ORDER BY name;",
        ["+I[ben]", "+I[cat]"],
    ),
    "exists_with_having": (
        "name STRING",
        "INSERT INTO out1 SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM orders o "
        "WHERE o.uid = u.uid HAVING COUNT(*) > 1) ORDER BY name;",
        ["+I[ann]"],
    ),
}


@pytest.mark.parametrize("case", FLINK_CASES)
def test_rows_as_flink_gives_them(people, case):
    columns, query, rows = FLINK_CASES[case]
    assert run(PEOPLE + sink(columns, query), people) == [f"out1 {r}" for r in rows]


def test_a_scalar_subquery_with_two_rows_for_a_key_fails_as_in_flink(people):
    # Flink fails even when the outer rows with that key are filtered out: it checks per key
    query = (
        "INSERT INTO out1 SELECT name, (SELECT o.oid FROM orders o WHERE o.uid = u.uid) "
        "FROM users u WHERE u.uid <> 1;"
    )
    with pytest.raises(ExecutionError, match="SingleValueAggFunction received more than one"):
        run(PEOPLE + sink("name STRING, n INT", query), people)


def test_a_scalar_subquery_with_one_row_per_key_gives_it(people):  # Flink 2.3's rows
    query = (
        "INSERT INTO out1 SELECT name, (SELECT o.oid FROM orders o WHERE o.uid = u.uid "
        "AND o.oid > 100) FROM users u ORDER BY name;"
    )
    assert run(PEOPLE + sink("name STRING, n INT", query), people) == [
        "out1 +I[ann, 101]",
        "out1 +I[ben, null]",
        "out1 +I[cat, 102]",
        "out1 +I[dan, null]",
    ]


def test_count_over_no_matching_rows_is_zero_not_null(people):  # Flink 2.3's rows
    query = (
        "INSERT INTO out1 SELECT name, (SELECT COUNT(*) + 1 FROM orders o "
        "WHERE o.uid = u.uid) FROM users u ORDER BY name;"
    )
    assert run(PEOPLE + sink("name STRING, n BIGINT", query), people) == [
        "out1 +I[ann, 3]",
        "out1 +I[ben, 1]",
        "out1 +I[cat, 2]",
        "out1 +I[dan, 1]",
    ]


def test_select_list_over_values_rows_flink_refuses_with_its_text(people):
    sql = (
        "CREATE TEMPORARY VIEW v(k) AS VALUES (1), (2);\n"
        + PEOPLE
        + sink(
            "k INT, e BOOLEAN",
            "INSERT INTO out1 SELECT k, EXISTS (SELECT 1 FROM orders o WHERE o.uid = v.k) FROM v;",
        )
    )
    with pytest.raises(SqlError, match=r"unexpected correlate variable \$cor0"):
        run(sql, people)


def test_where_over_values_rows_runs_as_in_flink(people):
    """Over VALUES rows, a correlated subquery over a table runs in a WHERE (Flink 2.3 refuses
    it in the SELECT list only)."""
    sql = (
        "CREATE TEMPORARY VIEW v(k) AS VALUES (1), (2);\n"
        + PEOPLE
        + sink(
            "k INT",
            "INSERT INTO out1 SELECT k FROM v WHERE EXISTS (SELECT 1 FROM orders o "
            "WHERE o.uid = v.k);",
        )
    )
    assert run(sql, people) == ["out1 +I[1]"]


@pytest.mark.parametrize(
    "query, message",
    [
        (
            "SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.uid = u.uid "
            "AND 1 < (SELECT COUNT(*) FROM users u2 WHERE u2.uid < u.uid))",
            "not those of a query further out",
        ),
        (
            "SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.uid = u.uid "
            "LIMIT 1)",
            "inside a LIMIT",
        ),
    ],
)
def test_shapes_not_decorrelated_are_located_errors(people, query, message):
    with pytest.raises(SqlError, match=message):
        run(PEOPLE + sink("name STRING", f"INSERT INTO out1 {query};"), people)


def plan_nodes(people, columns, query, kind):
    sql = PEOPLE.replace("'path' = '", f"'path' = '{people}/") + sink(columns, query)
    (insert,) = load_source(sql, str(people / "q.sql"), {}).inserts
    return [n for n in p.walk(insert.query.root) if isinstance(n, kind)]


def test_a_correlated_exists_is_a_join_in_the_plan(people):
    query = (
        "INSERT INTO out1 SELECT name, EXISTS (SELECT 1 FROM orders o "
        "WHERE o.uid = u.uid AND o.oid > 100) FROM users u;"
    )
    joins = plan_nodes(people, "name STRING, b BOOLEAN", query, p.CorrelatedJoin)
    assert len(joins) == 1 and joins[0].kind == "EXISTS"
    assert len(joins[0].keys) == 1 and joins[0].residual is None


@pytest.mark.parametrize(("where", "anti"), [("EXISTS", False), ("NOT EXISTS", True)])
def test_a_where_exists_on_keys_alone_is_a_semi_or_anti_join(people, where, anti):
    query = (
        f"INSERT INTO out1 SELECT name FROM users u WHERE {where} (SELECT 1 FROM orders o "
        "WHERE o.uid = u.uid AND o.oid > 100);"
    )
    (semi,) = plan_nodes(people, "name STRING", query, p.SemiJoin)
    assert len(semi.keys) == 1 and semi.anti is anti
    assert not plan_nodes(people, "name STRING", query, p.CorrelatedJoin)


# ------------------------------------------------------------------ LEFT JOIN ... ON non-equi

JOINED = """\
CREATE TEMPORARY VIEW a(k) AS VALUES (1), (2), (3);
CREATE TEMPORARY VIEW b(k, flag) AS VALUES (1, TRUE), (2, FALSE), (3, TRUE), (4, TRUE);
"""

# (query, Flink 2.3's rows)
OUTER_JOINS = {
    "left_with_a_left_side_condition": (
        "SELECT a.k, b.k FROM a LEFT JOIN b ON a.k = b.k AND a.k > 1 ORDER BY a.k, b.k",
        ["+I[1, null]", "+I[2, 2]", "+I[3, 3]"],
    ),
    "left_without_equality": (
        "SELECT a.k, b.k FROM a LEFT JOIN b ON a.k < b.k ORDER BY a.k, b.k",
        ["+I[1, 2]", "+I[1, 3]", "+I[1, 4]", "+I[2, 3]", "+I[2, 4]", "+I[3, 4]"],
    ),
    "right_with_a_right_side_condition": (
        "SELECT a.k, b.k FROM b RIGHT JOIN a ON a.k = b.k AND b.flag ORDER BY a.k, b.k",
        ["+I[1, 1]", "+I[2, null]", "+I[3, 3]"],
    ),
    "full_with_a_condition": (
        "SELECT a.k, b.k FROM a FULL JOIN b ON a.k = b.k AND b.flag ORDER BY a.k, b.k",
        ["+I[null, 2]", "+I[null, 4]", "+I[1, 1]", "+I[2, null]", "+I[3, 3]"],
    ),
}


@pytest.mark.parametrize("case", OUTER_JOINS)
def test_outer_join_conditions_restrict_matches_not_rows(tmp_path, case):
    query, rows = OUTER_JOINS[case]
    sql = JOINED + sink("k INT, bk INT", f"INSERT INTO out1 {query};")
    assert run(sql, tmp_path) == [f"out1 {r}" for r in rows]


# ------------------------------------------------------------------ TPC-H subquery shapes

TPCH_TABLES = {
    "part": "p_partkey INT, p_name STRING, p_size INT",
    "supplier": "s_suppkey INT, s_name STRING, s_nationkey INT",
    "partsupp": "ps_partkey INT, ps_suppkey INT, ps_availqty INT, ps_supplycost INT",
    "customer": "c_custkey INT, c_phone STRING, c_acctbal INT",
    "orders": "o_orderkey INT, o_custkey INT, o_status STRING",
    "lineitem": (
        "l_orderkey INT, l_partkey INT, l_suppkey INT, l_quantity INT, "
        "l_commitdate INT, l_receiptdate INT"
    ),
}


def _tpch_rows(seed: int = 7) -> dict[str, list[tuple]]:
    r = random.Random(seed)
    names = ["forest", "frosted", "lemon", "navy", "forgotten"]
    part = [(k, f"{r.choice(names)} {k}", r.randint(1, 20)) for k in range(1, 16)]
    supplier = [(k, f"supp{k:02}", r.randint(0, 4)) for k in range(1, 9)]
    partsupp = [
        (pk, sk, r.randint(1, 60), r.randint(1, 30))
        for pk in range(1, 16)
        for sk in r.sample(range(1, 9), 3)
    ]
    customer = [
        (k, f"{r.choice(['13', '31', '23', '40'])}-{k:03}", r.randint(-50, 100))
        for k in range(1, 25)
    ]
    orders = [(k, r.randint(1, 30), r.choice("FOP")) for k in range(1, 31)]
    lineitem = [
        (o, r.randint(1, 15), r.randint(1, 8), r.randint(1, 50), r.randint(1, 20), r.randint(1, 20))
        for o in range(1, 31)
        for _ in range(r.randint(0, 4))
    ]
    return {
        "part": part,
        "supplier": supplier,
        "partsupp": partsupp,
        "customer": customer,
        "orders": orders,
        "lineitem": lineitem,
    }


TPCH_QUERIES = {
    "q2": (
        "s_name STRING, p_partkey INT",
        "SELECT s_name, p_partkey FROM part, partsupp, supplier WHERE p_partkey = ps_partkey "
        "AND s_suppkey = ps_suppkey AND p_size > 5 AND ps_supplycost = (SELECT "
        "MIN(ps_supplycost) FROM partsupp, supplier WHERE p_partkey = ps_partkey AND "
        "s_suppkey = ps_suppkey AND s_nationkey < 3) ORDER BY s_name, p_partkey",
    ),
    "q4": (
        "o_status STRING, n BIGINT",
        "SELECT o_status, COUNT(*) FROM orders WHERE EXISTS (SELECT * FROM lineitem WHERE "
        "l_orderkey = o_orderkey AND l_commitdate < l_receiptdate) GROUP BY o_status "
        "ORDER BY o_status",
    ),
    "q17": (
        "total BIGINT",
        "SELECT SUM(l_quantity) FROM lineitem, part WHERE p_partkey = l_partkey AND "
        "p_size < 15 AND l_quantity < (SELECT 0.8 * AVG(l_quantity) FROM lineitem WHERE "
        "l_partkey = p_partkey)",
    ),
    "q20": (
        "s_name STRING",
        "SELECT s_name FROM supplier WHERE s_suppkey IN (SELECT ps_suppkey FROM partsupp "
        "WHERE ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'fo%') AND "
        "ps_availqty > (SELECT 0.5 * SUM(l_quantity) FROM lineitem WHERE l_partkey = "
        "ps_partkey AND l_suppkey = ps_suppkey AND l_commitdate > 3)) ORDER BY s_name",
    ),
    "q21": (
        "s_name STRING, numwait BIGINT",
        "SELECT s_name, COUNT(*) AS numwait FROM supplier, lineitem l1, orders WHERE "
        "s_suppkey = l1.l_suppkey AND o_orderkey = l1.l_orderkey AND o_status <> 'P' AND "
        "l1.l_receiptdate > l1.l_commitdate AND EXISTS (SELECT * FROM lineitem l2 WHERE "
        "l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey) AND NOT EXISTS "
        "(SELECT * FROM lineitem l3 WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey "
        "<> l1.l_suppkey AND l3.l_receiptdate > l3.l_commitdate) GROUP BY s_name "
        "ORDER BY numwait DESC, s_name",
    ),
    "mixed_correlation_under_an_aggregate": (
        "o_orderkey INT, n BIGINT",
        "SELECT o_orderkey, (SELECT COUNT(*) FROM lineitem WHERE l_orderkey = o_orderkey AND "
        "l_quantity > o_custkey) FROM orders ORDER BY o_orderkey",
    ),
    "q22": (
        "cntrycode STRING, numcust BIGINT, totacctbal INT",
        "SELECT cntrycode, COUNT(*) AS numcust, SUM(c_acctbal) AS totacctbal FROM (SELECT "
        "SUBSTRING(c_phone, 1, 2) AS cntrycode, c_acctbal FROM customer WHERE "
        "SUBSTRING(c_phone, 1, 2) IN ('13', '31', '23') AND c_acctbal > (SELECT "
        "AVG(c_acctbal) FROM customer WHERE c_acctbal > 0 AND SUBSTRING(c_phone, 1, 2) IN "
        "('13', '31', '23')) AND NOT EXISTS (SELECT * FROM orders WHERE o_custkey = "
        "c_custkey)) AS custsale GROUP BY cntrycode ORDER BY cntrycode",
    ),
}


def _print_row(row: tuple) -> str:
    return "+I[" + ", ".join("null" if v is None else str(v) for v in row) + "]"


@pytest.mark.parametrize("name", TPCH_QUERIES)
def test_tpch_subquery_shapes_give_sqlites_rows(tmp_path, name):
    data = _tpch_rows()
    ddl = []
    lite = sqlite3.connect(":memory:")
    for table, columns in TPCH_TABLES.items():
        rows = data[table]
        (tmp_path / f"{table}.csv").write_text("".join(",".join(map(str, r)) + "\n" for r in rows))
        ddl.append(
            f"CREATE TABLE {table} ({columns}) WITH ('connector' = 'filesystem', "
            f"'path' = '{table}.csv', 'format' = 'csv');"
        )
        lite.execute(f"CREATE TABLE {table} ({columns})")
        lite.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    columns, query = TPCH_QUERIES[name]
    expected = [f"out1 {_print_row(r)}" for r in lite.execute(query)]
    assert expected  # the data make every query return rows
    assert run("\n".join(ddl) + "\n" + sink(columns, f"INSERT INTO out1 {query};"), tmp_path) == (
        expected
    )
