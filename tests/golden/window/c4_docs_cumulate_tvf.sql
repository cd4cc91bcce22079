-- Flink docs, Queries > Window TVF, CUMULATE (nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/window-tvf/) [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Bid (
  bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c4_bid2.csv', 'format' = 'csv');
SELECT window_start, window_end, SUM(price) AS total_price
  FROM TABLE(
    CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
