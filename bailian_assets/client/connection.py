"""Whether the service can be reached at all: said at once, and given up on early.

A refused connection, a host name that does not resolve, a TLS handshake that fails or a
connection that times out is a failure to connect. The first one is reported at once, as a
warning with its real cause ("cannot connect to dashscope-intl.aliyuncs.com:443: [Errno 111]
Connection refused"), through the caller's `on_warning`.

Until the service has answered anything (any HTTP status counts: the host was reached), such
failures belong to the run, not to the row: rows are retried whatever the strategy, and when
`GIVE_UP_ATTEMPTS` attempts in a row have failed to connect over at least `GIVE_UP_SECONDS`,
the run stops with the cause. Without that, a wrong host would cost every row its whole
timeout (3 minutes by default) under RETRY, and under IGNORE a run would "succeed" with every
row failed. Once the service has answered, a failure to connect is an ordinary transient error
of the row, retried as its strategy says.
"""

from __future__ import annotations

import os
from typing import Callable

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
        return (self.failures >= GIVE_UP_ATTEMPTS
                and now - self._first_failure >= self.give_up_seconds)

    @property
    def waited(self) -> float:
        return self.clock() - self._first_failure if self.failures else 0.0


def describe_connect_error(url: str, error: BaseException) -> str:
    """'cannot connect to host:port: cause', the cause as the system said it."""
    parsed = httpx.URL(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return f"cannot connect to {parsed.host}:{port}: {root_cause(error)}"


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
