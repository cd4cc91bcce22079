"""The `bailian-assets` command group: global options, and the package's errors turned into
the exit codes of `exits.py`, the same for every command."""

from __future__ import annotations

import logging
import sys

import click

from bailian_assets.cli import exits
from bailian_assets.cli.check import check
from bailian_assets.cli.paths import Unreadable
from bailian_assets.cli.run import plan, run
from bailian_assets.cli.simulate import simulate
from bailian_assets.errors import BailianError, SqlError
from bailian_assets.secrets import ScrubbingFilter

PROG = "bailian-assets"
# every option's help shows its default; -h as well as --help
CONTEXT = {"help_option_names": ["-h", "--help"], "show_default": True, "max_content_width": 100}


class _Commands(click.Group):
    """A group whose commands return an exit code, and whose errors become one: a SQL error
    is its report (1), a path that cannot be read its report (2), any other BailianError one
    line (1). Never a traceback for a mistake in the input."""

    def invoke(self, ctx: click.Context) -> None:
        try:
            code = super().invoke(ctx)
        except Unreadable as error:  # before SqlError: it is one
            click.echo(error.report(), err=True)
            code = exits.USAGE
        except SqlError as error:
            click.echo(error.report(), err=True)
            code = exits.SQL_ERRORS
        except BailianError as error:
            click.echo(f"{PROG}: error: {error}", err=True)
            code = exits.SQL_ERRORS
        except KeyboardInterrupt:
            click.echo(f"{PROG}: interrupted", err=True)
            code = exits.INTERRUPTED
        ctx.exit(code or exits.OK)


@click.group(
    PROG,
    cls=_Commands,
    context_settings=CONTEXT,
    epilog=exits.HELP,
    help="Flink SQL with ML_PREDICT over Bailian models: check the SQL, run it, "
    "estimate its cost, or serve the Bailian simulator. Model calls go to the "
    "built-in simulator unless BAILIAN_BASE_URL is set.",
)
@click.version_option(package_name="bailian-assets", prog_name=PROG)
@click.option("-v", "--verbose", is_flag=True, help="Debug logging (httpx requests included).")
def cli(verbose: bool) -> None:
    _configure_logging(verbose)


for _command in (check, run, plan, simulate):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> int:
    """Run the command line on `argv` (default: `sys.argv[1:]`); return the exit code."""
    try:
        code = cli.main(args=argv, prog_name=PROG, standalone_mode=False)
    except click.ClickException as error:  # usage errors: 2
        error.show()
        return error.exit_code
    except click.Abort:  # Ctrl-C while click itself was reading input
        click.echo(f"{PROG}: interrupted", err=True)
        return exits.INTERRUPTED
    return code if isinstance(code, int) else exits.OK


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.addFilter(ScrubbingFilter())  # any library's log line, httpx's URLs included
