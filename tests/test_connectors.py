"""Connectors behind one interface, found by name: the built-ins, and a toy connector this test
module registers (the seam a new connector plugs into: one class, one `register`)."""

import ast
import importlib
import pkgutil
from pathlib import Path
from typing import ClassVar

import polars as pl
import pytest

import bailian_assets.connectors
from bailian_assets.backends import simulated_backend
from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.connectors import (
    Connector,
    connector_named,
    connector_names,
    register,
    unregister,
)
from bailian_assets.planning.options import OptionSpec, Problem, integer, text
from bailian_assets.planning.project import load_source
from conftest import printed_by_table

PACKAGE = Path(__file__).resolve().parent.parent / "bailian_assets"


class Memory(Connector):
    """A toy connector: tables held in a dict, by their 'key' option; source and sink."""

    name = "memory"
    options = (OptionSpec("key", text, required=True), OptionSpec("max-rows", integer(1)))
    source = True
    store: ClassVar[dict[str, pl.DataFrame]] = {}

    def check(self, statement, values, owner, problems):
        if values.get("key") == "reserved":
            option = next(o for o in statement.options if o.key == "key")
            problems.append(
                Problem(f"{owner}: key 'reserved' is taken", option.value_position, len(option.raw))
            )

    def scan(self, table, partitions=None):
        rows = self.store.get(str(table.options["key"]))
        if rows is None:
            raise ExecutionError(f"table '{table.name}': nothing stored yet")
        return rows.lazy()

    def write(self, table, frame, partitions=None, lines=None):
        limit = table.options.get("max-rows")
        if limit is not None and frame.height > limit:
            raise ExecutionError(f"table '{table.name}': {frame.height} rows, at most {limit}")
        self.store[str(table.options["key"])] = frame
        if lines is not None:
            lines(f"{table.name}: {frame.height} rows kept")
        return []


class Shout(Connector):
    """A toy sink only: each row's first value, upper-cased, as a line."""

    name = "shout"

    def write(self, table, frame, partitions=None, lines=None):
        for value in frame.to_series(0):
            lines(str(value).upper())
        return []


@pytest.fixture
def toys():
    memory, shout = register(Memory()), register(Shout())
    Memory.store.clear()
    yield memory
    unregister(memory.name)
    unregister(shout.name)


TABLES = """
CREATE TABLE src (id BIGINT, word STRING) WITH ('connector' = 'memory', 'key' = 'in');
CREATE TABLE dst (id BIGINT, word STRING) WITH ('connector' = 'memory', 'key' = 'out');
CREATE TABLE loud (word STRING) WITH ('connector' = 'shout');
"""


def test_the_built_in_connectors_are_found_by_name():
    assert {"filesystem", "print", "blackhole"} <= set(connector_names())
    package = bailian_assets.connectors
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        assert module.CONNECTOR.name == info.name  # one module per connector, named after it
        assert connector_named(info.name) is module.CONNECTOR


def test_a_registered_connector_is_read_and_written_by_a_job(toys):
    Memory.store["in"] = pl.DataFrame({"id": [1, 2, 3], "word": ["a", "b", "c"]})
    project = load_source(
        TABLES + "INSERT INTO dst SELECT id * 10, word FROM src WHERE id > 1;"
        "INSERT INTO loud SELECT word FROM src;",
        environ={},
    )
    lines, _ = printed_by_table(project, simulated_backend())
    assert Memory.store["out"].rows() == [(20, "b"), (30, "c")]
    assert lines == [("dst", "dst: 2 rows kept"), ("loud", "A"), ("loud", "B"), ("loud", "C")]


def test_its_options_are_typed_and_checked_with_located_errors(toys):
    with pytest.raises(SqlError) as error:
        load_source(
            "CREATE TABLE t (id INT) WITH ('connector' = 'memory', 'kee' = 'x');\n"
            "CREATE TABLE u (id INT) WITH ('connector' = 'memory', 'key' = 'reserved');"
            "\nCREATE TABLE v (id INT) WITH ('connector' = 'memory', 'key' = 'k', "
            "'max-rows' = 'many');\n"
            # checked where used, as Flink checks them; the messages point at the declaration
            "INSERT INTO t SELECT 1;\nINSERT INTO u SELECT 1;\nINSERT INTO v SELECT 1;",
            environ={},
        )
    text = str(error.value)
    assert "<sql>:1:" in text and "'kee'" in text and "'key'" in text  # unknown; did you mean
    assert "<sql>:2:" in text and "key 'reserved' is taken" in text  # its own check
    assert "<sql>:3:" in text and "max-rows" in text  # typed by its OptionSpec


def test_what_it_cannot_do_is_refused_when_planning(toys):
    with pytest.raises(SqlError, match="PARTITIONED BY is not supported by the 'memory' connector"):
        load_source(
            "CREATE TABLE t (id INT, dt STRING) PARTITIONED BY (dt) "
            "WITH ('connector' = 'memory', 'key' = 'k');\nINSERT INTO t SELECT 1, 'a';",
            environ={},
        )
    with pytest.raises(SqlError, match="'shout' connector, which can only be written to"):
        load_source(TABLES + "INSERT INTO dst SELECT 1, word FROM loud;", environ={})


def test_an_unknown_connector_lists_the_registered_ones(toys):
    with pytest.raises(SqlError) as error:
        load_source(
            "CREATE TABLE t (id INT) WITH ('connector' = 'memroy');\nINSERT INTO t SELECT 1;",
            environ={},
        )
    assert "unsupported connector 'memroy'" in str(error.value)
    assert "blackhole, datagen, filesystem, memory, print, shout" in str(error.value)


def test_its_errors_reach_the_job(toys):
    Memory.store["in"] = pl.DataFrame({"id": [1, 2, 3], "word": ["a", "b", "c"]})
    project = load_source(
        TABLES.replace("'key' = 'out'", "'key' = 'out', 'max-rows' = '2'")
        + "INSERT INTO dst SELECT id, word FROM src;",
        environ={},
    )
    with pytest.raises(ExecutionError, match="table 'dst': 3 rows, at most 2"):
        run_project(project, simulated_backend(), lambda table, line: None)


def test_a_second_connector_of_a_taken_name_is_refused(toys):
    class Impostor(Connector):
        name = "filesystem"

    with pytest.raises(ValueError, match="'filesystem' is already registered"):
        register(Impostor())
    assert type(connector_named("filesystem")).__name__ == "Filesystem"


def test_no_code_outside_a_connector_module_compares_connector_names():
    names = set(connector_names()) - {"memory", "shout"}
    own = PACKAGE / "connectors"
    for path in PACKAGE.rglob("*.py"):
        if own in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Compare):
                constants = [c for c in ast.walk(node) if isinstance(c, ast.Constant)]
                found = {c.value for c in constants if c.value in names}
                assert not found, (
                    f"{path.relative_to(PACKAGE.parent)}:{node.lineno} "
                    f"compares with {found}: ask the connector instead"
                )
