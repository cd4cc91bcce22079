"""Where a client's requests go: the `Backend` its caller passes in.

The client layer does not choose between the real service and the simulator: the program's
entry points do (`bailian_assets/backends.py`: `backend_from_env`, `simulated_backend`) and
hand the client a `Backend`, an httpx transport with a description. Any transport works, so a
test passes an `httpx.MockTransport` and the client never knows it is not the service.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from bailian_assets.dashscope import BASE_URL_ENV
from bailian_assets.endpoint_url import check_url
from bailian_assets.errors import ModelCallError


@dataclass(frozen=True)
class Backend:
    transport: httpx.AsyncBaseTransport | None  # None: httpx's own, over the network
    simulated: bool  # answers come from a simulator (part of the cache key)
    description: str  # where the calls go, for the log and the metadata


def service_backend(base_url: str) -> Backend:
    """The service at `base_url` (the value of BAILIAN_BASE_URL), over the network; checked as
    endpoints are (`endpoint_url`): ModelCallError for a URL no request could go to, or one
    holding a user name or password."""
    problem = check_url(base_url, what=BASE_URL_ENV)
    if problem is not None:
        raise ModelCallError(problem)
    return Backend(None, False, f"Bailian service at {base_url} ({BASE_URL_ENV} is set)")
