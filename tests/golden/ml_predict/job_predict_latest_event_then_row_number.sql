-- dedup events to one per user, label the event name, rank labels by time with ROW_NUMBER
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW latest AS
  SELECT user_id, event, ts FROM (SELECT user_id, event, ts, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC) AS rn FROM events) WHERE rn = 1;
CREATE TEMPORARY TABLE out1 (user_id INT, event STRING, label STRING, pos BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, event, content, ROW_NUMBER() OVER (ORDER BY ts) FROM ML_PREDICT(TABLE latest, MODEL sentiment, DESCRIPTOR(event)) ORDER BY user_id;
