"""A correlated MIN or MAX read from the outer query's own rows (`planning/outer_aggregate.py`,
TPC-H Q2): applied only where the outer rows of a key hold exactly that key's subquery rows,
with the rows of the correlated subquery planned as a join."""

import random

import pytest

import bailian_assets.planning.builder as builder
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_lines


def tables(tmp_path, rng):
    """p (part: key, size) with duplicate keys, s (supplies: part, cost, region), r (regions),
    NULLs among keys and costs (9 in the files)."""
    shapes = {"p": (12, 2), "s": (30, 3), "r": (4, 2)}
    sql = ""
    for name, (count, width) in shapes.items():
        lines = [
            ",".join(str(rng.choice((9, 0, 1, 2, 3, 4))) for _ in range(width))
            for _ in range(count)
        ]
        (tmp_path / f"{name}.csv").write_text("\n".join(lines) + "\n")
        columns = ("a", "b", "c")[:width]
        declared = ", ".join(f"{c} INT" for c in columns)
        kept = ", ".join(f"NULLIF({c}, 9) AS {name}{c}" for c in columns)
        sql += (
            f"CREATE TABLE {name}_src ({declared}) WITH ('connector' = 'filesystem', "
            f"'path' = '{tmp_path / name}.csv', 'format' = 'csv');\n"
            f"CREATE TEMPORARY VIEW {name} AS SELECT {kept} FROM {name}_src;\n"
        )
    return sql


Q2 = (
    "SELECT pa, pb, sb FROM p, s, r WHERE pa = sa AND sc = ra AND rb > 0 AND pb < 4 "
    "AND sb = (SELECT {agg}(sb) FROM s, r WHERE pa = sa AND sc = ra AND rb > 0);"
)


def reads_outer_rows(sql):
    root = load_source(sql, "t.sql", {}).selects[0].query.root
    return not any(isinstance(n, p.CorrelatedJoin) for n in p.walk(root))


@pytest.mark.parametrize("agg", ["MIN", "MAX"])
def test_the_outer_rows_give_the_subquery_rows(tmp_path, agg, monkeypatch):
    rng, seen = random.Random(3), []
    for _ in range(4):
        sql = tables(tmp_path, rng) + Q2.format(agg=agg)
        assert reads_outer_rows(sql)
        rows = printed_lines(sql)
        with monkeypatch.context() as patched:
            patched.setattr(builder, "outer_aggregate", lambda *a: None)
            assert not reads_outer_rows(sql)
            assert rows == printed_lines(sql)
        seen += rows
    assert seen


@pytest.mark.parametrize(
    "change",
    [
        ("MIN(sb)", "SUM(sb)"),  # a row counted twice changes a SUM
        ("MIN(sb)", "COUNT(*)"),
        ("AND rb > 0);", "AND rb > 1);"),  # other conditions on the subquery's tables
        ("AND rb > 0 AND pb", "AND rb > 0 AND sb > 1 AND pb"),
        ("WHERE pa = sa AND sc = ra AND rb > 0)", "WHERE pa < sa AND sc = ra AND rb > 0)"),
        ("pa = sa AND sc = ra AND rb > 0 AND pb", "pa = sa + 0 AND sc = ra AND rb > 0 AND pb"),
    ],
)
def test_not_where_the_outer_rows_of_a_key_are_not_its_subquery_rows(tmp_path, change):
    sql = tables(tmp_path, random.Random(4)) + Q2.format(agg="MIN").replace(*change)
    assert not reads_outer_rows(sql), change


def test_not_where_the_outer_query_reads_a_table_of_the_subquery_twice(tmp_path):
    sql = tables(tmp_path, random.Random(4)) + (
        "SELECT x.pa, s.sb FROM p AS x, s, r, r AS r2 WHERE x.pa = s.sa AND s.sc = r.ra "
        "AND r2.ra = x.pb AND s.sb = (SELECT MIN(s.sb) FROM s, r WHERE s.sa = x.pa AND "
        "s.sc = r.ra);"
    )
    assert not reads_outer_rows(sql)
