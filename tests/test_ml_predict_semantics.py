"""ML_PREDICT and CREATE MODEL as Apache Flink 2.3's openai provider means them (checked with
the Flink oracle; the golden cases under tests/golden/ml_predict hold Flink's own answers), and
where we deliberately go further: rows never dropped, context limits for every model."""

import logging

import pytest

from bailian_assets.client.backend import simulated_backend
from bailian_assets.errors import SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator

BASE = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"


def model(options: str = "", *, columns: str = "INPUT (`input` STRING) OUTPUT (`content` STRING)",
          endpoint: str = f"{BASE}/chat/completions", name: str = "m") -> str:
    extra = f",\n  {options}" if options else ""
    return (f"CREATE MODEL {name} {columns} WITH (\n  'provider' = 'openai',\n"
            f"  'endpoint' = '{endpoint}',\n  'api-key' = 'sk-test', 'model' = 'qwen-turbo',\n"
            f"  'system-prompt' = 'Label it: [positive, negative, neutral]'{extra});\n")


def embedding_model(options: str = "", output: str = "ARRAY<FLOAT>") -> str:
    return model(options, columns=f"INPUT (`input` STRING) OUTPUT (`embedding` {output})",
                 endpoint=f"{BASE}/embeddings")


VIEW = ("CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great'), "
        "(2, CAST(NULL AS STRING)), (3, 'bad');\n")


def predict(columns: str = "id, content", config: str = "", where: str = "") -> str:
    config = f", {config}" if config else ""
    return ("CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');\n"
            f"INSERT INTO out1 SELECT {columns} FROM "
            f"ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question){config}){where};\n")


def run(sql: str, simulator: BailianSimulator | None = None):
    project = load_source(sql, "t.sql", {})
    lines: list[str] = []
    simulator = simulator or BailianSimulator()
    result = run_project(project, simulated_backend(simulator),
                         lambda table, line: lines.append(line))
    return lines, result, simulator


def refusal(sql: str) -> list[tuple[int, str]]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    return [(d.position.line, d.message) for d in caught.value.diagnostics]


# ---------------------------------------------------------------- types, as Flink wants them

@pytest.mark.parametrize("columns, message", [
    ("INPUT (`input` VARCHAR(100)) OUTPUT (`content` STRING)",
     "input column `input` of model 'm' should be STRING, but is a VARCHAR(100)"),
    ("INPUT (`input` STRING NOT NULL) OUTPUT (`content` STRING)",
     "input column `input` of model 'm' should be STRING, but is a STRING NOT NULL"),
    ("INPUT (`input` STRING) OUTPUT (`content` VARCHAR(10))",
     "output column `content` of model 'm' should be STRING (or VARIANT), but is a VARCHAR(10)"),
])
def test_chat_model_columns_are_exactly_string(columns, message):
    found = refusal(model(columns=columns) + VIEW + predict())
    assert any(message in text for _, text in found), found


def test_varchar_of_the_maximum_length_is_string():
    sql = model(columns="INPUT (`input` VARCHAR(2147483647)) OUTPUT (`content` STRING)")
    assert load_source(sql, "t.sql", {}).models["m"].input_column.name == "input"


def test_embedding_output_is_exactly_array_of_float():
    found = refusal(embedding_model(output="ARRAY<DOUBLE>"))
    assert any("should be ARRAY<FLOAT>, but is a ARRAY<DOUBLE>" in text for _, text in found)


# ---------------------------------------------------------------- options of the other task

def test_an_embedding_option_on_a_chat_model_is_accepted_and_not_sent():
    spec = load_source(model("'dimension' = '64'"), "t.sql", {}).models["m"]
    assert "dimensions" not in spec.request


def test_chat_options_on_an_embedding_model_are_accepted_and_not_sent():
    spec = load_source(embedding_model("'temperature' = '0.5', 'n' = '2', 'dimension' = '64'"),
                       "t.sql", {}).models["m"]
    assert spec.request == {"dimensions": 64}


# ---------------------------------------------------------------- the config MAP

def test_an_unknown_config_key_is_ignored_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        lines, _, _ = run(model() + VIEW + predict(config="MAP['timeot', '1s']",
                                                   where=" WHERE id = 1"))
    assert lines == ["+I[1, positive]"]
    assert "ML_PREDICT config 'timeot' (line 8)" in caplog.text
    assert "did you mean 'timeout'?" in caplog.text


def test_a_known_config_key_is_still_checked():
    found = refusal(model() + VIEW + predict(config="MAP['max-concurrent-operations', 'lots']"))
    assert found and "invalid value for ML_PREDICT config 'max-concurrent-operations'" in \
        found[0][1]
