"""An uncorrelated scalar subquery (executor `_subquery_join`): joined to every row of the
query, NULL when it has no row, no row when the query has none; and a filter of an outer
query still reaches the scan below it, so a partitioned table's other partitions are never
read (a placement beside the rows, as Polars' SQL engine makes, would stop that filter)."""

from bailian_assets.executor.scalar_subqueries import placed_beside
from bailian_assets.planning.project import load_source
from conftest import printed_lines, printed_run

TABLE = (
    "CREATE TEMPORARY VIEW t AS SELECT * FROM (VALUES (3, 'c'), (1, 'a'), (2, 'b'), (1, 'd')) "
    "AS v(k, s);\n"
)


def test_a_where_and_a_select_compare_with_the_value():
    where = "SELECT k, s FROM t WHERE k > (SELECT AVG(k) FROM t);"
    assert printed_lines(TABLE + where) == ["+I[3, c]", "+I[2, b]"]
    select = "SELECT s, k - (SELECT MIN(k) FROM t WHERE k > 9) AS d FROM t ORDER BY s;"
    assert printed_lines(TABLE + select) == [
        "+I[a, null]",
        "+I[b, null]",
        "+I[c, null]",
        "+I[d, null]",
    ]
    none = "SELECT k FROM t WHERE k > 5 AND k > (SELECT MAX(k) FROM t);"
    assert printed_lines(TABLE + none) == []


def test_an_outer_filter_prunes_partitions_below_a_scalar_subquery(tmp_path):
    for dt, text in (("1", "1,10\n2,20\n"), ("2", "oops,bad\n")):  # dt=2 is never read
        (tmp_path / "part" / f"dt={dt}").mkdir(parents=True)
        (tmp_path / "part" / f"dt={dt}" / "x.csv").write_text(text)
    (tmp_path / "b.csv").write_text("1,5\n2,7\n")
    sql = (
        "CREATE TEMPORARY TABLE p (i INT, v INT, dt STRING) PARTITIONED BY (dt) WITH "
        f"('connector' = 'filesystem', 'path' = '{tmp_path / 'part'}', 'format' = 'csv');\n"
        "CREATE TEMPORARY TABLE b (i INT, x INT) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / 'b.csv'}', 'format' = 'csv');\n"
        "CREATE TEMPORARY TABLE o (i INT, v INT, dt STRING, mx INT) WITH ('connector' = 'print');\n"
        "INSERT INTO o SELECT i, v, dt, mx FROM (SELECT i, v, dt, (SELECT MAX(x) FROM b) AS mx "
        "FROM p) WHERE dt = '1';\n"
    )
    lines, _ = printed_run(load_source(sql, str(tmp_path / "q.sql"), {}))
    assert sorted(lines) == ["+I[1, 10, 1, 7]", "+I[2, 20, 1, 7]"]


def placed(sql: str) -> bool:
    root = load_source(TABLE + sql, "t.sql", {}).selects[0].query.root
    return bool(placed_beside(root))


def test_only_a_scalar_no_filter_could_pass_is_placed_beside_its_rows():
    assert placed("SELECT k FROM t WHERE k > (SELECT AVG(k) FROM t);")  # the WHERE reads it
    assert placed("SELECT k, COUNT(*) FROM t GROUP BY k HAVING COUNT(*) < (SELECT MAX(k) FROM t);")
    assert placed("SELECT s, (SELECT MAX(k) FROM t) AS m FROM t ORDER BY s LIMIT 2;")
    outer = "SELECT * FROM (SELECT s, (SELECT MAX(k) FROM t) AS m FROM t) WHERE s = 'a';"
    assert not placed(outer)  # `s = 'a'` goes down to the scan past a cross join only
    joined = (
        "SELECT * FROM t AS a JOIN (SELECT k, (SELECT MAX(k) FROM t) AS m FROM t) AS b "
        "ON a.k = b.k;"
    )
    assert not placed(joined)
    assert not placed(
        "SELECT k FROM t WHERE k > (SELECT k FROM t WHERE s = 'c');"
    )  # no one-row proof
