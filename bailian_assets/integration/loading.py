"""Who is loading the code location, told by Dagster itself rather than by the command line.

Dagster tells two kinds of load apart (its `DefinitionsLoadContext`, the mechanism behind its
state-backed components): a code server *initializes* the definitions (`dg dev`, `dagster dev`,
`dagster code-server start`, `dagster api grpc`, `dg list defs`) and hands what it recorded then
("reconstruction metadata") to every run it launches, whose processes *reconstruct* them with
it (`dagster api execute_run|execute_step`). A command that loads the code in its own process
(`dg launch`, `dagster asset materialize`, `dagster job execute`) reconstructs with nothing
recorded; so does a plain import. `dg check defs` and `dagster definitions validate` set
`DAGSTER_IS_DEFS_VALIDATION_CLI=1` before they load.

So a code server marks its load (`SERVED`, in the reconstruction metadata), and:
- it leaves a SQL file with errors out (an asset shows its errors: broken.py), and so do the runs
  it launches, which must rebuild the very definitions the UI showed;
- everything else fails the load with the located report: `dg check defs` (and CI), `dg launch`,
  tests, any Python that builds the definitions itself;
- a run's own processes find the instance prepared already (home_instance.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from dagster._core.definitions.definitions_load_context import (
    DefinitionsLoadContext,
    DefinitionsLoadType,
)

VALIDATION_ENV = "DAGSTER_IS_DEFS_VALIDATION_CLI"  # set by `dg check defs`
SERVED = "bailian_assets/served"  # reconstruction metadata: a code server loaded the code


def validation_mode(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the definitions are being validated (`dg check defs`, `dagster definitions
    validate`): then a file with errors fails the load instead of being left out."""
    return (os.environ if environ is None else environ).get(VALIDATION_ENV) == "1"


def _context() -> DefinitionsLoadContext | None:
    # `get()` makes a throwaway context when none is set: a plain import is no server's load
    return DefinitionsLoadContext.get() if DefinitionsLoadContext.is_set() else None


def served(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a code server is loading the code, or a run it launched: a code server's
    initial load marks itself so (its runs reconstruct with the mark); not when validating."""
    if validation_mode(environ):
        return False
    context = _context()
    if context is None:
        return False
    if context.load_type == DefinitionsLoadType.INITIALIZATION:
        context.add_to_pending_reconstruction_metadata(SERVED, "1")
        return True
    return context.reconstruction_metadata.get(SERVED) == "1"


def isolating_errors(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a SQL file with errors is left out (shown as an asset holding its errors) rather
    than failing the load: behind the UI and in the runs it launches, so one typo never blanks
    the graph and runs of the other files still work. Everywhere else (`dg check defs`,
    `dg launch`, tests) the load fails with the located report."""
    return served(environ)


def in_launched_run() -> bool:
    """Whether this process runs (a step of) a run a code server launched: it reconstructs the
    definitions with what the code server recorded at its own load."""
    context = _context()
    return (
        context is not None
        and context.load_type == DefinitionsLoadType.RECONSTRUCTION
        and context.reconstruction_metadata.get(SERVED) == "1"
    )
