"""Secret: a string that refuses to be printed, for API keys from SQL or the environment."""

from __future__ import annotations


class Secret:
    """A string that refuses to be printed. `reveal()` is for the Authorization header only."""

    __slots__ = ("_value", "env")

    def __init__(self, value: str, env: str | None = None):
        self._value = value
        self.env = env  # the environment variable it came from, when it came from one

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('******')"

    def __str__(self) -> str:
        return "******"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)
