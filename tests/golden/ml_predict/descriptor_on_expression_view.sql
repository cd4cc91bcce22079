-- the DESCRIPTOR column is computed in a view (a prompt built with CONCAT)
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW q(id, title, body) AS VALUES (1, 'Great', 'love it'), (2, 'Broken', 'awful');
CREATE TEMPORARY VIEW prompts AS SELECT id, CONCAT('Title: ', title, '. Review: ', body) AS prompt FROM q;
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE prompts, MODEL m, DESCRIPTOR(prompt));
