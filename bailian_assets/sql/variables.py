"""`${NAME}`, `${NAME:-default}` and `${secret_values.name}` inside string literals.

VVR resolves deployment variables and its secret store; we read both from the environment.
A secret `${secret_values.dashscope_api_key}` reads `DASHSCOPE_API_KEY`. A value that used a
secret comes back as a `Secret`, whose text is shown as `******` everywhere.

A plain variable can hold a secret too: one whose name says so (KEY, TOKEN, SECRET, PASSWORD
in it, as DASHSCOPE_API_KEY) or whose value is such a variable's value. Outside a secret
option (`for_secret`), substituting it would put the secret in clear text into a row, a path
or a prompt: it is refused, located on the reference, and never substituted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_VARIABLE = re.compile(r"\$\{([^}]*)\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*$")
_SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL", re.IGNORECASE)
_SHORTEST_SECRET = 8  # a shorter value equal to a secret is more likely chance than a copy


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


def looks_secret(name: str) -> bool:
    """Whether a variable's name says it holds a secret (API_KEY, GITHUB_TOKEN, DB_PASSWORD)."""
    return bool(_SECRET_NAME.search(name))


def holds_secret(name: str, environ: Mapping[str, str]) -> str | None:
    """Why the variable `name` holds a secret, if it does: its name says so, or its value is
    that of a variable whose name does (MY_VAR=$DASHSCOPE_API_KEY)."""
    if looks_secret(name):
        return "its name says so"
    value = environ.get(name, "")
    if len(value) < _SHORTEST_SECRET:
        return None
    same = sorted(o for o, v in environ.items() if o != name and v == value and looks_secret(o))
    return f"its value is that of {same[0]}" if same else None


def substitute(
    raw: str, value: str, environ: Mapping[str, str], for_secret: bool = False
) -> Substituted:
    """Replace the references of a literal whose unescaped text is `value`.

    Raises VariableError (with the index into `raw`) for an unset variable without default,
    and, unless the value is for a secret option (`for_secret`), for a plain variable that
    holds a secret.
    """
    references = find_references(raw)
    if not references:
        return Substituted(value, ())

    def replace(match: re.Match) -> str:
        body = match.group(1)
        name, _, default = body.partition(":-")
        secret = name.lower().startswith("secret_values.")
        env = name.split(".", 1)[1].upper() if secret else name
        why = None if secret or for_secret else holds_secret(env, environ)
        if why is not None:
            ref = next(r for r in references if r.env == env)
            raise VariableError(
                f"variable '{env}' holds a secret ({why}): it is not substituted here, where it "
                "would be written in clear text; use it only in a model's 'api-key' option "
                "(elsewhere in WITH options as '${secret_values.name}', kept hidden)",
                ref.start,
                ref.length,
            )
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
