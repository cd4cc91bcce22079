"""`FlinkSqlComponent`: a folder of Flink SQL files as a Dagster component.

    # defs/reviews/defs.yaml
    type: bailian_assets.FlinkSqlComponent
    attributes:
      sql_dir: sql                 # relative to this defs.yaml
      translation:                 # optional, applied to every asset; {{ data }} is the relation
        key_prefix: reviews
        group_name: "reviews_{{ data.group }}"
        owners: ["team:ml"]
        tags: {layer: "{{ data.kind }}"}
        kinds: ["flink"]
        description: "{{ data.name }} from {{ data.path }}"

In Python, subclass it and override `get_translator()` to return your `FlinkSqlTranslator`
(translator.py), as with dagster-dbt's `DagsterDbtTranslator`. Each instance's resources and IO
managers get keys of their own (`resource_key_prefix`, by default the instance's folder path,
`reviews__model_m`), so two instances over different folders load side by side.
`dg scaffold defs bailian_assets.FlinkSqlComponent NAME` writes a working instance.

Under `dg dev` (any code server) a file with SQL errors does not blank the UI: its assets are
left out and an asset of its own shows its errors (broken.py). On the command line (`dg check
defs`, `dg launch`) the load fails with the located report instead (loading.py tells them apart
by Dagster's own load context, not by the command line).
"""

# no `from __future__ import annotations`: dagster resolves the fields' annotations
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import dagster as dg
from dagster.components.utils.translation import TranslationFn, TranslationFnResolver

from bailian_assets.integration.definitions import build_definitions
from bailian_assets.integration.executor import IN_PROCESS, StepsIn
from bailian_assets.integration.home_instance import DEFAULT_POOL_LIMIT
from bailian_assets.integration.loading import isolating_errors
from bailian_assets.integration.translator import FlinkSqlTranslator, SqlRelation
from bailian_assets.planning import names

_TRANSLATION = TranslationFnResolver[SqlRelation](lambda relation: {"data": relation})


class FlinkSqlScaffolder(dg.Scaffolder):
    """`dg scaffold defs bailian_assets.FlinkSqlComponent NAME`: a defs.yaml and a sql/ folder
    holding a working example (a labelling model, rows, a print sink)."""

    def scaffold(self, request: dg.ScaffoldRequest) -> None:
        name = names.dagster_name(request.target_path.name)
        dg.scaffold_component(request, {"sql_dir": "sql"})
        folder = request.target_path / "sql"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.sql").write_text(example_sql(name), encoding="utf-8")


def example_sql(name: str) -> str:
    """A small job that runs as is (the simulator answers while BAILIAN_BASE_URL is unset);
    its names carry `name`, so it never clashes with the project's other assets."""
    return f"""\
-- A starting point: rows labelled by a Bailian chat model, printed to the Dagster log.
CREATE MODEL {name}_sentiment
INPUT (`input` STRING)
OUTPUT (`content` STRING)
WITH (
  'provider' = 'bailian',
  'endpoint' = '${{BAILIAN_BASE_URL:-https://dashscope-intl.aliyuncs.com}}/compatible-mode/v1/chat/completions',
  'api-key' = '${{DASHSCOPE_API_KEY:-sk-simulator}}',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text below into one of the following labels: [positive, negative, neutral, mixed]. Output only the label.'
);

CREATE TEMPORARY VIEW {name}_comments (id, comment_text, actual_label) AS VALUES
  (1, 'I love it, works great', 'positive'),
  (2, 'terrible, broke after a day', 'negative');

CREATE TEMPORARY TABLE {name}_labels (
  id BIGINT, comment_text STRING, predicted_label STRING, actual_label STRING
) WITH ('connector' = 'print', 'logger' = 'true');

INSERT INTO {name}_labels
SELECT id, comment_text, content AS predicted_label, actual_label
FROM ML_PREDICT(TABLE {name}_comments, MODEL {name}_sentiment, DESCRIPTOR(comment_text));
"""  # noqa: E501 - the scaffolded prompt is one SQL literal, kept whole for the user


@dg.scaffold_with(FlinkSqlScaffolder)
@dataclass
class FlinkSqlComponent(dg.Component, dg.Resolvable):
    """Every `.sql` file in `sql_dir` as assets: tables and views, sinks with checks, each
    CREATE MODEL a resource, a job per file, schedules and partition sensors.

    Args:
        sql_dir: the folder of `.sql` files, relative to the defs.yaml (or absolute).
        translation: attributes applied to each asset's spec (key_prefix, group_name,
            owners, tags, kinds, description, ...), templated with `{{ data }}`, the
            `SqlRelation` (name, kind, path, line, sql, columns, models, ...).
        resource_key_prefix: put before every resource and IO manager key; default: the
            instance's folder under defs/ (`reviews__`), "" for the plain names.
        pool_limit: how many assets calling one model may run at once, given to each model's
            concurrency pool (`bailian_<model>`) that has no limit yet, when the code loads with
            DAGSTER_HOME set (home_instance.py); default 4.
        executor: where a run's steps execute unless its run config says: `in_process`
            (default: all in the run's process, as fast as the command line) or
            `multiprocess` (a process per step); see executor.py.
    """

    sql_dir: str
    translation: Annotated[TranslationFn[SqlRelation], _TRANSLATION] | None = None
    resource_key_prefix: str | None = None
    pool_limit: int = DEFAULT_POOL_LIMIT
    executor: StepsIn = IN_PROCESS

    def get_translator(self) -> FlinkSqlTranslator:
        """Override to return your own `FlinkSqlTranslator` subclass."""
        return FlinkSqlTranslator()

    def folder(self, context: dg.ComponentLoadContext) -> Path:
        """The SQL folder: `sql_dir` relative to the defs.yaml."""
        return (context.path / self.sql_dir).resolve()

    def key_prefix(self, context: dg.ComponentLoadContext) -> str:
        """What goes before this instance's resource and IO manager keys."""
        if self.resource_key_prefix is not None:
            return self.resource_key_prefix
        try:
            relative = context.path.resolve().relative_to(context.defs_module_path.resolve())
        except ValueError:
            relative = Path(context.path.name)
        return "__".join(names.dagster_name(part) for part in relative.parts) + "__"

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        return build_definitions(
            self.folder(context),
            prefix=self.key_prefix(context),
            translator=self.get_translator(),
            translation=self.translation,
            isolate_errors=isolating_errors(),
            pool_limit=self.pool_limit,
            executor=self.executor,
        )
