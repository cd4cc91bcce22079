"""Write GAPS.md: the golden cases bailian-assets does not pass yet, grouped by cause.

    .venv/bin/python tests/golden/gaps.py     # rewrites tests/golden/GAPS.md

The causes are the comments of `KNOWN_FAILURES` (one per case, written when the case was
listed); the deliberate divergences of `DIVERGENCES` (if any) are listed apart, since they are
decisions, not gaps. Run it after refreshing KNOWN_FAILURES, so the two never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_listing(path: Path) -> dict[str, str]:
    """case -> its comment, from a KNOWN_FAILURES-style file (missing file: nothing)."""
    if not path.exists():
        return {}
    listed = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            case, _, why = line.partition("#")
            listed[case.strip()] = why.strip()
    return listed


def by_cause(listed: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(cause, cases) with the most cases first, then by cause."""
    groups: dict[str, list[str]] = defaultdict(list)
    for case, why in listed.items():
        groups[why].append(case)
    return sorted(
        ((why, sorted(cases)) for why, cases in groups.items()),
        key=lambda item: (-len(item[1]), item[0]),
    )


def render(failures: dict[str, str], divergences: dict[str, str], total: int) -> str:
    lines = [
        "# Gaps between bailian-assets and Flink 2.3 on the golden cases",
        "",
        f"Written by `tests/golden/gaps.py` from `KNOWN_FAILURES`: the {len(failures)} of "
        f"{total} golden cases bailian-assets does not pass yet, grouped by cause, most cases "
        "first. Each case is counted once, under the first cause that stops it: fixing a cause "
        "can reveal the next one in the same case. After a fix, refresh `KNOWN_FAILURES` "
        "(`.venv/bin/python tests/golden/agreement.py --known-failures`) and run this again.",
        "",
        "| cause | cases |",
        "|---|---:|",
    ]
    groups = by_cause(failures)
    lines += [f"| {why} | {len(cases)} |" for why, cases in groups]
    for why, cases in groups:
        lines += ["", f"## {why}", "", ", ".join(f"`{c}`" for c in cases)]
    if divergences:
        lines += [
            "",
            "## Deliberate divergences (`DIVERGENCES`)",
            "",
            "Decisions, not gaps: each case checks our own documented behaviour "
            "(`<name>.ours.out`).",
            "",
        ]
        lines += [f"- `{case}`: {why}" for case, why in sorted(divergences.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    total = len(list(HERE.glob("*/*.sql")))
    text = render(read_listing(HERE / "KNOWN_FAILURES"), read_listing(HERE / "DIVERGENCES"), total)
    (HERE / "GAPS.md").write_text(text)
    print(f"GAPS.md: {text.count(chr(10))} lines")


if __name__ == "__main__":
    main()
