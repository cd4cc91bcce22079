-- ML_PREDICT routing support tickets: prompt text built in a view with CONCAT, label mapped to a queue with CASE, counts per queue [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY MODEL classifier INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the ticket into one of [billing, shipping, other]. Output only the label.');
CREATE TEMPORARY VIEW tickets (id, subject, body) AS VALUES
  (1, 'Refund', 'I was charged twice for my order'), (2, 'Where is my parcel', 'Tracking has not moved in a week'), (3, 'Hello', 'Just saying thanks');
CREATE TEMPORARY VIEW prompts AS SELECT id, CONCAT(subject, ': ', body) AS ticket_text FROM tickets;
CREATE TEMPORARY TABLE routed (id INT, queue STRING) WITH ('connector' = 'print');
INSERT INTO routed
SELECT id, CASE content WHEN 'billing' THEN 'finance' WHEN 'shipping' THEN 'logistics' ELSE 'general' END
FROM ML_PREDICT(TABLE prompts, MODEL classifier, DESCRIPTOR(ticket_text))
ORDER BY id;
