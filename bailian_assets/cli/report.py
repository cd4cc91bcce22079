"""What `bailian-assets check` prints, in its three formats.

text    the located report on stderr (`path:line:col: error: ...`, source line, caret)
json    one JSON document on stdout, for editors and scripts
github  GitHub Actions workflow commands on stdout (`::error file=...,line=...::message`),
        which the runner turns into annotations on the pull request's files; the text
        report on stderr as well, so the job's log keeps the source lines and carets
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from bailian_assets.errors import Diagnostic, SqlError
from bailian_assets.planning.project import Project

FORMATS = ("text", "json", "github")


def show_clean(form: str, files: Sequence[Path], project: Project) -> None:
    """The report of files without errors: a summary line, or the JSON document."""
    counts = {
        "models": len(project.models),
        "views": len(project.views),
        "inserts": len(project.inserts),
        "selects": len(project.selects),
    }
    if form == "json":
        click.echo(json.dumps(_document(files, [], counts), ensure_ascii=False, indent=2))
        return
    plural = "s" if len(files) != 1 else ""
    click.echo(
        f"ok: {len(files)} file{plural}, {counts['models']} models, "
        f"{counts['views']} views, {counts['inserts']} INSERTs"
        + (f", {counts['selects']} SELECTs" if counts["selects"] else ""),
        err=True,
    )


def show_errors(form: str, files: Sequence[Path], diagnostics: Sequence[Diagnostic]) -> None:
    """The report of the errors found, sorted by file and place."""
    error = SqlError(list(diagnostics))  # sorts them, and counts them
    if form == "json":
        click.echo(
            json.dumps(_document(files, error.diagnostics, None), ensure_ascii=False, indent=2)
        )
        return
    if form == "github":
        for diagnostic in error.diagnostics:
            click.echo(github_annotation(diagnostic))
    click.echo(error.report(), err=True)


def _document(
    files: Sequence[Path], diagnostics: Sequence[Diagnostic], counts: dict[str, int] | None
) -> dict:
    """`errors` holds every diagnostic; `line` and `column` (1-based, in characters) are null
    for a problem with a file as a whole; `project` counts what loaded (null with errors)."""
    return {
        "files": [str(f) for f in files],
        "errors": [_as_json(d) for d in diagnostics],
        "error_count": len(diagnostics),
        "project": counts,
    }


def _as_json(diagnostic: Diagnostic) -> dict:
    located = diagnostic.position.line > 0
    return {
        "path": diagnostic.path,
        "line": diagnostic.position.line if located else None,
        "column": diagnostic.position.col if located else None,
        "length": diagnostic.length if located else None,
        "severity": "error",
        "message": diagnostic.message,
        "source_line": diagnostic.source_line if located else None,
    }


def github_annotation(diagnostic: Diagnostic) -> str:
    """One `::error` workflow command, escaped as GitHub's toolkit does (`escapeProperty` for
    the parameters, `escapeData` for the message), so a comma, colon, `%` or newline in a path
    or message cannot end a field early or inject another command."""
    fields = [f"file={_property(diagnostic.path)}"]
    position = diagnostic.position
    if position.line > 0:
        fields += [
            f"line={position.line}",
            f"col={position.col}",
            f"endColumn={position.col + max(1, diagnostic.length)}",
        ]
    fields.append(f"title={_property('bailian-assets check')}")
    return f"::error {','.join(fields)}::{_data(diagnostic.message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
