"""Where model requests go, chosen by the program's entry points (the command line, the Dagster
resources, tests): the real service, or the built-in simulator in-process.

With `BAILIAN_BASE_URL` unset, every model call is answered by the simulator without touching
the network or needing an API key; with it set, requests go to the endpoints the SQL names.
The choice lives here, above the layers: the client takes the `Backend` it is given
(`client/backend.py`) and imports no simulator.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from bailian_assets.client.backend import Backend, service_backend
from bailian_assets.dashscope import BASE_URL_ENV
from bailian_assets.simulator.service import BailianSimulator

_shared_simulator = BailianSimulator()


def backend_from_env(environ: Mapping[str, str] | None = None) -> Backend:
    """The simulator, or the service at `BAILIAN_BASE_URL`; ModelCallError when that is set
    to a URL no request could go to."""
    environ = os.environ if environ is None else environ
    base_url = environ.get(BASE_URL_ENV, "").strip()
    return service_backend(base_url) if base_url else simulated_backend()


def simulated_backend(simulator: BailianSimulator | None = None) -> Backend:
    """The simulator in-process (the process's own unless one is given): no network, no key."""
    simulator = simulator or _shared_simulator
    return Backend(
        simulator.transport(),
        True,
        f"built-in Bailian simulator, in-process ({BASE_URL_ENV} is not set: "
        "no network and no API key are used)",
    )
