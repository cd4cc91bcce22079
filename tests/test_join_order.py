"""Comma joins (`FROM a, b, c WHERE a.x = b.x ...`) planned as equi-joins, tables reordered
only where FROM order would need a cross product (planning/join_order.py)."""

import re

import polars as pl

from bailian_assets.executor.executor import Executor
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_lines, printed_run

DATA = (
    "CREATE TEMPORARY VIEW a (ak, an) AS VALUES (1, 'a1'), (2, 'a2'), (3, 'a3');\n"
    "CREATE TEMPORARY VIEW b (bk, bn) AS VALUES (10, 'b10'), (20, 'b20');\n"
    "CREATE TEMPORARY VIEW c (ca, cb, cv) AS "
    "VALUES (1, 10, 'x'), (2, 20, 'y'), (2, 10, 'z'), (3, 30, 'w');\n"
)


def planned(sql):
    project = load_source(DATA + sql, "t.sql", {})
    return project.selects[0].query, printed_run(project)[0]


def joins(node):
    found = [node] if isinstance(node, p.Join) else []
    for value in vars(node).values():
        if isinstance(value, (p.Join, p.Project, p.Filter, p.Sort, p.Aggregate)):
            found += joins(value)
    return found


def test_where_equalities_become_join_keys_in_from_order():
    query, lines = planned(
        "SELECT an, cv, bn FROM a, c, b WHERE ak = ca AND cb = bk AND cv <> 'y' ORDER BY an, cv;"
    )
    assert [j.kind for j in joins(query)] == ["INNER", "INNER"]
    assert lines == ["+I[a1, x, b10]", "+I[a2, z, b10]"]


def test_a_table_without_a_link_yet_waits_and_star_keeps_from_order():
    query, lines = planned("SELECT * FROM a, b, c WHERE ak = ca AND bk = cb ORDER BY cv;")
    assert [j.kind for j in joins(query)] == ["INNER", "INNER"]  # a-c first, then b
    assert lines == [
        "+I[1, a1, 10, b10, 1, 10, x]",
        "+I[2, a2, 20, b20, 2, 20, y]",
        "+I[2, a2, 10, b10, 2, 10, z]",
    ]


def test_tables_with_no_equality_stay_a_cross_product():
    query, lines = planned("SELECT ak, bk FROM a, b WHERE ak < 2 OR bk < 20 ORDER BY ak, bk;")
    assert [j.kind for j in joins(query)] == ["CROSS"]
    assert lines == ["+I[1, 10]", "+I[1, 20]", "+I[2, 10]", "+I[3, 10]"]


def test_an_equality_in_every_branch_of_an_or_joins_the_tables():
    query, lines = planned(
        "SELECT an, cv FROM a, c WHERE (ak = ca AND cv = 'x') OR (cv = 'z' AND ak = ca) "
        "ORDER BY cv;"
    )
    assert [j.kind for j in joins(query)] == ["INNER"]
    assert lines == ["+I[a1, x]", "+I[a2, z]"]


# ------------------------------------------------------------------ join order at run time
# The join tree above is in FROM order; where its order is free (planning/row_order.py),
# Polars reorders the cluster of inner equi joins itself, smallest estimated relation first
# (Polars' join reordering: row counts from Parquet metadata, filters pushed to the scans).


def _three_tables(folder):
    """fact (3000 rows) links to other (3000) and to dim (30, one of which the query keeps)."""
    for name, frame in {
        "fact": pl.DataFrame(
            {"fk": [i % 1000 for i in range(3000)], "fd": [i % 30 for i in range(3000)]}
        ),
        "other": pl.DataFrame({"ok": [i % 1000 for i in range(3000)], "ov": range(3000)}),
        "dim": pl.DataFrame({"dk": range(30), "dn": [f"d{i}" for i in range(30)]}),
    }.items():
        (folder / name).mkdir()
        frame.write_parquet(folder / name / "part.parquet")
    columns = {
        "fact": "fk BIGINT, fd BIGINT",
        "other": "ok BIGINT, ov BIGINT",
        "dim": "dk BIGINT, dn STRING",
    }
    return "".join(
        f"CREATE TABLE {name} ({cols}) WITH ('connector' = 'filesystem', "
        f"'path' = '{folder}/{name}', 'format' = 'parquet');\n"
        for name, cols in columns.items()
    )


def _first_joined(folder, sql, monkeypatch):
    """The tables of the innermost join Polars runs (the first two scans of its plan), and
    the rows the query printed."""
    plans = []
    run = Executor.run

    def explained(self, query):
        plans.append(self.frame(query.root).explain(optimized=True))
        return run(self, query)

    monkeypatch.setattr(Executor, "run", explained)
    lines = printed_lines(_three_tables(folder) + sql, str(folder / "q.sql"))
    scans = re.findall(r"SCAN \[.*/(\w+)/part\.parquet\]", plans[0])
    return set(scans[:2]), lines


def test_where_order_is_free_the_filtered_small_table_is_joined_first(tmp_path, monkeypatch):
    first, lines = _first_joined(
        tmp_path,
        "SELECT dn, COUNT(*) AS n FROM fact, other, dim "
        "WHERE fk = ok AND fd = dk AND dn = 'd7' GROUP BY dn ORDER BY dn;",
        monkeypatch,
    )
    assert first == {"fact", "dim"}
    assert lines == ["+I[d7, 300]"]


def test_where_the_output_order_is_read_the_joins_keep_from_order(tmp_path, monkeypatch):
    first, lines = _first_joined(
        tmp_path,
        "SELECT ov, dn FROM fact, other, dim WHERE fk = ok AND fd = dk AND dn = 'd7';",
        monkeypatch,
    )
    assert first == {"fact", "other"}
    assert len(lines) == 300
