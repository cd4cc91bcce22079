"""Where model requests go: the real service, or the built-in simulator in-process.

With `BAILIAN_BASE_URL` unset, every model call is answered by the simulator without touching
the network or needing an API key; with it set, requests go to the endpoints the SQL names.
The base URL is checked here, once, as endpoints are (`endpoint_url`): a run with one httpx
cannot use, or one holding a user name or password, stops before it starts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

import httpx

from bailian_assets.dashscope import BASE_URL_ENV
from bailian_assets.endpoint_url import check_url
from bailian_assets.errors import ModelCallError
from bailian_assets.simulator.service import BailianSimulator

_shared_simulator = BailianSimulator()


@dataclass(frozen=True)
class Backend:
    transport: httpx.AsyncBaseTransport | None  # None: httpx's own, over the network
    simulated: bool
    description: str


def backend_from_env(environ: Mapping[str, str] | None = None) -> Backend:
    """The simulator, or the service at `BAILIAN_BASE_URL`; ModelCallError when that is set
    to a URL no request could go to."""
    environ = os.environ if environ is None else environ
    base_url = environ.get(BASE_URL_ENV, "").strip()
    if not base_url:
        return simulated_backend()
    problem = check_url(base_url, what=BASE_URL_ENV)
    if problem is not None:
        raise ModelCallError(problem)
    return Backend(None, False, f"Bailian service at {base_url} ({BASE_URL_ENV} is set)")


def simulated_backend(simulator: BailianSimulator | None = None) -> Backend:
    simulator = simulator or _shared_simulator
    return Backend(simulator.transport(), True,
                   f"built-in Bailian simulator, in-process ({BASE_URL_ENV} is not set: "
                   "no network and no API key are used)")
