-- ticket sentiment from a chat model over a csv, blank texts filtered, counts per label in a second sink
CREATE TABLE tickets (id INT, opened TIMESTAMP(3), body STRING, channel STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_tickets.csv', 'format' = 'csv');
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW labelled AS
  SELECT id, channel, content AS label FROM ML_PREDICT(TABLE (SELECT id, channel, body FROM tickets WHERE body <> ''), MODEL sentiment, DESCRIPTOR(body));
CREATE TEMPORARY TABLE per_ticket (id INT, label STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE per_label (label STRING, n BIGINT, channels STRING) WITH ('connector' = 'print');
INSERT INTO per_ticket SELECT id, label FROM labelled ORDER BY id;
INSERT INTO per_label SELECT label, COUNT(*), LISTAGG(DISTINCT channel) FROM labelled GROUP BY label ORDER BY label;
