-- WHERE status_code IN on server logs (source: ververica/flink-sql-cookbook foundations/04_where/04_where.md ; faker replaced by a csv file) [corpus3; expectation from the Flink oracle]
CREATE TABLE server_logs (
    client_ip STRING,
    client_identity STRING,
    userid STRING,
    user_agent STRING,
    log_time TIMESTAMP(3),
    request_line STRING,
    status_code STRING,
    size INT
) WITH ('connector' = 'filesystem', 'path' = 'c3_server_logs.csv', 'format' = 'csv');
SELECT
  log_time,
  request_line,
  status_code
FROM server_logs
WHERE
  status_code IN ('403', '401');
