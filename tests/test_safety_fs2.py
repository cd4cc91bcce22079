"""The filesystem sink and the front end under a second hostile review: partition column names
that are paths, links where the tool's own files should be, another project's table of the
same name, OS path errors, files that only look like leftovers, overlapping sinks, partitioned
sources into other sinks, secrets in connector options."""

import json
import os
from pathlib import Path

import polars as pl
import pytest

from bailian_assets.cli import main
from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.executor import table_folder
from bailian_assets.executor.filesystem import read_table, write_table
from bailian_assets.planning.project import load_project


def load(folder: Path, sql: str, name: str = "t.sql", environ=None):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(sql)
    return load_project([folder / name], environ=environ or {}, display_root=folder)


def table_sql(
    path: str,
    columns: str = "id BIGINT, label STRING",
    name: str = "t",
    partitioned: str = "",
    fmt: str = "parquet",
) -> str:
    return (
        f"CREATE TABLE {name} ({columns}) {partitioned} WITH ('connector' = 'filesystem', "
        f"'path' = '{path}', 'format' = '{fmt}');\n"
    )


def everything(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def diagnostics(caught) -> list[str]:
    return [d.format() for d in caught.value.diagnostics]


# ------------------------------------------------------------------ 1. partition column names


@pytest.mark.parametrize(
    "column", ["/tmp/hx/abs", "up/../../../escaped", "dt/hour", "a=b", "%2F", "a.."]
)
def test_a_partition_column_name_never_leaves_the_table_folder(tmp_path, column):
    t = load(
        tmp_path / "sql",
        table_sql(
            "../out", f"id BIGINT, `{column}` STRING", partitioned=f"PARTITIONED BY (`{column}`)"
        ),
    ).tables["t"]
    write_table(t, pl.DataFrame({"id": [1, 2], column: ["v1", "a/b"]}))
    out = tmp_path / "out"
    assert {p.parent for p in out.rglob("part-0.parquet")} <= {out / d for d in os.listdir(out)}
    assert not any("/" in name for name in os.listdir(out))
    assert table_folder.LEFTOVER not in "".join(everything(tmp_path))
    assert sorted(read_table(t).rows()) == [(1, "v1"), (2, "a/b")]  # read back unescaped


def test_a_hidden_or_overlong_partition_column_is_refused_at_check_time(tmp_path):
    long = "c" * 240
    sql = table_sql(
        "../out",
        "id BIGINT, `../../../escaped` STRING",
        partitioned="PARTITIONED BY (`../../../escaped`)",
    ) + table_sql(
        "../out2", f"id BIGINT, `{long}` STRING", name="u", partitioned=f"PARTITIONED BY (`{long}`)"
    )
    with pytest.raises(SqlError) as caught:
        load(tmp_path / "sql", sql)
    shown = diagnostics(caught)
    assert shown[0].startswith(
        "t.sql:1:14: error: partition column `../../../escaped` of "
        "table 't' starts with '.': its folders would be hidden"
    )
    assert shown[1].startswith("t.sql:2:14: error: partition column `cccc")
    assert "is too long: its folder names would be 262 bytes or more" in shown[1]


def test_a_partition_value_too_long_for_a_folder_name_is_a_clear_error(tmp_path):
    t = load(
        tmp_path / "sql",
        table_sql("../out", "id BIGINT, dt STRING", partitioned="PARTITIONED BY (dt)"),
    ).tables["t"]
    write_table(t, pl.DataFrame({"id": [1], "dt": ["ok"]}))
    with pytest.raises(
        ExecutionError,
        match=r"table 't' \(declared at t.sql:1\): cannot write "
        r"the partition folder 'dt=xxxx.*\.\.\.': it is "
        r"403 bytes long",
    ):
        write_table(t, pl.DataFrame({"id": [1, 2], "dt": ["ok", "x" * 400]}))
    assert read_table(t).rows() == [(1, "ok")]  # nothing written: every check comes first
    assert table_folder.LEFTOVER not in "".join(everything(tmp_path / "out"))


# ------------------------------------------------------------------ 2. links to foreign files


def written_table(tmp_path):
    t = load(tmp_path / "sql", table_sql("../out")).tables["t"]
    write_table(t, pl.DataFrame({"id": [1], "label": ["a"]}))
    return t, tmp_path / "out"


@pytest.mark.parametrize("how", ["symlink", "hardlink"])
@pytest.mark.parametrize(
    "name", [table_folder.LOCK, table_folder.MARKER, table_folder.MANIFEST, table_folder.JOURNAL]
)
def test_the_tools_own_files_are_never_written_through_a_link(tmp_path, how, name):
    t, out = written_table(tmp_path)
    foreign = tmp_path / "precious.txt"
    foreign.write_text("keep me\n")
    (out / name).unlink(missing_ok=True)  # the journal exists only while a writer works
    if how == "symlink":
        (out / name).symlink_to(foreign)
    else:
        os.link(foreign, out / name)
    with pytest.raises(ExecutionError, match=r"not this table's|did not write"):
        write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))
    assert foreign.read_text() == "keep me\n"


def test_a_folder_holding_only_a_linked_lock_is_not_empty(tmp_path):
    t = load(tmp_path / "sql", table_sql("../out")).tables["t"]
    foreign = tmp_path / "precious.txt"
    foreign.write_text("keep me\n")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / table_folder.LOCK).symlink_to(foreign)
    with pytest.raises(
        ExecutionError,
        match=r"holds files this table did not write: "
        r"_bailian_lock",
    ):
        write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))
    assert foreign.read_text() == "keep me\n"
    assert everything(tmp_path / "out") == [table_folder.LOCK]


def test_a_lock_file_holding_something_else_is_foreign(tmp_path):
    t = load(tmp_path / "sql", table_sql("../out")).tables["t"]
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / table_folder.LOCK).write_text("my notes\n")
    with pytest.raises(ExecutionError, match="did not write: _bailian_lock"):
        write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))
    assert (tmp_path / "out" / table_folder.LOCK).read_text() == "my notes\n"


# ------------------------------------------------------------------ 3. whose table a folder is


def test_another_projects_table_of_the_same_name_cannot_take_the_folder(tmp_path):
    shared = tmp_path / "shared" / "t"
    a = load(tmp_path / "a", table_sql(str(shared), "k STRING, v STRING"), "job.sql")
    write_table(a.tables["t"], pl.DataFrame({"k": ["x"], "v": ["y"]}))
    b = load(tmp_path / "b", table_sql(str(shared), "id BIGINT"), "job.sql")
    with pytest.raises(ExecutionError) as caught:
        write_table(b.tables["t"], pl.DataFrame({"id": [1]}))
    message = str(caught.value)
    assert (
        f"the folder belongs to table 't' declared at job.sql:1, in {tmp_path}/a/job.sql "
        "with columns (k STRING, v STRING)" in message
    )
    assert f"delete '{shared}' to start afresh" in message
    assert f'set "declared_in" in \'{shared}/_bailian_table\' to "{tmp_path}/b/job.sql"' in message
    assert read_table(a.tables["t"]).rows() == [("x", "y")]
    # taken over on purpose, as the message says
    marker = json.loads((shared / table_folder.MARKER).read_text())
    marker["declared_in"] = str(tmp_path / "b" / "job.sql")
    (shared / table_folder.MARKER).write_text(json.dumps(marker))
    write_table(b.tables["t"], pl.DataFrame({"id": [1]}))  # unpartitioned: replaced whole
    assert read_table(b.tables["t"]).rows() == [(1,)]


def test_a_project_moved_with_its_output_keeps_its_tables(tmp_path):
    old = load(tmp_path / "old" / "sql", table_sql("../out"))
    write_table(old.tables["t"], pl.DataFrame({"id": [1], "label": ["a"]}))
    (tmp_path / "old").rename(tmp_path / "new")
    moved = load_project([tmp_path / "new" / "sql" / "t.sql"], environ={})
    write_table(moved.tables["t"], pl.DataFrame({"id": [2], "label": ["b"]}))
    marker = json.loads((tmp_path / "new" / "out" / table_folder.MARKER).read_text())
    assert marker["declared_in"] == str(tmp_path / "new" / "sql" / "t.sql")


def test_a_moved_project_whose_output_stayed_is_refused_naming_the_way_out(tmp_path):
    out = tmp_path / "data" / "t"
    old = load(tmp_path / "old", table_sql(str(out)))
    write_table(old.tables["t"], pl.DataFrame({"id": [1], "label": ["a"]}))
    (tmp_path / "old").rename(tmp_path / "new")
    moved = load_project([tmp_path / "new" / "t.sql"], environ={})
    with pytest.raises(ExecutionError, match="the project moved, or that file is gone"):
        write_table(moved.tables["t"], pl.DataFrame({"id": [2], "label": ["b"]}))


def test_a_changed_schema_replaces_an_unpartitioned_table_but_not_a_partitioned_one(tmp_path):
    folder = tmp_path / "sql"
    t = load(folder, table_sql("../out")).tables["t"]
    write_table(t, pl.DataFrame({"id": [1], "label": ["a"]}))
    altered = load(folder, table_sql("../out", "id BIGINT, label STRING, n INT")).tables["t"]
    write_table(altered, pl.DataFrame({"id": [2], "label": ["b"], "n": [3]}))
    assert read_table(altered).rows() == [(2, "b", 3)]
    p = load(
        folder, table_sql("../p", "id BIGINT, dt STRING", partitioned="PARTITIONED BY (dt)")
    ).tables["t"]
    write_table(p, pl.DataFrame({"id": [1], "dt": ["d1"]}))
    p2 = load(
        folder, table_sql("../p", "id STRING, dt STRING", partitioned="PARTITIONED BY (dt)")
    ).tables["t"]
    with pytest.raises(
        ExecutionError,
        match=r"holds it with columns \(id BIGINT, dt STRING\), "
        r"and it is now declared with \(id STRING, dt "
        r"STRING\); write it to a new folder",
    ):
        write_table(p2, pl.DataFrame({"id": ["x"], "dt": ["d2"]}))


def test_a_marker_of_the_earlier_version_is_adopted(tmp_path):
    t, out = written_table(tmp_path)
    (out / table_folder.MARKER).write_text(
        json.dumps(
            {"table": "t", "declared_at": "t.sql:1", "format": "parquet", "partitioned_by": []}
        )
    )
    write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))
    assert "declared_in" in json.loads((out / table_folder.MARKER).read_text())


# ------------------------------------------------------------------ 4. OS path errors


def test_a_symlink_loop_or_overlong_name_as_a_path_is_located_at_check_time(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    sql = (
        table_sql(str(tmp_path / "loop" / "t"))
        + table_sql("x" * 300, name="u")
        + "INSERT INTO t VALUES (1, 'a');\nINSERT INTO u VALUES (1, 'a');\n"
    )
    with pytest.raises(SqlError) as caught:
        load(tmp_path / "sql", sql)
    shown = diagnostics(caught)
    # checked where each table is used (its INSERT), as Flink checks a table's options
    assert shown[0].startswith("t.sql:3:") and "(at t.sql:1:" in shown[0]
    assert (
        f"table 't': path '{tmp_path}/loop/t' goes through a file" in shown[0]
        or "symbolic link loop" in shown[0]
    )
    assert "has a part of 300 bytes" in shown[1] and shown[1].startswith("t.sql:4:")


@pytest.mark.parametrize("path", ["/dev/zero", "fifo"])
def test_a_source_that_is_a_device_or_fifo_is_refused_at_check_time(tmp_path, path):
    os.mkfifo(tmp_path / "fifo")
    sql = (
        table_sql(path if path.startswith("/") else str(tmp_path / path), name="s")
        + table_sql("../out")
        + "INSERT INTO t SELECT * FROM s;\n"
    )
    with pytest.raises(SqlError) as caught:
        load(tmp_path / "sql", sql)
    (shown,) = diagnostics(caught)
    kind = "a device" if path.startswith("/") else "a FIFO"
    assert shown.startswith("t.sql:3:")  # where it is read, as Flink checks a table's options
    assert "(at t.sql:1:" in shown and f"is {kind}, not a folder or file of data" in shown


def test_check_and_run_report_path_errors_without_a_traceback(tmp_path, capsys):
    folder = tmp_path / "sql"
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    folder.mkdir()
    (folder / "t.sql").write_text(
        table_sql(str(tmp_path / "loop")) + "INSERT INTO t VALUES (1, 'a');\n"
    )
    assert main(["check", str(folder / "t.sql")]) == 1
    assert main(["run", str(folder / "t.sql")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "symbolic link loop" in err


def test_a_broken_link_as_a_sink_path_is_named_as_one(tmp_path):
    (tmp_path / "out").symlink_to(tmp_path / "nowhere")
    with pytest.raises(SqlError) as caught:
        load(tmp_path / "sql", table_sql("../out") + "INSERT INTO t VALUES (1, 'a');\n")
    assert "it is a broken symbolic link (to" in diagnostics(caught)[0]
    t = load(tmp_path / "sql", table_sql("../out")).tables["t"]  # not a sink: not checked
    with pytest.raises(ExecutionError, match="is a broken symbolic link"):
        write_table(t, pl.DataFrame({"id": [1], "label": ["a"]}))


# ------------------------------------------------------------------ 5. leftovers


def test_files_that_only_look_like_leftovers_are_foreign(tmp_path):
    t, out = written_table(tmp_path)
    (out / "._bailian.notes").write_text("mine")
    (out / "._bailian.tmp.0123456789abcdef0123456789abcdef.x").write_text("also mine")
    write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))  # hidden: left alone
    assert (out / "._bailian.notes").read_text() == "mine"
    assert (out / "._bailian.tmp.0123456789abcdef0123456789abcdef.x").read_text() == "also mine"
    assert read_table(t).rows() == [(2, "b")]
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "._bailian.x").write_text("AppleDouble")
    u = load(tmp_path / "sql", table_sql("../fresh", name="u")).tables["u"]
    with pytest.raises(ExecutionError, match=r"did not write: \._bailian\.x"):
        write_table(u, pl.DataFrame({"id": [1], "label": ["a"]}))
    assert (fresh / "._bailian.x").read_text() == "AppleDouble"


def test_a_failed_write_leaves_no_leftover(tmp_path, monkeypatch):
    t, out = written_table(tmp_path)

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", fail)
    with pytest.raises(ExecutionError, match="No space left on device"):
        write_table(t, pl.DataFrame({"id": [2], "label": ["b"]}))
    assert table_folder.LEFTOVER not in "".join(everything(out))
    assert read_table(t).rows() == [(1, "a")]


# ------------------------------------------------------------------ 6. overlapping tables


@pytest.mark.parametrize(
    "second, relation",
    [
        ("./out//x/", "the same folder as sink 't'"),
        ("out/x/nested", "inside the folder of sink 't'"),
        ("out", "a folder holding the folder of sink 't'"),
    ],
)
def test_two_sinks_on_one_folder_or_nested_are_refused_at_check_time(tmp_path, second, relation):
    sql = (
        table_sql("out/x")
        + table_sql(second, name="u")
        + "INSERT INTO t VALUES (1, 'a');\nINSERT INTO u VALUES (2, 'b');\n"
    )
    with pytest.raises(SqlError) as caught:
        load(tmp_path / "sql", sql)
    (shown,) = diagnostics(caught)
    column = sql.splitlines()[1].index(f"'{second}'") + 1
    assert shown.startswith(
        f"t.sql:2:{column}: error: sink 'u' writes to '{tmp_path}/sql/"
        f"{Path(second)}', {relation} (declared at t.sql:1, path "
    )
    assert not (tmp_path / "sql" / "out").exists()


def test_a_source_overlapping_another_tables_sink_is_refused_in_either_file(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "a.sql").write_text(table_sql("../out/x") + "INSERT INTO t VALUES (1, 'a');\n")
    (folder / "b.sql").write_text(
        table_sql("../out/x", name="s") + "CREATE TABLE p (id BIGINT, label STRING) WITH "
        "('connector' = 'print');\nINSERT INTO p SELECT * FROM s;\n"
    )
    with pytest.raises(SqlError) as caught:
        load_project([folder], environ={}, display_root=folder)
    (shown,) = diagnostics(caught)
    assert (
        shown.startswith("b.sql:1:")
        and "source 's' reads" in shown
        and "the same folder as sink 't' (declared at a.sql:1" in shown
    )
    assert "read that table by its name" in shown


def test_tables_side_by_side_and_two_sources_on_one_folder_pass(tmp_path):
    sql = (
        table_sql("out/x")
        + table_sql("out/xy", name="u")
        + table_sql("in", name="s1")
        + table_sql("in", name="s2")
        + "INSERT INTO t SELECT * FROM s1;\n"
        "INSERT INTO u SELECT * FROM s2;\n"
    )
    load(tmp_path / "sql", sql)


# ------------------------------------------------------------------ 7. partitioned sources


DAILY = (
    "CREATE TABLE src (id BIGINT, txt STRING, dt STRING) PARTITIONED BY (dt) WITH ("
    "'connector' = 'filesystem', 'path' = 'data', 'format' = 'json');\n"
)


def test_a_partitioned_source_through_a_view_into_a_sink_is_checked_in_planning(tmp_path, capsys):
    from bailian_assets.planning.partitioned_sinks import column_source, tables_read

    sql = (
        DAILY
        + "CREATE VIEW v AS SELECT id, CAST(dt AS STRING) AS `day` FROM src;\n"
        + table_sql(
            "out", "id BIGINT, `day` STRING", name="good", partitioned="PARTITIONED BY (`day`)"
        )
        + table_sql("out2", "id BIGINT, `day` STRING", name="bad")
        + "INSERT INTO good SELECT id, `day` FROM v;\nINSERT INTO bad SELECT id, `day` FROM v;\n"
    )
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "job.sql").write_text(sql)
    assert main(["check", str(folder / "job.sql")]) == 1
    err = capsys.readouterr().err
    assert err.count("error:") == 1 and "job.sql:6:1: error: sink 'bad' (declared at " in err
    assert "job.sql:4) is not partitioned, but this INSERT reads table 'src'" in err
    project = load(folder, sql.replace("INSERT INTO bad SELECT id, `day` FROM v;\n", ""), "job.sql")
    (insert,) = project.inserts
    assert tables_read(project.views, [insert.query]) == ["src"]
    index = insert.query.names.index("day")
    assert column_source(
        project.views, insert.query.root, insert.query.root.fields[index].column
    ) == ("src", "dt")


# ------------------------------------------------------------------ 8. secrets in table options


@pytest.mark.parametrize("option", ["path", "print-identifier"])
def test_a_secret_in_a_connector_option_is_refused_and_never_shown(
    tmp_path, capsys, option, monkeypatch
):
    secret = "s3cr3t-Value-77"
    if option == "path":
        table = (
            "CREATE TABLE t (id BIGINT) WITH ('connector' = 'filesystem', "
            "'path' = 'out/${secret_values.x}', 'format' = 'json');\n"
        )
    else:
        table = (
            "CREATE TABLE t (id BIGINT) WITH ('connector' = 'print', "
            "'print-identifier' = '${secret_values.x}');\n"
        )
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "job.sql").write_text(table + "INSERT INTO t VALUES (1);\n")
    with pytest.raises(SqlError) as caught:
        load_project([folder / "job.sql"], environ={"X": secret}, display_root=folder)
    (shown,) = diagnostics(caught)
    assert shown.startswith("job.sql:2:")  # where it is used, as Flink checks options
    assert f"option '{option}' of table 't'" in shown
    assert "cannot hold secrets" in shown and secret not in shown
    monkeypatch.setenv("X", secret)
    assert main(["run", str(folder / "job.sql")]) == 1
    captured = capsys.readouterr()
    assert secret not in captured.out + captured.err
    assert not (folder / "out").exists()


# ------------------------------------------------------------------ 9. small things


def test_a_missing_sql_folder_is_named(tmp_path):
    missing = tmp_path / "no" / "sql"
    with pytest.raises(SqlError) as caught:
        load_project([missing], environ={}, display_root=missing)
    (shown,) = diagnostics(caught)
    assert f"cannot read '{missing}': No such file or directory" in shown


def test_an_open_range_says_at_least(tmp_path):
    from bailian_assets.planning.options import integer, number

    with pytest.raises(ValueError, match=r"expected a number of at least 0.1, got 0"):
        number(0.1)("0")
    with pytest.raises(ValueError, match=r"expected an integer of at least 1, got 0"):
        integer(1)("0")
    with pytest.raises(ValueError, match=r"expected an integer in \[1, 25\], got 30"):
        integer(1, 25)("30")


def test_a_long_view_name_materializes_in_dagster(tmp_path):
    import dagster as dg

    from bailian_assets.integration import build_definitions
    from bailian_assets.planning.names import dagster_name

    name, chinese = "v" * 300, "视" * 60
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "job.sql").write_text(
        f"CREATE VIEW {name} (id) AS VALUES (1);\nCREATE VIEW {chinese} AS SELECT id FROM "
        f"{name};\nCREATE TABLE p (id INT) WITH ('connector' = 'blackhole');\n"
        f"INSERT INTO p SELECT id FROM {chinese};\n"
    )
    assert len(dagster_name(name)) == 120 and dagster_name(name) != dagster_name("v" * 301)
    with dg.instance_for_test() as instance:
        result = (
            build_definitions(folder)
            .resolve_implicit_global_asset_job_def()
            .execute_in_process(instance=instance, raise_on_error=False)
        )
    assert result.success
