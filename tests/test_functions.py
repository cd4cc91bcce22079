"""The function registries: typed signatures checked at plan time with Flink's texts (taken
from real Flink 2.3 through the oracle), and the planner's and executor's registries agreeing."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_source

SINK = "CREATE TEMPORARY TABLE s (x STRING) WITH ('connector' = 'print');\n"
DATA = "CREATE TEMPORARY VIEW v (n, t) AS VALUES (1, 'a');\n"


def first_error(select: str):
    with pytest.raises(SqlError) as caught:
        load_source(SINK + DATA + f"INSERT INTO s SELECT {select} FROM v;", "t.sql", {})
    diagnostic = caught.value.diagnostics[0]
    return diagnostic.position.line, diagnostic.position.col, diagnostic.message


@pytest.mark.parametrize(
    "select, message",
    [
        (
            "UPPER(1)",
            "Cannot apply 'UPPER' to arguments of type 'UPPER(<INTEGER>)'. "
            "Supported form(s): 'UPPER(<CHARACTER>)'",
        ),
        (
            "UPPER(TRUE)",
            "Cannot apply 'UPPER' to arguments of type 'UPPER(<BOOLEAN>)'. "
            "Supported form(s): 'UPPER(<CHARACTER>)'",
        ),
        (
            "CONCAT('a', 1)",
            "Cannot apply 'CONCAT' to arguments of type 'CONCAT(<CHAR(1)>, "
            "<INTEGER>)'. Supported form(s): 'CONCAT(<CHARACTER>)'",
        ),
        (
            "SUBSTRING('abc', '1')",
            "Cannot apply 'SUBSTRING' to arguments of type "
            "'SUBSTRING(<CHAR(3)>, <CHAR(1)>)'. Supported form(s): "
            "'SUBSTRING(<CHARACTER>, <INTEGER>)'\n"
            "'SUBSTRING(<CHARACTER>, <INTEGER>, <INTEGER>)'",
        ),
        (
            "ROUND('1.5')",
            "Cannot apply 'ROUND' to arguments of type 'ROUND(<CHAR(3)>)'. "
            "Supported form(s): 'ROUND(<NUMERIC>, <INTEGER>)'\n'ROUND(<NUMERIC>)'",
        ),
        (
            "CHAR_LENGTH(n)",
            "Cannot apply 'CHAR_LENGTH' to arguments of type "
            "'CHAR_LENGTH(<INTEGER>)'. Supported form(s): 'CHAR_LENGTH(<CHARACTER>)'",
        ),
        (
            "POWER(2, '3')",
            "Cannot apply 'POWER' to arguments of type 'POWER(<INTEGER>, <CHAR(1)>)'. "
            "Supported form(s): 'POWER(<NUMERIC>, <NUMERIC>)'",
        ),
        (
            "LOWER('a', 'b')",
            "Invalid number of arguments to function 'LOWER'. Was expecting 1 arguments",
        ),
        ("COALESCE(1, 'a')", "Invalid input arguments."),
        (
            "UPPR(t)",
            "No match found for function signature UPPR(<CHARACTER>); did you mean 'UPPER'?",
        ),
    ],
)
def test_calls_are_checked_at_plan_time_with_flinks_text(select, message):
    line, col, got = first_error(select)
    assert (line, col) == (3, 22)  # the function's name, on the INSERT's line
    assert got == message


def test_a_column_of_the_wrong_type_is_refused_before_any_model_runs():
    # UPPER of an INT column used to fail at run time, after the model calls were paid
    _line, _col, message = first_error("UPPER(n)")
    assert message.startswith("Cannot apply 'UPPER' to arguments of type 'UPPER(<INTEGER>)'")


def test_a_string_column_is_shown_as_flink_shows_string():
    assert first_error("SQRT(CAST(t AS STRING))")[2].startswith(
        "Cannot apply 'SQRT' to arguments of type 'SQRT(<VARCHAR(2147483647)>)'"
    )
    # a VALUES column of one-character literals is CHAR(1), as Flink types it
    assert first_error("SQRT(t)")[2].startswith(
        "Cannot apply 'SQRT' to arguments of type 'SQRT(<CHAR(1)>)'"
    )


def test_null_fits_every_parameter():
    project = load_source(SINK + "INSERT INTO s SELECT UPPER(CAST(NULL AS STRING));", "t.sql", {})
    assert project.inserts


def test_the_planner_and_executor_registries_name_the_same_functions():
    from bailian_assets.executor import functions as run
    from bailian_assets.planning import functions as plan

    assert set(plan.FUNCTIONS) == set(run.IMPLEMENTATIONS)
    # an aggregate Flink computes from others (STDDEV from SUM and COUNT) has no implementation
    assert {n for n, a in plan.AGGREGATES.items() if a.reduce is None} == set(run.AGGREGATES)
    assert set(plan.OPERATORS) == set(run.OPERATORS)


def test_constant_arguments_must_be_literals():
    _line, col, message = first_error("CAST(ROUND(n, n) AS STRING)")
    assert message == "argument 2 of ROUND must be a constant" and col == 36


@pytest.mark.parametrize(
    "select, message",
    [
        (
            "'id-' || n",
            "Cannot apply '||' to arguments of type '<CHAR(3)> || <INTEGER>'. "
            "Supported form(s): '<STRING> || <STRING>'\n"
            "'<EQUIVALENT_TYPE> || <EQUIVALENT_TYPE>'",
        ),
        ("n, NULL", "Illegal use of 'NULL'"),
    ],
)
def test_operator_and_select_list_refusals_are_flinks(select, message):
    assert first_error(select)[2] == message


def test_bang_equal_is_refused_as_in_flink():
    with pytest.raises(SqlError) as caught:
        load_source(SINK + DATA + "INSERT INTO s SELECT t FROM v WHERE n != 1;", "t.sql", {})
    assert caught.value.diagnostics[0].message.startswith("Bang equal '!=' is not allowed")
