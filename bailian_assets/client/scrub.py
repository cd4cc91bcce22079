"""Removing secrets from every text the client produces: errors, reasons, warnings, logs.

A `Scrubber` knows a model's secret values (its API key, and any option value that came from
`${secret_values...}`) and replaces, in any text:

- each whole value, and its percent-encoded form (a server may echo a URL path back encoded);
- any prefix of a value of `MIN_PREFIX` (8) or more characters: a server that truncates its
  echo of a key ("Incorrect API key provided: sk-12ab34cd...") leaves a prefix, and so would
  any cut made after the echo. Eight characters of a key are not secret by themselves, but a
  longer leak would be, and a rule that depends on where the cut fell would miss it.

Scrub first, then truncate: a cut made first could split an echo into a prefix too short to
recognize. Values shorter than `MIN_SECRET` (4) characters are not scrubbed: they cannot be
kept secret that way (a one-character value would blank every message) and protect nothing.

`install_log_filter` applies the same rules to the log records of httpx and httpcore, which
print request URLs (with `-v`), so a secret in the endpoint does not leak through them.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from typing import Iterable

MASK = "******"
MIN_PREFIX = 8
MIN_SECRET = 4


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


class _LogFilter(logging.Filter):
    """Scrubs the records of the HTTP libraries' loggers with every registered scrubber."""

    def __init__(self) -> None:
        super().__init__()
        self.scrubbers: list[Scrubber] = []
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.scrubbers:
            return True
        text = record.getMessage()
        scrubbed = text
        for scrubber in list(self.scrubbers):
            scrubbed = scrubber(scrubbed)
        if scrubbed != text:
            record.msg, record.args = scrubbed, ()
        return True


_log_filter = _LogFilter()
# the loggers that print URLs or hosts (a logger's filters apply to its own records only)
HTTP_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2",
                "httpcore.proxy", "httpcore.socks")


def install_log_filter(scrubber: Scrubber) -> None:
    """Scrub the HTTP libraries' log records of this scrubber's secrets, from now on."""
    if not scrubber:
        return
    with _log_filter.lock:
        if any(s.values == scrubber.values for s in _log_filter.scrubbers):
            return
        _log_filter.scrubbers.append(scrubber)
        for name in HTTP_LOGGERS:
            logger = logging.getLogger(name)
            if _log_filter not in logger.filters:
                logger.addFilter(_log_filter)
