from pathlib import Path

import pytest

from bailian_assets.client.pacer import reset_pacers

ROOT = Path(__file__).resolve().parent.parent
SEED_SQL = """\
CREATE MODEL ai_analyze_sentiment
INPUT (`input` STRING)
OUTPUT (`content` STRING)
WITH (
  'provider' = 'bailian',
  'endpoint' = '<base_url>/compatible-mode/v1/chat/completions',
  'api-key'  = '<YOUR KEY>',
  'model'    = 'qwen-turbo',
  'system-prompt' = 'Classify the text below into one of the following labels: [positive, negative, neutral, mixed]. Output only the label.'
);

CREATE TEMPORARY TABLE print_sink(
  id BIGINT, movie_name VARCHAR, predict_label VARCHAR, actual_label VARCHAR
) WITH ('connector' = 'print', 'logger' = 'true');

CREATE TEMPORARY VIEW movie_comment(id, movie_name, user_comment, actual_label)
AS VALUES (1, '好東西', '最愛小孩子猜聲音那段,算得上看過的電影裡相當浪漫的敘事了。很溫和也很有愛。', 'positive'),
          (2, '水餃皇后', '乏善可陳', 'negative');

INSERT INTO print_sink
SELECT id, movie_name, content AS predict_label, actual_label
FROM ML_PREDICT(TABLE movie_comment, MODEL ai_analyze_sentiment, DESCRIPTOR(user_comment));
"""

CHAT_MODEL = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-test', 'model' = 'qwen-turbo',
  'system-prompt' = 'Label it: [positive, negative, neutral, mixed].');
"""


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Tests never reach the network (the simulator answers unless a test says otherwise),
    start with an empty response cache and with pacers that know nothing yet."""
    monkeypatch.delenv("BAILIAN_BASE_URL", raising=False)
    monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
    monkeypatch.delenv("BAILIAN_SQL_DIR", raising=False)
    monkeypatch.setenv("BAILIAN_CACHE_DIR", str(tmp_path / "cache"))
    reset_pacers()
