"""`bailian-assets`: check SQL files, or run them without Dagster.

    bailian-assets check PATH...     every error of every file, as text, JSON or GitHub annotations
    bailian-assets run FILE.sql      sink rows to stdout, logs (and a progress bar) to stderr
    bailian-assets plan FILE.sql     what each ML_PREDICT would send and cost; sends nothing
    bailian-assets simulate ...      serve the Bailian simulator on loopback until interrupted

Exit codes are the same for every command, as linters use them (see `exits.py`): 0 clean,
1 SQL errors found (or the job failed), 2 a usage error or a path that cannot be read (an empty
folder too), 130 interrupted. A mistake in the SQL or the data ends with a clear message, never
a traceback.

The package: `app.py` the command group and the errors-to-exit-codes mapping, one module per
command family (`check.py`, `run.py`, `simulate.py`), `report.py` the formats of `check`'s
report, `progress_bar.py` the bar of `run`. `python -m bailian_assets.cli` runs it too.
"""

from bailian_assets.cli.app import cli, main

__all__ = ["cli", "main"]
