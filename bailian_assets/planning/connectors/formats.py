"""Flink's `csv` and `json` formats: their options, typed and checked as Flink 2.3 checks them.

The specs carry no defaults (so two declarations differ only by what they write);
`CsvFormat` and `JsonFormat` apply Flink's.

A format's options are prefixed with its name (`csv.null-literal`). As in Flink's filesystem
connector, only the options of the table's own format are taken: another format's option is
refused as unknown (`'format' = 'csv'` with `'json.ignore-parse-errors'`), while an option with
the format's own prefix that the format does not know (`'csv.foo'`, a misspelt
`'csv.ignore-parse-error'`) is ignored, as Flink ignores it, with a warning that names it.

`CsvFormat` and `JsonFormat` are the options as reading and writing use them.
"""

from __future__ import annotations

import codecs
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from bailian_assets.planning.options import OptionSpec, boolean, choice, text

TIMESTAMP_STANDARDS = ("SQL", "ISO-8601")


def single_character(value: str) -> str:
    """One character, after Java's escapes (`'\\t'` is a tab), as Flink's csv options take."""
    try:
        unescaped = codecs.decode(value, "unicode_escape") if "\\" in value else value
    except UnicodeDecodeError:
        unescaped = value
    if len(unescaped) != 1:
        raise ValueError(f"must be a string with single character, but was: {value}")
    return unescaped


CSV_OPTIONS = (
    OptionSpec("csv.field-delimiter", single_character),
    OptionSpec("csv.quote-character", single_character),
    OptionSpec("csv.disable-quote-character", boolean),
    OptionSpec("csv.allow-comments", boolean),
    OptionSpec("csv.ignore-parse-errors", boolean),
    OptionSpec("csv.array-element-delimiter", text),
    OptionSpec("csv.escape-character", single_character),
    OptionSpec("csv.null-literal", text),
    OptionSpec("csv.header", boolean),  # ours: Flink's csv has no header
)

JSON_OPTIONS = (
    OptionSpec("json.fail-on-missing-field", boolean),
    OptionSpec("json.ignore-parse-errors", boolean),
    OptionSpec(
        "json.timestamp-format.standard",
        choice(*TIMESTAMP_STANDARDS, case_sensitive=True),
    ),
    OptionSpec("json.decode.json-parser.enabled", boolean),
)

OPTIONS = {"csv": CSV_OPTIONS, "json": JSON_OPTIONS}


def format_option_specs(fmt: str | None) -> tuple[OptionSpec, ...]:
    """The options of format `fmt` (none for parquet or an unknown format)."""
    return OPTIONS.get(fmt or "", ())


def is_ignored_option(fmt: str | None, key: str) -> bool:
    """Whether Flink ignores `key`: prefixed with the table's format but not an option of it."""
    specs = OPTIONS.get(fmt or "")
    return specs is not None and key.startswith(f"{fmt}.") and all(s.key != key for s in specs)


def check_format_options(
    values: Mapping[str, object], given: Collection[str], owner: str
) -> str | None:
    """What the format's options (`values`, defaults filled; `given`: the keys written) cannot
    be together, in Flink's words; None when fine."""
    fmt = values.get("format")
    quoted = "csv.quote-character" in given
    if fmt == "csv" and values.get("csv.disable-quote-character") and quoted:
        return (
            f"{owner}: Format cannot define a quote character and disabled quote character "
            "at the same time."
        )
    if fmt == "json" and values.get("json.fail-on-missing-field"):
        if values.get("json.ignore-parse-errors"):
            return f"{owner}: fail-on-missing-field and ignore-parse-errors shouldn't both be true."
    return None


@dataclass(frozen=True)
class CsvFormat:
    """A csv table's reading and writing options."""

    delimiter: str = ","
    quote: str | None = '"'  # None: quoting disabled
    escape: str | None = None
    comments: bool = False  # lines starting with '#' are skipped
    ignore_parse_errors: bool = False
    null_literal: str | None = None
    array_delimiter: str = ";"
    header: bool = False

    @classmethod
    def of(cls, options: Mapping[str, object]) -> CsvFormat:
        disabled = bool(options.get("csv.disable-quote-character"))
        escape = options.get("csv.escape-character")
        literal = options.get("csv.null-literal")
        return cls(
            delimiter=str(options.get("csv.field-delimiter") or ","),
            quote=None if disabled else str(options.get("csv.quote-character") or '"'),
            escape=None if escape is None else str(escape),
            comments=bool(options.get("csv.allow-comments")),
            ignore_parse_errors=bool(options.get("csv.ignore-parse-errors")),
            null_literal=None if literal is None else str(literal),
            array_delimiter=str(options.get("csv.array-element-delimiter") or ";"),
            header=bool(options.get("csv.header")),
        )


@dataclass(frozen=True)
class JsonFormat:
    """A json table's reading and writing options."""

    fail_on_missing_field: bool = False
    ignore_parse_errors: bool = False
    timestamp_standard: str = "SQL"

    @classmethod
    def of(cls, options: Mapping[str, object]) -> JsonFormat:
        return cls(
            fail_on_missing_field=bool(options.get("json.fail-on-missing-field")),
            ignore_parse_errors=bool(options.get("json.ignore-parse-errors")),
            timestamp_standard=str(options.get("json.timestamp-format.standard") or "SQL"),
        )


__all__ = [
    "CSV_OPTIONS",
    "JSON_OPTIONS",
    "CsvFormat",
    "JsonFormat",
    "check_format_options",
    "format_option_specs",
    "is_ignored_option",
]
