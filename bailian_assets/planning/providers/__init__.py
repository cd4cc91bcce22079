"""Model providers: the values of a CREATE MODEL's 'provider' option, behind one small
interface (`Provider`) found by name in a registry (`provider.py`, which also says where a
model's requests go).

Built in (one module each): `bailian` and `openai` (endpoint and key required), `openai-compat`
and `dashscope` (VVR's built-in models too: a 'task', no endpoint or key). All of them speak
DashScope's OpenAI-compatible API here; what goes on the wire is `client/wire.py`'s.

How to add a provider (one new module):
  1. In `bailian_assets/planning/providers/<name>.py`, end the module with
     `PROVIDER = Provider("<name>", built_in, "what it is")`: `built_in` says whether a model
     of it may name a 'task' and leave out endpoint and key; `listed` (default: after the
     built-in ones) is where it comes when providers are listed in messages.
  2. That is all: it is found on the first look-up, and the 'provider' option accepts it.
     A provider defined elsewhere (a plugin, a test) calls `register(Provider(...))` instead.
`tests/test_providers.py` registers a toy provider from the test module to show the seam.
"""

from bailian_assets.planning.providers.provider import (
    CHAT,
    EMBEDDING,
    PROVIDERS,
    TASKS,
    Provider,
    built_in_endpoint,
    built_in_key,
    provider_named,
    provider_names,
    register,
    task_of_path,
    unregister,
)

__all__ = [
    "CHAT",
    "EMBEDDING",
    "PROVIDERS",
    "TASKS",
    "Provider",
    "built_in_endpoint",
    "built_in_key",
    "provider_named",
    "provider_names",
    "register",
    "task_of_path",
    "unregister",
]
