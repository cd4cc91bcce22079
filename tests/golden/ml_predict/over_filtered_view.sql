-- ML_PREDICT over a view that filters and transforms first
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW raw_(id, txt) AS VALUES (1, '  GREAT  '), (2, ''), (3, ' bad ');
CREATE TEMPORARY VIEW clean AS SELECT id, LOWER(TRIM(txt)) AS txt FROM raw_ WHERE CHAR_LENGTH(TRIM(txt)) > 0;
CREATE TEMPORARY TABLE out1 (id INT, txt STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, txt, content FROM ML_PREDICT(TABLE clean, MODEL m, DESCRIPTOR(txt));
