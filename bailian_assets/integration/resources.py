"""Each CREATE MODEL as a Dagster resource: the key bound with EnvVar, clients made per run.

The SQL says what the model is; the resource shows it on the resource's page and lets a run change
it from the launchpad: `endpoint`, `model` and every other WITH option (`options`, as written: rate
limits, prices, prompt, temperature, ...). A run's config names only what it changes (`model` alone,
one option alone): what it leaves out keeps the SQL's value. Every field takes effect: an override
is checked exactly as the SQL's own value would be (`build_model`), and a mistake fails the run
naming the option. The API key is never a value here: `api_key` is bound with
`EnvVar("DASHSCOPE_API_KEY")` (the UI shows the variable's name), and `options` shows it masked.
Calls go to the simulator while BAILIAN_BASE_URL is unset.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

import dagster as dg
from pydantic import Field, PrivateAttr

from bailian_assets.errors import WHOLE_FILE
from bailian_assets.planning.models import API_KEY, ModelSpec, build_model
from bailian_assets.planning.options import camel_case
from bailian_assets.secrets import Secret

if TYPE_CHECKING:  # imported by the first run: loading the definitions does not need them
    from bailian_assets.client.backend import Backend
    from bailian_assets.executor.runner import ModelBinding
from bailian_assets.sql import ast

_KEY_SPELLINGS = {API_KEY.key, camel_case(API_KEY.key)}
_OWN_FIELDS = {"endpoint", "model"}


class BailianModelResource(dg.ConfigurableResource):
    """A Bailian (DashScope compatible-mode) model declared by CREATE MODEL: its endpoint,
    model and WITH options as the SQL writes them; change any of them for one run in the
    launchpad. The API key comes from the environment variable the SQL names."""

    # None: as the SQL writes it. The resource the code location builds holds the SQL's values
    # (the resource's page and the launchpad show them), but a run's config replaces that
    # whole config, so a field left out of it must mean "as written", not "missing": a run
    # that changes only `model` (or one option) needs nothing else.
    endpoint: str | None = Field(
        default=None,
        description="The endpoint as written in the SQL (a ${secret_values...} part stays "
        "unresolved here); unset: the SQL's.",
    )
    model: str | None = Field(
        default=None, description="The model the requests name, e.g. qwen-turbo; unset: the SQL's."
    )
    options: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "WITH options to change (rate-limit.rpm, price.*, system-prompt, temperature, ...), "
            "over the SQL's own: an option left out keeps its SQL value. The API key is shown "
            "masked and cannot be set here."
        ),
    )
    api_key: str | None = Field(
        default=None,
        description=(
            "Bound to the environment variable the SQL reads the key from; unset: the SQL's "
            "own 'api-key' value (the simulator needs none)."
        ),
    )

    _backend: Backend | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._backend = _backend_from_env()

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            self._backend = _backend_from_env()
        return self._backend

    def spec_for(self, spec: ModelSpec) -> ModelSpec:
        """The model as this resource has it: `spec` when nothing was changed, else `spec`'s
        CREATE MODEL with the changed values, checked as SQL would be."""
        refused = sorted(
            k for k, v in self.options.items() if k in _KEY_SPELLINGS and v != spec.options.get(k)
        )
        if refused:
            raise dg.Failure(
                f"model '{spec.name}': the API key cannot be set in the "
                "resource's options; set the environment variable it names"
            )
        written = dict(spec.options)
        wanted = {**written, **{k: v for k, v in self.options.items() if k not in _KEY_SPELLINGS}}
        if self.endpoint is not None and self.endpoint != spec.display_endpoint:
            wanted["endpoint"] = self.endpoint
        if self.model is not None and self.model != spec.model:
            wanted["model"] = self.model
        if wanted == written:
            return spec
        changed = sorted(k for k in set(wanted) | set(written) if wanted.get(k) != written.get(k))
        return _rebuilt(spec, wanted, changed)

    def binding(self, spec: ModelSpec) -> ModelBinding:
        """How a run calls the model (the run orchestrator makes its clients from this):
        the model as this resource has it, its backend, and the key bound here if any."""
        from bailian_assets.executor.runner import ModelBinding

        api_key = Secret(self.api_key) if self.api_key else None
        return ModelBinding(self.spec_for(spec), self.backend, api_key)


def _backend_from_env() -> Backend:
    from bailian_assets.backends import backend_from_env  # a run's, not the load's

    return backend_from_env()


def _rebuilt(spec: ModelSpec, options: dict[str, str], changed: list[str]) -> ModelSpec:
    statement = ast.CreateModel(
        name=ast.Name((spec.name,), WHOLE_FILE),
        inputs=(spec.input_column,),
        outputs=spec.output_columns,
        position=spec.position,
        options=tuple(
            ast.Option(k, v, WHOLE_FILE, WHOLE_FILE, f"'{v}'") for k, v in options.items()
        ),
    )
    problems: list = []
    rebuilt = build_model(statement, spec.path, problems)
    if rebuilt is None or problems:
        reasons = "; ".join(p.message for p in problems) or "not a usable model"
        raise dg.Failure(
            f"model '{spec.name}': the resource's config ("
            f"{', '.join(changed)} changed) is refused: {reasons}"
        )
    # the key as the SQL resolved it (masked in `options`), and its secrets to scrub
    return replace(rebuilt, api_key=spec.api_key, secrets=spec.secrets + rebuilt.secrets)


def model_resource(spec: ModelSpec) -> BailianModelResource:
    """The resource for a model; its key is an EnvVar whenever the SQL reads it from one."""
    env = spec.api_key_env
    api_key = dg.EnvVar(env) if env and os.environ.get(env) else None
    options = {k: v for k, v in spec.options.items() if k not in _OWN_FIELDS}
    return BailianModelResource(
        endpoint=spec.display_endpoint, model=spec.model, options=options, api_key=api_key
    )
