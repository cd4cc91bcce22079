"""An uncorrelated subquery in HAVING (TPC-H's Q11), planned as in WHERE: joined, then
filtered on."""

from conftest import printed_lines

DATA = "CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2), ('b', 10), ('c', 4);\n"


def rows(sql):
    return printed_lines(DATA + sql)


def test_having_compares_with_a_scalar_subquery():
    assert rows(
        "SELECT k, SUM(v) AS total FROM t GROUP BY k "
        "HAVING SUM(v) > (SELECT AVG(v) FROM t) ORDER BY k;"
    ) == ["+I[b, 10]"]


def test_having_with_in_subquery_keeps_only_the_groups_columns():
    assert rows(
        "SELECT * FROM (SELECT k, COUNT(*) AS n FROM t GROUP BY k "
        "HAVING k IN (SELECT k FROM t WHERE v > 3)) ORDER BY k;"
    ) == ["+I[b, 1]", "+I[c, 1]"]
