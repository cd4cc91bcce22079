"""What VVR's AI functions (AI_CLASSIFY, AI_SENTIMENT, AI_EXTRACT, AI_TRANSLATE, AI_SUMMARIZE,
AI_MASK, AI_EMBED; VVR 11.4+) share: lateral table functions called as
`FROM t, LATERAL TABLE(AI_X(MODEL m, col, ...))` or `LEFT JOIN LATERAL TABLE(...) ON TRUE`,
positional or named (`MODEL => MODEL m, INPUT => col, LABELS => ARRAY['a', 'b']`).

Each one is an `AiFunction` (one module per function, `ai_<name>.py`): its constant extra
arguments, the prompt it builds from them and the `AnswerShape` that reads the model's answer
into its typed output columns. `build` plans it as an ML_PREDICT over the rows to its left with
a *derived* model: the user's model with the function's prompt as system prompt (the model's own
`system-prompt` and `user-prompt` are ignored, as in VVR), JSON-mode output
(`response_format` json_object) and the answer shape. So the AI functions run on ML_PREDICT's
engine (operator, client, pacing, cache, retries, usage, error strategies) unchanged:
- the client checks each answer with the shape (`ModelConfig.answer_check`) before it caches
  it: an answer that is not JSON, misses a field, has a label outside LABELS or a confidence
  outside 0..1 is MALFORMED (retried at most twice, never cached), then fails its row under
  FAILOVER or keeps NULLs under IGNORE, with the reason;
- the executor (`executor/ml_predict.py`) projects a checked answer into the columns.
A NULL input is not sent and gives NULLs; every input row is kept (CROSS and LEFT
alike: a row is never lost to a model's failure).

The prompts follow Flink CDC's AI functions (the closest public code to VVR's): the task, the
fields to return, and a JSON shape hint. Each opens with a sentence the simulator recognises
(`simulator/ai_answers.py`) and states its parameters on lines of their own (`Labels: [...]`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as default_field

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.catalog import runtime_settings
from bailian_assets.planning.models import ModelSpec, RuntimeConfig
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.table_functions.ml_predict import output_fields
from bailian_assets.planning.table_functions.registry import Invocation, Parameter, TableFunction
from bailian_assets.sql import ast
from bailian_assets.sql.ast import DataType

STRING_ARRAY = types.array(types.STRING)
JSON_SHAPE_HINT = (
    "Return only valid JSON without Markdown fences or additional text, using this shape:"
)


class AnswerError(ValueError):
    """Why an answer cannot be used (the row's reason)."""


@dataclass(frozen=True)
class Extra:
    """A constant extra argument: its name, what it must be, and whether it may be left out."""

    name: str
    kind: str  # STRING | INTEGER | STRING_ARRAY | JSON_OBJECT
    example: str  # shown in the error for a non-constant argument
    required: bool = True


@dataclass(frozen=True)
class AnswerShape:
    """What a chat AI function expects back: a JSON object, read into its columns' values by
    `read` (which raises AnswerError for a missing field or a value out of its range)."""

    function: str
    read: Callable[[dict], tuple]
    # the label set of each output column that holds a label (AI_CLASSIFY's `category`,
    # AI_SENTIMENT's `label`), by its index among the outputs: what the Dagster checks check
    labels: Mapping[int, tuple[str, ...]] = default_field(default_factory=dict)

    def parse(self, text: object) -> tuple:
        """The output columns' values for one answer; AnswerError if it is unusable."""
        if not isinstance(text, str):
            raise AnswerError(f"{self.function} got an answer that is not text")
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise AnswerError(
                f"AI function {self.function} returned invalid JSON: "
                f"{error.msg} at character {error.pos + 1}"
            ) from None
        if not isinstance(value, dict):
            raise AnswerError(f"AI function {self.function} returned JSON that is not an object")
        return self.read(value)

    def check(self, text: object) -> str | None:
        """The client's answer check: the reason the answer is unusable, or None."""
        try:
            self.parse(text)
        except AnswerError as error:
            return str(error)
        return None


@dataclass(frozen=True)
class AiFunction:
    """One AI function: its extra arguments, output columns, prompt and answer reader."""

    name: str
    extras: tuple[Extra, ...]
    outputs: tuple[tuple[str, DataType], ...]
    prompt: Callable[[Mapping[str, object]], str] | None  # None: an embedding function
    reader: Callable[[Mapping[str, object]], Callable[[dict], tuple]] | None = None
    request: Callable[[Mapping[str, object]], Mapping[str, object]] = lambda _: {}
    # output column -> the labels it must hold, given the constants (AI_CLASSIFY's LABELS)
    labelled: Callable[[Mapping[str, object]], Mapping[str, tuple[str, ...]]] = lambda _: {}

    def table_function(self) -> TableFunction:
        parameters = (
            Parameter("MODEL", "MODEL", "a model (MODEL m)"),
            Parameter("INPUT", "COLUMN", "a STRING column of the input rows"),
            *(Parameter(e.name, "ANY", e.example, e.required) for e in self.extras),
        )
        count = len(parameters)
        optional = sum(not e.required for e in self.extras)
        expecting = f"{count - optional} or {count}" if optional else str(count)
        return TableFunction(
            self.name,
            parameters,
            self.build,
            lateral=True,
            arity_message=f"Invalid number of arguments to function "
            f"'{self.name}'. Was expecting {expecting} arguments",
        )

    def build(self, call: Invocation) -> p.Node:
        model: ModelSpec = call.args["MODEL"]  # type: ignore[assignment]
        self._check_model(model, call.syntax["MODEL"])
        column = self._input(call)
        constants = {e.name: constant(self.name, e, call) for e in self.extras}
        spec = self.derived_model(model, constants)
        assert call.left is not None, "a lateral function is always given its input rows"
        taken = {f.name for f in call.left.fields}
        columns = tuple(ast.ColumnDef(name, t, call.call.position) for name, t in self.outputs)
        config = RuntimeConfig().with_values(runtime_settings(call.site.settings))
        return p.MlPredict(
            call.left,
            spec,
            column.column,
            output_fields(call, columns, taken),
            config,
            call.call.position,
            call.site.path,
        )

    def derived_model(self, model: ModelSpec, constants: Mapping[str, object]) -> ModelSpec:
        """The user's model as this call uses it: the function's prompt, JSON mode, one
        answer per row, and the shape that checks and reads each answer."""
        request = {k: v for k, v in model.request.items() if k != "n"}
        request.update(self.request(constants))
        if self.prompt is None:  # an embedding function: the request is all it changes
            return replace(model, request=request, metadata_columns=())
        request["response_format"] = {"type": "json_object"}
        assert self.reader is not None
        names = [name for name, _ in self.outputs]
        labels = {
            names.index(column): tuple(values)
            for column, values in self.labelled(constants).items()
        }
        shape = AnswerShape(self.name, self.reader(constants), labels)
        # one row a request: a packed reply holds one text per row, not the JSON object
        # each of these functions answers
        return replace(
            model,
            system_prompt=self.prompt(constants),
            user_prompt=None,
            request=request,
            metadata_columns=(),
            answer_shape=shape,
            batch_size=1,
        )

    def _check_model(self, model: ModelSpec, arg: ast.FunctionArg) -> None:
        """VVR: a chat AI function's model must declare `OUTPUT (... VARIANT)`, AI_EMBED's
        `ARRAY<FLOAT>` (an embedding model)."""
        output = model.output_column
        if self.prompt is None:
            if model.task != "embedding":
                raise PlanError(
                    f"{self.name} needs an embedding model whose OUTPUT is "
                    f"ARRAY<FLOAT>; model '{model.name}' declares `{output.name}` "
                    f"{output.type}",
                    arg.position,
                )
            return
        if output.type.name != "VARIANT":
            raise PlanError(
                f"{self.name} needs a model whose output type is VARIANT "
                f"(OUTPUT (`content` VARIANT)); model '{model.name}' declares "
                f"`{output.name}` {output.type}",
                arg.position,
            )

    def _input(self, call: Invocation) -> b.Column:
        column: b.Column = call.args["INPUT"]  # type: ignore[assignment]
        if not (types.is_character(column.type) or column.type.name == "NULL"):
            raise PlanError(
                f"INPUT of {self.name} must be a STRING column, found {column.type}",
                call.syntax["INPUT"].position,
            )
        return column


# ------------------------------------------------------------------ constant arguments


def constant(function: str, extra: Extra, call: Invocation) -> object:
    """The value of a constant extra argument (None when an optional one is left out),
    checked: a constant (VVR: "must be a constant") of the expected type."""
    arg = call.syntax.get(extra.name)
    if arg is None:
        return None
    not_constant = PlanError(
        f"{extra.name} of {function} must be a constant, such as {extra.example}", arg.position
    )
    if isinstance(arg.value, (ast.TableArg, ast.ModelArg, ast.DescriptorArg)):
        raise not_constant
    bound = call.site.bind(arg.value, call.left.fields if call.left is not None else ())
    if not _is_constant(bound):
        raise not_constant
    value = _value(bound)
    problem = _kind_problem(extra.kind, bound.type, value)
    if problem is not None:
        raise PlanError(
            f"{extra.name} of {function} must be {problem}, found {_shown(bound.type, value)}",
            arg.position,
        )
    return json.loads(value) if extra.kind == "JSON_OBJECT" else value  # type: ignore


def _is_constant(expr: b.Expr) -> bool:
    if isinstance(expr, b.Literal):
        return True
    return (
        isinstance(expr, b.Call)
        and expr.name == "ARRAY"
        and all(isinstance(a, b.Literal) for a in expr.args)
    )


def _value(expr: b.Expr) -> object:
    if isinstance(expr, b.Call):
        return [a.value for a in expr.args]  # type: ignore[union-attr]
    return expr.value  # type: ignore[union-attr]


def _kind_problem(kind: str, data_type: DataType, value: object) -> str | None:
    if kind == "STRING":
        return None if types.is_character(data_type) and value else "a non-empty STRING"
    if kind == "JSON_OBJECT":
        return (
            None
            if types.is_character(data_type) and _is_json_object(value)
            else 'a STRING holding a non-empty JSON object, such as \'{"name": "string"}\''
        )
    if kind == "INTEGER":
        ok = data_type.name in ("TINYINT", "SMALLINT", "INT", "BIGINT") and value > 0  # type: ignore
        return None if ok else "a positive INTEGER"
    ok = (
        data_type.name == "ARRAY"
        and types.is_character(data_type.element)  # type: ignore
        and isinstance(value, list)  # an ARRAY constant's value: the list of its elements
        and bool(value)
        and all(isinstance(v, str) and v.strip() for v in value)
    )
    return None if ok else "a non-empty ARRAY<STRING> of non-empty strings"


def _is_json_object(value: object) -> bool:
    try:
        parsed = json.loads(value)  # type: ignore[arg-type]
    except (TypeError, json.JSONDecodeError):
        return False
    return isinstance(parsed, dict) and bool(parsed)


def _shown(data_type: DataType, value: object) -> str:
    return f"{value!r} of type {data_type}" if value is not None else f"NULL ({data_type})"


# ------------------------------------------------------------------ prompts and answers


def prompt(
    opening: str,
    parameters: Mapping[str, object],
    requirements: Mapping[str, str],
    principles: tuple[str, ...] = (),
) -> str:
    """A function's system prompt: the task (its opening sentence identifies it), its
    parameters one per line (JSON values), the fields to return and Flink CDC's shape hint."""
    lines = [opening]
    lines += [
        f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in parameters.items()
    ]
    lines.append("Output requirements:")
    lines += [f"- {field}: {meaning}" for field, meaning in requirements.items()]
    if principles:
        lines.append("Principles:")
        lines += [f"- {principle}" for principle in principles]
    lines.append(JSON_SHAPE_HINT)
    fields = ",\n".join(f'  "{field}": <{field}>' for field in requirements)
    return "\n".join(lines) + "\n{\n" + fields + "\n}"


def field(answer: dict, function: str, name: str) -> object:
    """A field the answer must have (a JSON null counts as missing)."""
    value = answer.get(name)
    if value is None:
        raise AnswerError(f"AI function {function}'s answer has no '{name}'")
    return value


def text_field(answer: dict, function: str, name: str) -> str:
    value = field(answer, function, name)
    if not isinstance(value, str):
        raise AnswerError(
            f"AI function {function}'s '{name}' is not a string: "
            f"{json.dumps(value, ensure_ascii=False)[:80]}"
        )
    return value


def number_field(answer: dict, function: str, name: str, low: float, high: float) -> float:
    """A number within [low, high] (a numeric string counts, as models write "0.9")."""
    value = field(answer, function, name)
    try:
        number = float(value) if not isinstance(value, bool) else math.nan  # type: ignore
    except (TypeError, ValueError):
        number = math.nan
    if not low <= number <= high:
        raise AnswerError(
            f"AI function {function}'s '{name}' must be a number between "
            f"{low:g} and {high:g}, got {json.dumps(value, ensure_ascii=False)}"
        )
    return number


def one_of(answer: dict, function: str, name: str, allowed: tuple[str, ...]) -> str:
    """A string that must be one of `allowed` (matched ignoring case and surrounding space,
    returned as `allowed` spells it)."""
    value = text_field(answer, function, name)
    wanted = value.strip().casefold()
    for label in allowed:
        if label.strip().casefold() == wanted:
            return label
    raise AnswerError(
        f"AI function {function}'s '{name}' {json.dumps(value, ensure_ascii=False)}"
        f" is not one of {json.dumps(list(allowed), ensure_ascii=False)}"
    )
