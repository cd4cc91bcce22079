"""The planner's exceptions: a located mistake in the SQL, and the two signals planning uses
between its parts (a reference to something already reported; a view not planned yet)."""

from __future__ import annotations

from bailian_assets.errors import Position
from bailian_assets.planning.options import Problem


class PlanError(Exception):
    """A mistake in the SQL at `position` (`length` characters): stops its statement.
    `more`: further problems found at once, reported with it (a model's, at its use)."""

    def __init__(
        self, message: str, position: Position, length: int = 1, more: tuple[Problem, ...] = ()
    ):
        super().__init__(message)
        self.problem = Problem(message, position, length)
        self.problems = (self.problem, *more)


class Quiet(PlanError):
    """A reference to something whose own declaration already failed: reported there, once."""

    def __init__(self):
        super().__init__("", Position(0, 0, 0))


class Unplanned(Exception):
    """A query reads view `name`, not planned yet: the caller plans it, then tries again.
    (Not a PlanError, so that no `except PlanError` takes it for a mistake in the SQL.)"""

    def __init__(self, name: str, position: Position):
        super().__init__(name)
        self.name = name
        self.position = position
