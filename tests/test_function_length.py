"""No function in bailian_assets/ is longer than 60 lines (issue 10: small functions a reader
takes in at once).

What counts: a function's lines from its `def` (or `async def`) line to the last line of its
body, both included, in the tree as `ruff format` leaves it. That takes in the signature, the
docstring, comments and blank lines inside the body, and any function nested in it (which is
also measured on its own); it leaves out decorators and comments after the last statement.
Methods are functions too, and are named `Class.method`.

`ALLOWED` lists the functions known to be longer, each with why it still is. An entry whose
function has been split (or is gone) fails the test too, so the list only ever shrinks.
"""

import ast
import functools
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "bailian_assets"
LIMIT = 60

# "path:Qualified.name" -> why it is still longer than LIMIT; remove an entry once its
# function is split (the second test says when)
ALLOWED: dict[str, str] = {}


def function_lengths(path: Path) -> list[tuple[int, str, int]]:
    """(def line, qualified name, lines) of each function and method in `path`."""
    found: list[tuple[int, str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + child.name
                assert child.end_lineno is not None
                found.append((child.lineno, name, child.end_lineno - child.lineno + 1))
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(path.read_text(), filename=str(path)), "")
    return found


@functools.cache  # both tests read it: the package is parsed once
def long_functions() -> dict[str, str]:
    """`path:name` -> the offender as reported, `path:line name (N lines)`."""
    long = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for line, name, length in function_lengths(path):
            if length > LIMIT:
                long[f"{relative}:{name}"] = f"{relative}:{line} {name} ({length} lines)"
    return long


def test_no_function_is_longer_than_the_limit():
    offenders = [shown for key, shown in long_functions().items() if key not in ALLOWED]
    assert not offenders, f"functions over {LIMIT} lines (split them):\n" + "\n".join(offenders)


def test_every_allowed_function_is_still_long():
    stale = sorted(set(ALLOWED) - set(long_functions()))
    assert not stale, f"no longer over {LIMIT} lines (or gone): remove from ALLOWED:\n" + "\n".join(
        stale
    )


def test_lengths_are_counted_from_the_def_line_to_the_last_line(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "import functools\n"
        "\n"
        "\n"
        "class C:\n"
        "    @functools.cache\n"
        "    def method(\n"
        "        self,\n"
        "    ):\n"
        '        """Docstring."""\n'
        "\n"
        "        def inner():\n"
        "            return 1\n"
        "\n"
        "        return inner()\n"
        "    # a comment after the body is not the function's\n"
        "\n"
        "\n"
        "async def run():\n"
        "    pass\n"
    )
    assert function_lengths(source) == [
        (6, "C.method", 9),
        (11, "C.method.inner", 2),
        (18, "run", 2),
    ]
