"""The simulator over real HTTP/1.1, on asyncio streams.

A server of our own rather than a framework's, because the faults need control no framework
gives: a dropped connection is `transport.abort()` mid-request, a slow answer holds the socket.
Keep-alive, Content-Length and chunked request bodies; that is all OpenAI-style clients send.

    GET  /simulator/stats   counters: requests by status, tokens, inputs, refusals, faults
    POST /simulator/reset   zero the counters
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from http import HTTPStatus

from bailian_assets.simulator.service import BailianSimulator, Reply

STATS_PATH = "/simulator/stats"
RESET_PATH = "/simulator/reset"
_MAX_BODY = 32 * 1024 * 1024


class SimulatorServer:
    def __init__(self, simulator: BailianSimulator, host: str = "127.0.0.1", port: int = 0):
        self.simulator = simulator
        self.host = host
        self.port = port
        self._server: asyncio.base_events.Server | None = None
        self._connections: set[asyncio.StreamWriter] = set()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.port, backlog=1024)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._connections):
                writer.transport.abort()
            await self._server.wait_closed()

    async def serve_forever(self) -> None:
        if self._server is None:
            await self.start()
        await self._server.serve_forever()  # type: ignore[union-attr]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections.add(writer)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    return
                method, path, headers, body = request
                reply = self._reply(method, path, headers, body)
                if reply.delay:
                    await asyncio.sleep(reply.delay)
                if reply.fault == "drop":
                    writer.transport.abort()
                    return
                writer.write(_encode(reply))
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    return
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            return
        finally:
            self._connections.discard(writer)
            writer.close()

    def _reply(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        if path == STATS_PATH and method == "GET":
            return Reply(200, self.simulator.counters.as_dict())
        if path == RESET_PATH and method == "POST":
            self.simulator.reset()
            return Reply(200, {"reset": True})
        return self.simulator.handle(method, path, headers, body)


async def _read_request(reader: asyncio.StreamReader):
    line = await reader.readline()
    if not line:
        return None
    parts = line.decode("latin-1").split()
    if len(parts) != 3:
        raise ValueError("bad request line")
    method, target, _ = parts
    headers: dict[str, str] = {}
    while True:
        header = await reader.readline()
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = await _read_chunked(reader)
    else:
        length = int(headers.get("content-length", "0"))
        if length > _MAX_BODY:
            raise ValueError("body too large")
        body = await reader.readexactly(length) if length else b""
    return method, target, headers, body


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    chunks: list[bytes] = []
    while True:
        size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
        if size == 0:
            await reader.readline()
            return b"".join(chunks)
        chunks.append(await reader.readexactly(size))
        await reader.readline()


def _encode(reply: Reply) -> bytes:
    payload = reply.encode()
    reason = HTTPStatus(reply.status).phrase
    headers = {
        "Content-Type": "application/json",
        "Content-Length": str(len(payload)),
        **reply.headers,
    }
    head = (
        f"HTTP/1.1 {reply.status} {reason}\r\n"
        + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        + "\r\n"
    )
    return head.encode("latin-1") + payload


@contextlib.contextmanager
def serve_in_thread(
    simulator: BailianSimulator | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[SimulatorServer]:
    """Run a simulator server on its own event loop in a thread (tests, benchmarks)."""
    server = SimulatorServer(simulator or BailianSimulator(), host, port)
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(server.start())
        except BaseException as error:  # surfaced to the caller below
            failure.append(error)
            ready.set()
            return
        ready.set()
        loop.run_forever()
        loop.run_until_complete(server.close())
        pending = asyncio.all_tasks(loop)
        for task in pending:  # connections still being served
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()

    thread = threading.Thread(target=run, name="bailian-simulator", daemon=True)
    thread.start()
    ready.wait()
    if failure:
        raise failure[0]
    try:
        yield server
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
