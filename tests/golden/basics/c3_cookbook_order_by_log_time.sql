-- SELECT * ... ORDER BY log_time on a table with a watermark (source: ververica/flink-sql-cookbook foundations/06_order_by/06_order_by.md ; faker replaced by a csv file) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE server_logs (
    client_ip STRING,
    client_identity STRING,
    userid STRING,
    user_agent STRING,
    log_time TIMESTAMP(3),
    request_line STRING,
    status_code STRING,
    size INT,
    WATERMARK FOR log_time AS log_time - INTERVAL '15' SECONDS
) WITH ('connector' = 'filesystem', 'path' = 'c3_server_logs.csv', 'format' = 'csv');
SELECT * FROM server_logs
ORDER BY log_time DESC;
