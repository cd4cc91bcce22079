"""`${NAME}`, `${NAME:-default}` and `${secret_values.name}` inside string literals.

VVR resolves deployment variables and its secret store; we read both from the environment.
A secret `${secret_values.dashscope_api_key}` reads `DASHSCOPE_API_KEY`. A value that used a
secret comes back as a `Secret`, whose text is shown as `******` everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_VARIABLE = re.compile(r"\$\{([^}]*)\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*$")


@dataclass(frozen=True)
class Reference:
    """One `${...}` found in a literal: where it starts (index in the raw text) and what it asks."""

    start: int
    length: int
    env: str
    default: str | None
    secret: bool


@dataclass(frozen=True)
class Substituted:
    value: str
    references: tuple[Reference, ...]
    sole_env: str | None = None  # the variable, when the literal is exactly one reference

    @property
    def is_secret(self) -> bool:
        return any(r.secret for r in self.references)


class VariableError(Exception):
    def __init__(self, message: str, start: int, length: int):
        super().__init__(message)
        self.message = message
        self.start = start
        self.length = length


def find_references(raw: str) -> list[Reference]:
    """Every `${...}` in `raw` (the literal's source text, quotes included)."""
    references = []
    for match in _VARIABLE.finditer(raw):
        body = match.group(1)
        name, _, default = body.partition(":-")
        has_default = ":-" in body
        if not _NAME.match(name):
            raise VariableError(
                f"invalid variable '${{{body}}}'", match.start(), len(match.group())
            )
        secret = name.lower().startswith("secret_values.")
        env = name.split(".", 1)[1].upper() if secret else name
        if secret and has_default:
            raise VariableError(
                "a secret cannot have a default value", match.start(), len(match.group())
            )
        references.append(
            Reference(
                match.start(), len(match.group()), env, default if has_default else None, secret
            )
        )
    return references


def substitute(raw: str, value: str, environ: Mapping[str, str]) -> Substituted:
    """Replace the references of a literal whose unescaped text is `value`.

    Raises VariableError (with the index into `raw`) for an unset variable without default.
    """
    references = find_references(raw)
    if not references:
        return Substituted(value, ())

    def replace(match: re.Match) -> str:
        body = match.group(1)
        name, _, default = body.partition(":-")
        secret = name.lower().startswith("secret_values.")
        env = name.split(".", 1)[1].upper() if secret else name
        if env in environ:
            return environ[env]
        if ":-" in body:
            return default
        ref = next(r for r in references if r.env == env)
        what = f"secret '{name}' (environment variable {env})" if secret else f"variable '{env}'"
        raise VariableError(f"{what} is not set and has no default", ref.start, ref.length)

    inner = raw[1:-1] if len(raw) >= 2 and raw[0] == raw[-1] == "'" else raw
    result = _VARIABLE.sub(replace, value)
    sole = (
        references[0].env if len(references) == 1 and references[0].length == len(inner) else None
    )
    return Substituted(result, tuple(references), sole)
