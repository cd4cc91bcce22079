"""A WHERE's `x IN (SELECT ...)` or `[NOT] EXISTS` conjunct as a semi (anti) join
(`planning/semi_join.py`, plan `SemiJoin`): placed on the table that holds x, before the joins
above it, with the rows SQL gives (a NULL x, or no match among values holding a NULL, drops
the row as FALSE does)."""

import random

from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_lines

DATA = (
    "CREATE TEMPORARY VIEW o (ok, oc) AS "
    "VALUES (1, 'c1'), (2, 'c2'), (3, 'c1'), (CAST(NULL AS INT), 'c3'), (5, 'c2');\n"
    "CREATE TEMPORARY VIEW l (lk, lq) AS "
    "VALUES (1, 10), (1, 20), (2, 30), (3, 40), (5, 50), (5, 60);\n"
    "CREATE TEMPORARY VIEW v (x) AS VALUES (1), (5), (5), (CAST(NULL AS INT));\n"
)


def project_of(sql, data=DATA):
    return load_source(data + sql, "t.sql", {})


def rows_of(sql, data=DATA):
    return printed_lines(data + sql)


def semi_joins(sql, data=DATA):
    root = project_of(sql, data).selects[0].query.root
    return [node for node in p.walk(root) if isinstance(node, p.SemiJoin)]


def test_an_in_conjunct_filters_its_table_before_the_join():
    sql = "SELECT ok, lq FROM o, l WHERE ok = lk AND ok IN (SELECT x FROM v);"
    (semi,) = semi_joins(sql)
    assert {f.column for f in semi.fields} == {f.column for f in semi.input.fields}
    assert not any(isinstance(node, p.Join) for node in p.walk(semi.input))
    assert rows_of(sql) == ["+I[1, 10]", "+I[1, 20]", "+I[5, 50]", "+I[5, 60]"]


def test_null_operands_and_null_values_match_nothing_and_duplicates_do_not_repeat_rows():
    assert rows_of("SELECT ok, oc FROM o WHERE ok IN (SELECT x FROM v);") == [
        "+I[1, c1]",
        "+I[5, c2]",
    ]


def test_an_empty_subquery_keeps_no_row():
    sql = "SELECT ok FROM o WHERE ok IN (SELECT x FROM v WHERE x > 100);"
    assert semi_joins(sql)
    assert rows_of(sql) == []


def test_in_under_or_or_not_and_not_in_stay_three_valued_joins():
    for where in (
        "ok IN (SELECT x FROM v) OR oc = 'c3'",
        "NOT (ok IN (SELECT x FROM v))",
        "ok NOT IN (SELECT x FROM v)",
    ):
        assert not semi_joins(f"SELECT ok FROM o WHERE {where};"), where
    assert rows_of("SELECT ok FROM o WHERE ok IN (SELECT x FROM v) OR oc = 'c3';") == [
        "+I[1]",
        "+I[null]",
        "+I[5]",
    ]
    # NOT IN over values holding a NULL is never TRUE
    assert rows_of("SELECT ok FROM o WHERE ok NOT IN (SELECT x FROM v);") == []


def test_random_tables_give_the_rows_of_the_three_valued_in():
    """The semi join against the IN computed as a value (`IS TRUE` keeps it one), over random
    keys with NULLs on both sides: the same rows (their order follows the join's estimated
    sides, which the two plans filter at different places)."""
    rng = random.Random(7)

    def values(n):
        keys = [rng.choice(["CAST(NULL AS INT)", *map(str, range(8))]) for _ in range(n)]
        return ", ".join(f"({k}, {i})" for i, k in enumerate(keys))

    for _ in range(5):
        data = (
            f"CREATE TEMPORARY VIEW a (k, n) AS VALUES {values(30)};\n"
            f"CREATE TEMPORARY VIEW b (k, m) AS VALUES {values(20)};\n"
            f"CREATE TEMPORARY VIEW s (k, z) AS VALUES {values(6)};\n"
        )
        semi = "SELECT n, m FROM a, b WHERE a.k = b.k AND a.n IN (SELECT k FROM s);"
        value = "SELECT n, m FROM a, b WHERE a.k = b.k AND (a.n IN (SELECT k FROM s)) IS TRUE;"
        assert sorted(rows_of(semi, data)) == sorted(rows_of(value, data))


def test_random_tables_give_the_rows_of_exists_and_not_exists_computed_as_values(tmp_path):
    """`[NOT] EXISTS` correlated on two keys, as a semi (anti) join placed below the join,
    against the EXISTS computed as a value (`IS TRUE` keeps it one), over random keys with
    NULLs on both sides; NOT (NOT EXISTS ...) is a semi join again."""
    rng = random.Random(11)
    data = ""
    for name in ("a", "b", "s"):
        data += (
            f"CREATE TABLE {name}_raw (k INT, j INT, n INT) WITH ('connector' = 'filesystem', "
            f"'path' = '{tmp_path / name}.csv', 'format' = 'csv');\n"
            f"CREATE TEMPORARY VIEW {name} AS SELECT NULLIF(k, 9) AS k, NULLIF(j, 9) AS j, n "
            f"FROM {name}_raw;\n"
        )
    shapes = ("EXISTS", "NOT EXISTS", "NOT (NOT EXISTS")
    for _ in range(4):
        for name, count in (("a", 30), ("b", 20), ("s", 8)):
            keys = [(rng.choice((9, 0, 1, 2, 3)), rng.choice((9, 0, 1, 2))) for _ in range(count)]
            lines = (f"{k},{j},{i}" for i, (k, j) in enumerate(keys))
            (tmp_path / f"{name}.csv").write_text("\n".join(lines) + "\n")
        for shape in shapes:
            close = ")" if shape.startswith("NOT (") else ""
            sub = f"(SELECT 1 FROM s WHERE s.k = a.k AND s.j = a.j AND s.n > 1){close}"
            semi = f"SELECT a.n, b.n FROM a, b WHERE a.n = b.n AND {shape} {sub};"
            value = f"SELECT a.n, b.n FROM a, b WHERE a.n = b.n AND ({shape} {sub}) IS TRUE;"
            assert len(semi_joins(semi, data)) == 1 and not semi_joins(value, data)
            assert rows_of(semi, data) == rows_of(value, data), shape
            assert rows_of(semi, data) != []
