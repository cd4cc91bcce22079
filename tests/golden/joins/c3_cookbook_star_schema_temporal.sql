-- the star-schema recipe's FOR SYSTEM_TIME AS OF temporal joins kept, against filesystem dimension tables in batch mode (source: ververica/flink-sql-cookbook joins/05_star_schema ; upsert-kafka replaced by csv files) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE booking_channels (
  booking_channel_key STRING,
  update_time TIMESTAMP(3),
  channel STRING,
  WATERMARK FOR update_time AS update_time - INTERVAL '10' SECONDS,
  PRIMARY KEY (booking_channel_key) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = 'c3_channels.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE train_activities (
  actual_departure_date TIMESTAMP(3),
  booking_channel_key STRING,
  WATERMARK FOR actual_departure_date AS actual_departure_date - INTERVAL '10' SECONDS
) WITH ('connector' = 'filesystem', 'path' = 'c3_activities.csv', 'format' = 'csv');
SELECT
  t.actual_departure_date,
  b.channel
FROM train_activities t
LEFT JOIN booking_channels FOR SYSTEM_TIME AS OF t.actual_departure_date AS b
ON t.booking_channel_key = b.booking_channel_key;
