"""Hostile input: every one gets a one-line located error (or just works), never a traceback,
and `check`, `run` and the Dagster code location give one verdict."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from bailian_assets.cli import main
from bailian_assets.errors import SqlError
from bailian_assets.executor.executor import Executor
from bailian_assets.integration import build_definitions
from bailian_assets.planning import names
from bailian_assets.planning.project import load_source
from bailian_assets.sql.nesting import MAX_DEPTH
from bailian_assets.sql.parser import parse_script
from bailian_assets.sql.source import MAX_SQL_BYTES
from conftest import CHAT_MODEL, ROOT, clean_env

OUT = "CREATE TEMPORARY TABLE snk (x STRING) WITH ('connector' = 'print');\n"
DATA = "CREATE VIEW t (a, b) AS VALUES (1, 'x'), (2, 'y'), (3, 'z');\n"


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # diagnostics name files relative to here: `job.sql:2:28: ...`


def write(tmp_path: Path, text: str | bytes, name: str = "job.sql") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def check(path: Path, capsys) -> tuple[int, str]:
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def refused(
    tmp_path: Path, capsys, text: str | bytes, name: str = "job.sql", exit_code: int = 1
) -> str:
    """The first line of the report: `check` and `run` both exit `exit_code` (1 for SQL
    errors, 2 for a file that cannot be read) with the same errors."""
    path = write(tmp_path, text, name)
    check_code, check_err = check(path, capsys)
    run_code = main(["run", str(path)])
    captured = capsys.readouterr()
    assert (check_code, run_code) == (exit_code, exit_code), check_err
    assert captured.err == check_err and captured.out == ""
    return check_err.splitlines()[0]


def runs(tmp_path: Path, capsys, text: str | bytes) -> list[str]:
    """`check` accepts the file and `run` prints these sink rows."""
    path = write(tmp_path, text)
    code, err = check(path, capsys)
    assert code == 0, err
    assert main(["run", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.out.splitlines()


# ------------------------------------------------------------------ encodings and line ends


def test_bytes_that_are_not_utf8_are_located_by_line_column_and_byte_offset(tmp_path, capsys):
    head = (OUT + "INSERT INTO snk SELECT 'caf").encode()
    first = refused(tmp_path, capsys, head + b"\xe9';\n")
    assert first == (
        f"job.sql:2:28: error: the file is not valid UTF-8: byte 0xe9 at byte offset {len(head)}"
    )
    # the offset is the file's own, a byte-order mark included
    first = refused(tmp_path, capsys, b"\xef\xbb\xbf" + head + b"\xe9';\n")
    assert first.endswith(f"byte 0xe9 at byte offset {len(head) + 3}")
    assert "looks like UTF-16" in refused(tmp_path, capsys, OUT.encode("utf-16"))


def test_a_byte_order_mark_and_crlf_or_cr_line_ends_simply_work(tmp_path, capsys):
    sql = OUT + DATA + "INSERT INTO snk SELECT b FROM t;\n"
    for text in (sql.replace("\n", "\r\n"), sql.replace("\n", "\r")):
        assert runs(tmp_path, capsys, b"\xef\xbb\xbf" + text.encode()) == [
            "+I[x]",
            "+I[y]",
            "+I[z]",
        ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_errors_after_crlf_or_cr_lines_point_at_the_right_line(tmp_path, capsys, newline):
    sql = OUT + DATA + "INSERT INTO snk\nSELECT nope FROM t;\n"
    path = write(tmp_path, sql.replace("\n", newline))
    code, err = check(path, capsys)
    assert code == 1
    first, shown, caret = err.splitlines()[:3]
    assert first.startswith("job.sql:4:8: error: Column 'nope' not found")
    assert (shown, caret) == ("    4 | SELECT nope FROM t;", "      |        ^~~~")


def test_only_real_line_breaks_count_as_lines(tmp_path, capsys):
    # str.splitlines() also breaks at these; the tokenizer does not, and neither may the lines
    # shown under a diagnostic
    odd = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    sql = OUT + DATA + f"-- odd{odd}characters\nINSERT INTO snk SELECT '{odd}' || nope FROM t;\n"
    path = write(tmp_path, sql)
    code, err = check(path, capsys)
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith("job.sql:4:")
    assert lines[1].startswith("    4 | INSERT INTO snk SELECT '")
    assert lines[1].count("\ufffd") == len(odd)  # shown, but never breaking the line


def test_nul_characters_and_stray_characters_are_located(tmp_path, capsys):
    first = refused(tmp_path, capsys, OUT + "INSERT INTO snk SELECT 'a\0b';\n")
    assert first.startswith("job.sql:2:26: error: the file contains a NUL character (U+0000)")
    first = refused(tmp_path, capsys, OUT + "INSERT INTO snk SELECT\u200b 'a';\n")
    assert first == ("job.sql:2:23: error: unexpected character U+200B (ZERO WIDTH SPACE)")


# ------------------------------------------------------------------ nesting


def _nest(open_: str, inner: str, close: str, times: int) -> str:
    return open_ * times + inner + close * times


DEEP = {
    "parentheses": _nest("(", "a", ")", 10_000),
    "NOT": "CASE WHEN " + "NOT " * 5_000 + "a > 1 THEN 'y' END",
    "signs": "- " * 3_000 + "a",
    "CASE": _nest("CASE WHEN a > 1 THEN ", "b", " END", 1_000),
    "functions": _nest("UPPER(", "b", ")", 1_000),
    "CAST": _nest("CAST(", "b", " AS STRING)", 1_000),
    "arithmetic chain": " + ".join(["a"] * 5_000),
    "comparison chain": " = ".join(["a"] * 1_000),
}


@pytest.mark.parametrize("expr", DEEP.values(), ids=DEEP.keys())
def test_deep_expressions_are_a_located_error(tmp_path, capsys, expr):
    first = refused(tmp_path, capsys, OUT + DATA + f"INSERT INTO snk SELECT {expr} FROM t;\n")
    assert first.startswith("job.sql:3:")
    assert f"nested too deeply (more than {MAX_DEPTH} levels" in first


def test_deep_queries_and_types_are_a_located_error(tmp_path, capsys):
    subqueries = _nest("(SELECT a FROM ", "t", ") AS s", 300)
    first = refused(tmp_path, capsys, OUT + DATA + f"INSERT INTO snk SELECT a FROM {subqueries};\n")
    assert first.startswith("job.sql:3:") and f"nested too deeply (more than {MAX_DEPTH}" in first
    joins = " ".join(f"JOIN t AS t{i} ON t{i}.a = t0.a" for i in range(1, 300))
    first = refused(
        tmp_path, capsys, OUT + DATA + f"INSERT INTO snk SELECT b FROM t AS t0 {joins};\n"
    )
    assert "too many joins in a row" in first
    unions = " ".join(f"UNION{' ALL' * (i % 2)} SELECT 'x'" for i in range(300))
    first = refused(tmp_path, capsys, OUT + f"INSERT INTO snk SELECT 'x' {unions};\n")
    assert first.startswith("job.sql:2:") and "query nested too deeply" in first
    array = _nest("ARRAY<", "INT", ">", 500)
    first = refused(
        tmp_path, capsys, f"CREATE TABLE deep (x {array}) WITH ('connector' = 'print');\n"
    )
    assert first.startswith("job.sql:1:") and "type nested too deeply" in first


def test_flat_chains_of_thousands_of_terms_check_and_run(tmp_path, capsys):
    ors = " OR ".join(f"a = {i}" for i in range(5_000))
    ands = " AND ".join(f"a <> {i}" for i in range(4, 5_004))
    concat = " || ".join(["b"] * 2_000)
    in_list = ", ".join(str(i) for i in range(2, 5_002))
    sql = (
        OUT
        + DATA
        + (
            f"INSERT INTO snk SELECT b FROM t WHERE ({ors}) AND ({ands});\n"
            f"INSERT INTO snk SELECT CAST(CHAR_LENGTH({concat}) AS STRING) FROM t "
            "WHERE a = 1;\n"
            f"INSERT INTO snk SELECT b FROM t WHERE a NOT IN ({in_list});\n"
        )
    )
    assert runs(tmp_path, capsys, sql) == ["+I[x]", "+I[y]", "+I[z]", "+I[2000]", "+I[x]"]


def test_a_case_of_thousands_of_branches_runs_and_the_first_match_wins(tmp_path, capsys):
    whens = " ".join(f"WHEN a < {i} THEN 'w{i}'" for i in range(1, 3_001))
    sql = (
        OUT + "CREATE VIEW t (a) AS VALUES (0), (1), (2998), (5000), (CAST(NULL AS INT));\n"
        f"INSERT INTO snk SELECT CASE {whens} ELSE 'none' END FROM t;\n"
    )
    assert runs(tmp_path, capsys, sql) == ["+I[w1]", "+I[w2]", "+I[w2999]", "+I[none]", "+I[none]"]


def test_two_thousand_union_branches_and_a_chain_of_views_check_and_run(tmp_path, capsys):
    unions = " UNION ALL ".join(f"SELECT 'v{i}'" for i in range(2_000))
    views = ["CREATE VIEW v0 AS SELECT 1 AS n;"] + [
        f"CREATE VIEW v{i} AS SELECT n + 1 AS n FROM v{i - 1};" for i in range(1, 400)
    ]
    sql = (
        OUT
        + "\n".join(views)
        + (f"\nINSERT INTO snk {unions};\nINSERT INTO snk SELECT CAST(n AS STRING) FROM v399;\n")
    )
    rows = runs(tmp_path, capsys, sql)
    assert rows[:2] == ["+I[v0]", "+I[v1]"] and rows[1999:] == ["+I[v1999]", "+I[400]"]


def test_flat_chains_load_and_materialize_as_dagster_assets(tmp_path):
    ors = " OR ".join(f"a = {i}" for i in range(5_000))
    unions = " UNION ALL ".join(f"SELECT 'u{i}' AS b" for i in range(2_000))
    write(
        tmp_path,
        OUT + DATA + f"CREATE VIEW pick AS SELECT b FROM t WHERE {ors};\n"
        f"CREATE VIEW many AS {unions};\n"
        "INSERT INTO snk SELECT b FROM pick UNION ALL SELECT b FROM many;\n",
    )
    defs = build_definitions(tmp_path)
    assert dg.Definitions.validate_loadable(defs) is None
    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def("job_job").execute_in_process(instance=instance)
        assert result.success
    (materialization,) = result.asset_materializations_for_node("snk")
    assert materialization.metadata["dagster/row_count"].value == 2_003


def _deep_stack(frames: int, work):
    return work() if frames <= 0 else _deep_stack(frames - 1, work)


AT_THE_LIMIT = {
    "subqueries": lambda n: (
        "SELECT CAST(a AS STRING) FROM "
        + _nest(
            "(SELECT DISTINCT a FROM ",
            "t",
            " WHERE a > 0 GROUP BY a HAVING COUNT(*) > 0 ORDER BY a LIMIT 5) AS s",
            n,
        )
    ),
    "functions over an aggregate": lambda n: (
        "SELECT CAST(" + _nest("ABS(", "SUM(a)", ")", n) + " AS STRING) FROM t GROUP BY b"
    ),
    "CASE": lambda n: "SELECT " + _nest("CASE WHEN a > 1 THEN ", "b", " END", n) + " FROM t",
}


def _deepest_accepted(make) -> str:
    """The file nesting `make(n)` as deep as the parser accepts."""
    for n in range(MAX_DEPTH, 0, -1):
        source = OUT + DATA + f"INSERT INTO snk {make(n)};\n"
        try:
            parse_script(source)
            return source
        except SqlError:
            continue
    raise AssertionError("nothing accepted")


@pytest.mark.parametrize("make", AT_THE_LIMIT.values(), ids=AT_THE_LIMIT.keys())
def test_what_the_parser_accepts_plans_and_runs_with_the_stack_already_deep(make):
    """Python allows 1000 frames; Dagster or pytest take some before us. At the nesting limit,
    planning and running must leave room for 400 more."""
    source = _deepest_accepted(make)

    def work():
        project = load_source(source, "deep.sql")
        views = project.views

        def resolve(name):
            return Executor(resolve, None).run(views[name]).lazy()

        return Executor(resolve, None).run(project.inserts[0].query)

    assert _deep_stack(400, work).height >= 1


# ------------------------------------------------------------------ numbers


def test_a_5000_digit_literal_is_out_of_range_as_in_flink(tmp_path, capsys):
    first = refused(tmp_path, capsys, OUT + f"INSERT INTO snk SELECT {'1' * 5_000};\n")
    assert first == (
        "job.sql:2:24: error: Numeric literal '111111111111111111111111... (5000 "
        "characters)' out of range: an integer must fit in BIGINT "
        "(-9223372036854775808 to 9223372036854775807)"
    )


@pytest.mark.parametrize(
    "literal, message",
    [
        ("9223372036854775808", "Numeric literal '9223372036854775808' out of range"),
        ("1.1111111111111111111111", "an exact decimal has at most 19 digits"),
        ("0." + "0" * 40 + "1", "Decimal scale must be between 0 and the precision 38"),
        ("1e400", "Numeric literal '1e400' out of range: it is beyond DOUBLE"),
    ],
)
def test_number_literals_follow_flinks_ranges(tmp_path, capsys, literal, message):
    first = refused(tmp_path, capsys, OUT + f"INSERT INTO snk SELECT CAST({literal} AS STRING);\n")
    assert first.startswith("job.sql:2:29: error: ") and message in first


def test_the_extremes_of_bigint_still_work(tmp_path, capsys):
    sql = OUT + (
        "INSERT INTO snk SELECT CAST(-9223372036854775808 AS STRING);\n"
        "INSERT INTO snk SELECT CAST(9223372036854775807 AS STRING);\n"
    )
    assert runs(tmp_path, capsys, sql) == ["+I[-9223372036854775808]", "+I[9223372036854775807]"]


def test_a_limit_beyond_an_int_is_a_located_error(tmp_path, capsys):
    first = refused(
        tmp_path,
        capsys,
        OUT + DATA + "INSERT INTO snk SELECT b FROM t LIMIT 99999999999999999999;\n",
    )
    assert first.startswith(
        "job.sql:3:39: error: LIMIT 99999999999999999999 is out of range: at most 2147483647"
    )
    first = refused(
        tmp_path, capsys, "CREATE TABLE s (x VARCHAR(99999999999)) WITH ('connector' = 'print');\n"
    )
    assert first.startswith("job.sql:1:27: error: type parameter 99999999999 is out of range")


# ------------------------------------------------------------------ SET


@pytest.mark.parametrize(
    "key, value",
    [
        ("table.exec.async-ml-predict.max-concurrent-operations", "lots"),
        ("table.exec.async-ml-predict.timeout", "soon"),
        ("check.accuracy.min", "nan"),
    ],
)
def test_an_invalid_set_value_is_located_even_with_ml_predict(tmp_path, capsys, key, value):
    sql = (
        f"SET '{key}' = '{value}';\n"
        + CHAT_MODEL
        + OUT
        + DATA
        + "INSERT INTO snk SELECT content FROM ML_PREDICT(TABLE t, MODEL m, DESCRIPTOR(b));\n"
    )
    first = refused(tmp_path, capsys, sql)
    assert first.startswith(f"job.sql:1:{len(key) + 10}: error: invalid value for '{key}'")


# ------------------------------------------------------------------ Dagster names


def test_names_dagster_cannot_take_are_mapped_and_run(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    write(
        folder,
        OUT + "CREATE VIEW `视图` (a, b) AS VALUES (1, '好'), (2, '坏');\n"
        "CREATE VIEW `input` AS SELECT * FROM `视图` WHERE a > 1;\n"
        "CREATE TABLE `type` (x STRING) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO snk SELECT b FROM `input`;\n"
        "INSERT INTO `type` SELECT b FROM `视图`;\n",
        "评论-job.sql",
    )
    defs = build_definitions(folder)
    assert dg.Definitions.validate_loadable(defs) is None
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert keys == {"u89c6_u56fe", "input_", "snk", "type_"}
    job = defs.resolve_job_def("u8bc4_u8bba_job_job")  # the file 评论-job.sql's job
    with dg.instance_for_test() as instance:
        assert job.execute_in_process(instance=instance).success


def test_a_model_and_prediction_columns_dagster_cannot_name_are_mapped_too(tmp_path):
    model = CHAT_MODEL.replace("CREATE MODEL m", "CREATE MODEL `情感`")
    write(
        tmp_path,
        model + "CREATE VIEW `评论` (`文本`) AS VALUES ('好极了'), ('太差');\n"
        "CREATE TABLE `结果` (`文本` STRING, `预测` STRING) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO `结果` SELECT `文本`, content FROM ML_PREDICT(TABLE `评论`, MODEL `情感`, "
        "DESCRIPTOR(`文本`));\n",
    )
    defs = build_definitions(tmp_path)
    assert dg.Definitions.validate_loadable(defs) is None
    assert "model_u60c5_u611f" in defs.resources
    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def("job_job").execute_in_process(instance=instance)
    assert result.success
    checks = {e.check_name for e in result.get_asset_check_evaluations()}
    assert checks == {"no_rows_lost", "u9884_u6d4b_in_label_set"}


def test_names_that_would_clash_in_dagster_are_a_located_error_naming_both(tmp_path, capsys):
    sql = (
        OUT
        + DATA
        + (
            "CREATE VIEW `a-b` AS SELECT * FROM t;\n"
            "CREATE VIEW a_b AS SELECT * FROM t;\n"
            "INSERT INTO snk SELECT b FROM a_b;\n"
        )
    )
    first = refused(tmp_path, capsys, sql)
    assert first == (
        "job.sql:4:13: error: view 'a_b' and view 'a-b' (at job.sql:3:13) would "
        "both be the Dagster asset 'a_b', since Dagster names hold only letters, "
        "digits and _: rename one of them"
    )
    with pytest.raises(SqlError, match="would both be the Dagster asset 'a_b'"):
        build_definitions(tmp_path)


def test_file_names_that_would_clash_in_dagster_are_an_error(tmp_path, capsys):
    write(tmp_path, OUT, "my-job.sql")
    write(tmp_path, "CREATE VIEW v AS SELECT 1 AS x;\n", "my_job.sql")
    code, err = check(tmp_path, capsys)
    assert code == 1
    assert (
        "my_job.sql: error: file 'my_job.sql' and file 'my-job.sql' (at my-job.sql) would "
        "both be the Dagster group and job 'my_job'" in err
    )


def test_a_sink_that_reads_itself_is_a_located_error(tmp_path, capsys):
    """Flink 2.3 runs INSERT INTO t ... FROM t on a filesystem table (appending); as assets it
    is a cycle Dagster cannot load, so all three refuse it where it is written."""
    (tmp_path / "data").mkdir()
    table = (
        "CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', "
        "'path' = 'data', 'format' = 'csv');\n"
    )
    first = refused(tmp_path, capsys, table + "INSERT INTO t SELECT id + 1, name FROM t;\n")
    assert first == (
        "job.sql:2:13: error: INSERT INTO t reads t itself (t -> t): a sink is an "
        "asset, and an asset cannot depend on itself; write the result to another "
        "table"
    )
    first = refused(
        tmp_path,
        capsys,
        table + "CREATE VIEW v AS SELECT * FROM t;\nINSERT INTO t SELECT * FROM v;\n",
    )
    assert "INSERT INTO t reads t itself (t -> v -> t)" in first
    with pytest.raises(SqlError, match="reads t itself"):
        build_definitions(tmp_path)


def test_the_mapping_avoids_every_name_dagster_reserves():
    from dagster._core.definitions.utils import DISALLOWED_NAMES

    assert DISALLOWED_NAMES <= names.RESERVED
    for name in ["视图", "a-b", "input", "my file", "é", "class", "1x"]:
        assert dg._core.definitions.utils.is_valid_name(names.dagster_name(name))


# ------------------------------------------------------------------ pipes, FIFOs, size


def _job_with_two_sinks(tmp_path: Path) -> Path:
    (tmp_path / "files").mkdir()
    rows = ", ".join(f"({i})" for i in range(5_000))
    return write(
        tmp_path,
        OUT + f"CREATE VIEW n (i) AS VALUES {rows};\n"
        "CREATE TABLE copy (x STRING) WITH ('connector' = 'filesystem', 'path' = "
        "'files', 'format' = 'csv');\n"
        "INSERT INTO snk SELECT 'row number ' || CAST(i AS STRING) FROM n;\n"
        "INSERT INTO copy SELECT CAST(i AS STRING) FROM n;\n",
    )


def test_run_into_head_exits_quietly_and_still_writes_the_other_sinks(tmp_path):
    job = _job_with_two_sinks(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "bailian_assets.cli", "run", str(job)],
        cwd=tmp_path,
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    head = [process.stdout.readline(), process.stdout.readline()]
    process.stdout.close()  # as `| head -2` does
    err = process.stderr.read()
    assert process.wait(timeout=120) == 0, err
    assert head == ["+I[row number 0]\n", "+I[row number 1]\n"]
    assert "Traceback" not in err and "Exception ignored" not in err and "Broken" not in err
    written = (tmp_path / "files").glob("*.csv")
    assert sum(len(f.read_text().splitlines()) for f in written) == 5_000


def test_rows_and_log_lines_keep_their_order_in_one_file(tmp_path):
    """Rows go out in blocks to a file, flushed before each log line: `> out 2>&1` reads as a
    terminal shows it."""
    job = write(
        tmp_path,
        OUT + "CREATE VIEW n (i) AS VALUES (1), (2), (3);\n"
        "INSERT INTO snk SELECT 'first ' || CAST(i AS STRING) FROM n;\n"
        "INSERT INTO snk SELECT 'second ' || CAST(i AS STRING) FROM n;\n",
    )
    with open(tmp_path / "out.txt", "w") as out:
        subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", "run", str(job)],
            cwd=tmp_path,
            env=clean_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
            check=True,
        )
    lines = (tmp_path / "out.txt").read_text().splitlines()
    shown = [line.split(": ", 1)[-1] if " INFO " in line else line for line in lines]
    assert shown == [
        "INSERT INTO snk (job.sql:3): 3 rows",
        *(f"+I[first {i}]" for i in (1, 2, 3)),
        "INSERT INTO snk (job.sql:4): 3 rows",
        *(f"+I[second {i}]" for i in (1, 2, 3)),
    ]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_output_is_a_clear_error_not_a_traceback(tmp_path):
    job = _job_with_two_sinks(tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", "run", str(job)],
            cwd=tmp_path,
            env=clean_env(),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert "error: cannot write the print-sink rows to <stdout>: No space left" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_fifos_are_skipped_in_folders_and_refused_by_name(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    write(folder, "CREATE VIEW v AS SELECT 1 AS x;\n", "good.sql")
    os.mkfifo(folder / "pipe.sql")
    (folder / "folder.sql").mkdir()
    os.mkfifo(tmp_path / "lone.sql")

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", *args],
            cwd=tmp_path,
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )

    checked = cli("check", "sql", "lone.sql")
    assert checked.returncode == 2
    assert checked.stderr.splitlines() == [
        "lone.sql: error: cannot read the file: it is a FIFO, not a regular file",
        "1 error",
    ]
    ran = cli("run", "lone.sql")
    assert ran.returncode == 2 and ran.stderr.startswith("lone.sql: error: cannot read the file")


def test_a_file_over_the_size_limit_is_refused_by_name(tmp_path, capsys):
    rows = "(1, 'data'),\n" * (MAX_SQL_BYTES // 12 + 1)
    first = refused(tmp_path, capsys, f"CREATE VIEW v AS VALUES {rows}(1, 'x');\n", exit_code=2)
    size = (tmp_path / "job.sql").stat().st_size / 2**20
    assert first == (
        f"job.sql: error: the file is {size:.1f} MiB; a SQL file may be at most "
        f"{MAX_SQL_BYTES // 2**20} MiB. Put data in files that a table with "
        "'connector' = 'filesystem' reads, not in VALUES"
    )


def test_large_values_lists_keep_their_values_and_types(tmp_path, capsys):
    rows = ", ".join(
        f"({i}, 'n{i}', {i}.5, {'TRUE' if i % 2 else 'CAST(NULL AS BOOLEAN)'})"
        for i in range(5_000)
    )
    sql = (
        "CREATE TEMPORARY TABLE sums (n BIGINT, total BIGINT, half DOUBLE, names BIGINT, "
        "odd BIGINT) WITH ('connector' = 'print');\n"
        f"CREATE VIEW big (i, s, d, b) AS VALUES {rows};\n"
        "INSERT INTO sums SELECT COUNT(*), SUM(i), SUM(d), COUNT(DISTINCT s), COUNT(b) "
        "FROM big;\n"
    )
    assert runs(tmp_path, capsys, sql) == ["+I[5000, 12497500, 1.25E7, 5000, 2500]"]


# ------------------------------------------------------------------ the Dagster command line


def test_dagster_loads_hostile_names_and_reports_hostile_sql_without_a_traceback(tmp_path):
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    write(
        good,
        OUT + "CREATE VIEW `视图` AS SELECT 'x' AS b;\nINSERT INTO snk SELECT b FROM `视图`;\n",
        "评论.sql",
    )
    write(bad, OUT + DATA + "CREATE VIEW `a-b` AS SELECT * FROM t;\n", "one.sql")
    write(
        bad,
        "CREATE VIEW a_b AS SELECT 1 AS x;\n"
        f"CREATE VIEW deep AS SELECT {_nest('(', 'b', ')', 10_000)} FROM t;\n",
        "two.sql",
    )
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")

    def validate(folder):
        return subprocess.run(
            [dagster, "definitions", "validate", "-m", "defs"],
            cwd=ROOT,
            env=clean_env(
                BAILIAN_SQL_DIR=str(folder), PATH=os.environ["PATH"], DAGSTER_HOME=str(tmp_path)
            ),
            capture_output=True,
            text=True,
            timeout=300,
        )

    loaded = validate(good)
    assert loaded.returncode == 0, loaded.stderr
    refused_ = validate(bad)
    assert refused_.returncode != 0
    assert "two.sql:2:" in refused_.stderr and "nested too deeply" in refused_.stderr
    assert "Traceback" not in refused_.stderr
    # a file whose syntax is broken is not planned: fixed, it shows its other problems
    write(bad, "CREATE VIEW a_b AS SELECT 1 AS x;\n", "two.sql")
    refused_ = validate(bad)
    assert refused_.returncode != 0
    assert "two.sql:1:13: error: view 'a_b' and view 'a-b' (at one.sql:3:13)" in refused_.stderr
    assert "Traceback" not in refused_.stderr
