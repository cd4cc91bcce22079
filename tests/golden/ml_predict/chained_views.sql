-- a view over ML_PREDICT, read by a second ML_PREDICT
CREATE MODEL summarize INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Summarize the text in a few words.');
CREATE MODEL classify INPUT (`input` STRING) OUTPUT (`label` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great product, love it');
CREATE TEMPORARY VIEW summaries AS SELECT id, content AS summary FROM ML_PREDICT(TABLE q, MODEL summarize, DESCRIPTOR(question));
CREATE TEMPORARY TABLE out1 (id INT, has_summary BOOLEAN, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, CHAR_LENGTH(summary) > 0, label FROM ML_PREDICT(TABLE summaries, MODEL classify, DESCRIPTOR(summary));
