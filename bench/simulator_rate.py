"""How many requests per second the simulator sustains on this machine.

Starts `bailian-assets simulate` in its own process on a free loopback port, then drives it
from this process with an httpx async client (64 connections) for a fixed number of requests:
chat, and embeddings of 10 inputs x 1024 dimensions. Prints, per kind, the rate reached (bound
by the Python client on this 2-core machine) and the simulator's own CPU cost per request,
which says what it could sustain on one core.

    .venv/bin/python bench/simulator_rate.py [--requests 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import time

import httpx

AUTH = {"Authorization": "Bearer sk-bench"}
CHAT = {
    "model": "qwen-turbo",
    "messages": [
        {"role": "system", "content": "Classify: [positive, negative, neutral, mixed]."},
        {"role": "user", "content": "The battery life is great and I love the screen"},
    ],
}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def drive(url: str, path: str, make_body, requests: int, connections: int) -> float:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=url, headers=AUTH, limits=limits, timeout=30) as client:
        queue = list(range(requests))

        async def worker():
            while queue:
                i = queue.pop()
                reply = await client.post(path, json=make_body(i))
                reply.raise_for_status()

        started = time.perf_counter()
        await asyncio.gather(*[worker() for _ in range(connections)])
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "bailian_assets.cli", "simulate", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        server.stdout.readline()  # "listening on ..."
        url = f"http://127.0.0.1:{port}"
        kinds = {
            "chat": (
                "/compatible-mode/v1/chat/completions",
                lambda i: {**CHAT, "seed": i},
                args.requests,
            ),
            "embeddings (10 x 1024)": (
                "/compatible-mode/v1/embeddings",
                lambda i: {
                    "model": "text-embedding-v3",
                    "input": [f"product {i} item {j}" for j in range(10)],
                },
                args.requests // 5,
            ),
        }
        for name, (path, body, count) in kinds.items():
            cpu = cpu_seconds(server.pid)
            seconds = asyncio.run(drive(url, path, body, count, args.connections))
            cpu = cpu_seconds(server.pid) - cpu
            print(
                f"{name}: {count} requests in {seconds:.2f} s = {count / seconds:,.0f} "
                f"requests/s (client-bound); the simulator used {cpu:.2f} CPU s = "
                f"{count / cpu:,.0f} requests per CPU second"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
