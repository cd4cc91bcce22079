"""The order-requirement pass (planning/row_order.py): which plan nodes must keep their rows
in order, so that the executor pays for order only where something reads it."""

import collections
import random

from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from bailian_assets.planning.row_order import (
    ordered_nodes,
    sorts_totally,
    tie_breakers,
    unique_keys,
)
from conftest import printed_lines

DATA = (
    "CREATE TEMPORARY VIEW a (ak, an, ax) AS "
    "VALUES (1, 'a1', 0.5), (2, 'a2', 1.5), (3, 'a3', 2.5), (2, 'a4', 3.5);\n"
    "CREATE TEMPORARY VIEW c (ca, cv) AS "
    "VALUES (1, 'x'), (2, 'y'), (2, 'z'), (3, 'w'), (3, 'v');\n"
)


def plan_of(sql):
    project = load_source(DATA + sql, "t.sql", {})
    return project.selects[0].query.root


def rows_of(sql):
    return printed_lines(DATA + sql)


def nodes(root, kind):
    return [node for node in p.walk(root) if isinstance(node, kind)]


def kept(root, kind):
    """Whether each node of `kind` (parents first) must keep its order."""
    ordered = ordered_nodes(root)
    return [id(node) in ordered for node in nodes(root, kind)]


def test_without_order_by_the_output_order_is_read_down_to_the_tables():
    root = plan_of("SELECT an, cv FROM a, c WHERE ak = ca;")
    assert kept(root, p.Join) == [True]
    assert all(id(node) in ordered_nodes(root) for node in p.walk(root))


def test_a_sort_on_the_grouping_keys_frees_the_join_and_the_group_by_below():
    root = plan_of("SELECT an, COUNT(*) FROM a, c WHERE ak = ca GROUP BY an ORDER BY an;")
    (sort,) = nodes(root, p.Sort)
    assert sorts_totally(sort)
    assert kept(root, p.Sort) == [True]
    assert kept(root, p.Aggregate) == [False]
    assert kept(root, p.Join) == [False]


def test_a_sort_that_may_tie_breaks_ties_by_its_other_columns_and_frees_its_input():
    sql = "SELECT an, COUNT(*) AS n FROM a, c WHERE ak = ca GROUP BY an ORDER BY n DESC;"
    root = plan_of(sql)
    (sort,) = nodes(root, p.Sort)
    assert not sorts_totally(sort)
    assert [f.name for f in tie_breakers(sort)] == ["an"]
    assert kept(root, p.Aggregate) == [False]
    assert kept(root, p.Join) == [False]
    # a2 and a4 tie (two c rows each), a3 too: in the order of their other column
    assert rows_of(sql) == ["+I[a2, 2]", "+I[a3, 2]", "+I[a4, 2]", "+I[a1, 1]"]


def test_ties_of_rows_read_straight_from_a_table_keep_their_order_which_costs_nothing():
    sql = (
        "SELECT v, k FROM (SELECT * FROM (VALUES (1, 'z'), (1, 'b'), (0, 'm')) AS t (k, v) "
        "WHERE k >= 0) AS u ORDER BY k;"
    )
    root = plan_of(sql)
    (sort,) = nodes(root, p.Sort)
    assert id(sort.input) in ordered_nodes(root)
    assert rows_of(sql) == ["+I[m, 0]", "+I[z, 1]", "+I[b, 1]"]


def test_ties_keep_their_input_order_when_a_column_cannot_break_them():
    root = plan_of("SELECT an, MAP[cv, 1] AS vs FROM a, c WHERE ak = ca ORDER BY an LIMIT 2;")
    assert tie_breakers(nodes(root, p.Sort)[0]) == ()
    assert kept(root, p.Join) == [True]


def test_unique_keys_follow_a_renaming_projection_and_are_lost_when_one_is_computed():
    root = plan_of("SELECT an AS name, COUNT(*) AS n FROM a GROUP BY an;")
    assert len(unique_keys(root)[0]) == 1
    computed = plan_of("SELECT UPPER(an) AS name, COUNT(*) AS n FROM a GROUP BY an;")
    assert unique_keys(computed) == []
    distinct = plan_of("SELECT DISTINCT an, ak FROM a;")
    assert [len(key) for key in unique_keys(distinct)] == [2]


def test_a_limit_reads_its_input_order_even_under_a_total_sort():
    root = plan_of(
        "SELECT an, cv FROM (SELECT an, cv FROM a, c WHERE ak = ca LIMIT 3) AS t "
        "GROUP BY an, cv ORDER BY an, cv;"
    )
    assert kept(root, p.Aggregate) == [False]
    assert kept(root, p.Limit) == [False]  # its own order: no one reads it
    assert kept(root, p.Join) == [True]  # which three rows the LIMIT keeps


def test_order_sensitive_aggregates_read_their_input_order_others_do_not():
    sql = "SELECT an, {} FROM a, c WHERE ak = ca GROUP BY an ORDER BY an;"
    for aggregate in ("LISTAGG(cv)", "ARRAY_AGG(cv)", "FIRST_VALUE(cv)", "SUM(ax + 0E0)"):
        assert kept(plan_of(sql.format(aggregate)), p.Join) == [True], aggregate
    for aggregate in ("COUNT(cv)", "MAX(cv)", "SUM(ak)", "AVG(ax)"):
        assert kept(plan_of(sql.format(aggregate)), p.Join) == [False], aggregate


def test_a_global_aggregate_has_one_row_whatever_its_input_order():
    # the output's order is read, and a global aggregate's one row gives it without its
    # input's (TPC-H Q6, Q14, Q17, Q19); a grouped one gives its groups in first-seen order
    sql = "SELECT {} FROM a, c WHERE ak = ca{};"
    assert kept(plan_of(sql.format("SUM(ak), MAX(cv)", "")), p.Join) == [False]
    assert kept(plan_of(sql.format("LISTAGG(cv)", "")), p.Join) == [True]
    assert kept(plan_of(sql.format("an, SUM(ak)", " GROUP BY an")), p.Join) == [True]
    assert kept(plan_of(sql.format("SUM(ak)", " GROUP BY ROLLUP (an)")), p.Join) == [True]


def test_a_subquery_of_in_is_a_set_and_a_window_reads_its_input_order():
    root = plan_of(
        "SELECT an FROM a WHERE ak IN (SELECT ak FROM a, c WHERE ak = ca AND cv <> 'x');"
    )
    assert kept(root, p.Join) == [False]
    window = plan_of(
        "SELECT an, r FROM (SELECT an, ROW_NUMBER() OVER (PARTITION BY ak ORDER BY ak) AS r "
        "FROM a, c WHERE ak = ca) AS t GROUP BY an, r ORDER BY an, r;"
    )
    assert kept(window, p.Join) == [True]


def test_a_shared_subquery_keeps_its_order_when_one_reader_needs_it():
    root = plan_of(
        "WITH j AS (SELECT an, cv FROM a, c WHERE ak = ca) "
        "SELECT an, cv FROM j UNION ALL SELECT an, MAX(cv) FROM j GROUP BY an;"
    )
    assert kept(root, p.Join) == [True]


def test_rows_stay_right_when_order_is_free_below_a_correlated_subquery(tmp_path):
    # TPC-H Q21's shape: the outer rows are numbered and read twice (`correlated_join`), and
    # the join below them gives them in no fixed order now: the numbering is taken once
    numbers = random.Random(5)
    items = [
        (numbers.randrange(300), numbers.randrange(20), numbers.randrange(2)) for _ in range(3000)
    ]
    (tmp_path / "l.csv").write_text("".join(f"{o},{s},{late}\n" for o, s, late in items))
    (tmp_path / "s.csv").write_text("".join(f"{s},s{s % 7}\n" for s in range(20)))
    sql = f"""
CREATE TABLE l (ok INT, sk INT, late INT)
  WITH ('connector' = 'filesystem', 'path' = '{tmp_path}/l.csv', 'format' = 'csv');
CREATE TABLE s (sk INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = '{tmp_path}/s.csv', 'format' = 'csv');
SELECT name, COUNT(*) AS n FROM s, l l1 WHERE s.sk = l1.sk AND l1.late = 1
  AND EXISTS (SELECT * FROM l l2 WHERE l2.ok = l1.ok AND l2.sk <> l1.sk)
  AND NOT EXISTS (SELECT * FROM l l3 WHERE l3.ok = l1.ok AND l3.sk <> l1.sk AND l3.late = 1)
GROUP BY name ORDER BY name;
"""
    lines = printed_lines(sql, str(tmp_path / "q.sql"))
    counts: collections.Counter[str] = collections.Counter()
    for o, s, late in items:
        others = [x for x in items if x[0] == o and x[1] != s]
        if late and others and not any(x[2] for x in others):
            counts[f"s{s % 7}"] += 1
    assert lines == [f"+I[{name}, {counts[name]}]" for name in sorted(counts)]


def test_an_outer_join_condition_on_the_right_side_only_filters_that_side_first():
    # `_right_filtered_first`: the same rows, in the left side's order, as the general way
    kept_order = rows_of("SELECT an, cv FROM a LEFT JOIN c ON ak = ca AND cv <> 'z';")
    assert kept_order == ["+I[a1, x]", "+I[a2, y]", "+I[a3, w]", "+I[a3, v]", "+I[a4, y]"]
    general = rows_of("SELECT an, cv FROM a LEFT JOIN c ON ak = ca AND an <> 'a3';")
    assert general == [
        "+I[a1, x]",
        "+I[a2, y]",
        "+I[a2, z]",
        "+I[a3, null]",
        "+I[a4, y]",
        "+I[a4, z]",
    ]
    free = rows_of(
        "SELECT an, COUNT(cv) AS n FROM a LEFT JOIN c ON ak = ca AND cv <> 'z' "
        "GROUP BY an ORDER BY an;"
    )
    assert free == ["+I[a1, 1]", "+I[a2, 1]", "+I[a3, 2]", "+I[a4, 1]"]
