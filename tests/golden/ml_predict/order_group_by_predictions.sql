-- GROUP BY over ML_PREDICT's output of a 4-row csv file: Flink estimates 4 rows and groups by sorting, groups in key order
CREATE TEMPORARY MODEL topic
INPUT (`input` STRING)
OUTPUT (`content` STRING)
WITH (
  'provider' = 'bailian',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-test',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the ticket. Labels: refund, bug, question. Reply with the label only.'
);

CREATE TABLE tickets (
  ticket_id STRING,
  email STRING,
  body STRING,
  created_at TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = 'order_tickets.csv', 'format' = 'csv');

CREATE TABLE daily_topics (d STRING, topic STRING, n BIGINT) WITH ('connector' = 'print');

INSERT INTO daily_topics
SELECT DATE_FORMAT(created_at, 'yyyy-MM-dd'), content, COUNT(*)
FROM ML_PREDICT(TABLE tickets, MODEL topic, DESCRIPTOR(body))
GROUP BY DATE_FORMAT(created_at, 'yyyy-MM-dd'), content;
