-- ML_PREDICT over a UNION ALL of a csv column and a VALUES list, labels counted with COUNT DISTINCT ids
CREATE TABLE reviews (id INT, sku STRING, review STRING, stars INT)
  WITH ('connector' = 'filesystem', 'path' = 'shop_reviews.csv', 'format' = 'csv');
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW texts AS
  SELECT id, review AS txt FROM reviews WHERE review <> ''
  UNION ALL SELECT id, txt FROM (VALUES (100, 'I love it'), (101, 'It broke')) AS t(id, txt);
CREATE TEMPORARY TABLE out1 (label STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT content, COUNT(DISTINCT id) FROM ML_PREDICT(TABLE texts, MODEL m, DESCRIPTOR(txt)) GROUP BY content ORDER BY content;
