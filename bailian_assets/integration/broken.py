"""A SQL file with errors, as an asset of its own: what the UI shows instead of a blank graph.

Its description holds the file's diagnostics as `bailian-assets check` prints them (plain
`file:line:col` text, the source line and an aligned caret, in a monospaced block), its code
reference points at the first error, and its check `sql_is_valid` reads the file again when run
(it passes once the file loads; reload the code location to get the file's assets back).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import dagster as dg

from bailian_assets.errors import Diagnostic, SqlError
from bailian_assets.integration.project import LoadedProject, load_isolated
from bailian_assets.planning import names

SQL_ERRORS = "sql_errors"


def broken_file_assets(
    loaded: LoadedProject, sql_dir: Path, prefix: str = ""
) -> tuple[list[dg.AssetSpec], list[dg.AssetChecksDefinition]]:
    """An asset and a check for each file left out of the project."""
    specs, checks = [], []
    for path, diagnostics in sorted(loaded.broken.items()):
        key = dg.AssetKey([prefix + SQL_ERRORS, names.group_name(path)])
        specs.append(_spec(key, path, diagnostics, loaded))
        checks.append(_check(key, path, sql_dir))
    return specs, checks


def report(diagnostics: list[Diagnostic]) -> str:
    return SqlError(diagnostics).report()


def _spec(
    key: dg.AssetKey, path: str, diagnostics: list[Diagnostic], loaded: LoadedProject
) -> dg.AssetSpec:
    needed = loaded.needed.get(path)
    why = (
        f" It uses what {', '.join(needed)} declare{'s' if len(needed) == 1 else ''}, "
        "which has errors of its own."
        if needed
        else ""
    )
    description = (
        f"**`{path}` has errors, so its assets are not loaded** (every other file's are).{why} "
        "Fix them and reload the code location; `dg check defs` and `bailian-assets check` "
        f"fail until then.\n\n```text\n{report(diagnostics)}\n```"
    )
    metadata: dict[str, object] = {"bailian/sql_errors": len(diagnostics), "bailian/file": path}
    file = loaded.files.get(path)
    line = next((d.position.line for d in diagnostics if d.position.line), 1)
    if file is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dg.BetaWarning)
            metadata["dagster/code_references"] = dg.CodeReferencesMetadataValue(
                code_references=[
                    dg.LocalFileCodeReference(file_path=str(file.resolve()), line_number=line)
                ]
            )
    return dg.AssetSpec(
        key,
        group_name=names.group_name(path),
        description=description,
        metadata=metadata,
        kinds={"sql"},
        tags={"bailian/status": "sql_errors"},
    )


def _check(key: dg.AssetKey, path: str, sql_dir: Path) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=key,
        name="sql_is_valid",
        blocking=False,
        description=f"`{path}` loads without errors (read again when run).",
    )
    def sql_is_valid(context) -> dg.AssetCheckResult:
        now = load_isolated(sql_dir)
        found = now.broken.get(path, [])
        text = report(found) if found else "no errors: reload the code location"
        return dg.AssetCheckResult(
            passed=not found,
            metadata={"errors": len(found), "report": dg.MetadataValue.md(f"```text\n{text}\n```")},
        )

    return sql_is_valid
