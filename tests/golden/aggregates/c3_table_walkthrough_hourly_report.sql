-- hourly spend report per account with FLOOR(... TO HOUR) (source: apache/flink-playgrounds table-walkthrough, SpendReport report(), https://github.com/apache/flink-playgrounds/tree/master/table-walkthrough ; Kafka replaced by a csv file, written as SQL) [corpus3; expectation from the Flink oracle]
CREATE TABLE transactions (
    account_id  BIGINT,
    amount      BIGINT,
    transaction_time TIMESTAMP(3),
    WATERMARK FOR transaction_time AS transaction_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_transactions.csv', 'format' = 'csv');
CREATE TABLE spend_report (
    account_id BIGINT,
    log_ts     TIMESTAMP(3),
    amount     BIGINT,
    PRIMARY KEY (account_id, log_ts) NOT ENFORCED
) WITH ('connector' = 'print');
INSERT INTO spend_report
SELECT account_id, FLOOR(transaction_time TO HOUR) AS log_ts, SUM(amount) AS amount
FROM transactions
GROUP BY account_id, FLOOR(transaction_time TO HOUR)
ORDER BY account_id, log_ts;
