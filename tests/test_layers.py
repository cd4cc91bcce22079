"""The layers import one way, and only the integration imports dagster."""

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "bailian_assets"
# package -> packages it must not import
FORBIDDEN = {
    "sql": {"planning", "executor", "connectors", "client", "simulator", "integration", "cli"},
    "planning": {"executor", "connectors", "client", "simulator", "integration", "cli"},
    "executor": {"connectors", "integration", "cli"},
    "connectors": {"integration", "cli"},  # found by the registry, imported by no one
    # the client takes the Backend its caller chooses (bailian_assets/backends.py)
    "client": {
        "sql",
        "planning",
        "executor",
        "connectors",
        "simulator",
        "integration",
        "cli",
        "backends",
    },
    "simulator": {"sql", "planning", "executor", "connectors", "client", "integration", "cli"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_below_the_integration_imports_dagster():
    for path in PACKAGE.rglob("*.py"):
        if "integration" in path.parts:
            continue
        offenders = {n for n in imports_of(path) if n.split(".")[0] == "dagster"}
        assert not offenders, f"{path.relative_to(ROOT)} imports {offenders}"


def test_layers_import_one_way():
    for layer, forbidden in FORBIDDEN.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imports_of(path):
                parts = name.split(".")
                if parts[0] == "bailian_assets" and len(parts) > 1:
                    assert parts[1] not in forbidden, f"{path.relative_to(ROOT)} imports {name}"


def test_running_a_job_never_loads_dagster():
    code = (
        "import sys, bailian_assets.cli, bailian_assets.executor.runner; "
        "print('dagster' in sys.modules)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "False"
