-- a model with one input fed by a CONCAT_WS of two columns in a subquery, output renamed
CREATE MODEL summarize INPUT (`text` STRING) OUTPUT (`summary` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW tickets(id, title, body) AS VALUES (1, 'Great', 'works well'), (2, 'Broken', 'does not start');
CREATE TEMPORARY VIEW prompts AS SELECT id, CONCAT_WS(': ', title, body) AS `text` FROM tickets;
CREATE TEMPORARY TABLE out1 (id INT, s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, summary FROM ML_PREDICT(TABLE prompts, MODEL summarize, DESCRIPTOR(`text`)) ORDER BY id;
