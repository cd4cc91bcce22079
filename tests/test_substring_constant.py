"""SUBSTRING with a constant start (and length) is compiled to a plain slice: each such call
must give what the general, per-row form gives for the same arguments read from columns."""

from conftest import printed_lines

VALUES = "('hello', 0, 0), ('', 0, 0), ('héllo wörld', 0, 0), (CAST(NULL AS STRING), 0, 0)"
CALLS = [(0, 2), (1, 2), (2, 3), (3, 0), (4, -1), (2, 99), (7, 1), (1, None), (0, None), (9, None)]


def printed(select: str) -> list[str]:
    sql = (
        "CREATE TEMPORARY TABLE out1 (c STRING) WITH ('connector' = 'print');\n"
        f"INSERT INTO out1 SELECT {select} FROM (VALUES {VALUES}) AS t(s, z0, z1);"
    )
    return printed_lines(sql)


def call(start: str, length: str | None) -> str:
    return (
        f"SUBSTRING(s FROM {start})"
        if length is None
        else f"SUBSTRING(s FROM {start} FOR {length})"
    )


def test_constant_start_and_length_agree_with_the_per_row_form():
    for start, length in CALLS:
        constant = call(str(start), None if length is None else str(length))
        per_row = call(f"z0 + {start}", None if length is None else f"z1 + {length}")
        assert printed(constant) == printed(per_row), constant


def test_constant_start_examples():
    assert printed("SUBSTRING(s FROM 1 FOR 2)") == ["+I[he]", "+I[]", "+I[hé]", "+I[null]"]
    assert printed("SUBSTRING(s FROM 0 FOR 2)") == ["+I[he]", "+I[]", "+I[hé]", "+I[null]"]
    assert printed("SUBSTRING(s, 3)") == ["+I[llo]", "+I[]", "+I[llo wörld]", "+I[null]"]
    # a negative length: NULL, as in Flink
    assert printed("SUBSTRING(s FROM 2 FOR -1)") == ["+I[null]"] * 4
