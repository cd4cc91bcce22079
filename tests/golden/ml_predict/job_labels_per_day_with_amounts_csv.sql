-- ML_PREDICT over orders' statuses with a timestamp column carried through, labels counted per day
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY TABLE out1 (d DATE, label STRING, n BIGINT, total DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT CAST(ts AS DATE), content, COUNT(*), SUM(amount)
FROM ML_PREDICT(TABLE orders, MODEL m, DESCRIPTOR(status))
GROUP BY CAST(ts AS DATE), content ORDER BY 1, 2;
