"""Secret: a string that refuses to be printed, for API keys and `${secret_values...}` values.

Every Secret made in the process is remembered, so that text on its way out (a log record from
any library, httpx's request lines included) can be scrubbed of all of them: `scrub(text)`, or
`ScrubbingFilter` on a logging handler.
"""

from __future__ import annotations

import logging
import threading

MASK = "******"
MIN_SCRUBBED = 6  # shorter values are no real credential, and masking them would garble text

_known: set[str] = set()
_known_lock = threading.Lock()


class Secret:
    """A string that refuses to be printed. `reveal()` is for the Authorization header only."""

    __slots__ = ("_value", "env")

    def __init__(self, value: str, env: str | None = None):
        self._value = value
        self.env = env  # the environment variable it came from, when it came from one
        if len(value) >= MIN_SCRUBBED:
            with _known_lock:
                _known.add(value)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{MASK}')"

    def __str__(self) -> str:
        return MASK

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def scrub(text: str) -> str:
    """`text` with the value of every Secret of the process replaced by `******`."""
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)
    for value in known:
        if value in text:
            text = text.replace(value, MASK)
    return text


class ScrubbingFilter(logging.Filter):
    """Scrubs secrets from every record a handler emits (put it on handlers, not loggers:
    a logger's filters do not see records that propagate from its children)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True
