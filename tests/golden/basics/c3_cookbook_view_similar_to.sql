-- a view filtering with SIMILAR TO '[2,3][0-9][0-9]', then SELECT * from it (source: ververica/flink-sql-cookbook foundations/07_views/07_views.md ; faker replaced by a csv file) [corpus3; expectation from the Flink oracle]
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
CREATE VIEW successful_requests AS
SELECT *
FROM server_logs
WHERE status_code SIMILAR TO '[2,3][0-9][0-9]';

SELECT * FROM successful_requests;
