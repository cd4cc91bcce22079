"""Common subplans (`planning/common_subplans.py`): a subtree that computes what another one
computes, up to its column names, is computed once (one plan node reached twice, one lazy
frame, which Polars computes once), with the rows of the unshared plan."""

import pytest

from bailian_assets.planning import common_subplans
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_lines

SINK = "CREATE TEMPORARY TABLE snk (k INT, v BIGINT) WITH ('connector' = 'print');\n"


@pytest.fixture
def tables(tmp_path):
    (tmp_path / "a.csv").write_text("1,10\n1,20\n2,30\n3,5\n")
    (tmp_path / "b.csv").write_text("1,x\n2,y\n3,x\n")
    return "".join(
        f"CREATE TABLE {name} ({columns}) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / name}.csv', 'format' = 'csv');\n"
        for name, columns in (("a", "k INT, n INT"), ("b", "k INT, tag STRING"))
    )


def joins(sql: str) -> tuple[list[p.Join], int]:
    """The Join nodes of the statement's plan, once each, and how many parents read them."""
    root = load_source(sql, "t.sql", {}).inserts[0].query.root
    found = [n for n in p.walk(root) if isinstance(n, p.Join)]
    reads = sum(1 for n in p.walk(root) for c in p.children(n) if any(c is j for j in found))
    return found, reads


# the Q11 shape: the same join in the query and in its HAVING's subquery
HAVING = (
    "INSERT INTO snk SELECT a.k, SUM(a.n) FROM a, b WHERE a.k = b.k AND b.tag = 'x' "
    "GROUP BY a.k HAVING SUM(a.n) > (SELECT SUM(a2.n) / 4 FROM a AS a2, b AS b2 "
    "WHERE a2.k = b2.k AND b2.tag = 'x');"
)


def test_the_same_join_under_other_aliases_is_computed_once(tables):
    found, reads = joins(tables + SINK + HAVING)
    assert len(found) == 1 and reads == 2
    assert printed_lines(tables + SINK + HAVING) == ["+I[1, 30]"]


def test_a_different_condition_or_a_volatile_function_is_not_shared(tables):
    other = HAVING.replace("a2.k = b2.k", "a2.n = b2.k")
    assert len(joins(tables + SINK + other)[0]) == 2
    twice = (
        "INSERT INTO snk SELECT x.k, x.s FROM (SELECT k, SUM(n) AS s FROM a GROUP BY k) x "
        "JOIN (SELECT k, SUM(n) AS s FROM a GROUP BY k) y ON x.k = y.k;"
    )
    assert len(aggregates(tables + SINK + twice)) == 1
    volatile = twice.replace("SUM(n)", "SUM(n + CAST(RAND() AS INT))")
    assert len(aggregates(tables + SINK + volatile)) == 2


def aggregates(sql: str) -> list[p.Aggregate]:
    root = load_source(sql, "t.sql", {}).inserts[0].query.root
    return [n for n in p.walk(root) if isinstance(n, p.Aggregate)]


@pytest.mark.parametrize(
    "query",
    [
        HAVING,
        "INSERT INTO snk SELECT x.k, x.s FROM (SELECT a.k, SUM(a.n) AS s FROM a GROUP BY a.k) x "
        "JOIN (SELECT a.k, SUM(a.n) AS s FROM a GROUP BY a.k) y ON x.k = y.k + 1 "
        "ORDER BY x.k;",
        "INSERT INTO snk SELECT k, CAST(n AS BIGINT) AS v FROM (SELECT a.k, a.n FROM a JOIN b "
        "ON a.k = b.k UNION ALL SELECT a.k, a.n FROM a JOIN b ON a.k = b.k) ORDER BY k, v;",
    ],
)
def test_the_rows_are_those_of_the_unshared_plan(tables, query, monkeypatch):
    shared = printed_lines(tables + SINK + query)
    monkeypatch.setattr(common_subplans, "_key", lambda node: None)
    assert shared == printed_lines(tables + SINK + query)
