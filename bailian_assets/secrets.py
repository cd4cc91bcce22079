"""Secrets: values that must never be shown, and how text is scrubbed of them.

`Secret` is a string that refuses to be printed (API keys, `${secret_values...}` values).
`Scrubber` removes given secret values from text:

- each whole value, and its percent-encoded form (a server may echo a URL path back encoded);
- any prefix of a value of `MIN_PREFIX` (8) or more characters: a server that truncates its
  echo of a key ("Incorrect API key provided: sk-12ab34cd...") leaves a prefix, and so would
  any cut made after the echo.

Scrub first, then truncate: a cut made first could split an echo into a prefix too short to
recognize. Values shorter than `MIN_SECRET` (4) characters are not scrubbed: they cannot be
kept secret that way (a one-character value would blank every message) and protect nothing.

Every Secret made in the process is remembered, so text on its way out through any library
can be scrubbed of all of them: `scrub(text)`, `ScrubbingFilter` on a logging handler, and
`install_log_filter()` on the loggers of httpx and httpcore, which print request URLs.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from typing import Iterable

MASK = "******"
MIN_PREFIX = 8
MIN_SECRET = 4

_known: set[str] = set()
_known_lock = threading.Lock()
_process_scrubber: "Scrubber | None" = None


class Secret:
    """A string that refuses to be printed. `reveal()` is for the Authorization header only."""

    __slots__ = ("_value", "env")

    def __init__(self, value: str, env: str | None = None):
        global _process_scrubber
        self._value = value
        self.env = env  # the environment variable it came from, when it came from one
        with _known_lock:
            if value not in _known:
                _known.add(value)
                _process_scrubber = None

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


class Scrubber:
    """Replaces secret values, and long-enough prefixes of them, by `MASK`."""

    def __init__(self, secrets: Iterable[str] = ()):
        values: set[str] = set()
        for secret in secrets:
            if len(secret) >= MIN_SECRET:
                values.add(secret)
                values.add(urllib.parse.quote(secret, safe=""))
                values.add(urllib.parse.quote(secret))
        self.values = tuple(sorted(values, key=len, reverse=True))  # longest first

    def __call__(self, text: str) -> str:
        for value in self.values:
            if value in text:
                text = text.replace(value, MASK)
            if len(value) > MIN_PREFIX:
                text = _scrub_prefixes(text, value)
        return text

    def __bool__(self) -> bool:
        return bool(self.values)


def _scrub_prefixes(text: str, value: str) -> str:
    """Replace every run of text that equals a prefix of `value` of MIN_PREFIX+ characters."""
    head = value[:MIN_PREFIX]
    start = text.find(head)
    while start != -1:
        end = start + MIN_PREFIX
        while end < len(text) and end - start < len(value) and text[end] == value[end - start]:
            end += 1
        text = text[:start] + MASK + text[end:]
        start = text.find(head, start + len(MASK))
    return text


def scrub(text: str) -> str:
    """`text` scrubbed of every Secret the process has made."""
    global _process_scrubber
    with _known_lock:
        if _process_scrubber is None:
            _process_scrubber = Scrubber(_known)
        scrubber = _process_scrubber
    return scrubber(text)


class ScrubbingFilter(logging.Filter):
    """Scrubs every record it sees of the process's secrets, message and traceback."""

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


# the loggers that print URLs or hosts (a logger's filters apply to its own records only)
HTTP_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2",
                "httpcore.proxy", "httpcore.socks")
_http_filter = ScrubbingFilter()


def install_log_filter() -> None:
    """Scrub the HTTP libraries' log records of every secret, whatever handler gets them."""
    for name in HTTP_LOGGERS:
        logger = logging.getLogger(name)
        if _http_filter not in logger.filters:
            logger.addFilter(_http_filter)
