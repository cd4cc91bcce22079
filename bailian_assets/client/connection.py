"""Whether the service can be reached at all: said at once, and given up on early.

A request that gets no HTTP answer at all is a failure to connect: a refused connection, a
host name that does not resolve, a TLS handshake that fails, a connection that times out,
and a server that accepts the connection but never speaks HTTP (it closes at once, or sends
something else, as an SSH server does). The first one is reported at once, as a warning
with its real cause ("cannot connect to dashscope-intl.aliyuncs.com:443: [Errno 111]
Connection refused", "no HTTP answer from 127.0.0.1:22: the server closed the connection
without answering"), through the caller's `on_warning`.

Until the service has answered anything (any HTTP status counts: the host was reached), such
failures belong to the run, not to the row: rows are retried whatever the strategy, their
waits cut so that an attempt falls due `GIVE_UP_SECONDS` (10 s) after the first failure, and
the first attempt that fails at or after that time, once `GIVE_UP_ATTEMPTS` (3) have failed,
stops the run with the cause, how many attempts failed and over how long. So the run stops
about 10 s after its first failure (plus the time the last attempt took to fail: a connect
timeout can be long); concurrent rows each count, so more than 3 attempts are usual.
Without that, a wrong host would cost every row its whole timeout (3 minutes by default)
under RETRY, and under IGNORE a run would "succeed" with every row failed. Once the service
has answered, a failure to connect is an ordinary transient error of the row, retried as
its strategy says.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import httpx

GIVE_UP_ATTEMPTS = 3
GIVE_UP_SECONDS = 10.0


class ConnectionWatch:
    """Counts failures to connect until the service is first reached."""

    def __init__(self, clock: Callable[[], float], give_up_seconds: float = GIVE_UP_SECONDS):
        self.clock = clock
        self.give_up_seconds = give_up_seconds
        self.reached = False
        self.failures = 0
        self._first_failure = 0.0

    def reach(self) -> None:
        """The service answered (with any status)."""
        self.reached = True
        self.failures = 0

    def fail(self) -> bool:
        """Count a failure to connect; True when the run should give up."""
        if self.reached:
            return False
        now = self.clock()
        if self.failures == 0:
            self._first_failure = now
        self.failures += 1
        return (
            self.failures >= GIVE_UP_ATTEMPTS and now - self._first_failure >= self.give_up_seconds
        )

    def cap(self, wait: float) -> float:
        """A wait before the next attempt, cut so that it falls due when the run would give
        up (while no request has reached the service; otherwise `wait` itself)."""
        if self.reached or not self.failures:
            return wait
        return min(wait, max(0.0, self._first_failure + self.give_up_seconds - self.clock()))

    @property
    def waited(self) -> float:
        return self.clock() - self._first_failure if self.failures else 0.0


def describe_connect_error(url: str, error: BaseException) -> str:
    """'cannot connect to host:port: cause', the cause as the system said it."""
    return f"cannot connect to {_host_port(url)}: {root_cause(error)}"


def describe_no_answer(url: str, error: BaseException) -> str:
    """'no HTTP answer from host:port: what happened', for a connection that was made but
    ended before any HTTP answer came."""
    # closed at once, reset, or closed while the request was still being written: the same
    # words for all, so that the warning is given once
    if isinstance(error, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        what = "the server closed the connection without answering"
    else:
        what = root_cause(error)
    return f"no HTTP answer from {_host_port(url)}: {what}"


def _host_port(url: str) -> str:
    parsed = httpx.URL(url)
    return f"{parsed.host}:{parsed.port or (443 if parsed.scheme == 'https' else 80)}"


def root_cause(error: BaseException) -> str:
    """The innermost cause's words: httpx says "All connection attempts failed" where the
    socket said "[Errno 111] Connection refused"."""
    innermost, seen = error, 0
    while seen < 10:
        inner = innermost.__cause__ or innermost.__context__
        if inner is None:
            break
        innermost, seen = inner, seen + 1
    number = getattr(innermost, "errno", None)
    if isinstance(innermost, OSError) and isinstance(number, int) and number > 0:
        return f"[Errno {number}] {os.strerror(number)}"
    text = str(innermost).strip() or str(error).strip()
    if text:
        return text
    return "timed out" if isinstance(error, httpx.TimeoutException) else type(error).__name__
