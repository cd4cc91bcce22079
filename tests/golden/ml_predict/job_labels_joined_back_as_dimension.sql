-- label order statuses with a model, then join labels back on the status (a dimension lookup built by ML_PREDICT)
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW statuses AS SELECT DISTINCT status FROM orders;
CREATE TEMPORARY VIEW labelled AS SELECT status, content AS label FROM ML_PREDICT(TABLE statuses, MODEL m, DESCRIPTOR(status));
CREATE TEMPORARY TABLE out1 (order_id INT, status STRING, label_known BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT o.order_id, o.status, l.label IS NOT NULL FROM orders o LEFT JOIN labelled l ON o.status = l.status ORDER BY o.order_id;
