"""Reading a response body without trusting its size.

An answer's body is read as a stream and given up past `MAX_ANSWER_BYTES` (8 MiB): ample for
any real answer (10 embeddings of 2,048 dimensions are about 0.4 MB of JSON, a long chat answer
a few kB) and small enough that a server sending 50 MB, an endless chunked body or a gzip bomb
costs a bounded amount of memory. The limit applies to the decoded size, and also to the bytes
on the wire (an endless compressed stream that inflates to nothing is cut as well).
Decompression happens here, in steps that never inflate past the limit: httpx's own decoders
inflate each network chunk whole, and 64 kB of gzip can hold 60 MB of zeros. Requests
therefore ask for `ACCEPT_ENCODING` only, and any other encoding is refused.

Error bodies are read up to `MAX_ERROR_BYTES` (64 kB) and the rest left unread: only their
first few hundred characters are ever shown. A body that never ends but stays under the limit
is cut by the request timeout, which the caller holds.
"""

from __future__ import annotations

import zlib

import httpx

from bailian_assets.client.answers import MalformedAnswer

MAX_ANSWER_BYTES = 8 * 1024 * 1024
MAX_ERROR_BYTES = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"


async def read_body(response: httpx.Response, limit: int, truncate: bool = False) -> bytes:
    """The decoded body, at most `limit` bytes. Past the limit: the first `limit` bytes when
    `truncate`, else MalformedAnswer. A body in an encoding we did not ask for, or that does
    not decode, is a MalformedAnswer too."""
    if response.is_stream_consumed:  # made in memory (a test's transport): already decoded
        return _within(response.content, limit, truncate)
    decoder = _Decoder(response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = wire = 0
    async for chunk in response.aiter_raw():
        wire += len(chunk)
        piece = decoder.decode(chunk, limit - size)
        size += len(piece)
        parts.append(piece)
        if size > limit or wire > limit:
            return _within(b"".join(parts), limit, truncate)
    parts.append(decoder.flush())
    return _within(b"".join(parts), limit, truncate)


def _within(body: bytes, limit: int, truncate: bool) -> bytes:
    if len(body) <= limit:
        return body
    if truncate:
        return body[:limit]
    raise MalformedAnswer(f"the body is larger than {_mib(limit)}")


class _Decoder:
    """Content-Encoding undone in bounded steps: identity, gzip or deflate."""

    def __init__(self, encoding: str):
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._inflater = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
        else:
            raise MalformedAnswer(
                f"the body is in an encoding that was not asked for ({encoding[:40]!r})"
            )

    def decode(self, data: bytes, room: int) -> bytes:
        """At most `room + 1` bytes of output: one more than fits tells the body is too big."""
        if self._inflater is None:
            return data
        try:
            return self._inflater.decompress(data, max(0, room) + 1)
        except zlib.error:
            raise MalformedAnswer(
                "the compressed body does not decompress", truncated=True
            ) from None

    def flush(self) -> bytes:
        if self._inflater is None:
            return b""
        try:
            return self._inflater.flush()
        except zlib.error:
            raise MalformedAnswer(
                "the compressed body does not decompress", truncated=True
            ) from None


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:g} MiB" if size >= 1024 * 1024 else f"{size:,} bytes"
