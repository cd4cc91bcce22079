"""TEMPORARY tables and views belong to their file, as in Flink, where each file is a job with a
session of its own: two files may each declare `CREATE TEMPORARY VIEW movie_comment`, each file
reads its own, and each is an asset of its own (`<file>__<name>`). Permanent names stay global:
a clash of two permanent ones names both files."""

from pathlib import Path

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_project
from conftest import printed_by_table


def view_file(folder: Path, name: str, value: str, temporary: str = "TEMPORARY") -> Path:
    path = folder / f"{name}.sql"
    path.write_text(
        f"CREATE {temporary} VIEW movie_comment AS "
        f"SELECT * FROM (VALUES (1, '{value}')) AS t(id, c);\n"
        f"CREATE TEMPORARY TABLE out_{name} (id INT, c STRING) WITH ('connector' = 'print');\n"
        f"INSERT INTO out_{name} SELECT id, c FROM movie_comment;\n",
        encoding="utf-8",
    )
    return path


def printed(paths: list[Path]) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for table, line in printed_by_table(load_project(paths, environ={}))[0]:
        lines.setdefault(table, []).append(line)
    return lines


def test_two_files_each_read_their_own_temporary_view(tmp_path):
    paths = [view_file(tmp_path, name, name.upper()) for name in ("a", "b", "c")]
    project = load_project(paths, environ={})
    assert {"a__movie_comment", "b__movie_comment", "c__movie_comment"} <= set(
        project.catalog.views
    )
    assert "movie_comment" not in project.catalog.views
    assert printed(paths) == {
        "out_a": ["+I[1, A]"],
        "out_b": ["+I[1, B]"],
        "out_c": ["+I[1, C]"],
    }


def test_another_file_does_not_see_a_name_two_files_keep_to_themselves(tmp_path):
    paths = [view_file(tmp_path, "a", "A"), view_file(tmp_path, "b", "B")]
    reader = tmp_path / "reader.sql"
    reader.write_text(
        "CREATE TEMPORARY TABLE out_r (id INT, c STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO out_r SELECT id, c FROM movie_comment;\n",
        encoding="utf-8",
    )
    with pytest.raises(SqlError) as caught:
        load_project([*paths, reader], environ={})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path.endswith("reader.sql") and diagnostic.position.line == 2
    assert "declared TEMPORARY in several other files" in diagnostic.message
    assert "__movie_comment" not in diagnostic.message  # no other file's own key suggested


def test_a_clash_of_two_permanent_views_names_both_files(tmp_path):
    paths = [view_file(tmp_path, name, name, temporary="") for name in ("a", "b")]
    with pytest.raises(SqlError) as caught:
        load_project(paths, environ={})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path.endswith("b.sql")
    assert "already exists" in diagnostic.message and "a.sql:1:" in diagnostic.message


def test_temporary_views_of_two_files_are_two_dagster_assets(tmp_path):
    from bailian_assets.integration import build_definitions

    for name in ("a", "b"):
        view_file(tmp_path, name, name.upper())
    defs = build_definitions(tmp_path, environ={})
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"a__movie_comment", "b__movie_comment", "out_a", "out_b"} <= keys
    assert "movie_comment" not in keys
