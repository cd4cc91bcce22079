"""An uncorrelated scalar subquery of at most one row (`executor/joins.beside_one_row`):
placed beside the query's rows, not cross joined, with the same rows: none when the query
has none, its NULL when it has no row, the query's order kept."""

import polars as pl

from bailian_assets.executor.joins import beside_one_row
from conftest import printed_lines

TABLE = (
    "CREATE TEMPORARY VIEW t AS SELECT * FROM (VALUES (3, 'c'), (1, 'a'), (2, 'b'), (1, 'd')) "
    "AS v(k, s);\n"
)


def test_beside_every_row_and_none_for_no_rows():
    frame = pl.LazyFrame({"a": [3, 1, 2]})
    value = pl.LazyFrame({"m": [7]})
    assert beside_one_row(frame, value, "m").collect().rows() == [(3, 7), (1, 7), (2, 7)]
    assert beside_one_row(frame.head(0), value, "m").collect().height == 0
    null = pl.LazyFrame({"m": [None]}, schema={"m": pl.Int64})
    assert beside_one_row(frame, null, "m").collect()["m"].to_list() == [None] * 3
    streamed = beside_one_row(frame, value, "m").collect(engine="streaming")
    assert streamed.columns == ["a", "m"]


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
