-- a reserved word used unquoted as a model name is a parse error
CREATE TEMPORARY MODEL year INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai', 'endpoint' = 'http://127.0.0.1:9/v1/chat/completions', 'api-key' = 'k', 'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW v AS SELECT 'a' AS txt;
CREATE TEMPORARY TABLE out1 (txt STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT txt, content FROM ML_PREDICT(TABLE v, MODEL `year`, DESCRIPTOR(txt));
