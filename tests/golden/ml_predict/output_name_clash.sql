-- the input table already has a column named like the model's output
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW q(id, content) AS VALUES (1, 'great');
CREATE TEMPORARY TABLE out1 (id INT, content STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(content));
