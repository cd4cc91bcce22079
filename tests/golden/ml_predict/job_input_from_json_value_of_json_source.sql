-- ML_PREDICT whose input is a JSON_VALUE extracted in a view from a json payload, NULL payloads filtered out
CREATE TABLE events (user_id INT, event STRING, payload STRING, ts TIMESTAMP(0), tags ARRAY<STRING>)
  WITH ('connector' = 'filesystem', 'path' = 'shop_events.json', 'format' = 'json');
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW pages AS SELECT user_id, ts, JSON_VALUE(payload, '$.page') AS page FROM events WHERE JSON_VALUE(payload, '$.page') IS NOT NULL;
CREATE TEMPORARY TABLE out1 (user_id INT, page STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT user_id, page, content FROM ML_PREDICT(TABLE pages, MODEL m, DESCRIPTOR(page)) ORDER BY ts;
