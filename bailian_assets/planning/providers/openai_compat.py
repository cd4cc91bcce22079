"""VVR's `openai-compat` provider: any OpenAI-compatible service, with VVR's built-in models
(a 'task' and no endpoint or key)."""

from bailian_assets.planning.providers.provider import Provider

PROVIDER = Provider("openai-compat", True, "any OpenAI-compatible service, VVR", listed=20)
