"""ML_PREDICT(TABLE t, MODEL m, DESCRIPTOR(col) [, MAP['async', 'true', ...]]): every row of
`t` with the model's OUTPUT columns appended (Flink 2.x; run by `executor/ml_predict.py`)."""

from __future__ import annotations

import itertools
import logging

from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.binder import find, suggest
from bailian_assets.planning.catalog import runtime_settings
from bailian_assets.planning.models import RUNTIME_OPTIONS, ModelSpec, RuntimeConfig
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.table_functions.registry import Invocation, Parameter, TableFunction
from bailian_assets.sql import ast

log = logging.getLogger(__name__)


def build(call: Invocation) -> p.Node:
    table_name: ast.Name = call.args["INPUT"]  # type: ignore[assignment]
    model: ModelSpec = call.args["MODEL"]  # type: ignore[assignment]
    source = call.site.relation(table_name, None)
    field = _input_field(call.args["ARGS"], source, table_name, model)  # type: ignore[arg-type]
    config = RuntimeConfig().with_values(runtime_settings(call.site.settings))
    if call.args["CONFIG"] is not None:
        config = config.with_values(runtime_map(call.args["CONFIG"]))  # type: ignore[arg-type]
    if not config.run_async:
        where = call.syntax.get("CONFIG")
        raise PlanError(
            SYNC_REFUSED.format(name=model.name),
            where.position if where is not None else call.call.position,
        )
    outputs = output_fields(call, model.output_columns, {f.name for f in source.fields})
    if call.call.alias:
        source = p.renamed(source, tuple(f.name for f in source.fields), call.call.alias)
    return p.MlPredict(
        source, model, field.column, outputs, config, call.call.position, call.site.path
    )


# Flink 2.3's openai provider has no synchronous mode, and neither have we: 'async' = 'false'
# is refused as Flink refuses it, with the option that does what it is usually meant for.
SYNC_REFUSED = (
    "Require sync mode, but model '{name}' (an OpenAI-compatible provider) doesn't "
    "support sync mode; to send one request at a time, set "
    "'max-concurrent-operations' = '1'"
)


def _input_field(
    descriptor: ast.DescriptorArg, source: p.Node, table_name: ast.Name, model: ModelSpec
) -> p.Field:
    """The one column DESCRIPTOR names, checked against the model's INPUT."""
    for column in descriptor.columns:
        if column.qualifier is not None:
            raise PlanError("Table or column alias must be a simple identifier", column.position)
    if len(descriptor.columns) != 1:  # the model checks guarantee one INPUT column
        raise PlanError(
            f"Number of descriptor input columns ({len(descriptor.columns)}) "
            f"does not match model input size (1)",
            descriptor.position,
        )
    column = descriptor.columns[0]
    field = find(source.fields, None, column.name, column.position, where=f"table '{table_name}'")
    if not types.can_assign(field.type, model.input_column.type):
        raise PlanError(
            f"Descriptor column '{column.name}' of type {field.type} cannot be "
            f"the model input `{model.input_column.name}` of type "
            f"{model.input_column.type}",
            column.position,
            len(column.name),
        )
    return field


def output_fields(call: Invocation, columns, taken: set[str]) -> tuple[p.Field, ...]:
    """Fields for a model's output columns (nullable: a failed row keeps NULL), renamed
    `name0`, `name1` ... where an input column already has the name."""
    outputs = []
    for output in columns:
        name = output.name
        if name in taken:
            name = next(
                f"{output.name}{i}" for i in itertools.count() if f"{output.name}{i}" not in taken
            )
        taken.add(name)
        outputs.append(call.site.field(name, types.nullable(output.type), call.call.alias))
    return tuple(outputs)


def runtime_map(arg: ast.FunctionArg) -> dict[str, object]:
    """The config MAP of ML_PREDICT: Flink's runtime options, typed; a key that is none of
    them is ignored, as Flink ignores it (with a warning in the log: a misspelling shows)."""
    value = arg.value
    message = (
        "ML_PREDICT config param can only be a MAP of string literals, "
        "such as MAP['async', 'true', 'timeout', '30s']"
    )
    if not isinstance(value, ast.MapLiteral):
        raise PlanError(message, arg.position)
    if len(value.items) % 2 or not all(
        isinstance(i, ast.Literal) and i.kind == "STRING" for i in value.items
    ):
        raise PlanError(message, value.position)
    result: dict[str, object] = {}
    for key_literal, value_literal in zip(value.items[::2], value.items[1::2], strict=False):
        key = str(key_literal.value)  # type: ignore[union-attr]
        parse = RUNTIME_OPTIONS.get(key)
        if parse is None:  # Flink ignores a key it does not know; we say so in the log
            log.warning(
                "ML_PREDICT config '%s' (line %d) is not one of %s and is ignored%s",
                key,
                key_literal.position.line,
                ", ".join(RUNTIME_OPTIONS),
                suggest(key, RUNTIME_OPTIONS),
            )
            continue
        try:
            result[key] = parse(str(value_literal.value))  # type: ignore[union-attr]
        except ValueError as error:
            raise PlanError(
                f"invalid value for ML_PREDICT config '{key}': {error}", value_literal.position
            ) from None
    return result


ML_PREDICT = TableFunction(
    "ML_PREDICT",
    (
        Parameter("INPUT", "TABLE", "a table (TABLE t)"),
        Parameter("MODEL", "MODEL", "a model identifier"),
        Parameter("ARGS", "DESCRIPTOR", "a DESCRIPTOR of input columns"),
        Parameter("CONFIG", "MAP", "a MAP of string literals", required=False),
    ),
    build,
    arity_message="Invalid number of arguments to function 'ML_PREDICT'. "
    "Was expecting 3 arguments (or 4 with a config MAP)",
)
