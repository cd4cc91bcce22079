"""`bailian-assets simulate`: the Bailian-compatible simulator over HTTP, until interrupted."""

from __future__ import annotations

import click

from bailian_assets.cli import exits

_RATE = click.FloatRange(0.0, 1.0)  # a share of the requests
_POSITIVE = click.FloatRange(0.0, min_open=True)
_NON_NEGATIVE = click.FloatRange(0.0)


@click.command(
    "simulate", epilog=exits.HELP + " Here 2 also when the address cannot be listened on."
)
@click.option("--host", default="127.0.0.1", help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8600,
    help="Port to listen on (0: any free port, printed).",
)
@click.option(
    "--rpm",
    type=_POSITIVE,
    show_default="no limit",
    help="Requests per minute per model; over it, 429 with Retry-After.",
)
@click.option(
    "--tpm",
    type=_POSITIVE,
    show_default="no limit",
    help="Tokens per minute per model; over it, 429 with Retry-After.",
)
@click.option("--latency-ms", type=_NON_NEGATIVE, default=0.0, help="Mean latency.")
@click.option(
    "--latency-spread", type=_NON_NEGATIVE, default=0.5, help="Sigma of the log-normal latency."
)
@click.option("--error-rate", type=_RATE, default=0.0, help="Share of 500/503 answers.")
@click.option("--drop-rate", type=_RATE, default=0.0, help="Share of dropped connections.")
@click.option(
    "--slow-rate", type=_RATE, default=0.0, help="Share of answers held back for --slow-seconds."
)
@click.option(
    "--slow-seconds", type=_NON_NEGATIVE, default=600.0, help="How long a slow answer is held back."
)
@click.option(
    "--malformed-rate",
    type=_RATE,
    default=0.0,
    help="Share of answers with invalid or truncated JSON.",
)
@click.option(
    "--packed-fault-rate",
    type=_RATE,
    default=0.0,
    help="Share of packed answers (several rows in one request) that drop, repeat "
    "or reorder items.",
)
@click.option("--seed", type=int, default=0, help="Seed of the faults and latencies drawn.")
@click.option("--no-retry-after", is_flag=True, help="Send 429s without a Retry-After header.")
def simulate(
    host: str,
    port: int,
    rpm: float | None,
    tpm: float | None,
    latency_ms: float,
    latency_spread: float,
    error_rate: float,
    drop_rate: float,
    slow_rate: float,
    slow_seconds: float,
    malformed_rate: float,
    packed_fault_rate: float,
    seed: int,
    no_retry_after: bool,
) -> int:
    """Serve /compatible-mode/v1/chat/completions and /embeddings with DashScope's formats,
    per-model quotas, latency and faults; counters at GET /simulator/stats."""
    import asyncio

    from bailian_assets.simulator.faults import FaultConfig
    from bailian_assets.simulator.quota import Quotas
    from bailian_assets.simulator.server import SimulatorServer
    from bailian_assets.simulator.service import BailianSimulator

    faults = FaultConfig(
        latency_ms,
        latency_spread,
        error_rate,
        drop_rate,
        slow_rate,
        slow_seconds,
        malformed_rate,
        seed,
        packed_fault_rate,
    )
    simulator = BailianSimulator(Quotas(rpm, tpm), faults, retry_after=not no_retry_after)
    server = SimulatorServer(simulator, host, port)

    async def serve() -> None:
        await server.start()
        click.echo(f"Bailian simulator listening on {server.url}")
        click.echo(f"  use it with: BAILIAN_BASE_URL={server.url}")
        await server.serve_forever()

    try:
        asyncio.run(serve())
    except OSError as error:
        click.echo(
            f"bailian-assets: error: cannot listen on {host}:{port}: {error.strerror}", err=True
        )
        return exits.USAGE
    return exits.OK
