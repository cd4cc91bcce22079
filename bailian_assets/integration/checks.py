"""Asset checks on every sink fed by a chat model: our ML_EVALUATE.

- `<column>_in_label_set`: the model's answers fall in the labels its system prompt lists (an
  AI function's label column, AI_CLASSIFY's `category` and AI_SENTIMENT's `label`, in the
  labels it declares);
- `no_rows_lost`: every row that reached ML_PREDICT came out, answered, skipped (NULL input) or
  counted as failed;
- `<column>_accuracy`, when the predictions sit beside a ground-truth column (`actual_label`
  beside `predict_label`, or the column named by SET 'check.ground-truth'): accuracy, per-label
  precision, recall and F1, a confusion matrix; it fails below SET 'check.accuracy.min'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import dagster as dg
import polars as pl

from bailian_assets.errors import BailianError
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec, connector_of
from bailian_assets.planning.names import dagster_name
from bailian_assets.planning.settings import FileSettings

if TYPE_CHECKING:  # loading the definitions does not import the executor
    from bailian_assets.executor.executor import ModelRun

_GROUND_TRUTH = re.compile(
    r"^(actual|expected|true|truth|gold|ground_truth|label_true)(_|$)|"
    r"(_actual|_expected|_true|_gold|_truth)$"
)


@dataclass(frozen=True)
class PredictionColumn:
    column: str
    labels: tuple[str, ...]
    ground_truth: str | None
    check_prefix: str  # the column as a Dagster name (see planning/names.py), distinct

    def check_name(self, what: str) -> str:
        """`<column>_in_label_set`, `<column>_accuracy`."""
        return f"{self.check_prefix}_{what}"


def prediction_columns(
    queries: list[p.PlannedQuery], settings: FileSettings
) -> list[PredictionColumn]:
    """The sink columns carrying a labelling chat model's answers or an AI function's labels,
    with what to check them by."""
    names = queries[0].names
    found: dict[str, PredictionColumn] = {}
    for query in queries:
        for column, (node, index) in p.model_output_origins(query).items():
            labels = _labels_of(node, index)
            if labels and column not in found:
                truth = (
                    settings.ground_truth
                    if settings.ground_truth in names
                    else next((n for n in names if n != column and _GROUND_TRUTH.search(n)), None)
                )
                found[column] = PredictionColumn(
                    column, labels, truth, _distinct_name(column, found.values())
                )
    return list(found.values())


def _labels_of(node: p.MlPredict, index: int) -> tuple[str, ...]:
    """The labels output `index` of an ML_PREDICT must hold: those an AI function declares
    for it, or those a labelling chat model's system prompt lists for its answer."""
    shape = node.model.answer_shape
    if shape is not None:
        return shape.labels.get(index, ())
    return node.model.labels if node.model.task == "chat" and index == 0 else ()


def _distinct_name(column: str, taken) -> str:
    """`column` as a Dagster name (`预测` and `a-b` are not), distinct from those `taken`."""
    base = dagster_name(column)
    used = {c.check_prefix for c in taken}
    name, i = base, 2
    while name in used:
        name, i = f"{base}_{i}", i + 1
    return name


def check_specs(
    key: dg.AssetKey, columns: list[PredictionColumn], has_models: bool
) -> list[dg.AssetCheckSpec]:
    specs = []
    if has_models:
        specs.append(
            dg.AssetCheckSpec(
                "no_rows_lost",
                asset=key,
                description=(
                    "Every row that reached ML_PREDICT came out: answered, skipped or failed."
                ),
            )
        )
    for c in columns:
        specs.append(
            dg.AssetCheckSpec(
                c.check_name("in_label_set"),
                asset=key,
                description=(
                    f"`{c.column}` is one of the labels the system prompt lists: "
                    f"{', '.join(c.labels)}."
                ),
            )
        )
        if c.ground_truth:
            specs.append(
                dg.AssetCheckSpec(
                    c.check_name("accuracy"),
                    asset=key,
                    description=(
                        f"`{c.column}` against `{c.ground_truth}`: accuracy, precision, recall, F1."
                    ),
                )
            )
    return specs


def evaluate(
    key: dg.AssetKey,
    frame: pl.DataFrame,
    runs: list[ModelRun],
    columns: list[PredictionColumn],
    settings: FileSettings,
    with_labels: bool = True,
) -> list[dg.AssetCheckResult]:
    """The checks of a materialization; `with_labels` False: only `no_rows_lost` (the label
    and accuracy checks of a stored sink run on their own, see `stored_checks`)."""
    results = []
    if runs:
        results.append(_rows(key, runs))
    for c in columns if with_labels else []:
        results.append(_labels(key, frame, c))
        if c.ground_truth:
            results.append(_accuracy(key, frame, c, settings.accuracy_min))
    return results


def stored_checks(
    key: dg.AssetKey, table: TableSpec, columns: list[PredictionColumn], settings: FileSettings
) -> list[dg.AssetChecksDefinition]:
    """The label and accuracy checks of a filesystem sink, as checks of their own: they read
    the rows stored in the table's folder, so they run alone, without re-materializing (and
    after each materialization that selects them)."""
    found = []
    for c in columns:
        found.append(
            _stored_check(
                key,
                table,
                c,
                "in_label_set",
                (
                    f"`{c.column}` is one of the labels the system prompt lists: "
                    f"{', '.join(c.labels)}. Reads the rows stored in `{table.location}`."
                ),
                lambda frame, c=c: _labels(key, frame, c),
            )
        )
        if c.ground_truth:
            found.append(
                _stored_check(
                    key,
                    table,
                    c,
                    "accuracy",
                    (
                        f"`{c.column}` against `{c.ground_truth}`: accuracy, precision, "
                        "recall, F1, "
                        f"over the rows stored in `{table.location}`."
                    ),
                    lambda frame, c=c: _accuracy(key, frame, c, settings.accuracy_min),
                )
            )
    return found


def _stored_check(
    key: dg.AssetKey,
    table: TableSpec,
    column: PredictionColumn,
    what: str,
    description: str,
    evaluate_frame,
) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=key, name=column.check_name(what), description=description, blocking=False
    )
    def check(context) -> dg.AssetCheckResult:
        try:
            frame = connector_of(table).scan(table).collect()
        except BailianError as error:
            raise dg.Failure(f"cannot read the rows of table '{table.name}': {error}") from None
        return evaluate_frame(frame)

    return check


def _answers_per_row(run: ModelRun) -> int:
    """How many answers each row asked for (the request's 'n')."""
    n = run.node.model.request.get("n", 1)
    return int(n) if isinstance(n, (int, float, str)) else 1


def _rows(key: dg.AssetKey, runs: list[ModelRun]) -> dg.AssetCheckResult:
    rows_in = sum(r.usage.rows for r in runs)
    accounted = sum(r.answered + r.usage.rows_skipped + r.usage.rows_failed for r in runs)
    rows_out = sum(r.rows_out for r in runs)
    expanded = any(_answers_per_row(r) > 1 for r in runs)
    passed = accounted == rows_in and (expanded or rows_out == rows_in)
    return dg.AssetCheckResult(
        check_name="no_rows_lost",
        asset_key=key,
        passed=passed,
        metadata={
            "rows_in": rows_in,
            "rows_out": rows_out,
            "answered": sum(r.answered for r in runs),
            "skipped": sum(r.usage.rows_skipped for r in runs),
            "failed": sum(r.usage.rows_failed for r in runs),
        },
    )


def _labels(key: dg.AssetKey, frame: pl.DataFrame, c: PredictionColumn) -> dg.AssetCheckResult:
    values = frame.get_column(c.column).drop_nulls()
    outside = values.filter(~values.str.strip_chars().is_in(list(c.labels)))
    examples = outside.unique(maintain_order=True).head(5).to_list()
    return dg.AssetCheckResult(
        check_name=c.check_name("in_label_set"),
        asset_key=key,
        passed=outside.len() == 0,
        metadata={
            "checked": values.len(),
            "outside_label_set": outside.len(),
            "examples": ", ".join(map(repr, examples)) or "none",
            "labels": ", ".join(c.labels),
        },
    )


def _accuracy(
    key: dg.AssetKey, frame: pl.DataFrame, c: PredictionColumn, minimum: float | None
) -> dg.AssetCheckResult:
    truth = c.ground_truth
    if truth is None:  # called only for a column with a ground truth
        raise ValueError(f"{c.column} has no ground-truth column to compare with")
    pairs = frame.select(
        pl.col(c.column).str.strip_chars().alias("predicted"),
        pl.col(truth).cast(pl.String).str.strip_chars().alias("actual"),
    ).drop_nulls()
    total = pairs.height
    accuracy = (pairs["predicted"] == pairs["actual"]).sum() / total if total else 0.0
    labels = sorted(set(c.labels) | set(pairs["actual"].unique().to_list()))
    per_label = []
    for label in labels:
        tp = pairs.filter((pl.col("predicted") == label) & (pl.col("actual") == label)).height
        predicted = pairs.filter(pl.col("predicted") == label).height
        actual = pairs.filter(pl.col("actual") == label).height
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label.append((label, precision, recall, f1, actual))
    passed = total > 0 and (minimum is None or accuracy >= minimum)
    metadata: dict[str, Any] = {
        "accuracy": round(float(accuracy), 4),
        "rows_compared": total,
        "per_label": dg.MetadataValue.md(_per_label_table(per_label)),
        "confusion_matrix": dg.MetadataValue.md(_confusion(pairs, labels)),
    }
    if minimum is not None:
        metadata["accuracy_min"] = minimum
    return dg.AssetCheckResult(
        check_name=c.check_name("accuracy"), asset_key=key, passed=passed, metadata=metadata
    )


def _per_label_table(rows) -> str:
    lines = ["| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |" for label, p, r, f, n in rows]
    return "\n".join(lines)


def _confusion(pairs: pl.DataFrame, labels: list[str]) -> str:
    counts = {(a, b): n for a, b, n in pairs.group_by(["actual", "predicted"]).len().iter_rows()}
    lines = [
        "| actual \\ predicted | " + " | ".join(labels) + " |",
        "|---|" + "---:|" * len(labels),
    ]
    for actual in labels:
        lines.append(
            f"| {actual} | "
            + " | ".join(str(counts.get((actual, predicted), 0)) for predicted in labels)
            + " |"
        )
    return "\n".join(lines)
