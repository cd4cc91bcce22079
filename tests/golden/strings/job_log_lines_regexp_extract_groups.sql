-- parse log lines with REGEXP_EXTRACT groups into level, code and message
CREATE TEMPORARY VIEW logs (line) AS VALUES
  ('2024-03-01T10:00:00 [INFO] code=200 msg=ok'),
  ('2024-03-01T10:00:05 [WARN] code=429 msg=slow down'),
  ('garbage line'),
  ('2024-03-01T10:01:00 [ERROR] code=500 msg=');
CREATE TEMPORARY TABLE out1 (lvl STRING, code INT, msg STRING, ts TIMESTAMP(0)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT REGEXP_EXTRACT(line, '\[(\w+)\]', 1),
       CAST(REGEXP_EXTRACT(line, 'code=(\d+)', 1) AS INT),
       REGEXP_EXTRACT(line, 'msg=(.*)$', 1),
       TO_TIMESTAMP(REPLACE(SUBSTRING(line, 1, 19), 'T', ' '))
FROM logs;
