"""The `Provider` interface, the registry that finds a provider by its 'provider' name, and
where a model's requests go.

Every built-in provider speaks DashScope's OpenAI-compatible API; they differ in what a CREATE
MODEL may leave out. A model names its endpoint (`<base>/compatible-mode/v1/chat/completions`,
whose suffix picks the task) and its key, as Apache Flink's `openai` provider and VVR's
`bailian` do; or it is a VVR built-in model (VVR 11.7+): a `'task'` and no endpoint or key, the
platform choosing both. Here the platform is this machine: the endpoint is the task's path under
`BAILIAN_BASE_URL` (the international region by default), the key is `DASHSCOPE_API_KEY`, and
offline the simulator answers, as it answers every model.

Providers are found as connectors are (`planning/registry.py`): each module of this package
holding a `PROVIDER` is loaded on the first look-up; `register` adds one from anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from bailian_assets.dashscope import API_KEY_ENV, COMPATIBLE_MODE, base_url
from bailian_assets.planning.registry import Registry

CHAT, EMBEDDING = "chat", "embedding"
# VVR's 'task' values, and the endpoint path (after /compatible-mode/v1) of each
TASKS = {"chat/completions": CHAT, "embeddings": EMBEDDING}
BUILT_IN_PACKAGE = "bailian_assets.planning.providers"


@dataclass(frozen=True)
class Provider:
    """One value of a CREATE MODEL's 'provider' option."""

    name: str
    built_in: bool  # whether a model may leave out endpoint and key and name a 'task'
    description: str
    listed: int = 100  # where it comes when providers are listed (messages): after these


_registry: Registry[Provider] = Registry(
    "provider",
    BUILT_IN_PACKAGE,
    "PROVIDER",
    Provider,
    lambda p: p.name,
    same=lambda old, new: old == new,
)


def register(provider: Provider, replace: bool = False) -> Provider:
    """Make `provider` known by its name; another one of a taken name is an error unless
    `replace` (a test swapping one in)."""
    return _registry.register(provider, replace)


def unregister(name: str) -> None:
    """Forget the provider of that name (a test cleaning up after itself)."""
    _registry.unregister(name)


def provider_named(name: str) -> Provider | None:
    return _registry.get(name)


def provider_names() -> list[str]:
    """Every provider's name, in the order they are listed."""
    ranked = sorted(enumerate(_registry.items()), key=lambda pair: (pair[1].listed, pair[0]))
    return [provider.name for _, provider in ranked]


class _Providers(Mapping[str, Provider]):
    """Every provider by name, as the registry holds them at the time of asking."""

    def __getitem__(self, name: str) -> Provider:
        provider = provider_named(name)
        if provider is None:
            raise KeyError(name)
        return provider

    def __iter__(self) -> Iterator[str]:
        return iter(provider_names())

    def __len__(self) -> int:
        return len(provider_names())


PROVIDERS: Mapping[str, Provider] = _Providers()


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
