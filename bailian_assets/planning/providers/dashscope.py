"""VVR's `dashscope` provider, the one VVR recommends for its built-in models (a 'task' and no
endpoint or key)."""

from bailian_assets.planning.providers.provider import Provider

PROVIDER = Provider(
    "dashscope", True, "DashScope, VVR's recommended provider for built-in models", listed=30
)
