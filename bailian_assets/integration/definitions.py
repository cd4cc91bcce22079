"""SQL files -> one Dagster `Definitions`.

A view is an asset; an `INSERT INTO sink` is an asset named after the sink, depending on the
views it reads (loaded through the Parquet IO manager) and written by the sink IO manager; each
model is a resource. One Definitions is built from all files at once, so a table several files
use is declared once.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Callable, Mapping

import dagster as dg
import polars as pl

from bailian_assets.errors import BailianError
from bailian_assets.executor.executor import Executor, ModelRun
from bailian_assets.integration.io_managers import (
    SINK_METADATA_PREFIX, PolarsParquetIOManager, SinkIOManager,
)
from bailian_assets.integration.resources import model_resource, resource_key
from bailian_assets.planning import plan as p
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.project import Project, load_project

SINK_IO_MANAGER = "bailian_sink_io_manager"
FRAME_IO_MANAGER = "bailian_frame_io_manager"
PREVIEW_ROWS = 10


def build_definitions(sql_dir: str | os.PathLike, environ: Mapping[str, str] | None = None
                      ) -> dg.Definitions:
    """Definitions for every `.sql` file in `sql_dir`. Raises SqlError listing every mistake."""
    project = load_project([sql_dir], environ=environ, display_root=sql_dir)
    assets = [_view_asset(project, name) for name in project.views]
    assets += [_sink_asset(project, sink) for sink in project.sinks()]
    resources: dict[str, object] = {
        resource_key(name): model_resource(spec) for name, spec in project.models.items()
    }
    resources[SINK_IO_MANAGER] = SinkIOManager()
    resources[FRAME_IO_MANAGER] = PolarsParquetIOManager()
    return dg.Definitions(assets=assets, resources=resources)


def asset_key(name: str) -> dg.AssetKey:
    return dg.AssetKey(name.split("."))


# ------------------------------------------------------------------ asset factories


def _view_asset(project: Project, name: str) -> dg.AssetsDefinition:
    planned = project.views[name]
    statement = project.catalog.views[name].statement
    script = project.scripts[planned.path]
    return _asset(
        project, name, [planned], io_manager_key=FRAME_IO_MANAGER,
        description=f"```sql\n{script.text_of(statement)}\n```",
        path=planned.path, line=statement.position.line, metadata={},
    )


def _sink_asset(project: Project, sink: str) -> dg.AssetsDefinition:
    inserts = project.inserts_into(sink)
    table = inserts[0].sink
    sql = "\n\n".join(project.scripts[i.path].text_of(i.statement) for i in inserts)
    metadata = {f"{SINK_METADATA_PREFIX}connector": table.connector}
    metadata.update({f"{SINK_METADATA_PREFIX}{key}": str(value).lower()
                     if isinstance(value, bool) else str(value)
                     for key, value in table.options.items() if value is not None})
    first = inserts[0]
    return _asset(
        project, sink, [i.query for i in inserts], io_manager_key=SINK_IO_MANAGER,
        description=f"Sink `{sink}` (connector '{table.connector}').\n\n```sql\n{sql}\n```",
        path=first.path, line=first.statement.position.line, metadata=metadata,
    )


def _asset(project: Project, name: str, queries: list[p.PlannedQuery], *, io_manager_key: str,
           description: str, path: str, line: int, metadata: dict) -> dg.AssetsDefinition:
    reads = _reads(queries)
    models = _models(queries)
    arguments = _argument_names(reads)
    file = project.files.get(path)
    definition_metadata = dict(metadata)
    if file is not None:
        with warnings.catch_warnings():  # beta in 1.13, and the UI's way to link to source
            warnings.simplefilter("ignore", dg.BetaWarning)
            definition_metadata["dagster/code_references"] = dg.CodeReferencesMetadataValue(
                code_references=[dg.LocalFileCodeReference(file_path=str(file),
                                                           line_number=line)])
    definition_metadata["dagster/column_schema"] = _schema(queries[0])

    @dg.asset(
        key=asset_key(name),
        ins={arguments[r]: dg.AssetIn(key=asset_key(r)) for r in reads},
        required_resource_keys={resource_key(m.name) for m in models},
        io_manager_key=io_manager_key,
        group_name=_group(path),
        description=description,
        metadata=definition_metadata,
        kinds={"sql", "polars"},
    )
    def compute(context, **inputs):  # no annotations: dagster reads them, and they are strings here
        frames = {relation: inputs[arguments[relation]] for relation in reads}
        return _run(context, queries, frames)

    return compute


def _run(context: dg.AssetExecutionContext, queries: list[p.PlannedQuery],
         frames: dict[str, pl.DataFrame]) -> dg.Output:
    runs: list[ModelRun] = []
    announced: set[str] = set()

    def clients(spec: ModelSpec, config):
        resource = getattr(context.resources, resource_key(spec.name))
        if spec.name not in announced:
            announced.add(spec.name)
            context.log.info(f"model '{spec.name}': calls go to the {resource.backend.description}")
        return resource.client(spec, config,
                               on_progress=lambda snapshot: context.log.info(snapshot.describe()))

    def on_model_run(run: ModelRun) -> None:
        runs.append(run)
        context.log.info(f"ML_PREDICT with model '{run.node.model.name}' at "
                         f"{run.node.path}:{run.node.position.line}: {run.usage.describe()}")

    executor = Executor(lambda relation: frames[relation].lazy(), clients,
                        on_model_run=on_model_run)
    try:
        parts = [executor.run(query) for query in queries]
    except BailianError as error:
        raise dg.Failure(description=str(error)) from None
    frame = parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical")
    return dg.Output(frame, metadata=_metadata(frame, runs))


# ------------------------------------------------------------------ metadata


def _metadata(frame: pl.DataFrame, runs: list[ModelRun]) -> dict:
    metadata: dict[str, object] = {
        "dagster/row_count": frame.height,
        "preview": dg.MetadataValue.md(_markdown(frame.head(PREVIEW_ROWS))),
    }
    if runs:
        totals: dict[str, float] = {}
        for run in runs:
            for key, value in run.usage.summary().items():
                if isinstance(value, (int, float)) and not key.startswith("latency"):
                    totals[key] = totals.get(key, 0) + value
        metadata.update({f"usage/{k}": int(v) for k, v in totals.items()})
        latencies = [x for run in runs for x in run.usage.latencies]
        if latencies:
            ordered = sorted(latencies)
            metadata["usage/latency_p50_ms"] = round(ordered[len(ordered) // 2] * 1000, 1)
            metadata["usage/latency_p95_ms"] = round(
                ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 1)
        metadata["usage/by_model"] = dg.MetadataValue.json(
            {run.node.model.name: run.usage.summary() for run in runs})
    return metadata


def _markdown(frame: pl.DataFrame) -> str:
    def cell(value: object) -> str:
        text = "null" if value is None else str(value)
        text = text if len(text) <= 80 else text[:77] + "..."
        return text.replace("|", "\\|").replace("\n", " ")

    header = "| " + " | ".join(frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.iter_rows()]
    return "\n".join([header, rule, *rows])


def _schema(query: p.PlannedQuery) -> dg.TableSchema:
    return dg.TableSchema(columns=[dg.TableColumn(name, str(t))
                                   for name, t in zip(query.names, query.types)])


# ------------------------------------------------------------------ helpers


def _reads(queries: list[p.PlannedQuery]) -> list[str]:
    names = [node.relation for q in queries for node in p.walk(q.root) if isinstance(node, p.Scan)]
    return list(dict.fromkeys(names))


def _models(queries: list[p.PlannedQuery]) -> list[ModelSpec]:
    found = {node.model.name: node.model for q in queries for node in p.walk(q.root)
             if isinstance(node, p.MlPredict)}
    return list(found.values())


def _argument_names(relations: list[str]) -> dict[str, str]:
    """Python identifiers for the compute function's inputs, one per relation read."""
    names: dict[str, str] = {}
    for relation in relations:
        base = re.sub(r"\W", "_", relation)
        name, i = base, 1
        while name in names.values() or name in ("context",):
            name, i = f"{base}_{i}", i + 1
        names[relation] = name
    return names


def _group(path: str) -> str:
    return re.sub(r"\W", "_", Path(path).stem) or "default"


def default_sql_dir(environ: Mapping[str, str] | None = None,
                    fallback: Callable[[], Path] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get("BAILIAN_SQL_DIR"):
        return Path(environ["BAILIAN_SQL_DIR"])
    return fallback() if fallback else Path.cwd() / "sql"
