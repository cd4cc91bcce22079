"""Where model requests go: the real service, or the built-in simulator in-process.

With `BAILIAN_BASE_URL` unset, every model call is answered by the simulator without touching
the network or needing an API key; with it set, requests go to the endpoints the SQL names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

import httpx

from bailian_assets.dashscope import BASE_URL_ENV
from bailian_assets.simulator.service import BailianSimulator

_shared_simulator = BailianSimulator()


@dataclass(frozen=True)
class Backend:
    transport: httpx.AsyncBaseTransport | None  # None: httpx's own, over the network
    simulated: bool
    description: str


def backend_from_env(environ: Mapping[str, str] | None = None) -> Backend:
    environ = os.environ if environ is None else environ
    base_url = environ.get(BASE_URL_ENV, "").strip()
    if not base_url:
        return simulated_backend()
    return Backend(None, False, f"Bailian service at {base_url} ({BASE_URL_ENV} is set)")


def simulated_backend(simulator: BailianSimulator | None = None) -> Backend:
    simulator = simulator or _shared_simulator
    return Backend(simulator.transport(), True,
                   f"built-in Bailian simulator, in-process ({BASE_URL_ENV} is not set: "
                   "no network and no API key are used)")
