"""Reading a csv file as Flink 2.3's csv format reads it (Jackson's csv parser underneath).

The rules, each checked against real Flink (tests/golden/ddl/csv_*):
- Fields are positional; a field beyond the declared columns fails the line ("Too many
  entries"), except one empty field at the end of a line (`1,a,` for two columns): two or
  more (`1,a,,`) fail it too, whichever columns the query reads.
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
empty field and a missing one both as null, so the field count of a line comes from
`LineIndex` (the file's lines, through Polars too): it tells a missing field from an empty
one, and `1,a,,` (its extra field empty) from `1,a,`. A light first pass (the most delimiters
on a line) says whether any line may have two extra fields; only then, or for the rows with
a null, the index is loaded. The
Python fallback (Python's `csv` module, line by line) is taken only when an option demands
what Polars cannot do: 'csv.escape-character', or a delimiter or quote character that is not
one byte.
"""

from __future__ import annotations

import csv
import io
import itertools
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
LAST = "__bailian_last"  # the last declared field: when set, no field of the line is missing
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
    positional = not fmt.header and bool(table.data_columns)
    index = LineIndex(file, fmt, len(table.data_columns) if positional else None)
    raw = _scan(table, file, fmt, index.most_fields() if positional else 0)
    names = [c.name for c in columns]
    if positional:  # see the last and the extra field
        raw = raw.with_columns(pl.col(table.data_columns[-1].name).alias(LAST))
        names += [LAST, EXTRA]
    for batch in raw.select(names or [EXTRA]).collect_batches():
        yield batch, index


def needs_fallback(fmt: CsvFormat) -> bool:
    """Whether Polars cannot split this csv: an escape character, or a delimiter or quote
    character that is not a single byte."""
    single = all(len(c.encode()) == 1 for c in (fmt.delimiter, fmt.quote or '"'))
    return fmt.escape is not None or not single


def _scan(table: TableSpec, file: Path, fmt: CsvFormat, most_fields: int) -> pl.LazyFrame:
    """The file's fields as text; positional fields are named by the declared columns, then
    `EXTRA`, then as many more as the longest line needs (Polars refuses a first line longer
    than its schema; only the declared ones and `EXTRA` are ever read)."""
    data = table.data_columns
    past = [f"{EXTRA}_{i}" for i in range(len(data) + 2, most_fields + 1)]
    schema = (
        None
        if fmt.header
        else {c.name: pl.String for c in data} | dict.fromkeys([EXTRA, *past], pl.String)
    )
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

    def __init__(self, file: Path, fmt: CsvFormat, declared: int | None = None):
        self.file = file
        self.fmt = fmt
        self.declared = declared  # the table's columns, when its fields are positional
        self._lines: pl.Series | None = None
        self._fields: pl.Series | None = None
        self._bound: int | None = None  # `most_fields` before the index is loaded

    @classmethod
    def known(cls, file: Path, fmt: CsvFormat, declared: int | None = None) -> LineIndex:
        """An index its reader fills as it reads (`add`), as the Python fallback does."""
        index = cls(file, fmt, declared)
        index._lines = pl.Series([], dtype=pl.Int64)
        index._fields = pl.Series([], dtype=pl.Int64)
        return index

    def add(self, lines: list[int], fields: list[int]) -> None:
        assert self._lines is not None and self._fields is not None
        self._lines = self._lines.append(pl.Series(lines, dtype=pl.Int64))
        self._fields = self._fields.append(pl.Series(fields, dtype=pl.Int64))

    def __len__(self) -> int:
        return 0 if self._lines is None else len(self._lines)

    def line(self, record: int) -> int | None:
        self._load()
        assert self._lines is not None
        return int(self._lines[record]) if record < len(self._lines) else None

    def most_fields(self) -> int:
        """At least the field count of the file's longest record: exact once the index is
        loaded, else one light pass counting each line's delimiters (quoted ones too, so it
        may count more, never less; 0 for an empty file)."""
        if self._fields is not None:
            return int(self._fields.max() or 0)  # type: ignore[arg-type]
        if self._bound is None:
            delimiters = pl.col("line").str.count_matches(self.fmt.delimiter, literal=True)
            most = pl.scan_lines(self.file).select(delimiters.max()).collect(engine="streaming")
            self._bound = 0 if most.item() is None else int(most.item()) + 1
        return self._bound

    def too_many(self, records: pl.Series) -> pl.Series:
        """Whether each of `records` has two or more fields past the declared ones (Flink's
        "Too many entries"; a single extra field is seen by its value, `EXTRA`). The index is
        loaded only when some line may have that many."""
        if self.declared is None or self.most_fields() <= self.declared + 1:
            return pl.repeat(False, len(records), dtype=pl.Boolean, eager=True)
        return self.fields(records) > self.declared + 1

    def fields(self, records: pl.Series) -> pl.Series:
        """The number of fields of each of `records` (record numbers)."""
        self._load()
        assert self._fields is not None
        return self._fields.gather(records)

    def _load(self) -> None:
        """Line numbers and field counts, computed by Polars over the lines (only a quoted
        line's text is kept, to count its fields exactly)."""
        if self._lines is not None:
            return
        fmt, quote = self.fmt, self.fmt.quote
        lines = pl.scan_lines(self.file, row_index_name="no", row_index_offset=1)
        if fmt.comments:
            lines = lines.filter(~pl.col("line").str.starts_with("#"))
        if fmt.header:
            lines = lines.slice(1)
        line = pl.col("line")
        quoted = line.str.contains(quote, literal=True) if quote else pl.lit(False)
        odd = line.str.count_matches(quote, literal=True) % 2 == 1 if quote else pl.lit(False)
        frame = lines.select(
            pl.col("no").cast(pl.Int64),
            (line.str.count_matches(fmt.delimiter, literal=True) + 1).cast(pl.Int64).alias("n"),
            pl.when(quoted).then(line).alias("quoted"),
            odd.alias("odd"),
        ).collect(engine="streaming")
        if bool(frame.get_column("odd").any()):  # a quoted field spans lines: Python's csv
            self._lines, self._fields = _python_index(self.file, fmt)
            return
        counts = frame.get_column("n")
        texts = frame.get_column("quoted")
        rows = texts.is_not_null().arg_true()
        if len(rows):  # a quoted delimiter does not separate: those lines by Python's csv
            exact = [_field_count(texts[int(i)], fmt) for i in rows]
            counts = counts.scatter(rows, pl.Series(exact, dtype=pl.Int64))
        self._lines = frame.get_column("no")
        self._fields = counts


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
    index = LineIndex.known(file, fmt, len(data))
    rows: list[tuple[int, list[str]]] = []
    for record in _records(file, fmt):
        rows.append(record)
        if len(rows) == FALLBACK_BATCH:
            yield _fallback_batch(rows, names, positions, index), index
            rows = []
    if rows or not len(index):
        yield _fallback_batch(rows, names, positions, index), index


def _fallback_batch(
    rows: list[tuple[int, list[str]]], names: list[str], positions: list[int], index: LineIndex
) -> pl.DataFrame:
    """Records as the fast path gives them (text columns, null for an empty or missing field):
    written back as plain csv by Python's csv module and read by Polars, both in C."""
    index.add([line for line, _ in rows], [len(values) for _, values in rows])
    buffer = io.StringIO()
    width = max(positions) + 1  # fields past it are counted by the index, never read
    csv.writer(buffer, lineterminator="\n").writerows(values[:width] for _, values in rows)
    schema = {f"c{i}": pl.String for i in range(width)}
    frame = pl.read_csv(
        io.BytesIO(buffer.getvalue().encode("utf-8")),
        has_header=False,
        schema=schema,
        infer_schema=False,
        truncate_ragged_lines=True,
        missing_columns="insert",
    )
    return frame.select(pl.col(f"c{p}").alias(n) for n, p in zip(names, positions, strict=False))


def check_records(
    batch: pl.DataFrame,
    offset: int,
    positions: Sequence[int],
    index: LineIndex,
    faults: ParseFaults,
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """Flink's rules on a batch's fields (`positions`: where each text column of the batch is
    in a line): a line with too many fields fails or is skipped; one with fewer than the query
    reads fails, or its missing fields are NULL. Returns the batch (with each row's `RECORD`)
    without the skipped lines, and for each column whether a null in it is an empty field
    (True) rather than a missing one (None: the batch has no null)."""
    names = [n for n in batch.columns if n not in (EXTRA, LAST)]
    records = pl.int_range(offset, offset + batch.height, dtype=pl.Int64, eager=True)
    marked = _without_too_many(batch.with_columns(records.alias(RECORD)), index, faults)
    if not names or not any(marked.get_column(n).has_nulls() for n in names):
        return marked.drop(LAST, strict=False), None
    some_null = pl.any_horizontal(pl.col(n).is_null() for n in names)
    if LAST in marked.columns:  # the last declared field there: every null is an empty field
        some_null = some_null & pl.col(LAST).is_null()
    with_null = marked.filter(some_null).get_column(RECORD)
    marked = marked.drop(LAST, strict=False)
    counts = _field_counts(marked.get_column(RECORD), with_null, index)
    short = counts < len(names)
    for record, count in zip(
        marked.get_column(RECORD).filter(short), counts.filter(short), strict=False
    ):
        faults.note(
            faults.where(index.line(record), record),
            f"{_fields(count)}, {len(names)} expected (Flink: Row length mismatch. "
            f"{len(names)} fields expected but was {count}.)",
        )
    empty = marked.select(
        (pl.col(n).is_null() & (counts > position)).alias(n)
        for n, position in zip(names, positions, strict=False)
    )
    return marked, empty


def _without_too_many(marked: pl.DataFrame, index: LineIndex, faults: ParseFaults) -> pl.DataFrame:
    """The batch without its lines that have a field past the declared ones (each an error,
    or skipped with a warning)."""
    if EXTRA not in marked.columns:
        return marked
    beyond = pl.col(EXTRA).is_not_null() | index.too_many(marked.get_column(RECORD))
    too_many = marked.filter(beyond).get_column(RECORD)
    for record in too_many:
        faults.line(
            faults.where(index.line(record), record),
            "more fields than the table declares (Flink: Too many entries)",
        )
    if len(too_many):
        marked = marked.filter(~beyond)
    return marked.drop(EXTRA)


def _fields(count: int) -> str:
    return "1 field" if count == 1 else f"{count} fields"


def _field_counts(records: pl.Series, with_null: pl.Series, index: LineIndex) -> pl.Series:
    """The field count of each of `records`: looked up for those `with_null` (an empty or a
    missing field), any other counts as complete."""
    if not len(with_null):
        return pl.repeat(1 << 62, len(records), dtype=pl.Int64, eager=True)
    looked_up = pl.DataFrame({RECORD: with_null, "n": index.fields(with_null)})
    joined = pl.DataFrame({RECORD: records}).join(
        looked_up, on=RECORD, how="left", maintain_order="left"
    )
    return joined.get_column("n").fill_null(1 << 62)


def field_column(file: Path, line: int, field: int, fmt: CsvFormat) -> int | None:
    """The column (from 1, in characters) where field `field` of the record starting at line
    `line` starts, for an error's location; None when that line does not hold it (a quoted
    field spans lines before it) or cannot be read again."""
    try:
        with open(file, encoding="utf-8", errors="replace", newline="") as handle:
            text = next(itertools.islice(handle, line - 1, None), "")
    except OSError:
        return None
    at, quoted, count = 0, False, 0
    while count < field:
        if at >= len(text):
            return None
        if fmt.escape is not None and text[at] == fmt.escape:
            at += 2
            continue
        if fmt.quote is not None and text[at] == fmt.quote:
            quoted = not quoted  # a doubled quote inside a field flips it twice
        elif not quoted and text.startswith(fmt.delimiter, at):
            count += 1
            at += len(fmt.delimiter)
            continue
        at += 1
    return at + 1
