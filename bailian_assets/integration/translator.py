"""What each table and view of the SQL becomes in Dagster: `SqlRelation` and its translator.

`FlinkSqlTranslator` maps a relation to an `AssetSpec` through one overridable method per
attribute (key, group, owners, tags, kinds, description, metadata, code version), as
dagster-dbt's `DagsterDbtTranslator` does for dbt nodes. Subclass it and override what you need:

    class MyTranslator(FlinkSqlTranslator):
        def get_group_name(self, relation):
            return "ai_" + super().get_group_name(relation)

        def get_owners(self, relation):
            return ["team:search"] if relation.kind == "sink" else []

The YAML `translation:` of `FlinkSqlComponent` is applied on top of the translator's spec, with
the relation as `{{ data }}` (see component.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from bailian_assets.planning import names
from bailian_assets.planning.models import ModelSpec

SOURCE, VIEW, SINK, SELECT = "source", "view", "sink", "select"
RELATION_METADATA = "bailian/relation"  # the SQL name behind an asset (IO managers read it)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str | None = None  # the SQL COMMENT


@dataclass(frozen=True)
class SqlRelation:
    """A table or view of the SQL files, as the translator sees it.

    `kind` is "source" (a table only read), "view", "sink" (a table INSERTs write) or "select"
    (a bare SELECT statement, its rows the asset's output, named `<file>_select_<line>`); `path`
    the SQL file as shown in messages, `file` the file on disk, `line` the statement's line;
    `sql` the statements' text (the CREATE VIEW, or the sink's INSERTs); `models` the models
    its ML_PREDICTs call; `connector`, `format` and `location` those of a table."""

    name: str
    kind: str
    path: str
    file: Path | None
    line: int
    sql: str
    columns: tuple[Column, ...]
    models: tuple[ModelSpec, ...] = ()
    connector: str | None = None
    format: str | None = None
    location: Path | None = None
    comment: str | None = None
    extra_metadata: Mapping[str, object] = field(default_factory=dict, compare=False)

    @property
    def group(self) -> str:
        """The SQL file's name, as a Dagster name: the default group."""
        return names.group_name(self.path)


class FlinkSqlTranslator:
    """Builds the `AssetSpec` of each relation; override any `get_*` method to change it."""

    def get_asset_spec(self, relation: SqlRelation) -> dg.AssetSpec:
        return dg.AssetSpec(
            key=self.get_asset_key(relation),
            group_name=self.get_group_name(relation),
            description=self.get_description(relation),
            owners=self.get_owners(relation),
            tags=self.get_tags(relation),
            kinds=self.get_kinds(relation),
            metadata=self.get_metadata(relation),
            code_version=self.get_code_version(relation),
        )

    def get_asset_key(self, relation: SqlRelation) -> dg.AssetKey:
        """The relation's name, each part mapped to a Dagster name (`db.t` -> `db/t`)."""
        return dg.AssetKey(names.asset_path(relation.name))

    def get_group_name(self, relation: SqlRelation) -> str:
        """The SQL file's name without `.sql`."""
        return relation.group

    def get_description(self, relation: SqlRelation) -> str:
        comment = f"{relation.comment}\n\n" if relation.comment else ""
        if relation.kind == SOURCE:
            return (
                f"{comment}Files of table `{relation.name}` under `{relation.location}` "
                f"({relation.format}), declared at {relation.path}:{relation.line}."
            )
        if relation.kind == SELECT:
            return (
                f"The rows of the SELECT at {relation.path}:{relation.line}, shown as Flink's "
                f"SQL client shows them (in the run's log) and kept as this asset's output."
                f"\n\n```sql\n{relation.sql}\n```"
            )
        if relation.kind == SINK:
            return (
                f"{comment}Sink `{relation.name}` (connector '{relation.connector}').\n\n"
                f"```sql\n{relation.sql}\n```"
            )
        return f"{comment}```sql\n{relation.sql}\n```"

    def get_owners(self, relation: SqlRelation) -> list[str]:
        return []

    def get_tags(self, relation: SqlRelation) -> dict[str, str]:
        return {}

    def get_kinds(self, relation: SqlRelation) -> set[str]:
        """Where the data and the calls go: `flink` for SQL run here, `bailian` and the model
        family (`qwen`) for assets that call a model, the file format of filesystem tables."""
        kinds: set[str] = set() if relation.kind == SOURCE else {"flink"}
        if relation.models:
            kinds.add("bailian")
            kinds |= {family for m in relation.models if (family := model_family(m.model))}
        if relation.format:
            kinds.add(relation.format)
        elif relation.connector is not None:
            kinds.add(relation.connector)
        return kinds

    def get_metadata(self, relation: SqlRelation) -> dict[str, object]:
        """Column schema (with the SQL COMMENTs), code reference, where the data lives; the
        factory adds column lineage and the relation's name."""
        return dict(relation.extra_metadata)

    def get_code_version(self, relation: SqlRelation) -> str:
        """A hash of the relation's SQL and of its models' options (as written, the key
        masked), so the UI marks an asset whose SQL or model changed."""
        return code_version(relation)


def code_version(relation: SqlRelation) -> str:
    models = [
        {"name": m.name, "options": dict(sorted(m.options.items()))}
        for m in sorted(relation.models, key=lambda m: m.name)
    ]
    text = json.dumps({"sql": relation.sql, "models": models}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def model_family(model: str) -> str | None:
    """`qwen-turbo` -> `qwen`, `text-embedding-v3` -> None: the family shown as a kind."""
    name = model.lower()
    return next((family for family in _FAMILIES if name.startswith(family)), None)


_FAMILIES = ("qwen", "deepseek", "glm", "kimi", "moonshot", "llama")
