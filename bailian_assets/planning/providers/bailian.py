"""VVR's `bailian` provider: Alibaba Cloud Model Studio (Bailian); endpoint and key required."""

from bailian_assets.planning.providers.provider import Provider

PROVIDER = Provider("bailian", False, "Alibaba Cloud Model Studio (Bailian), VVR", listed=10)
