"""The golden suite's machinery: read a case and Flink's expectation, run the case through
bailian-assets in-process, render our result as the Flink oracle prints its own, and compare.

A case is `tests/golden/<category>/<name>.sql`; beside it `<name>.flink.out` holds what real
Apache Flink 2.3 printed for it (`flink-run <name>.sql > <name>.flink.out`, see
tests/golden/README.md). `test_golden.py` and `golden/agreement.py` both use this module.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
KNOWN_FAILURES = GOLDEN / "KNOWN_FAILURES"
# Cases where bailian-assets deliberately differs from Flink (a documented extension that
# changes the verdict or the rows): `category/name  # why`; each has `<name>.ours.out`, our
# outcome in the oracle's format, which we must match exactly instead of Flink's.
DIVERGENCES = GOLDEN / "DIVERGENCES"
# `${BAILIAN_BASE_URL}` in the cases' model endpoints. Nothing listens there: our model calls
# are answered by the simulator in-process (the oracle's went to a simulator on loopback).
BASE_URL = "http://127.0.0.1:18733"
MARKER = re.compile(r"^--\s*golden:\s*([\w-]+)", re.M)
EXTENSION, EXPECT_MESSAGE = "extension", "expect-message"
SELECT_ROWS = "select at line "  # the rows of a bare SELECT, by its line


# ------------------------------------------------------------ statements, as the oracle splits them


def _quoted_end(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == quote:
            if text.startswith(quote * 2, i):
                i += 2
                continue
            return i + 1
        i += 1
    return len(text)


def _blank_comments(sql: str) -> str:
    """Comments become spaces (newlines kept) so lines stay put; quoted text is left alone."""
    out, i = [], 0
    while i < len(sql):
        if sql.startswith("--", i) or (sql.startswith("/*", i) and not sql.startswith("/*+", i)):
            end = sql.find("\n", i) if sql[i] == "-" else sql.find("*/", i + 2)
            end = len(sql) if end < 0 else (end if sql[i] == "-" else end + 2)
            out.append(re.sub(r"[^\n]", " ", sql[i:end]))
            i = end
        elif sql[i] in "'\"`":
            j = _quoted_end(sql, i)
            out.append(sql[i:j])
            i = j
        else:
            out.append(sql[i])
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Statement:
    text: str  # comments blanked, statement-set wrappers removed
    line: int  # first line in the file

    @property
    def kind(self) -> str:
        match = re.match(r"[A-Za-z]+", self.text)
        return match.group(0).upper() if match else ""


# statements whose rows flink-run shows where they stand, headed by their first word: bare
# queries, DESCRIBE and SHOW
SHOWN = ("SELECT", "WITH", "VALUES", "DESCRIBE", "DESC", "SHOW")


def statements(sql: str) -> list[Statement]:
    """The file's statements split at `;` as flink-run splits them, with their first lines."""
    code, found, start, i = _blank_comments(sql), [], 0, 0
    while i <= len(code):
        if i == len(code) or code[i] == ";":
            piece = code[start:i]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                text = re.sub(
                    r"^EXECUTE\s+(STATEMENT\s+SET\s+BEGIN\s+)?", "", piece.strip(), flags=re.I
                )
                found.append(Statement(text, code.count("\n", 0, start + lead) + 1))
            start = i = i + 1
        elif code[i] in "'\"`":
            i = _quoted_end(code, i)
        else:
            i += 1
    return found


def _short(name: str) -> str:
    return name.replace("`", "").split(".")[-1].lower()


def insert_targets(stmts: list[Statement]) -> list[str]:
    """Sink names in order of their first INSERT, as written (backticks dropped)."""
    targets: list[str] = []
    for st in stmts:
        match = re.match(r"INSERT\s+(?:INTO|OVERWRITE)\s+(?:TABLE\s+)?([`\w.-]+)", st.text, re.I)
        if match and match.group(1).replace("`", "") not in targets:
            targets.append(match.group(1).replace("`", ""))
    return targets


def connectors(stmts: list[Statement]) -> dict[str, str]:
    """Short table name -> connector, from the CREATE TABLE statements."""
    found = {}
    for st in stmts:
        match = re.match(
            r"CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([`\w.-]+)", st.text, re.I
        )
        option = re.search(r"'connector'\s*=\s*'([^']*)'", st.text, re.I)
        if match:
            found[_short(match.group(1))] = option.group(1) if option else "?"
    return found


# ---------------------------------------------------------------- outcomes


@dataclass
class Outcome:
    """A verdict as flink-run prints it: OK with groups of rows, or ERROR at a line."""

    ok: bool
    line: int = 0
    message: str = ""
    groups: list[tuple[str | None, list[str]]] = field(default_factory=list)
    crashed: bool = False  # ours only: an exception that is not a located refusal (a bug)

    def render(self) -> str:
        if not self.ok:
            return f"ERROR line {self.line}: {self.message}"
        lines = ["OK"]
        for header, rows in self.groups:
            lines += ([header] if header else []) + rows
        return "\n".join(lines)

    @property
    def verdict(self) -> str:
        return "OK" if self.ok else "ERROR"


def parse_expected(text: str) -> Outcome:
    """A `.flink.out` file: `OK` + rows (maybe under `-- sink`/`-- select` headers), or
    `ERROR line L: message` (continuation lines indented). `-- note:` lines are dropped."""
    lines = [line for line in text.splitlines() if not line.startswith("-- note:")]
    head = lines[0] if lines else ""
    match = re.match(r"ERROR line (\d+): (.*)", head)
    if match:
        rest = [line[4:] if line.startswith("    ") else line for line in lines[1:]]
        message = "\n".join([match.group(2), *rest]).rstrip()
        return Outcome(False, int(match.group(1)), message)
    if head != "OK":
        raise ValueError(f"not a flink-run output: {head!r}")
    groups: list[tuple[str | None, list[str]]] = []
    for line in lines[1:]:
        if line.startswith(
            (
                "-- sink ",
                "-- select ",
                "-- with ",
                "-- values ",
                "-- describe ",
                "-- show ",
                "-- explain ",
            )
        ):
            groups.append((line, []))
        else:
            if not groups:
                groups.append((None, []))
            groups[-1][1].append(line)
    return Outcome(True, groups=groups)


# ---------------------------------------------------------------- cases


@dataclass
class Case:
    sql_path: Path

    @property
    def id(self) -> str:
        return self.sql_path.relative_to(GOLDEN).with_suffix("").as_posix()

    @property
    def category(self) -> str:
        return self.sql_path.parent.name

    @property
    def sql(self) -> str:
        return self.sql_path.read_text(encoding="utf-8")

    @property
    def markers(self) -> set[str]:
        return set(MARKER.findall(self.sql))

    @property
    def expected_path(self) -> Path:
        return self.sql_path.with_suffix(".flink.out")

    def expected(self) -> Outcome:
        return parse_expected(self.expected_path.read_text(encoding="utf-8"))

    @property
    def ours_path(self) -> Path:
        """Our own expectation, for a case listed in DIVERGENCES."""
        return self.sql_path.with_suffix(".ours.out")

    @property
    def divergent(self) -> bool:
        return self.id in divergences()


def all_cases() -> list[Case]:
    return [Case(p) for p in sorted(GOLDEN.glob("*/*.sql"))]


def known_failures() -> dict[str, str]:
    """KNOWN_FAILURES: `category/name  # reason` per line -> {case id: reason}."""
    return _case_list(KNOWN_FAILURES)


def divergences() -> dict[str, str]:
    """DIVERGENCES: `category/name  # why we differ from Flink` -> {case id: why}."""
    return _case_list(DIVERGENCES)


def _case_list(path: Path) -> dict[str, str]:
    listed = {}
    if path.exists():
        for raw in path.read_text(encoding="utf-8").splitlines():
            entry, _, reason = raw.partition("#")
            if entry.strip():
                listed[entry.strip().removesuffix(".sql")] = reason.strip()
    return listed


# ------------------------------------------------------------ running a case through bailian-assets


def engine_environ() -> dict[str, str]:
    """The variables `${...}` in the cases read: the process's, with the models' base URL."""
    return {**os.environ, "BAILIAN_BASE_URL": BASE_URL}


def run_ours(case: Case, environ: Mapping[str, str] | None = None) -> Outcome:
    """Run the case in-process (simulator in-process, no network) and render it as flink-run
    would: a refusal at the failing statement's first line; a run-time failure at the first
    INSERT's line, as Flink reports a failed job."""
    from bailian_assets.backends import simulated_backend
    from bailian_assets.errors import BailianError, SqlError
    from bailian_assets.executor.runner import run_project
    from bailian_assets.planning.project import load_project
    from bailian_assets.simulator.service import BailianSimulator

    stmts = statements(case.sql)
    try:
        project = load_project([case.sql_path], environ or engine_environ(), display_root=GOLDEN)
    except SqlError as error:
        first = error.diagnostics[0]
        return Outcome(False, _statement_line(stmts, first.position.line), first.message)
    except Exception as error:
        return _crash(stmts, error, planning=True)
    rows: dict[str, list[str]] = {}
    selects = {select.name: select.line for select in project.selects}

    def emit(table, line: str) -> None:  # a bare SELECT's rows under its line
        key = (
            f"{SELECT_ROWS}{selects[table.name]}"
            if table.name in selects
            else _short(table.sql_name)
        )
        rows.setdefault(key, []).append(line)

    try:
        run_project(project, simulated_backend(BailianSimulator()), emit)
    except BailianError as error:
        return Outcome(False, _runtime_line(stmts, str(error)), str(error).splitlines()[0])
    except Exception as error:
        return _crash(stmts, error, planning=False)
    return Outcome(True, groups=_groups(stmts, rows))


def _runtime_line(stmts: list[Statement], text: str) -> int:
    """The line flink-run gives a job that failed at run time: a bare SELECT (WITH, VALUES) runs
    where it stands, so its failure is at its own line (our error is located in it); the INSERTs
    run together after the last statement, so theirs is at the first INSERT's line."""
    first = text.splitlines()[0] if text else ""
    # a data file's error is located in the file, then names the query that read it
    match = re.search(r"read by the query at .*:(\d+):\d+\)", first) or re.search(
        r":(\d+):\d+: error", first
    )
    if match:
        line = _statement_line(stmts, int(match.group(1)))
        if any(st.line == line and (st.kind in SHOWN or _is_ctas(st)) for st in stmts):
            return line  # a CREATE TABLE ... AS SELECT runs its own job where it stands too
    return _first_insert_line(stmts) or next((st.line for st in stmts if _is_ctas(st)), 0)


def _is_ctas(st: Statement) -> bool:
    """CREATE TABLE ... AS query (a computed column `c AS a + 1` is no query)."""
    return st.kind == "CREATE" and bool(
        re.search(r"\bAS[\s(]*(SELECT|WITH|VALUES)\b", st.text, re.I)
        and re.match(r"CREATE\s+TABLE\b", st.text, re.I)
    )


def _statement_line(stmts: list[Statement], line: int) -> int:
    starts = [st.line for st in stmts if st.line <= line]
    return starts[-1] if starts else line


def _first_insert_line(stmts: list[Statement]) -> int:
    return next((st.line for st in stmts if st.kind == "INSERT"), 0)


def _crash(stmts: list[Statement], error: Exception, planning: bool) -> Outcome:
    where = traceback.extract_tb(error.__traceback__)[-1]
    message = (
        f"crash while {'planning' if planning else 'running'}: "
        f"{type(error).__name__}: {error} ({Path(where.filename).name}:{where.lineno})"
    )
    return Outcome(False, _first_insert_line(stmts), message.splitlines()[0], crashed=True)


def _groups(
    stmts: list[Statement], rows: dict[str, list[str]]
) -> list[tuple[str | None, list[str]]]:
    """Rows grouped per sink with the headers flink-run prints (see its `attribute`/`report`)."""
    targets = insert_targets(stmts)
    kinds = connectors(stmts)
    # a bare SELECT runs where it stands, the INSERTs together after the last statement
    groups: list[tuple[str | None, list[str]]] = [
        (f"-- {st.kind.lower()} (line {st.line})", rows.get(f"{SELECT_ROWS}{st.line}", []))
        for st in stmts
        if st.kind in SHOWN
    ]
    # then the sinks only a CREATE TABLE ... AS SELECT wrote, in the order they wrote rows
    shown = {_short(name) for name in targets}
    ctas = [key for key in rows if not key.startswith(SELECT_ROWS) and key not in shown]
    for name in targets + ctas:
        connector = kinds.get(_short(name), "?")
        if connector == "print" or _short(name) in rows:
            groups.append((f"-- sink {name}", rows.get(_short(name), [])))
        else:
            groups.append((f"-- sink {name} ({connector}: not a print sink, rows not shown)", []))
    inserts = sum(1 for st in stmts if st.kind == "INSERT")
    if (
        len(groups) == 1
        and inserts == 1
        and groups[0][0].startswith("-- sink")
        and not groups[0][0].endswith("not shown)")
    ):
        return [(None, groups[0][1])] if groups[0][1] else []  # flink-run prints just `OK`
    return groups


# ---------------------------------------------------------------- comparing


@dataclass
class Comparison:
    case: Case
    expected: Outcome
    ours: Outcome
    agree: bool
    reason: str  # one line: why they differ ("" when they agree)


def compare(case: Case, ours: Outcome | None = None) -> Comparison:
    """Our outcome against Flink's: the same rows in the same order for OK; a refusal at the
    same statement line for ERROR (and Flink's message in ours when the case is marked
    `-- golden: expect-message`). An extension case (`-- golden: extension`) uses an option
    Flink does not have: we must accept it."""
    expected = case.expected()
    ours = ours or run_ours(case)
    if case.divergent:  # a deliberate divergence: our own expectation, matched exactly
        reason = _disagreement(case, _ours_expected(case), ours)
        return Comparison(
            case,
            expected,
            ours,
            not reason,
            reason and f"deliberate divergence not as recorded: {reason}",
        )
    reason = _disagreement(case, expected, ours)
    return Comparison(case, expected, ours, not reason, reason)


def _ours_expected(case: Case) -> Outcome:
    return parse_expected(case.ours_path.read_text(encoding="utf-8"))


def _disagreement(case: Case, expected: Outcome, ours: Outcome) -> str:
    if ours.crashed:
        return ours.message
    if EXTENSION in case.markers:
        return "" if ours.ok else f"extension refused: {ours.message}"
    if expected.ok and not ours.ok:
        return f"we refuse (line {ours.line}): {ours.message}"
    if not expected.ok and ours.ok:
        return f"we accept; Flink: {expected.message.splitlines()[0]}"
    if not expected.ok:
        if ours.line != expected.line:
            return f"we refuse at line {ours.line}, Flink at {expected.line}: {ours.message}"
        wanted = expected.message.splitlines()[0]
        if EXPECT_MESSAGE in case.markers and wanted not in ours.message:
            return f"message differs: ours {ours.message!r}, Flink {wanted!r}"
        return ""
    return _rows_disagreement(expected, ours)


def _rows_disagreement(expected: Outcome, ours: Outcome) -> str:
    want, got = _lines(expected), _lines(ours)
    if want == got:
        return ""
    for mine, theirs in zip(got, want, strict=False):
        if mine != theirs:
            kind = "sinks" if mine.startswith("-- ") or theirs.startswith("-- ") else "rows"
            return f"{kind} differ: Flink {theirs}, ours {mine}"
    if len(want) > len(got):
        return f"Flink has more rows: {want[len(got)]}"
    return f"we have more rows: {got[len(want)]}"


def _lines(outcome: Outcome) -> list[str]:
    return [line for header, rows in outcome.groups for line in ([header] if header else []) + rows]
