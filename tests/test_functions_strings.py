"""String, hash and numeric functions, the predicates of phase 2 and CAST: each expected row is
what real Flink 2.3 printed for the same SELECT (asked through the oracle)."""

import pytest

from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.executor.functions.string import MAX_RESULT_CHARS
from conftest import printed_lines


def printed(select: str, columns: int | str = 1, source: str = "") -> list[str]:
    """The lines the print sink writes for `INSERT INTO s SELECT {select}`: into `columns`
    STRING columns, or the columns declared by `columns`."""
    names = (
        columns if isinstance(columns, str) else ", ".join(f"c{i} STRING" for i in range(columns))
    )
    sql = (
        f"CREATE TEMPORARY TABLE s ({names}) WITH ('connector' = 'print');\n{source}"
        f"INSERT INTO s SELECT {select};"
    )
    return printed_lines(sql)


def text(*exprs: str) -> str:
    return ", ".join(f"CAST({e} AS STRING)" for e in exprs)


def test_padding_any_pad_string_negative_length_and_empty_pad():
    assert printed(
        "LPAD('hi', -1, 'x'), LPAD('hi', 5, ''), LPAD('hi', 7, 'ab'), "
        "LPAD('hi', 0, 'x'), RPAD('ab', 5, 'xy'), LPAD('abcdef', 3, '*')",
        6,
    ) == ["+I[null, null, ababahi, , abxyx, abc]"]


def test_pad_length_may_be_a_column():
    assert printed("LPAD(s, n, '0') FROM (VALUES ('7', 3), ('42', 1)) AS t(s, n)") == [
        "+I[007]",
        "+I[4]",
    ]


@pytest.mark.parametrize(
    "select",
    [
        "RPAD(s, 3000000000, 'x') FROM (VALUES ('a')) AS t(s)",
        "REPEAT(s, 2000000000) FROM (VALUES ('ab')) AS t(s)",
    ],
)
def test_a_result_too_long_fails_the_job_cleanly_without_building_it(select):
    with pytest.raises(ExecutionError, match=f"more than the {MAX_RESULT_CHARS}"):
        printed(select)


def test_new_string_functions():
    assert printed(
        "'[' || REPEAT('ab', -1) || ']', LEFT('abc', -1), RIGHT('flink', 3), "
        + text("LOCATE('l', 'hello', 0)", "LOCATE('', 'hello')", "INSTR('hello', '')")
        + ", ELT(0, 'a'), TRANSLATE('hello', 'el', '')",
        8,
    ) == ["+I[[], , ink, 3, 1, 1, null, ho]"]


def test_instr_with_start_and_occurrence():
    assert printed(
        text(
            "INSTR('hello', 'l', -1)",
            "INSTR('hello', 'l', -1, 2)",
            "INSTR('hello', 'l', 1, 2)",
            "INSTR('hello', 'l', 0)",
            "INSTR('hello', 'l', -2)",
            "INSTR('hello', 'l', 2, 3)",
        ),
        6,
    ) == ["+I[4, 3, 4, 0, 4, 0]"]


def test_chr_ascii_base64_and_parse_url():
    url = "'https://user@example.com:8080/a/b?id=7&y=2#frag'"
    parts = ", ".join(
        f"PARSE_URL({url}, '{p}')"
        for p in ("PROTOCOL", "AUTHORITY", "FILE", "REF", "USERINFO", "QUERY")
    )
    assert printed(
        parts
        + ", PARSE_URL('not a url', 'HOST'), PARSE_URL({url}, 'QUERY', 'y')".replace("{url}", url),
        8,
    ) == ["+I[https, user@example.com:8080, /a/b?id=7&y=2, frag, user, id=7&y=2, null, 2]"]
    assert printed(
        "CHR(-1), CHR(353), "
        + text("ASCII('')", "ASCII('é')")
        + ", FROM_BASE64('aGk'), TO_BASE64('')",
        6,
    ) == ["+I[, a, 0, -61, hi, ]"]


def test_from_base64_of_text_outside_the_alphabet_fails_the_job():
    with pytest.raises(ExecutionError, match="Illegal base64 character 21"):
        printed("FROM_BASE64(s) FROM (VALUES ('!!')) AS t(s)")


def test_hashes_and_uuid():
    assert printed("SHA2('abc', 512), " + text("HASH_CODE('')", "HASH_CODE('hello')"), 3) == [
        "+I[ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a8"
        "36ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f, 0, 99162322]"
    ]
    lines = printed("UUID() FROM (VALUES (1), (2), (3)) AS t(x)")
    assert len(set(lines)) == 3 and all(len(line) == len("+I[]") + 36 for line in lines)


def test_sha2_with_unsupported_bits_fails_the_job():
    with pytest.raises(ExecutionError, match="unsupported algorithm"):
        printed("SHA2(s, 100) FROM (VALUES ('abc')) AS t(s)")


def test_numeric_functions():
    assert printed(
        text(
            "HEX(-1)",
            "BIN(-1) = REPEAT('1', 64)",
            "SIGN(0)",
            "TRUNCATE(123.456e0)",
            "TRUNCATE(1234, -2)",
            "LN(0)",
            "LN(-1)",
            "LOG2(0)",
        ),
        8,
    ) == ["+I[FFFFFFFFFFFFFFFF, TRUE, 0, 123.0, 1200, -Infinity, NaN, -Infinity]"]
    assert printed(text("LOG10(1000)", "LOG(2, 32)", "HEX('é')", "BIN(0)"), 4) == [
        "+I[3.0, 5.0, C3A9, 0]"
    ]


def test_seeded_rand_gives_javas_numbers():
    assert printed(text("RAND(42)", "RAND_INTEGER(42, 10)", "ROUND(RAND(1), 3)"), 3) == [
        "+I[0.7275636800328681, 0, 0.731]"
    ]


@pytest.mark.parametrize(
    "exprs, source, rows",
    [
        (
            ("x IS DISTINCT FROM y", "x IS NOT DISTINCT FROM y"),
            " FROM (VALUES (1, CAST(NULL AS INT)), "
            "(CAST(NULL AS INT), CAST(NULL AS INT))) AS t(x, y)",
            ["+I[TRUE, FALSE]", "+I[FALSE, TRUE]"],
        ),
        (
            ("b IS TRUE", "b IS NOT FALSE", "b IS UNKNOWN"),
            " FROM (VALUES (CAST(NULL AS BOOLEAN))) AS t(b)",
            ["+I[FALSE, TRUE, TRUE]"],
        ),
        (
            (
                "3 BETWEEN SYMMETRIC 5 AND 1",
                "3 NOT BETWEEN SYMMETRIC 5 AND 1",
                "6 BETWEEN SYMMETRIC 5 AND 1",
            ),
            "",
            ["+I[TRUE, FALSE, FALSE]"],
        ),
        (
            (
                "'a.c' SIMILAR TO 'a.c'",
                "'abc' SIMILAR TO 'a.c'",
                "'cats' SIMILAR TO '(cat|dog)s?'",
                "'cow' NOT SIMILAR TO '(cat|dog)s?'",
            ),
            "",
            ["+I[TRUE, TRUE, TRUE, TRUE]"],
        ),
        (
            (
                "'50%' LIKE '50!%' ESCAPE '!'",
                "'a_b' LIKE 'a!_%' ESCAPE '!'",
                "'ab' LIKE 'a!_%' ESCAPE '!'",
            ),
            "",
            ["+I[TRUE, TRUE, FALSE]"],
        ),
    ],
)
def test_predicates(exprs, source, rows):
    assert printed(text(*exprs) + source, len(exprs)) == rows


def test_like_with_a_bad_escape_sequence_fails_the_job_with_flinks_text():
    with pytest.raises(ExecutionError, match="Invalid escape sequence 'a!x', 1"):
        printed(text("s LIKE 'a!x' ESCAPE '!'") + " FROM (VALUES ('abc')) AS t(s)")


def test_overlay_and_unicode_literals():
    assert printed(
        "OVERLAY('abcdef' PLACING 'XY' FROM 3 FOR 2), OVERLAY('abcdef' PLACING 'XY' "
        "FROM 3), U&'\\0041\\00e9', 'it''s'",
        4,
    ) == ["+I[abXYef, abXYef, Aé, it's]"]


def test_a_bad_unicode_escape_is_a_located_error():
    with pytest.raises(SqlError, match="Unicode escape"):
        printed("U&'\\00'")


def test_substring_start_zero_or_negative():
    assert printed(
        "SUBSTRING('hello', 0, 2), SUBSTRING('hello', -3), SUBSTRING('hello', -3, 2)", 3
    ) == ["+I[he, llo, ll]"]


def test_regexp_replace_takes_the_replacement_literally_and_a_bad_pattern_is_null():
    assert printed(
        "REGEXP_REPLACE('2024-01-05', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1'), "
        "REGEXP_REPLACE('abc', '(unclosed', 'x')",
        2,
    ) == ["+I[$3/$2/$1, null]"]


def test_casts_as_flink_runs_them():
    assert printed(
        text(
            "CAST(300 AS TINYINT)",
            "CAST(-2.7e0 AS INT)",
            "TRY_CAST('1.5' AS INT)",
            "TRY_CAST('1e3' AS INT)",
            "TRY_CAST('300' AS TINYINT)",
            "CAST(CAST(1.0E7 AS FLOAT) AS STRING)",
        )
        + ", CAST(TRUE AS VARCHAR(2))"
        + ", CAST(CAST(' 7 ' AS INT) AS STRING)",
        8,
    ) == ["+I[44, -2, 1, null, null, 1.0E7, TR, 7]"]
    assert printed(
        text(
            "CAST('t' AS BOOLEAN)",
            "TRY_CAST(' yes' AS BOOLEAN)",
            "TRY_CAST('12' AS DATE)",
            "TRY_CAST('2024-02-30' AS DATE)",
            "TRY_CAST('2024-01-05 10:00' AS TIMESTAMP)",
            "TRY_CAST('2024-01-05 1:2:3' AS TIMESTAMP)",
        ),
        6,
    ) == ["+I[TRUE, null, 0012-01-01, null, null, 2024-01-05 01:02:03.000000]"]


@pytest.mark.parametrize(
    "value, target, message",
    [
        ("'maybe'", "BOOLEAN", "Cannot parse 'maybe' as BOOLEAN."),
        ("'2024-01-05T10:20:30'", "TIMESTAMP(3)", "unparsed text found at index 10"),
    ],
)
def test_a_failed_cast_fails_the_job_naming_the_value(value, target, message):
    with pytest.raises(ExecutionError, match=message.replace(".", r"\.").replace("(", r"\(")):
        printed(f"CAST(CAST(s AS {target}) AS STRING) FROM (VALUES ({value})) AS t(s)")


def test_a_cast_flink_refuses_is_a_located_error():
    with pytest.raises(
        SqlError, match="Cast function cannot convert value of type BOOLEAN to type DATE"
    ):
        printed("CAST(CAST(TRUE AS DATE) AS STRING)")


def test_a_failed_integer_cast_has_flinks_text():
    with pytest.raises(ExecutionError, match=r"For input string: 'abc'. Invalid character found"):
        printed("CAST(CAST(s AS INT) AS STRING) FROM (VALUES ('abc')) AS t(s)")


def test_java_regex_syntax_in_pythons_words():
    from bailian_assets.executor.functions.java_regex import python_form

    assert (
        python_form(r"(?<word>\p{Alpha}+)\Qa.b\E\Z\w")
        == r"(?P<word>[a-zA-Z]+)a\.b(?=\n?\Z)[0-9A-Za-z_]"
    )
    assert python_form(r"[\p{Digit}x](?<=a)(?<!b)") == r"[0-9x](?<=a)(?<!b)"
    assert python_form("[a-z&&[^x]]") == "(?:(?=[^x])[a-z])"
    assert python_form("[^a-z&&[^y]]") == "(?:(?!(?:(?=[^y])[a-z]))(?s:.))"


def test_a_regex_polars_refuses_or_from_a_column_runs_per_value_with_javas_meaning():
    source = "CREATE TEMPORARY VIEW v (s, p) AS VALUES ('foobar', 'o(?=b)'), ('é1', '\\w+');\n"
    assert printed(
        "REGEXP_EXTRACT(s, p), REGEXP_REPLACE('abab', '(ab)\\1', '-'), REGEXP_EXTRACT(s, 'o(?=b)')"
        " FROM v",
        3,
        source,
    ) == ["+I[o, -, o]", "+I[1, -, null]"]


def test_split_index_as_java_splits():
    from bailian_assets.executor.functions.string import _split_index_value as split

    assert [split("a b  c", "", i) for i in range(4)] == ["a", "b", "", "c"]
    assert split("", ",", 0) is None and split("a,b", ",", -1) is None
    assert split("a,b", 44, 1) == "b" and split("a,b", 300, 0) is None
