"""Secrets: values that must never be shown, and how text is scrubbed of them.

`Secret` is a string that refuses to be printed (API keys, `${secret_values...}` values).
`Scrubber` removes given secret values from text, and what a server may make of them:

- any run of `MIN_PREFIX` (8) or more characters of a value, case-insensitively: a server
  that truncates its echo of a key ("Incorrect API key provided: sk-12ab34cd..."), drops its
  `sk-` prefix, upper-cases it or splits it with markup (`<b>sk-12ab</b>34cd...`) leaves
  such a run, and so would any cut made after the echo; only a word from inside a value
  (letters only, fewer than `WORD_RUN` (12)) is kept, or a placeholder key such as
  "sk-simulator" would mask "simulator" in every message;
- the same for the value's percent-encoded forms (a URL path echoed back encoded) and its
  base64 forms, alone and inside an encoded "Bearer <key>" Authorization header;
- a value spelled out a character at a time, with blanks between ("s k - 1 2 a b ...").

Scrub first, then truncate: a cut made first could split an echo into a prefix too short to
recognize. Values shorter than `MIN_SECRET` (4) characters are not scrubbed: they cannot be
kept secret that way (a one-character value would blank every message) and protect nothing.

Every Secret made in the process is remembered, so text on its way out through any library
can be scrubbed of all of them: `scrub(text)`, `ScrubbingFilter` on a logging handler, and
`install_log_filter()` on the loggers of httpx and httpcore, which print request URLs.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterable, Iterator

MASK = "******"
MIN_PREFIX = 8
WORD_RUN = 12  # letters-only runs from inside a value shorter than this are words, kept
MIN_SECRET = 4

_known: set[str] = set()
_known_lock = threading.Lock()
_process_scrubber: Scrubber | None = None


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
    """Masks secret values in text, and what a server makes of them when it echoes one.

    Masked, case-insensitively: every run of text that equals a substring of `MIN_PREFIX` (8)
    or more characters of one of a secret's forms: the value itself, its percent-encodings,
    and its base64 forms, alone and as an Authorization header ("Bearer <key>"), at each of
    the three alignments it can have inside a longer base64 text. A secret shorter than
    `MIN_PREFIX` is masked whole. Runs next to each other are masked as one.

    Fast, since every error text and every answer is scrubbed: a set of the forms' 4-character
    pieces first tells, at C speed, whether the text can hold anything to mask (almost never);
    only then does one regular expression holding every 8-character piece of every form, as a
    trie, find the runs, each extended piece by piece to its end.
    """

    def __init__(self, secrets: Iterable[str] = ()):
        pieces: set[str] = set()
        self._forms: list[str] = []
        for secret in secrets:
            if len(secret) < MIN_SECRET:
                continue
            for form in _forms(secret):
                self._forms.append(form.lower())
                if len(form) < MIN_PREFIX:
                    pieces.add(form.lower())
                else:
                    pieces.update(
                        form[i : i + MIN_PREFIX].lower() for i in range(len(form) - MIN_PREFIX + 1)
                    )
        self._short = tuple(piece for piece in pieces if len(piece) < MIN_PREFIX)
        # every run worth masking holds a piece of text of _STEP characters starting at a
        # multiple of _STEP (a run of 8 does: 2 * _STEP - 1 <= 8): a set of those pieces
        # tells, at the speed of a set, that a text holds nothing to mask
        self._steps = {
            piece[i : i + _STEP]
            for piece in pieces
            if len(piece) >= MIN_PREFIX
            for i in range(len(piece) - _STEP + 1)
        }
        trie = _trie_pattern(sorted(pieces)) if pieces else None
        self._pattern = re.compile(trie) if trie is not None else None
        self._folding = re.compile(trie, re.IGNORECASE) if trie is not None else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._spelled_out(self._runs(text))

    def _spelled_out(self, text: str) -> str:
        """`text` with a secret spelled out a character at a time ("s k - 1 2 ...") masked."""
        if " " not in text and "\t" not in text:
            return text

        def masked(found: re.Match) -> str:
            squeezed = _SPACES.sub("", found.group())
            return MASK if self._runs(squeezed) != squeezed else found.group()

        return _SPELLED_OUT.sub(masked, text)

    def _runs(self, text: str) -> str:
        pattern, folding = self._pattern, self._folding
        if pattern is None or folding is None:  # no secret to mask (`__call__` returned early)
            return text
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer: rare
            return _mask(text, text, folding, [0], self._masks)
        if any(short in lowered for short in self._short):
            return _mask(text, lowered, pattern, [0], self._masks)
        seen = self._steps.intersection(_STEPS.findall(lowered))
        if not seen:  # the usual case, decided at C speed
            return text
        near = sorted(at for step in seen for at in _occurrences(lowered, step))
        return _mask(text, lowered, pattern, near, self._masks)

    def _masks(self, run: str) -> bool:
        """Whether a run found in the text is masked: always, unless it is a mere word (of
        letters only, shorter than `WORD_RUN`) from inside a value, such as "simulator" of a
        placeholder key "sk-simulator", which would otherwise be masked in every message.
        A real key's runs hold digits; a prefix of a value is masked whatever it holds."""
        if len(run) >= WORD_RUN or not run.isalpha():
            return True
        lowered = run.lower()
        return any(form.startswith(lowered) for form in self._forms)

    def __bool__(self) -> bool:
        return self._pattern is not None


_STEP = 4
# single characters, each followed by blanks, at least MIN_PREFIX of them
_SPELLED_OUT = re.compile(rf"(?<!\S)(?:\S[ \t]+){{{MIN_PREFIX - 1},}}\S(?!\S)")
_SPACES = re.compile(r"[ \t]+")
_STEPS = re.compile("(?s)" + "." * _STEP)  # the text cut in pieces of _STEP, at C speed


def _occurrences(text: str, piece: str) -> Iterator[int]:
    at = text.find(piece)
    while at != -1:
        yield at
        at = text.find(piece, at + 1)


def _mask(
    text: str, lowered: str, pattern: re.Pattern, near: list[int], masks: Callable[[str], bool]
) -> str:
    """`text` with each run `pattern` finds in `lowered` (its lower case, position for
    position) masked, each run extended while the pieces go on. Runs are looked for around
    the positions `near` only (0 alone: everywhere)."""
    search, match = pattern.search, pattern.match
    everywhere = near == [0]
    kept: list[str] = []
    done = 0
    for position in near:
        while True:
            found = (
                search(lowered, done)
                if everywhere
                else search(
                    lowered, max(done, position - _STEP + 1), position + _STEP + MIN_PREFIX - 1
                )
            )
            if found is None:
                break
            start, end = found.span()
            while True:  # the run goes on while the next piece, one character on, is one too
                more = match(lowered, max(start + 1, end - MIN_PREFIX + 1))
                if more is None or more.end() <= end:
                    break
                end = more.end()
            if masks(text[start:end]):
                kept.append(text[done:start])
                kept.append(MASK)
            else:
                kept.append(text[done:end])
            done = end
    if not kept:
        return text
    kept.append(text[done:])
    return "".join(kept)


def _forms(secret: str) -> set[str]:
    """The ways a secret can come back in a server's text (see `Scrubber`)."""
    forms = {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote(secret)}
    for plain in (secret, f"Bearer {secret}"):
        data = plain.encode("utf-8", "surrogatepass")
        for shift in range(3):  # the secret's first byte at each place of a 3-byte group
            encoded = base64.b64encode(bytes(shift) + data).decode("ascii").rstrip("=")
            # drop the characters that also hold bits of the bytes around it
            core = encoded[(0, 2, 3)[shift] : len(encoded) - (1 if (shift + len(data)) % 3 else 0)]
            forms.update((core, core.replace("+", "-").replace("/", "_")))
    return {form for form in forms if form}


def _trie_pattern(words: list[str]) -> str:
    """A regular expression matching any of `words`, written as a trie: at each position,
    one branch per next character rather than one alternative per word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends = "" in node
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a shorter word ends here: the longer ones are tried first
        body = "(?:" + body + ")?"
    return body


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
HTTP_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
_http_filter = ScrubbingFilter()


def install_log_filter() -> None:
    """Scrub the HTTP libraries' log records of every secret, whatever handler gets them."""
    for name in HTTP_LOGGERS:
        logger = logging.getLogger(name)
        if _http_filter not in logger.filters:
            logger.addFilter(_http_filter)
