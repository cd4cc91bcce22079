"""Exit codes, as linters use them, for every command of `bailian-assets`.

A script can tell "the SQL is wrong" (1) from "the command was called wrong" (2): CI that runs
`bailian-assets check sql/` fails on both, but only 1 means the files need fixing.
"""

OK = 0
SQL_ERRORS = 1  # SQL errors found; for `run`, also a job that failed while running
USAGE = 2  # a usage error, a path that does not exist or cannot be read, an empty folder
INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT (128 + 2)

HELP = (
    "Exit codes: 0 clean; 1 SQL errors found (or the job failed); 2 usage error, or a path "
    "that does not exist, cannot be read or holds no .sql file; 130 interrupted."
)
