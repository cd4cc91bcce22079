-- one source fanned out to two print sinks in EXECUTE STATEMENT SET (source: ververica/flink-sql-cookbook foundations/08_statement_sets ; faker replaced by VALUES) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW server_logs (client_ip, status_code, size) AS VALUES
  ('10.0.0.1', '200', 512), ('10.0.0.2', '404', 0), ('10.0.0.1', '500', 12), ('10.0.0.3', '200', 2048);
CREATE TEMPORARY TABLE realtime_aggregations (status_code STRING, cnt BIGINT, total_size INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE errors (client_ip STRING, status_code STRING) WITH ('connector' = 'print');
EXECUTE STATEMENT SET
BEGIN
INSERT INTO realtime_aggregations SELECT status_code, COUNT(*), SUM(size) FROM server_logs GROUP BY status_code ORDER BY status_code;
INSERT INTO errors SELECT client_ip, status_code FROM server_logs WHERE status_code LIKE '4%' OR status_code LIKE '5%';
END;
