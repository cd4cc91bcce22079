"""`bailian-assets check PATH...`: every error of every SQL file, without running anything."""

from __future__ import annotations

import click

from bailian_assets.cli import exits, report
from bailian_assets.cli.paths import Unreadable, load, sql_files_named
from bailian_assets.errors import SqlError


@click.command("check", epilog=exits.HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "form",
    type=click.Choice(report.FORMATS),
    default="text",
    help="text: the located report on stderr; json: one document on stdout; "
    "github: GitHub Actions annotations on stdout (and the text on stderr).",
)
def check(paths: tuple[str, ...], form: str) -> int:
    """Parse, check and plan the SQL files (folders: their .sql files, not recursively), as
    running them would, and report every error of every file. Sends nothing."""
    files = sql_files_named(paths)
    try:
        project = load(files)
    except Unreadable as error:
        report.show_errors(form, files, error.diagnostics)
        return exits.USAGE
    except SqlError as error:
        report.show_errors(form, files, error.diagnostics)
        return exits.SQL_ERRORS
    report.show_clean(form, files, project)
    return exits.OK
