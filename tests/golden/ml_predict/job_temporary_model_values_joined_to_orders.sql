-- a TEMPORARY MODEL labels customers' latest ticket text, joined back to order totals
CREATE TEMPORARY MODEL tone INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-plus',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW notes (cust_id, note) AS VALUES (1, 'great service, thanks'), (2, 'the parcel never came, awful'), (3, 'ok');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (cust_id INT, label STRING, spent DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT p.cust_id, p.content, SUM(o.total)
FROM ML_PREDICT(TABLE notes, MODEL tone, DESCRIPTOR(note)) AS p
JOIN orders o ON o.cust_id = p.cust_id
GROUP BY p.cust_id, p.content ORDER BY p.cust_id;
