"""VECTOR_SEARCH: results against a brute-force reference, Flink's errors, NULLs, embeddings."""

import math
import random

import numpy as np
import polars as pl
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.executor.vector_search import search, top_k
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator

EMB = """\
CREATE MODEL emb INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'bailian', 'api-key' = 'k', 'model' = 'text-embedding-v3', 'dimension' = '256',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/embeddings');
CREATE VIEW products (id, name) AS VALUES (1, 'red running shoes'), (2, 'green tea leaves'),
  (3, 'wireless headphones with noise cancelling'), (4, '保溫水壺 不鏽鋼'),
  (5, CAST(NULL AS STRING));
CREATE VIEW docs AS SELECT id, name, embedding
  FROM ML_PREDICT(TABLE products, MODEL emb, DESCRIPTOR(name));
CREATE VIEW queries (qid, q) AS VALUES (10, 'running shoes'), (11, 'noise cancelling headphones'),
  (12, CAST(NULL AS STRING)), (13, '水壺');
CREATE VIEW qe AS SELECT qid, q, embedding AS qv
  FROM ML_PREDICT(TABLE queries, MODEL emb, DESCRIPTOR(q));
CREATE TABLE snk (qid INT, id INT, score DOUBLE) WITH ('connector' = 'blackhole');
"""


def run(sql):
    project = load_source(EMB + sql, "t.sql", {})
    result = run_project(project, simulated_backend(BailianSimulator()), lambda table, line: None)
    return result.sinks["snk"].rows()


def brute_force(queries, items, k):
    def cosine(a, b):
        return sum(x * y for x, y in zip(a, b, strict=False)) / math.sqrt(
            sum(x * x for x in a) * sum(y * y for y in b)
        )

    return [sorted(range(len(items)), key=lambda j: -cosine(q, items[j]))[:k] for q in queries]


def test_top_k_matches_brute_force_across_blocks():
    rng = random.Random(5)
    items = [[rng.gauss(0, 1) for _ in range(16)] for _ in range(300)]
    queries = [[rng.gauss(0, 1) for _ in range(16)] for _ in range(20)]

    def unit(rows):
        matrix = np.array(rows, dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    index, scores = top_k(unit(queries), unit(items), 7, block_rows=64)
    assert index.tolist() == brute_force(queries, items, 7)
    assert np.all(np.diff(scores, axis=1) <= 0)  # best first


def test_embeddings_are_vectors_of_the_requested_dimension_with_nulls_kept():
    sql = (
        "CREATE TABLE vectors (id INT, v ARRAY<FLOAT>) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO vectors SELECT id, embedding FROM docs;"
    )
    project = load_source(EMB + sql, "t.sql", {})
    simulator = BailianSimulator()
    result = run_project(project, simulated_backend(simulator), lambda table, line: None)
    frame = result.sinks["vectors"]
    assert frame.schema["v"] == pl.List(pl.Float32)
    lengths = frame.get_column("v").list.len().to_list()
    assert lengths == [256, 256, 256, 256, None]
    assert simulator.counters.requests == 1  # four texts, one batch


def test_lateral_search_best_first_and_sensible_matches():
    rows = run(
        "INSERT INTO snk SELECT qe.qid, r.id, r.score FROM qe, "
        "LATERAL TABLE(VECTOR_SEARCH(TABLE docs, DESCRIPTOR(embedding), qe.qv, 2)) AS r;"
    )
    by_query = {}
    for qid, item, score in rows:
        by_query.setdefault(qid, []).append((item, score))
    assert next(item for item, _ in by_query[10]) == 1  # running shoes
    assert next(item for item, _ in by_query[11]) == 3  # headphones
    assert next(item for item, _ in by_query[13]) == 4  # 水壺
    assert 12 not in by_query  # a NULL query vector matches nothing
    assert all(len(v) == 2 and v[0][1] >= v[1][1] for v in by_query.values())


def test_left_join_lateral_keeps_the_query_row_and_named_arguments():
    rows = run(
        "INSERT INTO snk SELECT qid, id, score FROM qe LEFT JOIN LATERAL TABLE("
        "VECTOR_SEARCH(SEARCH_TABLE => TABLE docs, COLUMN_TO_SEARCH => "
        "DESCRIPTOR(embedding), COLUMN_TO_QUERY => qe.qv, TOP_K => 1)) ON TRUE;"
    )
    assert [(q, i) for q, i, _ in rows] == [(10, 1), (11, 3), (12, None), (13, 4)]
    assert rows[2][2] is None


@pytest.mark.parametrize(
    "call, message",
    [
        (
            "VECTOR_SEARCH(TABLE docs, DESCRIPTOR(embedding, id), qe.qv, 2)",
            "Expect parameter COLUMN_TO_SEARCH for VECTOR_SEARCH only contains one column, but "
            "multiple columns are found in operand DESCRIPTOR(embedding, id).",
        ),
        (
            "VECTOR_SEARCH(TABLE docs, DESCRIPTOR(name), qe.qv, 2)",
            "Expect search column `name` type is ARRAY<FLOAT> or "
            "ARRAY<DOUBLE>, but its type is STRING.",
        ),
        (
            "VECTOR_SEARCH(TABLE docs, DESCRIPTOR(embedding), qe.q, 2)",
            "Can not cast the query column type STRING to target type ARRAY<FLOAT>.",
        ),
        (
            "VECTOR_SEARCH(TABLE docs, DESCRIPTOR(embedding), qe.qv, 2.5)",
            "Expect parameter top_k is an INTEGER NOT NULL literal in VECTOR_SEARCH, but it is 2.5",
        ),
        (
            "VECTOR_SEARCH(TABLE docs, DESCRIPTOR(embedding), qe.qv, 0)",
            "Parameter top_k must be greater than 0, but was 0.",
        ),
        (
            "VECTOR_SEARCH(TABLE docs, DESCRIPTOR(embedding), qe.qv)",
            "Invalid number of arguments to function 'VECTOR_SEARCH'. Was expecting 4 arguments",
        ),
    ],
)
def test_flinks_errors(call, message):
    with pytest.raises(SqlError) as caught:
        load_source(
            EMB + f"INSERT INTO snk SELECT qe.qid, r.id, r.score FROM qe, "
            f"LATERAL TABLE({call}) AS r;",
            "t.sql",
            {},
        )
    (diagnostic,) = caught.value.diagnostics
    assert message in diagnostic.message
    assert diagnostic.position.line == EMB.count("\n") + 1


def test_search_keeps_memory_to_a_block_and_handles_empty_sides():
    left = pl.DataFrame({"q": [[1.0, 0.0], None]}, schema={"q": pl.List(pl.Float32)})
    right = pl.DataFrame({"v": [[0.0, 1.0], [1.0, 1.0]]}, schema={"v": pl.List(pl.Float32)})
    out = search(left, "q", right, "v", 5, True, "score")
    assert out.height == 3 and out["score"].to_list()[:2] == pytest.approx([0.7071, 0.0], abs=1e-4)
    empty = search(left, "q", right.clear(), "v", 5, False, "score")
    assert empty.height == 0


def test_the_product_search_sample_end_to_end(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT, clean_env

    env = clean_env(BAILIAN_OUTPUT_DIR=str(tmp_path / "out"))
    command = [sys.executable, "-m", "bailian_assets.cli", "run", "sql/product_search.sql"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert len(lines) == 18 and all(line.startswith("search> +I[") for line in lines)
    best = {line.split(", ")[0][11:]: line for line in lines[::3]}
    assert "Headphones" in best["1"] and "Backpack" in best["2"] and "Kettle" in best["3"]
    assert "耳機" in best["4"] and "保溫杯" in best["5"] and "Tea" in best["6"]
    vectors = pl.read_parquet(tmp_path / "out" / "product_vectors" / "part-0.parquet")
    assert vectors.height == 276 and vectors.schema["embedding"] == pl.List(pl.Float32)
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.stdout == first.stdout
    assert "0 sent" in again.stderr and "276 from the cache" in again.stderr
