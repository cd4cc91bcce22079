"""VECTOR_SEARCH against one numpy matrix product of the same shapes plus top-k selection.

    .venv/bin/python bench/vector_search.py [--queries 1000 --items 100000 --dim 512 --k 5]

Prints the best of three timings of: the reference (Q @ D.T, argpartition, sort); our kernel
(blocked products, running top-k); our whole VECTOR_SEARCH from Polars frames (conversion,
normalization, result rows). Peak memory of each from tracemalloc (numpy reports to it).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import numpy as np
import polars as pl

from bailian_assets.executor.vector_search import search, top_k


def reference(queries: np.ndarray, items: np.ndarray, k: int):
    scores = queries @ items.T
    part = np.argpartition(scores, -k, axis=1)[:, -k:]
    best = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-best, axis=1)
    return np.take_along_axis(part, order, 1), np.take_along_axis(best, order, 1)


def measure(function, repeat: int = 3) -> tuple[float, float, object]:
    best, peak, result = float("inf"), 0, None
    for _ in range(repeat):
        tracemalloc.start()
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return best, peak / 2**20, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    items = rng.standard_normal((args.items, args.dim), dtype=np.float32)
    queries = rng.standard_normal((args.queries, args.dim), dtype=np.float32)
    items /= np.linalg.norm(items, axis=1, keepdims=True)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    left = pl.DataFrame({"q": pl.Series(queries.tolist(), dtype=pl.List(pl.Float32))})
    right = pl.DataFrame({"v": pl.Series(items.tolist(), dtype=pl.List(pl.Float32))})

    ref_time, ref_mem, (ref_index, _) = measure(lambda: reference(queries, items, args.k))
    kernel_time, kernel_mem, (index, _) = measure(lambda: top_k(queries, items, args.k))
    sql_time, sql_mem, frame = measure(
        lambda: search(left, "q", right, "v", args.k, False, "score")
    )
    assert (index == ref_index).all(), "the kernel disagrees with the reference"
    assert frame.height == args.queries * args.k
    shape = f"{args.queries:,} queries x {args.items:,} vectors x {args.dim} dims, top {args.k}"
    print(f"| {shape} | seconds | x reference | peak MB |")
    print("|---|---:|---:|---:|")
    print(f"| numpy reference (one product + top-k) | {ref_time:.2f} | 1.00 | {ref_mem:,.0f} |")
    print(
        f"| our kernel (blocks of 16,384 rows) | {kernel_time:.2f} | "
        f"{kernel_time / ref_time:.2f} | {kernel_mem:,.0f} |"
    )
    print(
        f"| our VECTOR_SEARCH from Polars frames | {sql_time:.2f} | "
        f"{sql_time / ref_time:.2f} | {sql_mem:,.0f} |"
    )


if __name__ == "__main__":
    main()
