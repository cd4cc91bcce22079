"""OR factors (`planning/or_factors.py`): what every branch of a WHERE's or HAVING's OR has
becomes a conjunct of its own (a join key, a filter Polars pushes to the scan), with the rows
of the condition as written, NULLs included."""

import random

import pytest

from bailian_assets.planning import bound as b
from bailian_assets.planning import or_factors, types
from bailian_assets.planning import plan as p
from bailian_assets.planning.or_factors import pull_factors
from bailian_assets.planning.project import load_source
from conftest import printed_lines

INT = types.nullable(types.INT, True)
BOOL = types.nullable(types.BOOLEAN, True)


def column(name: str) -> b.Expr:
    return b.Column(name, INT)


def equals(name: str, value: int) -> b.Expr:
    return b.Call("=", (column(name), b.Literal(value, types.INT)), BOOL)


def call(name: str, *args: b.Expr) -> b.Expr:
    return b.Call(name, args, BOOL)


A, X, Y, Z = equals("a", 1), equals("x", 2), equals("y", 3), equals("z", 4)


def test_the_factors_of_every_branch_are_pulled_out():
    # the first branch has nothing but factors: `(a AND x) OR (a AND x AND y)` is `a AND x`
    assert pull_factors(call("OR", call("AND", A, X), call("AND", X, Y, A))) == call("AND", A, X)
    three = call("OR", call("AND", A, X), call("AND", A, Y), call("OR", call("AND", Z, A), A))
    assert pull_factors(three) == A


def test_what_is_left_of_each_branch_stays_an_or():
    condition = call("OR", call("AND", A, X), call("AND", Y, A, Z))
    assert pull_factors(condition) == call("AND", A, call("OR", X, call("AND", Y, Z)))


def test_nothing_common_a_volatile_term_or_a_known_one():
    plain = call("OR", call("AND", A, X), call("AND", Y, Z))
    assert pull_factors(plain) == plain
    rand = b.Call("<", (b.Call("RAND", (), types.DOUBLE), b.Literal(0.5, types.DOUBLE)), BOOL)
    volatile = call("OR", call("AND", rand, X), call("AND", rand, Y))
    assert pull_factors(volatile) == volatile
    assert pull_factors(call("AND", rand, rand, X, X)) == call("AND", rand, rand, X)
    assert pull_factors(call("AND", A, X, A), known=[X]) == A
    assert pull_factors(call("OR", call("AND", A, X), call("AND", A, Y)), known=[A]) == call(
        "OR", X, Y
    )
    assert pull_factors(A, known=[A]) is None
    true = b.Literal(True, types.BOOLEAN)
    assert pull_factors(call("AND", true, A)) == A and pull_factors(true) is None


@pytest.fixture
def parts(tmp_path):
    (tmp_path / "item.csv").write_text("1,1,AIR\n1,12,AIR\n2,5,MAIL\n2,7,AIR\n3,,AIR\n,3,AIR\n")
    (tmp_path / "part.csv").write_text("1,B1\n2,B2\n3,B1\n")
    return (
        f"CREATE TABLE item (pk INT, qty INT, mode STRING) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / 'item.csv'}', 'format' = 'csv', 'csv.null-literal' = '');\n"
        f"CREATE TABLE part (pk INT, brand STRING) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / 'part.csv'}', 'format' = 'csv', 'csv.null-literal' = '');\n"
        "CREATE TEMPORARY TABLE snk (pk INT, qty INT) WITH ('connector' = 'print');\n"
    )


Q19 = (
    "INSERT INTO snk SELECT item.pk, qty FROM item, part WHERE "
    "(part.pk = item.pk AND brand = 'B1' AND qty <= 10 AND mode = 'AIR') OR "
    "(part.pk = item.pk AND brand = 'B2' AND qty >= 5 AND mode = 'AIR');"
)


def test_a_join_equality_in_every_branch_is_the_join_key_alone(parts):
    root = load_source(parts + Q19, "t.sql", {}).inserts[0].query.root
    (join,) = [n for n in p.walk(root) if isinstance(n, p.Join)]
    assert join.kind == "INNER" and len(join.equi_keys) == 1
    (where,) = [n for n in p.walk(root) if isinstance(n, p.Filter)]
    terms = or_factors.conjuncts(where.predicate)
    assert len(terms) == 2 and {t.name for t in terms} == {"=", "OR"}  # mode = 'AIR', the OR
    assert sorted(printed_lines(parts + Q19)) == ["+I[1, 1]", "+I[2, 7]"]


def test_a_having_or_is_factored_too(parts):
    having = (
        "INSERT INTO snk SELECT pk, CAST(SUM(qty) AS INT) FROM item GROUP BY pk HAVING "
        "(SUM(qty) > 4 AND pk = 1) OR (pk = 2 AND SUM(qty) > 4)"
    )
    assert printed_lines(parts + having + ";") == ["+I[1, 13]", "+I[2, 12]"]


def _random_table(path, rows: int, seed: int) -> None:
    rng = random.Random(seed)

    def value() -> str:
        return "" if rng.random() < 0.25 else str(rng.randint(0, 3))

    path.write_text("".join(f"{value()},{value()},{value()},{value()}\n" for _ in range(rows)))


CONDITIONS = [
    "(a = 1 AND b > 1) OR (a = 1 AND c IS NULL)",
    "(a = 1 AND b > 1) OR a = 1",
    "(a = 1 AND b > 1) OR (b > 1 AND c < 2 AND a = 1) OR (a = 1 AND b > 1 AND d <> 0)",
    "((a = 1 AND b > 1) OR (a = 1 AND c = 0)) AND (d IS NULL OR (d = 2 AND a = 1))",
    "(a = 1 AND b = 1) OR (a = 2 AND b = 1)",
    "(a = 1 AND b > 1) OR (a = 1 AND b > 1)",
    "(s.a = t.a AND s.b = 2) OR (s.a = t.a AND s.c = 3) OR (t.d = 1 AND s.a = t.a)",
    "(s.a = t.a AND s.b = 2) OR (s.a = t.a AND t.b IS NULL) OR s.a = t.a",
    "(s.a = t.a AND s.b = t.b AND s.c > 0) OR (s.b = t.b AND s.a = t.a AND s.d > 0)",
]


@pytest.mark.parametrize("condition", CONDITIONS)
def test_the_rows_are_those_of_the_condition_as_written(tmp_path, condition, monkeypatch):
    _random_table(tmp_path / "s.csv", 60, 7)
    _random_table(tmp_path / "t.csv", 12, 11)
    sql = "".join(
        f"CREATE TABLE {name} (a INT, b INT, c INT, d INT) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / name}.csv', 'format' = 'csv', 'csv.null-literal' = '');\n"
        for name in ("s", "t")
    )
    sql += "CREATE TEMPORARY TABLE snk (a INT, b INT, c INT, d INT) WITH ('connector' = 'print');\n"
    source = "s, t" if "t." in condition else "s"
    query = f"{sql}INSERT INTO snk SELECT s.a, s.b, s.c, s.d FROM {source} WHERE {condition};"
    factored = sorted(printed_lines(query))
    assert factored, "a condition no row meets tests nothing"
    monkeypatch.setattr(or_factors, "_factored", lambda term: [term])
    assert factored == sorted(printed_lines(query))
