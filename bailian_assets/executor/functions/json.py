"""Polars implementations of the JSON functions declared in `planning/functions/json.py`, with
Flink 2.3's (Calcite's JsonFunctions') semantics, oddities included:

- a path is `$` followed by `.name`, `['name']`, `[n]`, `[*]` or `.*` (`lax`/`strict` first
  allowed, `@` as `$`); one that starts with neither is read after `$.` (`battery` is
  `$.battery`, `a[1]` `$.a[1]`, `[0]` `$[0]`), as Flink's JsonPath does, which also drops a
  last unclosed `[`; a malformed path (one starting with a blank, `$a`, `''`), like text that
  is no JSON, is an error, handled by ON ERROR (NULL unless written);
- the path of JSON_VALUE, JSON_QUERY and JSON_EXISTS may be a column: read per row;
- the path's mode decides what is empty (ON EMPTY's case) and what is an error (ON ERROR's):
  a path without a mode is strict, as in Flink, where a missing member, a JSON null and text
  that is no JSON are errors (so `JSON_VALUE(j, '$.a' DEFAULT x ON EMPTY)` is NULL, not x, for
  a document without `a`); in lax mode (`lax $.a`) they are empty, as is a value of the wrong
  kind (an object for JSON_VALUE, a scalar for JSON_QUERY);
- JSON_VALUE of an object or an array is an error in strict mode; numbers keep their JSON text
  as a STRING (`2.50`); RETURNING a non-string type for a JSON string fails the job (Flink's
  ClassCastException);
- JSON_EXISTS is false for an empty result (a member whose value is null in lax mode);
- JSON_OBJECT, JSON_ARRAY and JSON_QUERY (and the aggregates) write compact JSON with every
  object's keys sorted (`{"id":1,"name":"ann"}`, whatever order they were written in); a value
  that is itself a JSON_OBJECT/JSON_ARRAY call is embedded as JSON, not as text (a JSON_QUERY
  value is text: `{"k":"{\"a\":1}"}`, as in Flink).

The JSON text is parsed once per distinct value (the functions of a column of model answers
see few distinct texts per path); objects are built once per row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import polars as pl

from bailian_assets.executor import guards
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.functions.common import Implementation, rowwise
from bailian_assets.executor.functions.common import const as _const
from bailian_assets.executor.functions.numeric import per_distinct
from bailian_assets.executor.sinks import java_double
from bailian_assets.planning import bound

_MISSING = object()
_LAX = re.compile(r"^\s*lax\s+")
_STEP = re.compile(
    r"\.([A-Za-z_$][\w$]*)|\.\*|\[\s*(\d+|\*)\s*\]|\[\s*'([^']*)'\s*\]"
    r"|\[\s*\"([^\"]*)\"\s*\]"
)
# values embedded as JSON, not as text: Flink's JSON construction calls (JSON_QUERY's result is
# a plain STRING to them, written as a JSON string)
EMBEDDED = ("JSON_OBJECT", "JSON_ARRAY")


class JsonError(Exception):
    """Text that is no JSON, a malformed path, or a value of the wrong kind: ON ERROR's case."""


def parse(text: str):
    """JSON text as Python values, numbers exact (Decimal keeps `2.50`)."""
    try:
        return json.loads(text, parse_float=Decimal)
    except (ValueError, TypeError) as error:
        raise JsonError(str(error)) from None
    except RecursionError:  # nested deeper than Python's stack: no JSON we can read
        raise JsonError("JSON nested too deeply") from None


def compile_path(path: str) -> list:
    """A JSON path as steps: a name, an index, or `*`."""
    body = re.sub(r"^\s*(lax|strict)\s+", "", path).rstrip()
    body = body.removesuffix("[")  # JsonPath reads `$.a[` as `$.a`
    if body.startswith("@"):  # JsonPath's current item, the document here
        body = "$" + body[1:]
    elif body[:1] not in ("$", ".", "") and not body[0].isspace():
        body = "$" + body if body.startswith("[") else "$." + body
    if not body.startswith("$"):
        raise JsonError(f"Illegal jsonpath spec: {path}")
    steps, at = [], 1
    while at < len(body):
        match = _STEP.match(body, at)
        if match is None:
            raise JsonError(f"Illegal jsonpath spec: {path}")
        name, index, quoted, double = match.groups()
        text = name or quoted or double
        steps.append(text if text is not None else ("*" if index in (None, "*") else int(index)))
        at = match.end()
    return steps


def evaluate(document, steps: list):
    """The value at `steps` (a list for a wildcard path, possibly empty), or _MISSING."""
    values = [document]
    wildcard = False
    for step in steps:
        found: list = []
        for value in values:
            if step == "*":
                wildcard = True
                found.extend(
                    value.values()
                    if isinstance(value, dict)
                    else value
                    if isinstance(value, list)
                    else []
                )
            elif isinstance(step, int) and isinstance(value, list) and step < len(value):
                found.append(value[step])
            elif isinstance(step, str) and isinstance(value, dict) and step in value:
                found.append(value[step])
        values = found
    if wildcard:  # a list, even of nothing (`$.a[*]` of `[]` is `[]`, as Flink's JsonPath reads it)
        return values
    return values[0] if values else _MISSING


def is_lax(path: str) -> bool:
    """Whether `path` is in lax mode (`lax $.a`); a path without a mode is strict, as in Flink."""
    return _LAX.match(path) is not None


def find(text: str, path: str):
    """The value at `path` in `text` as Flink's JSON functions see it, or _MISSING when the
    result is empty. Strict mode (`strict $.a`, and `$.a`: a path without a mode) raises
    JsonError for text that is no JSON, a missing member or a JSON null (so ON ERROR decides);
    lax mode takes all three as an empty result (so ON EMPTY decides)."""
    lax = is_lax(path)
    try:
        document = parse(text)
    except JsonError:
        if lax:
            return _MISSING
        raise
    found = evaluate(document, compile_path(path))
    if found is _MISSING or found is None:
        if lax:
            return _MISSING
        raise JsonError(
            f"No results for path: {path}"
            if found is _MISSING
            else "Strict jsonpath mode requires a non empty returned value, but is null"
        )
    return found


def dump(value) -> str:
    """Compact JSON, as Flink's Jackson writes it (`{"a":1,"b":[2.5,true]}`): an object's keys
    sorted at every level, whatever order they were written or parsed in."""
    if isinstance(value, dict):
        return (
            "{"
            + ",".join(
                f"{json.dumps(k, ensure_ascii=False)}:{dump(value[k])}"
                for k in sorted(value, key=_java_order)
            )
            + "}"
        )
    if isinstance(value, list):
        return "[" + ",".join(dump(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, Decimal):
        return (
            f"{value:f}" if value == value.to_integral_value() and "E" in str(value) else str(value)
        )
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _java_order(key: str) -> bytes:
    """A key's place in Java's String order (UTF-16 code units, which UTF-16-BE bytes compare
    as), the order Flink writes an object's keys in."""
    return key.encode("utf-16-be", "surrogatepass")


# ------------------------------------------------------------------ JSON_VALUE

# The Java class a RETURNING type takes (the planner refuses the others, as Flink does). Flink
# casts the JSON value's own class to it: a JSON 1 is an Integer (a Long past 32 bits), 1.5 a
# BigDecimal, so RETURNING DOUBLE of 1 fails, and RETURNING INT of 1.5 too.
_RETURNED_CLASSES = {
    "INT": "java.lang.Integer",
    "DOUBLE": "java.math.BigDecimal",
    "BOOLEAN": "java.lang.Boolean",
}


def _per_path(a, raw, one, dtype) -> pl.Expr:
    """`one(text, path)`: once per distinct text for a literal path, else per row; NULL for a
    NULL text or path."""
    if not isinstance(raw[1], bound.Literal):
        return rowwise(one, a[:2], dtype)
    path = raw[1].value
    if path is None:
        return pl.lit(None, dtype=dtype)
    return per_distinct(a[0], lambda text: one(text, str(path)), dtype)


def _json_value(a, raw):
    clauses = len(raw) > 2
    returning = raw[2].type if clauses else None
    on_empty = str(_const(raw, 3, "ON EMPTY")) if clauses else "NULL"
    on_error = str(_const(raw, 5, "ON ERROR")) if clauses else "NULL"
    name = returning.name if returning is not None else "STRING"
    empty_default, error_default = (
        _default(raw[i], name) if clauses else _no_default for i in (4, 6)
    )

    def one(text, path):
        try:
            found = find(text, path)
            if found is _MISSING or (is_lax(path) and isinstance(found, (dict, list))):
                if on_empty == "ERROR":
                    raise ValueError("Empty result of JSON_VALUE function is not allowed")
                return empty_default() if on_empty == "DEFAULT" else None
            if isinstance(found, (dict, list)):
                raise JsonError(
                    f"Strict jsonpath mode requires scalar value, and the actual "
                    f"value is: '{dump(found)}'"
                )
        except JsonError as error:
            if on_error == "ERROR":
                raise ValueError(str(error)) from None
            return error_default() if on_error == "DEFAULT" else None
        return _returned(found, name)

    dtype = to_polars(returning) if returning is not None else pl.String
    return _per_path(a, raw, one, dtype)


def _returned(value, name: str):
    """A JSON scalar as the RETURNING type (its JSON text for a string type); a value of
    another Java class fails the job with Flink's ClassCastException."""
    if value is None:
        return None
    if name in ("STRING", "VARCHAR"):
        return dump(value) if not isinstance(value, str) else value
    found, target = _java_class(value), _RETURNED_CLASSES[name]
    if found != target:
        raise ValueError(_class_cast(found, target))
    return float(value) if name == "DOUBLE" else value


def _no_default() -> None:
    return None


# The class of a DEFAULT literal's value inside Flink, by its type
_LITERAL_CLASSES = {
    "INT": "java.lang.Integer",
    "BIGINT": "java.lang.Long",
    "SMALLINT": "java.lang.Short",
    "TINYINT": "java.lang.Byte",
    "BOOLEAN": "java.lang.Boolean",
    "DOUBLE": "java.lang.Double",
    "FLOAT": "java.lang.Float",
    "DATE": "java.lang.Integer",  # days since 1970-01-01
    "DECIMAL": "org.apache.flink.table.data.DecimalData",
    "CHAR": "org.apache.flink.table.data.binary.BinaryStringData",
    "VARCHAR": "org.apache.flink.table.data.binary.BinaryStringData",
    "STRING": "org.apache.flink.table.data.binary.BinaryStringData",
}


def _default(expr: bound.Expr, name: str):
    """The value of a DEFAULT clause as the RETURNING type `name`, computed where it is used:
    Flink casts the literal's own value to the type's class (a STRING takes its text; `DEFAULT
    '7'` for an INT fails, so does any DEFAULT but NULL for a DOUBLE, whose class is
    BigDecimal)."""
    value = _constant(expr)
    if value is None:
        return _no_default
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = (value - dt.date(1970, 1, 1)).days  # Flink holds a DATE as its day number
    if name in ("STRING", "VARCHAR"):
        text = (
            value
            if isinstance(value, str)
            else ("true" if value else "false")
            if isinstance(value, bool)
            else java_double(value)
            if isinstance(value, float)
            else str(value)
        )
        return lambda: text
    found = _LITERAL_CLASSES.get(expr.type.name, f"java.lang.{expr.type.name.title()}")
    target = _RETURNED_CLASSES[name]

    def cast():
        if found != target:
            raise ValueError(_class_cast(found, target))
        return value

    return cast


def _constant(expr: bound.Expr):
    """The value of a literal, or of a literal cast to a number type (`CAST(1.5 AS DOUBLE)`);
    None for anything else (no DEFAULT)."""
    if isinstance(expr, bound.Cast) and isinstance(expr.expr, bound.Literal):
        value = expr.expr.value
        if value is None or isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            return None
        if expr.type.name in ("DOUBLE", "FLOAT"):
            return float(value)
        return int(value) if expr.type.name in ("INT", "BIGINT", "SMALLINT", "TINYINT") else None
    return expr.value if isinstance(expr, bound.Literal) else None


def _class_cast(found: str, target: str) -> str:
    """Java's ClassCastException text for a value of class `found` cast to `target`."""
    if found.startswith("java."):
        where = f"{found} and {target} are in module java.base of loader 'bootstrap'"
    else:
        where = (
            f"{found} is in unnamed module of loader 'app'; {target} is in module java.base "
            "of loader 'bootstrap'"
        )
    return f"ClassCastException: class {found} cannot be cast to class {target} ({where})"


def _java_class(value) -> str:
    """The Java class Flink's JSON parser gives a JSON scalar."""
    if isinstance(value, str):
        return "java.lang.String"
    if isinstance(value, bool):
        return "java.lang.Boolean"
    if isinstance(value, int):
        if -(2**31) <= value < 2**31:
            return "java.lang.Integer"
        return "java.lang.Long" if -(2**63) <= value < 2**63 else "java.math.BigInteger"
    return "java.math.BigDecimal"


# ------------------------------------------------------------------ JSON_QUERY, JSON_EXISTS


def _json_query(a, raw):
    wrapper, on_empty, on_error = (str(_const(raw, i, "JSON_QUERY clause")) for i in (2, 3, 4))
    fallback = {"NULL": None, "EMPTY ARRAY": "[]", "EMPTY OBJECT": "{}"}

    def one(text, path):
        try:
            found = find(text, path)
            if found is not _MISSING and (
                wrapper == "UNCONDITIONAL"
                or (wrapper == "CONDITIONAL" and not isinstance(found, (dict, list)))
            ):
                found = [found]
            if found is _MISSING or (is_lax(path) and not isinstance(found, (dict, list))):
                if on_empty == "ERROR":
                    raise ValueError("Empty result of JSON_QUERY function is not allowed")
                return fallback[on_empty]
            if not isinstance(found, (dict, list)):
                raise JsonError(
                    f"Strict jsonpath mode requires array or object value, and the "
                    f"actual value is: '{dump(found)}'"
                )
            return dump(found)
        except JsonError as error:
            if on_error == "ERROR":
                raise ValueError(str(error)) from None
            return fallback[on_error]

    return _per_path(a, raw, one, pl.String)


def _json_exists(a, raw):
    on_error = str(_const(raw, 2, "ON ERROR"))

    def one(text, path):
        try:
            return find(text, path) is not _MISSING
        except JsonError as error:
            if on_error == "ERROR":
                raise ValueError(str(error)) from None
            return {"TRUE": True, "FALSE": False}.get(on_error)

    return _per_path(a, raw, one, pl.Boolean)


def _is_json(a, raw):
    kind = str(_const(raw, 1, "IS JSON kind"))

    def one(text):
        try:
            value = parse(text)
        except JsonError:
            return False
        return {
            "OBJECT": isinstance(value, dict),
            "ARRAY": isinstance(value, list),
            "SCALAR": not isinstance(value, (dict, list)),
        }.get(kind, True)

    return per_distinct(a[0], one, pl.Boolean).fill_null(False)


# ------------------------------------------------------------------ JSON_OBJECT, JSON_ARRAY


def _member(value, raw: bound.Expr):
    """A SQL value as a JSON value: nested JSON calls embedded, DECIMALs exact."""
    if value is not None and isinstance(raw, bound.Call) and raw.name in EMBEDDED:
        return parse(value)
    return value


def _rows(a, raw, build) -> pl.Expr:
    """`build(values)` per row (NULLs included), as a STRING."""
    if not a:
        return pl.lit(build([]), dtype=pl.String)
    fields = [x.alias(f"a{i}") for i, x in enumerate(a)]
    return guards.per_value(
        pl.struct(fields), lambda row: build(list(row.values())), pl.String, skip_nulls=False
    )


def _json_object(a, raw):
    absent = str(_const(raw, 0, "ON NULL")) == "ABSENT"
    keys, values = raw[1::2], raw[2::2]

    def build(row):
        members = {}
        for index in range(0, len(row), 2):
            key, value = row[index], _member(row[index + 1], values[index // 2])
            if value is None and absent:
                continue
            members[str(key)] = value
        return dump(members)

    return _rows(a[1:], raw[1:], build) if keys else pl.lit("{}")


def _json_array(a, raw):
    absent = str(_const(raw, 0, "ON NULL")) == "ABSENT"
    items = raw[1:]

    def build(row):
        return dump(
            [_member(v, r) for v, r in zip(row, items, strict=False) if not (v is None and absent)]
        )

    return _rows(a[1:], items, build)


IMPLEMENTATIONS: dict[str, Implementation] = {
    "JSON_VALUE": _json_value,
    "JSON_QUERY": _json_query,
    "JSON_EXISTS": _json_exists,
    "IS JSON": _is_json,
    "JSON_OBJECT": _json_object,
    "JSON_ARRAY": _json_array,
}


# ------------------------------------------------------------------ JSON_OBJECTAGG, JSON_ARRAYAGG


def _group(value: pl.Expr, build) -> pl.Expr:
    """`build(rows)` once per group (over every row of the group, NULLs included)."""
    return value.map_batches(
        lambda rows: build(rows.to_list()), return_dtype=pl.String, returns_scalar=True
    )


def _object_agg(a, raw):
    absent = str(_const(raw, 0, "ON NULL")) == "ABSENT"

    def build(rows):
        members = {}
        for row in rows:
            value = _member(row["v"], raw[2])
            if row["k"] is None:
                raise ValueError("JSON_OBJECTAGG: a key is NULL")
            if not (value is None and absent):
                members[str(row["k"])] = value
        return dump(members)

    return _group(pl.struct(a[1].alias("k"), a[2].alias("v")), build)


def _array_agg(a, raw):
    absent = str(_const(raw, 0, "ON NULL")) == "ABSENT"
    return _group(
        a[1], lambda rows: dump([_member(v, raw[1]) for v in rows if not (v is None and absent)])
    )


# aggregates of several arguments: given every compiled argument (`compile_aggregate`)
AGGREGATE_IMPLEMENTATIONS: dict[str, Implementation] = {
    "JSON_OBJECTAGG": _object_agg,
    "JSON_ARRAYAGG": _array_agg,
}
