"""Dagster names for SQL names, and the clashes they could make.

Dagster names (asset key parts, op, group, job, resource, input and check names) must match
`^[A-Za-z0-9_]+$` and must not be one of a few reserved words; SQL names may hold anything
(`视图`, `` `a-b` ``). `dagster_name` maps every SQL name to a valid Dagster name, the same way
every time:

- ASCII letters, digits and `_` stay;
- any other ASCII character becomes `_` (`a-b` -> `a_b`, `my file` -> `my_file`);
- any other character becomes `u` and its code point in hex, set off by `_` from its
  neighbours (`视图` -> `u89c6_u56fe`, `评论_daily` -> `u8bc4_u8bba_daily`);
- a reserved word gets a trailing `_` (`input` -> `input_`);
- a name longer than `MAX_LENGTH` keeps its first characters and ends in a hash of the whole
  SQL name (Dagster stores an asset's frames in a file named after it, and a file name may be
  at most 255 bytes: a 300-character view, or 50 Chinese characters, would not fit).

Two SQL names that map to one Dagster name (`a-b` beside `a_b`) cannot both be assets: `clashes`
reports the second as a located error naming both. This lives in planning, not in the Dagster
layer, so that `bailian-assets check` and `run` give the verdict the code location gives.
"""

from __future__ import annotations

import hashlib
import keyword
import re
from collections.abc import Iterable
from pathlib import Path

from bailian_assets.errors import WHOLE_FILE, Position
from bailian_assets.planning.options import Problem

# Dagster's own reserved names (dagster._core.definitions.utils.DISALLOWED_NAMES, which
# tests/test_dagster.py checks this covers) and Python's keywords.
RESERVED = frozenset(
    {
        "context",
        "conf",
        "config",
        "meta",
        "arg_dict",
        "dict",
        "input_arg_dict",
        "output_arg_dict",
        "int",
        "str",
        "float",
        "bool",
        "input",
        "output",
        "type",
        *keyword.kwlist,
    }
)
_VALID = re.compile(r"[A-Za-z0-9_]+")
MAX_LENGTH = 120  # leaves room for suffixes (`.parquet`, `__partition`) within 255 bytes
_OTHER = re.compile(r"[^A-Za-z0-9_]")


def dagster_name(name: str) -> str:
    """A valid Dagster name for the SQL name `name` (see the module docstring)."""
    return _bounded(name, _mapped(name))


def _bounded(name: str, mapped: str) -> str:
    if len(mapped) <= MAX_LENGTH:
        return mapped
    digest = hashlib.sha256(name.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    return f"{mapped[: MAX_LENGTH - 17]}_{digest}"


def _mapped(name: str) -> str:
    if _VALID.fullmatch(name) and name not in RESERVED:
        return name
    pieces: list[str] = []
    encoded_before = False
    for ch in name:
        encoded = not ch.isascii()
        piece = f"u{ord(ch):04x}" if encoded else _OTHER.sub("_", ch)
        if pieces and (encoded or encoded_before) and "_" not in (pieces[-1], piece):
            pieces.append("_")
        pieces.append(piece)
        encoded_before = encoded
    mapped = "".join(pieces)
    return mapped + "_" if mapped in RESERVED else mapped


def asset_path(name: str) -> list[str]:
    """An asset key's parts for a relation: each part of a qualified name (`db.t`) mapped."""
    return [dagster_name(part) for part in name.split(".")]


def op_name(name: str) -> str:
    """The Dagster op name of a relation's asset: its key's parts joined by `__`, as Dagster
    derives it (so `db.t` clashes with `db__t`)."""
    return "__".join(asset_path(name))


def group_name(path: str) -> str:
    """The Dagster group (and job prefix) of a SQL file: its file name without `.sql`."""
    return dagster_name(Path(path).stem or "default")


def resource_name(model: str) -> str:
    """The Dagster resource key of a model."""
    return "model_" + dagster_name(model)


def clashes(
    named: Iterable[tuple[str, str, str, str, Position]], kind: str
) -> list[tuple[str, Problem]]:
    """(path, problem) for each of `named` — (label such as "view 'a-b'", SQL name, Dagster
    name, path, position), in the order declared — whose Dagster name (a `kind`, such as
    "asset") an earlier one already took."""
    first: dict[str, tuple[str, str, Position]] = {}
    problems = []
    for label, name, mapped, path, position in named:
        if mapped not in first:
            first[mapped] = (label, path, position)
            continue
        other, other_path, other_position = first[mapped]
        where = (
            other_path
            if other_position == WHOLE_FILE
            else f"{other_path}:{other_position.line}:{other_position.col}"
        )
        problems.append(
            (
                path,
                Problem(
                    f"{label} and {other} (at {where}) would both be the Dagster {kind} "
                    f"'{mapped}', since Dagster names hold only letters, digits and _: rename one "
                    "of them",
                    position,
                    1 if position == WHOLE_FILE else len(name),
                ),
            )
        )
    return problems
