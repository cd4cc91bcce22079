"""Declarations Flink checks where a statement uses them, not where they stand.

Flink checks a model's provider and options, and a table's connector and options, when a
statement uses it (the INSERT, or the SELECT or view reading it), and never checks one nothing
uses. A declaration that failed those checks is kept here as `Unusable`: its problems are
reported at each use (all of them at the first, then a pointer to it), with our messages and
where in the declaration each one is; a declaration nothing uses is only a warning. Models
(`models.py`) and tables (`connectors/table.py`) share this.
"""

from __future__ import annotations

from dataclasses import dataclass

from bailian_assets.errors import Position
from bailian_assets.planning.options import Problem
from bailian_assets.planning.plan_errors import PlanError


@dataclass
class Unusable:
    """A declaration (`kind` 'model' or 'table') whose problems are reported where it is used."""

    kind: str
    name: str
    path: str  # the file declaring it
    problems: list[Problem]
    first_use: tuple[str, Position] | None = None

    @property
    def unused(self) -> bool:
        return self.first_use is None

    def problems_at(self, use: Position, length: int, path: str = "") -> list[Problem]:
        """The problems to report at a use: every one at the first use, then a pointer."""
        if self.first_use is not None:
            where = place(*self.first_use)
            return [
                Problem(
                    f"{self.kind} '{self.name}' cannot be used: its problems are listed at {where}",
                    use,
                    length,
                )
            ]
        self.first_use = (path, use)
        return [
            Problem(
                f"{self._about(problem.message)} (at {place(self.path, problem.position)})",
                use,
                length,
            )
            for problem in self.problems
        ]

    def error_at(self, use: Position, length: int, path: str = "") -> PlanError:
        """`problems_at` as the error that stops the statement using it."""
        first, *more = self.problems_at(use, length, path)
        return PlanError(first.message, first.position, first.length, tuple(more))

    def _about(self, message: str) -> str:
        """The message, saying which declaration it is about when it does not already."""
        named = f"{self.kind} '{self.name}'"
        return message if message.startswith(named) else f"{named} cannot be used: {message}"

    def unused_warning(self) -> str:
        listed = "; ".join(
            f"{p.message} (at {place(self.path, p.position)})" for p in self.problems
        )
        return (
            f"{self.kind} '{self.name}' is used by no statement, so it is not checked (as in "
            f"Flink); it would be refused where used: {listed}"
        )


def place(path: str, position: Position) -> str:
    """`path:line:col`, or `line L, column C` without a path."""
    return (
        f"{path}:{position.line}:{position.col}"
        if path
        else f"line {position.line}, column {position.col}"
    )
