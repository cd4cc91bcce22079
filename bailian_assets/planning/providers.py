"""Model providers, tasks, and where a model's requests go.

Every provider here speaks DashScope's OpenAI-compatible API; they differ in what a CREATE MODEL
may leave out. A model names its endpoint (`<base>/compatible-mode/v1/chat/completions`, whose
suffix picks the task) and its key, as Apache Flink's `openai` provider and VVR's `bailian` do;
or it is a VVR built-in model (VVR 11.7+): a `'task'` and no endpoint or key, the platform
choosing both. Here the platform is this machine: the endpoint is the task's path under
`BAILIAN_BASE_URL` (the international region by default), the key is `DASHSCOPE_API_KEY`, and
offline the simulator answers, as it answers every model.

A new provider is one entry in `PROVIDERS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from bailian_assets.dashscope import API_KEY_ENV, COMPATIBLE_MODE, base_url

CHAT, EMBEDDING = "chat", "embedding"
# VVR's 'task' values, and the endpoint path (after /compatible-mode/v1) of each
TASKS = {"chat/completions": CHAT, "embeddings": EMBEDDING}


@dataclass(frozen=True)
class Provider:
    name: str
    built_in: bool  # whether a model may leave out endpoint and key and name a 'task'
    description: str


PROVIDERS = {p.name: p for p in (
    Provider("bailian", False, "Alibaba Cloud Model Studio (Bailian), VVR"),
    Provider("openai-compat", True, "any OpenAI-compatible service, VVR"),
    Provider("dashscope", True, "DashScope, VVR's recommended provider for built-in models"),
    Provider("openai", False, "Apache Flink's OpenAI provider"),
)}


def task_of_path(path: str) -> str | None:
    """The task an endpoint's path names by its suffix, if any."""
    path = path.rstrip("/")
    for suffix, task in TASKS.items():
        if path.endswith("/" + suffix):
            return task
    return None


def built_in_endpoint(task: str, environ: Mapping[str, str]) -> str:
    """The endpoint of a built-in model of `task` ('chat/completions' or 'embeddings')."""
    return f"{base_url(environ)}{COMPATIBLE_MODE}/{task}"


def built_in_key(environ: Mapping[str, str]) -> str:
    """A built-in model's key: `DASHSCOPE_API_KEY`, or '' when unset (enough for the
    simulator; the client refuses to call the service without a key)."""
    return environ.get(API_KEY_ENV, "").strip()
