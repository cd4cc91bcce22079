"""Reading a json-lines file as Flink 2.3's json format reads it.

A field the table declares but a line lacks is NULL, or fails the job with
'json.fail-on-missing-field'. A value of the wrong type fails the job, or with
'json.ignore-parse-errors' is NULL; a line that is not a json object fails the job, or is
skipped; each ignored one is a warning naming its line (`parse_faults`). TIMESTAMP values are
read in 'json.timestamp-format.standard' only: `SQL` (`2024-01-05 10:00:00`, the default) or
`ISO-8601` (`2024-01-05T10:00:00`); a TIMESTAMP_LTZ ends with `Z`. A STRING column takes any
value: a number or boolean as its text, an object or array as its compact json.

Fast path: Polars' lazy `scan_ndjson`, a batch at a time. The Python fallback (`json.loads`
line by line) is taken when an option demands what Polars cannot tell: a field absent from
a line ('json.fail-on-missing-field'), or a line that is not json when its errors are ignored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import polars as pl

from bailian_assets.executor.parse_faults import ParseFaults
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.connectors.formats import JsonFormat
from bailian_assets.sql import ast

FALLBACK_BATCH = 50_000
_INTEGERS = ("TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT")


def json_batches(
    table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef], fmt: JsonFormat
) -> Iterator[pl.DataFrame]:
    """The file's rows, `columns` typed (see the module docstring)."""
    from bailian_assets.executor.file_formats import check_columns, typed_batch

    faults = ParseFaults(file, fmt.ignore_parse_errors, "json.ignore-parse-errors")
    read = list(columns) or list(table.data_columns[:1])  # no column: still count rows
    offset = 0  # rows given by the fast path (after which it cannot fall back)
    if not fmt.fail_on_missing_field:
        try:
            raw = pl.scan_ndjson(file, infer_schema_length=None)
            check_columns(table, raw.collect_schema().names(), file)
            batches = raw.select(c.name for c in read).collect_batches()
            for batch in batches:
                text = _strings_for_text_columns(batch, columns)
                yield typed_batch(
                    text,
                    columns,
                    faults,
                    _numbered(file, [offset + i + 1 for i in range(batch.height)]),
                    fmt.timestamp_standard,
                )
                offset += batch.height
            faults.finish()
            return
        except pl.exceptions.PolarsError:
            if not fmt.ignore_parse_errors or offset:
                raise
    for lines, frame in _python_batches(file, read, fmt, faults):
        yield typed_batch(
            frame,
            columns,
            faults,
            _numbered(file, lines),
            fmt.timestamp_standard,
        )
    faults.finish()


def _numbered(file: Path, lines: Sequence[int]) -> Callable[[int, int], str]:
    """Where a batch's row is: its file and line."""
    return lambda row, field: f"{file}:{lines[row]}"


def _strings_for_text_columns(
    frame: pl.DataFrame, columns: Sequence[ast.ColumnDef]
) -> pl.DataFrame:
    """A STRING column's objects as their compact json (Flink's JsonNode.toString)."""
    out = []
    for column in columns:
        series = frame.get_column(column.name)
        if isinstance(series.dtype, pl.Struct) and column.type.name in ("STRING", "VARCHAR"):
            series = series.struct.json_encode().alias(column.name)
        out.append(series)
    return pl.DataFrame(out) if out else pl.DataFrame(height=frame.height)


def _python_batches(
    file: Path, columns: Sequence[ast.ColumnDef], fmt: JsonFormat, faults: ParseFaults
) -> Iterator[tuple[list[int], pl.DataFrame]]:
    """The fallback: each line parsed by `json.loads`, values as Flink's text of them."""
    names = [c.name for c in columns]
    lines: list[int] = []
    cells: list[list[str | None]] = [[] for _ in names]
    with open(file, encoding="utf-8") as handle:
        for no, text in enumerate(handle, 1):
            if not text.strip():
                continue
            record = _object(text)
            if record is None:
                faults.line(f"{file}:{no}", "not a json object")
                continue
            if fmt.fail_on_missing_field:
                missing = [n for n in names if n not in record]
                if missing:
                    faults.line(
                        f"{file}:{no}",
                        f"no field '{missing[0]}' (Flink: Some field is missing in the JSON data.)",
                    )
                    continue
            lines.append(no)
            for cell, column in zip(cells, columns, strict=False):
                cell.append(_text(record.get(column.name), column.type.name in _INTEGERS))
            if len(lines) == FALLBACK_BATCH:
                yield lines, _frame(names, cells)
                lines, cells = [], [[] for _ in names]
    if lines or not names:
        yield lines, _frame(names, cells)


def _object(text: str) -> dict | None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python's stack
        return None
    return value if isinstance(value, dict) else None


def _text(value: object, integral: bool = False) -> str | None:
    """A json value as Flink's text of it (what a STRING column holds, what others parse);
    a json number read into an integer column is truncated, as Jackson's `asInt` does."""
    if value is None:
        return None
    if integral and isinstance(value, float) and math.isfinite(value):
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _frame(names: Sequence[str], cells: Sequence[list[str | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        {n: pl.Series(n, c, dtype=pl.String) for n, c in zip(names, cells, strict=False)}
    )
