"""Reading a csv file as Flink 2.3's csv format reads it (Jackson's csv parser underneath).

The rules, each checked against real Flink (tests/golden/ddl/csv_*):
- Fields are positional; a field beyond the declared columns fails the line ("Too many
  entries"), except one empty field at the end of a line (`1,a,` for two columns).
- A line with fewer fields than the columns the query reads fails ("Row length mismatch");
  with fewer fields than declared but enough for the query, the missing ones are NULL. A blank
  line is one empty field.
- An empty field is the empty string for STRING, false for BOOLEAN (Java's
  `Boolean.parseBoolean`), and fails for every other type (`NumberFormatException` for an
  INT), unless 'csv.null-literal' matches it (`'csv.null-literal' = ''`): the null literal,
  quoted or not, is NULL in every type.
- 'csv.ignore-parse-errors': a value that does not parse is NULL, a line with too many fields
  is skipped, a line with too few fields reads the missing ones as NULL; each is a warning
  (`parse_faults`).
- 'csv.allow-comments': lines starting with `#` are skipped.

Fast path: Polars' lazy `scan_csv` reads the fields as text (only the columns the query uses,
plus one past the last declared to see too many fields), a batch at a time. Polars reads an
empty field and a missing one both as null; only for the rows with such a null, the field
count of their lines is looked up (`LineIndex`: the file's lines, through Polars too). The
Python fallback (Python's `csv` module, line by line) is taken only when an option demands
what Polars cannot do: 'csv.escape-character', or a delimiter or quote character that is not
one byte.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

import polars as pl

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.parse_faults import ParseFaults
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.connectors.formats import CsvFormat
from bailian_assets.sql import ast

EXTRA = "__bailian_extra"  # the field after the last declared one
RECORD = "__bailian_record"  # a row's record number in its file
FALLBACK_BATCH = 50_000


def csv_text_batches(
    table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef], fmt: CsvFormat
) -> Iterator[tuple[pl.DataFrame, LineIndex]]:
    """Batches of the file's records as text (the `columns` asked for, null for an empty or
    missing field, plus `EXTRA` unless the file has a header), with the index of their lines.
    A batch's row `i` is record `offset + i` of the file; the index is shared by the batches."""
    if needs_fallback(fmt):
        yield from _python_batches(table, file, columns, fmt)
        return
    index = LineIndex(file, fmt)
    raw = _scan(table, file, fmt)
    names = [c.name for c in columns] + ([] if fmt.header else [EXTRA])
    for batch in raw.select(names or [EXTRA]).collect_batches():
        yield batch, index


def needs_fallback(fmt: CsvFormat) -> bool:
    """Whether Polars cannot split this csv: an escape character, or a delimiter or quote
    character that is not a single byte."""
    single = all(len(c.encode()) == 1 for c in (fmt.delimiter, fmt.quote or '"'))
    return fmt.escape is not None or not single


def _scan(table: TableSpec, file: Path, fmt: CsvFormat) -> pl.LazyFrame:
    data = table.data_columns
    schema = None if fmt.header else {c.name: pl.String for c in data} | {EXTRA: pl.String}
    return pl.scan_csv(
        file,
        has_header=fmt.header,
        schema=schema,
        missing_columns=None if fmt.header else "insert",
        separator=fmt.delimiter,
        quote_char=fmt.quote,
        comment_prefix="#" if fmt.comments else None,
        infer_schema=False,
        truncate_ragged_lines=True,
    )


class LineIndex:
    """Where each record of a csv file starts (its line) and how many fields it has, read
    when first asked (most files never need it): through Polars' line scan when records are
    lines (no quoted field spans lines), else through Python's csv module."""

    def __init__(self, file: Path, fmt: CsvFormat):
        self.file = file
        self.fmt = fmt
        self._lines: pl.Series | None = None
        self._fields: pl.Series | None = None

    @classmethod
    def known(cls, file: Path, fmt: CsvFormat, lines: list[int], fields: list[int]) -> LineIndex:
        index = cls(file, fmt)
        index._lines = pl.Series(lines, dtype=pl.Int64)
        index._fields = pl.Series(fields, dtype=pl.Int64)
        return index

    def line(self, record: int) -> int | None:
        self._load()
        assert self._lines is not None
        return int(self._lines[record]) if record < len(self._lines) else None

    def fields(self, records: pl.Series) -> pl.Series:
        """The number of fields of each of `records` (record numbers)."""
        self._load()
        assert self._fields is not None
        return self._fields.gather(records)

    def _load(self) -> None:
        if self._lines is not None:
            return
        fmt = self.fmt
        quote = fmt.quote
        lines = pl.scan_lines(self.file, row_index_name="no", row_index_offset=1)
        if fmt.comments:
            lines = lines.filter(~pl.col("line").str.starts_with("#"))
        frame = lines.collect()
        if fmt.header:
            frame = frame.slice(1)
        text = frame.get_column("line")
        quoted = (
            text.str.contains(quote, literal=True)
            if quote is not None
            else pl.Series([False] * len(text))
        )
        if quote is not None and bool((text.str.count_matches(quote, literal=True) % 2 == 1).any()):
            self._lines, self._fields = _python_index(self.file, fmt)  # a field spans lines
            return
        counts = text.str.count_matches(fmt.delimiter, literal=True) + 1
        if bool(quoted.any()):  # quoted delimiters do not count: those lines by Python
            rows = quoted.arg_true()
            exact = [_field_count(text[int(i)], fmt) for i in rows]
            counts = counts.scatter(rows, pl.Series(exact, dtype=counts.dtype))
        self._lines = frame.get_column("no").cast(pl.Int64)
        self._fields = counts.cast(pl.Int64)


def _field_count(line: str, fmt: CsvFormat) -> int:
    return len(next(_reader([line], fmt), [""]))


def _reader(lines, fmt: CsvFormat):
    return csv.reader(
        lines,
        delimiter=fmt.delimiter,
        quotechar=fmt.quote or '"',
        escapechar=fmt.escape,
        quoting=csv.QUOTE_NONE if fmt.quote is None else csv.QUOTE_MINIMAL,
        doublequote=True,
        strict=False,
    )


def _records(file: Path, fmt: CsvFormat) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of each record, comments skipped (the header too)."""
    with open(file, encoding="utf-8", newline="") as handle:
        numbered = _numbered(handle, fmt)
        reader = _reader((text for _, text in numbered), fmt)
        first = True
        for fields in reader:
            if first and fmt.header:
                first = False
                continue
            first = False
            yield numbered.start, fields or [""]


class _Numbered:
    """The lines of a file for `csv.reader`, comments left out, remembering where the record
    being read started."""

    def __init__(self, handle, fmt: CsvFormat):
        self.handle = handle
        self.fmt = fmt
        self.no = 0
        self.start = 0
        self.inside = False  # a quoted field continues on the next line

    def __iter__(self):
        for text in self.handle:
            self.no += 1
            if not self.inside and self.fmt.comments and text.startswith("#"):
                continue
            if not self.inside:
                self.start = self.no
            if self.fmt.quote is not None and text.count(self.fmt.quote) % 2 == 1:
                self.inside = not self.inside
            yield self.no, text


def _numbered(handle, fmt: CsvFormat) -> _Numbered:
    return _Numbered(handle, fmt)


def _python_index(file: Path, fmt: CsvFormat) -> tuple[pl.Series, pl.Series]:
    lines, fields = [], []
    for line, values in _records(file, fmt):
        lines.append(line)
        fields.append(len(values))
    return pl.Series(lines, dtype=pl.Int64), pl.Series(fields, dtype=pl.Int64)


def _python_batches(
    table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef], fmt: CsvFormat
) -> Iterator[tuple[pl.DataFrame, LineIndex]]:
    """The fallback: Python's csv module, record by record (empty fields read as null, as
    Polars reads them)."""
    data = [c.name for c in table.data_columns]
    if fmt.header:
        raise ExecutionError(
            f"{file}: 'csv.header' cannot go with 'csv.escape-character' or a multi-byte "
            "delimiter or quote character"
        )
    positions = [data.index(c.name) for c in columns] + [len(data)]
    names = [c.name for c in columns] + [EXTRA]
    lines: list[int] = []
    fields: list[int] = []
    cells: list[list[str | None]] = [[] for _ in names]
    for line, values in _records(file, fmt):
        lines.append(line)
        fields.append(len(values))
        for cell, position in zip(cells, positions):
            cell.append(values[position] or None if position < len(values) else None)
    index = LineIndex.known(file, fmt, lines, fields)
    frame = pl.DataFrame({n: pl.Series(n, c, dtype=pl.String) for n, c in zip(names, cells)})
    for start in range(0, max(frame.height, 1), FALLBACK_BATCH):
        yield frame.slice(start, FALLBACK_BATCH), index


def check_records(
    batch: pl.DataFrame,
    offset: int,
    positions: Sequence[int],
    index: LineIndex,
    faults: ParseFaults,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Flink's rules on a batch's fields (`positions`: where each text column of the batch is
    in a line): a line with too many fields fails or is skipped; one with fewer than the query
    reads fails, or its missing fields are NULL. Returns the batch without the skipped lines,
    and for each column whether a null in it is an empty field (True) rather than a missing one."""
    names = [n for n in batch.columns if n != EXTRA]
    keep = pl.Series([True] * batch.height)
    if EXTRA in batch.columns:
        too_many = batch.get_column(EXTRA).is_not_null()
        for row in too_many.arg_true():
            record = offset + int(row)
            faults.line(
                faults.where(index.line(record), record),
                "more fields than the table declares (Flink: Too many entries)",
            )
        keep = ~too_many
    counts = _field_counts(batch, names, keep, offset, index)
    for row in (counts < len(names)).arg_true():
        record = offset + int(row)
        faults.note(
            faults.where(index.line(record), record),
            f"{_fields(int(counts[int(row)]))}, {len(names)} expected "
            f"(Flink: Row length mismatch. {len(names)} fields expected but was {int(counts[int(row)])}.)",
        )
    empty = pl.DataFrame(
        [
            (batch.get_column(n).is_null() & (counts > position)).alias(n)
            for n, position in zip(names, positions)
        ]
    )
    records = pl.int_range(offset, offset + batch.height, dtype=pl.Int64, eager=True)
    batch = batch.drop(EXTRA, strict=False).with_columns(records.alias(RECORD))
    return batch.filter(keep), empty.filter(keep)


def _fields(count: int) -> str:
    return "1 field" if count == 1 else f"{count} fields"


def _field_counts(
    batch: pl.DataFrame, names: Sequence[str], keep: pl.Series, offset: int, index: LineIndex
) -> pl.Series:
    """The field count of each line that has a null among `names` (only those are looked
    up); every other line counts as complete."""
    complete = 1 << 62
    counts = pl.Series([complete] * batch.height, dtype=pl.Int64)
    if not names:
        return counts
    nulls = batch.select(pl.any_horizontal(pl.col(n).is_null() for n in names)).to_series()
    rows = (nulls & keep).arg_true()
    if len(rows):
        counts = counts.scatter(rows, index.fields(rows.cast(pl.Int64) + offset))
    return counts
