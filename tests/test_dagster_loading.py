"""Who loads the code location is told by Dagster's load context (integration/loading.py), not
by the command line: a code server leaves a broken SQL file out and so do the runs it launches;
`dg launch`, `dg check defs` and plain Python fail with the located report. Loaded here through
Dagster's own initial-load and reconstruction functions, as its code server and run workers do."""

import shutil

import pytest
from dagster._core.code_pointer import CodePointer
from dagster._core.definitions.definitions_load_context import DefinitionsLoadContext
from dagster._core.definitions.reconstruct import (
    initialize_repository_def_from_pointer,
    reconstruct_repository_def_from_pointer,
)

from bailian_assets.errors import SqlError
from bailian_assets.integration import home_instance, loading
from conftest import ROOT

BROKEN = "CREATE VIEW v AS VALUES (1);\nINSERT INTO nope SELECT * FROM v;\n"


@pytest.fixture(autouse=True)
def _no_load_context():
    """Each test starts as a fresh process does: no load context set."""
    saved = DefinitionsLoadContext._instance
    DefinitionsLoadContext._instance = None
    yield
    DefinitionsLoadContext._instance = saved


@pytest.fixture
def pointer(tmp_path) -> CodePointer:
    """A code location over a folder with one good file and one broken one, built as the
    component builds it."""
    sql = tmp_path / "sql"
    sql.mkdir()
    shutil.copy(ROOT / "sql" / "movie_sentiment.sql", sql / "movies.sql")
    (sql / "bad.sql").write_text(BROKEN)
    location = tmp_path / "location.py"
    location.write_text(
        "from bailian_assets.integration.definitions import build_definitions\n"
        "from bailian_assets.integration.loading import isolating_errors\n\n"
        f"defs = build_definitions({str(sql)!r}, isolate_errors=isolating_errors())\n"
    )
    return CodePointer.from_python_file(str(location), "defs", str(tmp_path))


def _keys(repository) -> set[str]:
    return {key.to_user_string() for key in repository.asset_graph.get_all_asset_keys()}


def _sql_error(error: BaseException) -> SqlError | None:
    seen: BaseException | None = error
    while seen is not None and not isinstance(seen, SqlError):
        seen = seen.__cause__ or seen.__context__
    return seen


def test_a_code_server_and_the_runs_it_launches_leave_the_broken_file_out(pointer):
    served = initialize_repository_def_from_pointer(pointer)  # a code server's load
    assert {"sql_errors/bad", "movie_comment", "print_sink"} <= _keys(served)
    assert not loading.in_launched_run()
    # a run it launches reconstructs with what it recorded: the same assets, the broken
    # file's left out, and the instance is not opened again
    DefinitionsLoadContext._instance = None  # the run's own, fresh process
    rebuilt = reconstruct_repository_def_from_pointer(pointer, served.repository_load_data)
    assert _keys(rebuilt) == _keys(served)
    assert loading.in_launched_run()


def test_a_command_that_loads_in_its_own_process_fails_with_the_report(pointer):
    # `dg launch` / `dagster asset materialize`: a reconstruction with nothing recorded
    with pytest.raises(BaseException) as raised:
        reconstruct_repository_def_from_pointer(pointer)
    found = _sql_error(raised.value)
    assert found is not None
    assert (
        "bad.sql:2:13: error: Cannot find table '`default_catalog`.`default_database`.`nope`'"
        in found.report()
    )
    assert not loading.in_launched_run()


def test_validation_fails_even_in_a_code_servers_load(pointer, monkeypatch):
    monkeypatch.setenv(loading.VALIDATION_ENV, "1")  # what `dg check defs` sets
    with pytest.raises(BaseException) as raised:
        initialize_repository_def_from_pointer(pointer)
    assert _sql_error(raised.value) is not None


def test_plain_python_fails_with_the_report():
    assert not loading.isolating_errors()  # no load context: a script, a test


def test_only_a_launched_runs_process_skips_preparing_the_instance(pointer, tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    opened: list[int] = []

    def get():
        opened.append(1)
        raise RuntimeError("no instance here")  # only logged: the load goes on

    monkeypatch.setattr(home_instance.dg.DagsterInstance, "get", get)
    pools = ["bailian_ai_analyze_sentiment"]
    served = initialize_repository_def_from_pointer(pointer)
    assert opened == [1]  # the code server prepares the instance
    DefinitionsLoadContext._instance = None
    reconstruct_repository_def_from_pointer(pointer, served.repository_load_data)
    assert opened == [1]  # its run does not
    home_instance.prepare_home_instance([], pools)
    assert opened == [1]
