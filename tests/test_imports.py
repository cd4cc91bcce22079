"""What importing a part of the package costs: the parser alone pulls in no heavy library, and
the package's names still resolve (each on first use), as `type: bailian_assets.X` needs."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, clean_env

HEAVY = ("polars", "httpx", "numpy", "dagster", "backoff")


def _imported_after(statement: str) -> dict:
    """Which heavy modules a fresh interpreter holds after `statement`, and the names it
    printed (a subprocess: this test process has imported everything already)."""
    code = (
        f"{statement}\nimport json, sys\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_parser_imports_no_heavy_library():
    assert (
        _imported_after(
            "import bailian_assets.sql\n"
            "from bailian_assets.sql.parser import parse_script\n"
            "assert parse_script('SET \\'a\\' = \\'b\\';').statements"
        )
        == []
    )


def test_importing_the_package_imports_no_heavy_library():
    assert _imported_after("import bailian_assets\nfrom bailian_assets import SqlError") == []


def test_a_package_name_imports_its_module_on_first_use():
    # load_project needs the planner (Polars types), not the Dagster integration
    found = _imported_after("from bailian_assets import load_project")
    assert "dagster" not in found


def test_every_exported_name_resolves():
    import bailian_assets

    for name in bailian_assets.__all__:
        assert getattr(bailian_assets, name) is not None
    assert "FlinkSqlComponent" in dir(bailian_assets)
    from bailian_assets.integration.component import FlinkSqlComponent

    assert bailian_assets.FlinkSqlComponent is FlinkSqlComponent


def test_an_unknown_name_is_an_attribute_error():
    import bailian_assets

    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = bailian_assets.nothing_here


def test_loading_the_code_location_does_not_import_the_engine(tmp_path):
    """A code server (or `dg check defs`) builds the definitions; the executor, the model
    clients and the simulator are imported by the first run, not at every load (dg's
    registry reads every name `dir(bailian_assets)` lists)."""
    found = _imported_after(
        "import os, sys\n"
        f"os.environ['BAILIAN_SQL_DIR'] = {str(ROOT / 'sql')!r}\n"
        "import defs\n"
        "engine = ['bailian_assets.executor.executor', 'bailian_assets.executor.runner',\n"
        "          'bailian_assets.client.client', 'bailian_assets.simulator.service']\n"
        "print([m for m in engine if m in sys.modules])\n"
    )
    assert "dagster" in found and "numpy" not in found
