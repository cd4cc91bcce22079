-- ML_PREDICT over product reviews, label joined back to products and counted (source: Alibaba Cloud Realtime Compute for Apache Flink docs, ML_PREDICT, https://www.alibabacloud.com/help/en/flink/realtime-flink/ml-predict ; Kafka replaced by VALUES) [corpus3; expectation from the Flink oracle]
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the review as positive or negative. Output only the label.');
CREATE TEMPORARY VIEW reviews (review_id, product_id, review) AS VALUES
  (1, 10, 'Great blender, works perfectly'), (2, 10, 'Broke after a week, terrible'), (3, 20, 'Good value');
CREATE TEMPORARY VIEW products (product_id, title) AS VALUES (10, 'Blender'), (20, 'Toaster');
CREATE TEMPORARY TABLE out1 (title STRING, review_id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT p.title, r.review_id, r.content
FROM ML_PREDICT(TABLE reviews, MODEL sentiment, DESCRIPTOR(review)) AS r
JOIN products p ON r.product_id = p.product_id
ORDER BY r.review_id;
