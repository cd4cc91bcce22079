"""Where DashScope's compatible-mode API lives, and the environment variables that point at it.

Shared by planning (a built-in model's endpoint and key) and the client (the simulator while
`BAILIAN_BASE_URL` is unset, the service at that base URL once it is set).
"""

from __future__ import annotations

from collections.abc import Mapping

BASE_URL_ENV = "BAILIAN_BASE_URL"  # set: real requests go to the service; unset: the simulator
API_KEY_ENV = "DASHSCOPE_API_KEY"  # a built-in model's key (VVR: the key the platform manages)
DEFAULT_BASE_URL = "https://dashscope-intl.aliyuncs.com"  # international (Singapore) region
MAINLAND_BASE_URL = "https://dashscope.aliyuncs.com"  # China (Beijing) region
COMPATIBLE_MODE = "/compatible-mode/v1"


def base_url(environ: Mapping[str, str]) -> str:
    """The service's base URL: `BAILIAN_BASE_URL` when set, else the international region."""
    return (environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL).rstrip("/")
