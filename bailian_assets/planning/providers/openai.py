"""Apache Flink's `openai` provider; endpoint and key required."""

from bailian_assets.planning.providers.provider import Provider

PROVIDER = Provider("openai", False, "Apache Flink's OpenAI provider", listed=40)
