"""Flink's own `SET` keys that a batch job reads, and the values Flink refuses for them.

Flink keeps a `SET` value as text and parses it when the job reads the key, so a bad value fails
the job, at its first statement that runs (`INSERT`, or a bare `SELECT`), never at the `SET`
(a file without such a statement never fails). The keys here are the ones Flink 2.3 reads in a
batch job, each parsed as Flink's `ConfigOption` parses it (asked of the Flink oracle:
`parallelism.default = 'many'` fails, `table.exec.mini-batch.enabled = 'yes'` does not, since a
batch job never reads it). Other keys are kept and ignored, as Flink ignores the ones it does
not read.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable, Mapping

from bailian_assets.planning.options import Problem
from bailian_assets.sql import ast


def _integer(value: str) -> None:
    """Java's Integer.parseInt: digits with an optional sign, no spaces, within an INT."""
    if not re.fullmatch(r"[+-]?[0-9]+", value) or not -(2**31) <= int(value) < 2**31:
        raise ValueError(f'NumberFormatException: For input string: "{value}"')


def _parallelism(value: str) -> None:
    _integer(value)
    if int(value) < 1 and int(value) != -1:
        raise ValueError(
            "Parallelism must be at least one, or ExecutionConfig.PARALLELISM_DEFAULT "
            "(use system default)."
        )


def _boolean(value: str) -> None:
    if value.lower() not in ("true", "false"):
        raise ValueError(
            f"Unrecognized option for boolean: {value}. "
            "Expected either true or false(case insensitive)"
        )


def _enum(*names: str) -> Callable[[str], None]:
    def parse(value: str) -> None:
        if value.upper() not in names:
            raise ValueError(f"Expected one of: [{', '.join(names)}]")

    return parse


def _runtime_mode(value: str) -> None:
    _enum("STREAMING", "BATCH", "AUTOMATIC")(value)
    if value.upper() == "STREAMING":  # the job is a batch job: Flink refuses to switch
        raise ValueError(
            "Mismatch between configured runtime mode and actual runtime mode. Currently, "
            "the 'execution.runtime-mode' can only be set when instantiating the table "
            "environment."
        )


_DURATION_UNITS = (
    "d|day|days|h|hour|hours|min|m|minute|minutes|s|sec|secs|second|seconds|"
    "ms|milli|millis|millisecond|milliseconds|us|micro|micros|microsecond|microseconds|"
    "ns|nano|nanos|nanosecond|nanoseconds"
)
_DURATION = re.compile(rf"[0-9]+\s*({_DURATION_UNITS})?", re.IGNORECASE)
_ISO_DURATION = re.compile(r"P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?", re.I)


def _duration(value: str) -> None:
    """Flink's TimeUtils.parseDuration: `10 s`, `500ms`, `1min`, or ISO-8601 (`PT10S`)."""
    text = value.strip()
    if not (_DURATION.fullmatch(text) or _ISO_DURATION.fullmatch(text)):
        raise ValueError(
            "NumberFormatException: text does not start with a number, and is not a valid "
            f"ISO-8601 duration format: {value}"
        )


# java.time.ZoneId.SHORT_IDS: abbreviations Flink refuses as ambiguous
_SHORT_IDS = set(
    "ACT AET AGT ART AST BET BST CAT CNT CST CTT EAT ECT EST HST IET IST JST MIT MST NET NST "
    "PLT PNT PRT PST SST VST".split()
)


def _zone(value: str) -> None:
    """Flink's check of `table.local-time-zone`: a TZDB id or `GMT+hh:mm`; neither `UTC+8`
    nor a short id such as `PST`."""
    upper = value.upper()
    fixed = re.fullmatch(r"(GMT|UTC)?[+-]\d{1,2}(:\d{2})?|UTC|GMT|Z", upper) is not None
    try:
        valid = value == "default" or fixed or bool(zoneinfo.ZoneInfo(value))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        valid = False
    if not valid or upper.startswith(("UTC+", "UTC-")) or upper in _SHORT_IDS:
        raise ValueError(
            "Invalid time zone. The value should be a Time Zone Database (TZDB) ID such as "
            "'America/Los_Angeles' to include daylight saving time. Fixed offsets are "
            "supported using 'GMT-03:00' or 'GMT+03:00'. Or use 'UTC' without time zone and "
            "daylight saving time."
        )


# The keys a Flink 2.3 batch job reads, with their parsers (a ValueError says Flink's words).
FLINK_JOB_SETTINGS: dict[str, Callable[[str], None]] = {
    "parallelism.default": _parallelism,
    "pipeline.max-parallelism": _integer,
    "pipeline.object-reuse": _boolean,
    "execution.runtime-mode": _runtime_mode,
    "execution.batch-shuffle-mode": _enum(
        "ALL_EXCHANGES_PIPELINED",
        "ALL_EXCHANGES_BLOCKING",
        "ALL_EXCHANGES_HYBRID_FULL",
        "ALL_EXCHANGES_HYBRID_SELECTIVE",
    ),
    "execution.checkpointing.interval": _duration,
    "table.exec.resource.default-parallelism": _integer,
    "table.exec.sink.not-null-enforcer": _enum("ERROR", "DROP"),
    "table.dml-sync": _boolean,
    "table.optimizer.join-reorder-enabled": _boolean,
    "table.local-time-zone": _zone,
}


def job_setting_problems(script: ast.Script, settings: Mapping[str, str]) -> list[Problem]:
    """The first bad value among the file's final settings of Flink's keys, reported where
    Flink reports it: at the first statement that runs the job."""
    job = next(
        (s for s in script.statements if isinstance(s, (ast.Insert, ast.SelectStatement))),
        None,
    )
    if job is None:
        return []
    for key, value in settings.items():
        parse = FLINK_JOB_SETTINGS.get(key)
        if parse is None:
            continue
        try:
            parse(value)
        except ValueError as error:
            where = _set_line(script, key)
            message = (
                f"{error} (from: Could not parse value '{value}' for key '{key}'.) The value "
                f"was SET at line {where}; Flink reads it when the job runs, and fails it here"
            )
            return [Problem(message, job.position, 6)]
    return []


def _set_line(script: ast.Script, key: str) -> int:
    lines = [
        s.position.line
        for s in script.statements
        if isinstance(s, ast.SetStatement) and s.key == key
    ]
    return lines[-1] if lines else 0
