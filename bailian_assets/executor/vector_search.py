"""Exact nearest-neighbour search: cosine similarity as matrix products, top-k per query.

The searched vectors are normalized once; the queries are multiplied with them one block of
rows at a time (a BLAS matrix product per block), and only each block's top-k candidates are
kept, so memory holds queries x block scores, never queries x items.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import polars as pl

from bailian_assets.errors import ExecutionError

BLOCK_ROWS = 16_384


def to_matrix(vectors: pl.Series, what: str) -> tuple[np.ndarray, np.ndarray]:
    """(row numbers of the usable vectors, their unit-normalized float32 matrix).

    NULL vectors, and vectors of zero length, match nothing."""
    present = vectors.is_not_null()
    if vectors.dtype != pl.Null and present.any():
        lengths = vectors.filter(present).list.len()
        # list lengths are UInt32: the bounds are ints (polars types them as any scalar)
        shortest, dimension = cast(int, lengths.min()), cast(int, lengths.max())
        if shortest != dimension:
            raise ExecutionError(
                f"{what}: vectors of different lengths ({shortest} and {dimension})"
            )
        rows = np.flatnonzero(present.to_numpy())
        matrix = (
            vectors.filter(present)
            .cast(pl.Array(pl.Float32, dimension))
            .to_numpy()
            .astype(np.float32, copy=False)
        )
    else:
        rows, matrix = np.empty(0, dtype=np.int64), np.empty((0, 0), dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1) if matrix.size else np.empty(0, dtype=np.float32)
    usable = norms > 0
    matrix = matrix[usable] / norms[usable, None] if matrix.size else matrix
    return rows[usable] if rows.size else rows, np.ascontiguousarray(matrix, dtype=np.float32)


def top_k(
    queries: np.ndarray, items: np.ndarray, k: int, block_rows: int = BLOCK_ROWS
) -> tuple[np.ndarray, np.ndarray]:
    """For unit vectors: (indices, scores), each (len(queries), min(k, len(items))), best first."""
    m, n = len(queries), len(items)
    k = min(k, n)
    if m == 0 or k == 0:
        return np.empty((m, 0), dtype=np.int64), np.empty((m, 0), dtype=np.float32)
    if queries.shape[1] != items.shape[1]:
        raise ExecutionError(
            f"query vectors have {queries.shape[1]} dimensions, the searched "
            f"vectors {items.shape[1]}"
        )
    best_scores = np.full((m, 0), -np.inf, dtype=np.float32)
    best_index = np.empty((m, 0), dtype=np.int64)
    for start in range(0, n, block_rows):
        scores = queries @ items[start : start + block_rows].T
        take = min(k, scores.shape[1])
        part = np.argpartition(scores, -take, axis=1)[:, -take:]
        candidates = np.concatenate([best_scores, np.take_along_axis(scores, part, axis=1)], 1)
        indices = np.concatenate([best_index, part + start], axis=1)
        keep = (
            np.argpartition(candidates, -min(k, candidates.shape[1]), axis=1)[:, -k:]
            if candidates.shape[1] > k
            else np.arange(candidates.shape[1])[None, :].repeat(m, 0)
        )
        best_scores = np.take_along_axis(candidates, keep, axis=1)
        best_index = np.take_along_axis(indices, keep, axis=1)
    order = np.argsort(-best_scores, axis=1, kind="stable")
    return np.take_along_axis(best_index, order, 1), np.take_along_axis(best_scores, order, 1)


def search(
    left: pl.DataFrame,
    query_column: str,
    right: pl.DataFrame,
    search_column: str,
    k: int,
    keep_unmatched: bool,
    score_column: str,
) -> pl.DataFrame:
    """Each row of `left` followed by its k best rows of `right` and their score, best first;
    with `keep_unmatched`, a row that matches nothing stays, with NULLs on the right."""
    query_rows, queries = to_matrix(left.get_column(query_column), "the query vectors")
    item_rows, items = to_matrix(right.get_column(search_column), "the searched vectors")
    index, scores = top_k(queries, items, k)
    per_query = index.shape[1]
    left_take = np.repeat(query_rows, per_query)
    right_take = item_rows[index.reshape(-1)] if index.size else np.empty(0, dtype=np.int64)
    score = pl.Series(score_column, scores.reshape(-1).astype(np.float64), dtype=pl.Float64)
    matched = pl.concat([left[left_take], right[right_take], score.to_frame()], how="horizontal")
    if not keep_unmatched:
        return matched
    unmatched_rows = np.setdiff1d(np.arange(left.height), left_take)
    nulls = pl.DataFrame(schema=right.schema).clear(len(unmatched_rows))
    no_score = pl.Series(score_column, [None] * len(unmatched_rows), dtype=pl.Float64)
    unmatched = pl.concat([left[unmatched_rows], nulls, no_score.to_frame()], how="horizontal")
    order = pl.Series("__order", np.concatenate([left_take, unmatched_rows]))
    return (
        pl.concat([matched, unmatched], how="vertical")
        .with_columns(order)
        .sort("__order", maintain_order=True)
        .drop("__order")
    )
