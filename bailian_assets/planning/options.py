"""Typed `WITH (...)` options: one table of specs per provider or connector, checked in one place.

A problem is reported against the key or the value it concerns; unknown keys come with the
nearest valid key as a suggestion, as in "did you mean 'endpoint'?".

A value that uses `${secret_values.x}` is secret as a whole, whatever its option: messages show
it as written (`https://${secret_values.host}/...`), never substituted, and it is handed on with
the secret parts it holds so later layers can scrub them.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace

from bailian_assets.errors import Position
from bailian_assets.secrets import Scrubber, Secret
from bailian_assets.sql import ast
from bailian_assets.sql.source import LINE_BREAK
from bailian_assets.sql.variables import Substituted, VariableError, substitute


@dataclass(frozen=True)
class OptionSpec:
    key: str
    parse: Callable[[str], object]  # raises ValueError with a message for a bad value
    # True, or a rule on the keys given: e.g. an endpoint is required unless a task is given
    required: bool | Callable[[Collection[str]], bool] = False
    default: object = None
    aliases: tuple[str, ...] = ()
    secret: bool = False


@dataclass
class Problem:
    message: str
    position: Position
    length: int = 1


@dataclass(frozen=True)
class ResolvedOption:
    spec: OptionSpec
    value: object
    option: ast.Option
    substituted: Substituted
    secrets: tuple[str, ...] = ()  # values of the `${secret_values...}` it substituted

    @property
    def shown(self) -> str:
        """The value as it may be displayed: substituted, unless a secret went into it."""
        return self.option.value if self.secrets else self.substituted.value


# ------------------------------------------------------------------ value parsers


def text(value: str) -> str:
    return value


def boolean(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered not in ("true", "false"):
        raise ValueError(f"expected 'true' or 'false', got '{value}'")
    return lowered == "true"


def integer(low: int | None = None, high: int | None = None) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value.strip())
        except ValueError:
            raise ValueError(f"expected an integer, got '{value}'") from None
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(f"expected {_in_range('an integer', low, high)}, got {number}")
        return number

    return parse


def number(low: float | None = None, high: float | None = None) -> Callable[[str], float]:
    def parse(value: str) -> float:
        try:
            result = float(value.strip())
        except ValueError:
            raise ValueError(f"expected a number, got '{value}'") from None
        if not math.isfinite(result):  # 'nan' and 'inf' parse, and pass every range check
            raise ValueError(f"expected a finite number, got '{value}'")
        if (low is not None and result < low) or (high is not None and result > high):
            raise ValueError(f"expected {_in_range('a number', low, high)}, got {value}")
        return result

    return parse


def _in_range(what: str, low: float | None, high: float | None) -> str:
    """`a number in [1, 5]`, `an integer of at least 1`, `a number of at most 2.5`."""
    if low is not None and high is not None:
        return f"{what} in [{low}, {high}]"
    if low is not None:
        return f"{what} of at least {low}"
    return f"{what} of at most {high}"


def choice(*choices: str, case_sensitive: bool = False) -> Callable[[str], str]:
    def parse(value: str) -> str:
        for candidate in choices:
            if value == candidate or (not case_sensitive and value.lower() == candidate.lower()):
                return candidate
        raise ValueError(f"expected one of {', '.join(choices)}, got '{value}'")

    return parse


def json_object(value: str) -> dict:
    """A JSON object, as VVR's `extra-body` and `extra-header` take: strict JSON, so NaN and
    Infinity (which Python reads, and no service accepts) are refused here, not at run."""
    try:
        parsed = json.loads(value, parse_constant=_not_json, parse_float=_finite)
    except ValueError as error:
        raise ValueError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if not isinstance(parsed, dict):
        raise ValueError("expected a JSON object ({...})")
    return parsed


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not a JSON value (JSON numbers are finite)")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e999: JSON, but no double holds it
        raise ValueError(f"the number {text} is too large for a double")
    return number


_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # an HTTP token (RFC 9110)


def http_headers(value: str) -> dict[str, tuple[str, ...]]:
    """A JSON object of HTTP headers: each value a scalar, or a list of scalars for a header
    sent more than once."""
    headers: dict[str, tuple[str, ...]] = {}
    for name, raw in json_object(value).items():
        if not _HEADER_NAME.match(name):
            raise ValueError(f"'{name}' is not a valid HTTP header name")
        values = raw if isinstance(raw, list) else [raw]
        if not values or not all(isinstance(v, (str, int, float, bool)) for v in values):
            raise ValueError(f"header '{name}' must be a scalar JSON value or a list of them")
        texts = tuple(json.dumps(v) if isinstance(v, bool) else str(v) for v in values)
        if any(ch in text for text in texts for ch in "\r\n\0"):
            raise ValueError(f"header '{name}' has a line break or NUL in its value")
        headers[name] = texts
    return headers


_DURATION = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(ms|milli|millis|s|sec|secs|second|seconds|"
    r"min|mins|minute|minutes|m|h|hour|hours)?\s*$",
    re.IGNORECASE,
)
_UNIT_SECONDS = {
    "ms": 0.001,
    "milli": 0.001,
    "millis": 0.001,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "m": 60,
    "h": 3600,
    "hour": 3600,
    "hours": 3600,
}


def duration(value: str) -> float:
    """Flink duration text ('3 min', '180 s', '500 ms'; a bare number: milliseconds) in seconds."""
    match = _DURATION.match(value)
    if not match:
        raise ValueError(f"expected a duration such as '3 min' or '30 s', got '{value}'")
    unit = (match.group(2) or "ms").lower()
    seconds = float(match.group(1)) * _UNIT_SECONDS[unit]
    if not 0 < seconds < math.inf:
        raise ValueError(f"expected a positive duration, got '{value}'")
    return seconds


# ------------------------------------------------------------------ checking


def resolve_options(
    options: tuple[ast.Option, ...],
    specs: list[OptionSpec],
    owner: str,
    owner_position: Position,
    problems: list[Problem],
    environ: Mapping[str, str] | None = None,
    ignore: Callable[[str], bool] = lambda key: False,
) -> dict[str, ResolvedOption]:
    """Check `options` against `specs`; return the valid ones by canonical key, defaults absent.

    Problems go to `problems` (all of them, not just the first). `owner` names what the options
    belong to in messages, e.g. "model 'm'".
    """
    environ = os.environ if environ is None else environ
    by_key = {s.key: s for s in specs}
    by_alias = {alias: s for s in specs for alias in s.aliases}
    resolved: dict[str, ResolvedOption] = {}
    seen: dict[str, ast.Option] = {}
    meant: set[str] = set()  # keys that a misspelled option was taken to mean
    for option in options:
        if ignore(option.key):
            continue
        spec = by_key.get(option.key) or by_alias.get(option.key)
        if spec is None:
            problem, suggestion = _unknown_key(option, by_key, by_alias, owner)
            problems.append(problem)
            if suggestion is not None:
                meant.add(suggestion.key)
            continue
        if spec.key in seen:
            problems.append(_set_twice(option, seen[spec.key], owner))
            continue
        seen[spec.key] = option
        found = _resolve_option(option, spec, owner, environ, problems)
        if found is not None:
            resolved[spec.key] = found
    _check_required(specs, seen.keys(), meant, owner, owner_position, problems)
    return resolved


def _set_twice(option: ast.Option, first: ast.Option, owner: str) -> Problem:
    """The problem of an option set again (perhaps under another of its spellings)."""
    also = f" (also as '{first.key}')" if first.key != option.key else ""
    return Problem(
        f"option '{option.key}' is set twice for {owner}{also}",
        option.key_position,
        len(option.key) + 2,
    )


def _resolve_option(
    option: ast.Option,
    spec: OptionSpec,
    owner: str,
    environ: Mapping[str, str],
    problems: list[Problem],
) -> ResolvedOption | None:
    """One option's value: its `${...}` variables substituted, then parsed by its spec (a
    secret's wrapped in a Secret); None, with the problem recorded, when either fails. A
    parse error is scrubbed of the secrets the substitution brought in."""
    try:
        substituted = substitute(option.raw, option.value, environ, for_secret=spec.secret)
    except VariableError as error:
        problems.append(
            Problem(
                error.message,
                _offset(option.value_position, option.raw, error.start),
                error.length,
            )
        )
        return None
    secrets = _secret_values(substituted, environ)
    try:
        value = spec.parse(substituted.value)
    except ValueError as error:
        reason = Scrubber(secrets)(str(error))
        problems.append(
            Problem(
                f"invalid value for '{option.key}' of {owner}: {reason}",
                option.value_position,
                len(option.raw),
            )
        )
        return None
    if spec.secret:
        value = Secret(str(value), substituted.sole_env)
    return ResolvedOption(spec, value, option, substituted, secrets)


def _check_required(
    specs: list[OptionSpec],
    seen: Collection[str],
    meant: set[str],
    owner: str,
    owner_position: Position,
    problems: list[Problem],
) -> None:
    """A problem for each required option not set, unless a misspelled option was taken to
    mean it (that one was reported already, with the suggestion)."""
    for spec in specs:
        required = spec.required(seen) if callable(spec.required) else spec.required
        if required and spec.key not in seen and spec.key not in meant:
            problems.append(
                Problem(f"{owner} is missing the required option '{spec.key}'", owner_position)
            )


def _secret_values(substituted: Substituted, environ: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(environ[r.env] for r in substituted.references if r.secret and environ.get(r.env))


def value_of(resolved: Mapping[str, ResolvedOption], spec: OptionSpec):
    found = resolved.get(spec.key)
    return found.value if found is not None else spec.default


def _unknown_key(
    option: ast.Option,
    by_key: Mapping[str, OptionSpec],
    by_alias: Mapping[str, OptionSpec],
    owner: str,
) -> tuple[Problem, OptionSpec | None]:
    """The problem, and the option it was most likely meant to be. The suggestion is spelt as
    the user spells (`apiKy` -> `apiKey`, `api-ky` -> `api-key`)."""
    message = f"unknown option '{option.key}' for {owner}"
    spellings = {**by_key, **by_alias}
    close = difflib.get_close_matches(option.key, list(spellings), n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '{close[0]}'?"
    else:
        message += f"; valid options: {', '.join(sorted(by_key))}"
    problem = Problem(message, option.key_position, len(option.key) + 2)
    return problem, spellings[close[0]] if close else None


def camel_case(key: str) -> str:
    """VVR's second spelling of an option key: `api-key` -> `apiKey`,
    `rate-limit.rpm` -> `rateLimit.rpm`."""
    head, *rest = key.split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def with_camel_case(specs: list[OptionSpec]) -> list[OptionSpec]:
    """`specs`, each also accepting the camelCase spelling of its key."""
    return [
        spec
        if camel_case(spec.key) in (spec.key, *spec.aliases)
        else replace(spec, aliases=(*spec.aliases, camel_case(spec.key)))
        for spec in specs
    ]


def _offset(start: Position, raw: str, index: int) -> Position:
    """The position of character `index` of a literal whose raw text starts at `start`."""
    breaks = list(LINE_BREAK.finditer(raw, 0, index))  # \n, \r\n or \r, as the tokenizer counts
    if breaks:
        return Position(
            start.line + len(breaks), index - breaks[-1].end() + 1, start.offset + index
        )
    return Position(start.line, start.col + index, start.offset + index)
