-- ML_PREDICT over a view that builds the prompt with CONCAT and CASE, output label uppercased
CREATE TEMPORARY MODEL clf INPUT (prompt STRING) OUTPUT (label STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-plus',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW tickets(id, subject, body) AS VALUES
  (1, 'Refund', 'I hate this, it broke'), (2, 'Thanks', 'Love the new version'), (3, CAST(NULL AS STRING), 'meh');
CREATE TEMPORARY VIEW prompts AS
  SELECT id, CONCAT(COALESCE(subject, '(no subject)'), ': ', body) AS prompt FROM tickets;
CREATE TEMPORARY TABLE out1 (id INT, prompt STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, prompt, UPPER(label) FROM ML_PREDICT(TABLE prompts, MODEL clf, DESCRIPTOR(prompt)) ORDER BY id;
