"""A WHERE conjunct comparing a correlated scalar subquery (`x op (SELECT agg ... WHERE
key = outer.key)`) as an inner join (`planning/filtering_subqueries.py`): a row that joins
nothing would compare with NULL, so the join drops it; with `=`, x is one more join key. The
rows are those of the subquery computed as a value (`(...) IS TRUE` keeps it one)."""

import random

import pytest

from bailian_assets.planning import builder
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_lines


def data(tmp_path, rng):
    sql = ""
    for name, count in (("o", 25), ("s", 30)):
        rows = [(rng.choice((9, 0, 1, 2, 3, 4)), rng.choice((9, 1, 2, 3))) for _ in range(count)]
        (tmp_path / f"{name}.csv").write_text(
            "".join(f"{k},{v},{i}\n" for i, (k, v) in enumerate(rows))
        )
        sql += (
            f"CREATE TABLE {name}_src (k INT, v INT, i INT) WITH ('connector' = 'filesystem', "
            f"'path' = '{tmp_path / name}.csv', 'format' = 'csv');\n"
            f"CREATE TEMPORARY VIEW {name} AS SELECT NULLIF(k, 9) AS k, NULLIF(v, 9) AS v, i "
            f"FROM {name}_src;\n"
        )
    return sql


def correlated_joins(sql):
    root = load_source(sql, "t.sql", {}).selects[0].query.root
    return [n for n in p.walk(root) if isinstance(n, p.CorrelatedJoin)]


@pytest.mark.parametrize(
    "condition, inner, keys",
    [
        ("o.v = (SELECT MIN(s.v) FROM s WHERE s.k = o.k)", True, 2),
        ("(SELECT MAX(s.v) FROM s WHERE s.k = o.k) = o.v", True, 2),
        ("o.v < (SELECT AVG(s.v) FROM s WHERE s.k = o.k AND s.i > 3)", True, 1),
        ("o.v >= (SELECT 0.5 * SUM(s.v) - 4 FROM s WHERE s.k = o.k)", True, 1),  # NULL in, out
        ("o.v >= (SELECT COALESCE(SUM(s.v), 1) FROM s WHERE s.k = o.k)", False, 1),  # 1
        ("o.v > (SELECT COUNT(*) FROM s WHERE s.k = o.k)", False, 1),  # 0 over no rows
        ("o.i = (SELECT MIN(s.i) FROM s WHERE s.k = o.k AND s.v = o.v)", True, 3),
    ],
)
def test_random_tables_give_the_rows_of_the_comparison(tmp_path, condition, inner, keys):
    rng, seen = random.Random(5), set()
    for _ in range(3):
        tables = data(tmp_path, rng)
        joined = f"SELECT o.i, o.k, o.v FROM o WHERE o.i > 1 AND {condition};"
        value = f"SELECT o.i, o.k, o.v FROM o WHERE o.i > 1 AND ({condition}) IS TRUE;"
        (join,) = correlated_joins(tables + joined)
        assert join.inner is inner and len(join.keys) == keys
        assert not correlated_joins(tables + value)[0].inner
        rows = printed_lines(tables + joined)
        assert rows == printed_lines(tables + value), condition
        seen.update(rows)
    assert seen  # some rows pass, over the three tries


def test_semi_joins_are_planned_before_a_compared_scalar(tmp_path, monkeypatch):
    """TPC-H Q22's shape: the scalar's join comes after the semi and anti joins, whatever the
    conjuncts' order, with the rows of the order as written."""
    tables = data(tmp_path, random.Random(5))
    query = (
        "SELECT o.i FROM o WHERE o.v > (SELECT AVG(s.v) FROM s) AND NOT EXISTS "
        "(SELECT * FROM s WHERE s.k = o.k AND s.v = 3) AND o.i IN (SELECT i + 1 FROM s);"
    )
    root = load_source(tables + query, "t.sql", {}).selects[0].query.root
    joins = [n for n in p.walk(root) if isinstance(n, (p.SemiJoin, p.SubqueryJoin))]
    assert [type(n) for n in joins] == [p.SubqueryJoin, p.SemiJoin, p.SemiJoin]
    assert joins[1].anti != joins[2].anti
    rows = printed_lines(tables + query)
    assert rows
    monkeypatch.setattr(builder, "semi_joins_first", lambda conjuncts: conjuncts)
    assert rows == printed_lines(tables + query)
