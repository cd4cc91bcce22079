"""Each CREATE MODEL as a Dagster resource: the key bound with EnvVar, clients made per run.

The SQL stays the source of truth for what the model is (endpoint, model, prompt, options);
the resource carries what belongs to the deployment: the API key (as `EnvVar`, so the UI shows
only the variable's name) and where calls go (the simulator while BAILIAN_BASE_URL is unset).
"""

from __future__ import annotations

import os
from typing import Callable, Optional

import dagster as dg
from pydantic import PrivateAttr

from bailian_assets.client.backend import Backend, backend_from_env
from bailian_assets.client.client import ModelClient
from bailian_assets.client.progress import Snapshot
from bailian_assets.executor.ml_predict import make_client
from bailian_assets.planning.models import ModelSpec, RuntimeConfig
from bailian_assets.planning.names import resource_name
from bailian_assets.secrets import Secret


class BailianModelResource(dg.ConfigurableResource):
    """A Bailian (DashScope compatible-mode) model declared by CREATE MODEL."""

    model_name: str
    endpoint: str
    model: str
    api_key: Optional[str] = None  # None: the SQL's own 'api-key' value is used

    _backend: Backend | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._backend = backend_from_env()

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            self._backend = backend_from_env()
        return self._backend

    def client(self, spec: ModelSpec, config: RuntimeConfig,
               on_progress: Callable[[Snapshot], None] | None = None,
               on_warning: Callable[[str], None] | None = None) -> ModelClient:
        """A client for one ML_PREDICT; create it inside the run, never at import."""
        api_key = Secret(self.api_key) if self.api_key else None
        return make_client(spec, config, self.backend, api_key=api_key,
                           on_progress=on_progress, on_warning=on_warning)


def resource_key(model_name: str) -> str:
    """Dagster resource keys are identifiers: `ai_analyze_sentiment` -> `model_ai_analyze_sentiment`
    (see planning/names.py for other names)."""
    return resource_name(model_name)


def model_resource(spec: ModelSpec) -> BailianModelResource:
    """The resource for a model; its key is an EnvVar whenever the SQL reads it from one."""
    env = spec.api_key_env
    api_key = dg.EnvVar(env) if env and os.environ.get(env) else None
    return BailianModelResource(model_name=spec.name, endpoint=spec.display_endpoint,
                                model=spec.model, api_key=api_key)
