"""The SQL front end's speed: `parse_script` on tests/tpch/tables.sql with each TPC-H query.

    .venv/bin/python bench/parse.py                     # this checkout: time per file
    .venv/bin/python bench/parse.py --against main      # this checkout against a git revision
    .venv/bin/python bench/parse.py --against HEAD~3 --pairs 20 --rounds 30

Each file parsed is the text a `bailian-assets run` of that query parses: the tables, then the
query (one script). A round parses the 22 files once; a figure is the best round of `--rounds`
(after one untimed round, so imports and first-call caches are paid before), divided by the
tokens parsed, so it reads as microseconds per token.

`--against REV` compares with the package as it was at REV (`git archive`, into a temporary
folder): the two are measured in child processes taking turns, A B A B ..., `--pairs` times,
each child doing `--rounds` rounds, so load on a shared machine falls on both alike. The table
gives each side's median and minimum over the pairs and the median of the pair-by-pair ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TPCH = ROOT / "tests" / "tpch"


def scripts() -> dict[str, str]:
    """File name -> the text parsed for it: tables.sql, then the query."""
    tables = (TPCH / "tables.sql").read_text(encoding="utf-8")
    queries = sorted((TPCH / "queries").glob("q*.sql"))
    return {q.stem: tables + "\n" + q.read_text(encoding="utf-8") for q in queries}


def child(rounds: int) -> None:
    """Parse every script `rounds` times (after one untimed round); print one JSON line: the
    best round's seconds in all and per script, and the tokens of each script."""
    from bailian_assets.sql.parser import parse_script
    from bailian_assets.sql.tokenizer import tokenize

    texts = scripts()
    tokens = {name: len(tokenize(text)) - 1 for name, text in texts.items()}  # less EOF
    best = {name: float("inf") for name in texts}
    for round_ in range(rounds + 1):
        for name, text in texts.items():
            started = time.perf_counter()
            parse_script(text, name)
            took = time.perf_counter() - started
            if round_:  # the first round warms up
                best[name] = min(best[name], took)
    print(json.dumps({"best": best, "tokens": tokens, "total": sum(best.values())}))


def measure(pythonpath: Path, rounds: int) -> dict:
    environ = {**os.environ, "PYTHONPATH": str(pythonpath)}
    command = [sys.executable, __file__, "--child", "--rounds", str(rounds)]
    proc = subprocess.run(command, env=environ, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.splitlines()[-1])


def export(revision: str, folder: Path) -> Path:
    """The package `bailian_assets` as it was at `revision`, unpacked under `folder`."""
    archive = folder / "package.tar"
    with archive.open("wb") as out:
        command = ["git", "archive", revision, "bailian_assets"]
        subprocess.run(command, cwd=ROOT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder


def per_token(record: dict) -> float:
    return record["total"] / sum(record["tokens"].values()) * 1e6


def report(record: dict) -> None:
    print(f"{'file':8} {'tokens':>7} {'best ms':>8} {'us/token':>9}")
    for name, seconds in record["best"].items():
        tokens = record["tokens"][name]
        print(f"{name:8} {tokens:7} {seconds * 1e3:8.3f} {seconds / tokens * 1e6:9.2f}")
    total_tokens = sum(record["tokens"].values())
    print(f"{'all':8} {total_tokens:7} {record['total'] * 1e3:8.3f} {per_token(record):9.2f}")


def compare(revision: str, pairs: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        baseline = export(revision, Path(temporary))
        ours: list[dict] = []
        theirs: list[dict] = []
        for _ in range(pairs):
            theirs.append(measure(baseline, rounds))
            ours.append(measure(ROOT, rounds))
    ratios = [a["total"] / b["total"] for a, b in zip(theirs, ours, strict=True)]
    print(f"{pairs} pairs, {rounds} rounds per child, each figure a child's best round")
    for label, records in ((revision, theirs), ("this checkout", ours)):
        totals = [r["total"] * 1e3 for r in records]
        tokens = [per_token(r) for r in records]
        print(
            f"{label:>14}: all 22 files median {statistics.median(totals):7.2f} ms "
            f"(min {min(totals):7.2f}), {statistics.median(tokens):5.2f} us/token"
        )
    print(
        f"speed-up (theirs / ours, pair by pair): median {statistics.median(ratios):.2f}x, "
        f"min {min(ratios):.2f}x, max {max(ratios):.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--against", metavar="REV", help="a git revision to compare with")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.rounds)
    elif args.against:
        compare(args.against, args.pairs, args.rounds)
    else:
        report(measure(ROOT, args.rounds))


if __name__ == "__main__":
    main()
