-- four-way LEFT JOIN of a fact table to dimensions, one dimension joined twice (source: ververica/flink-sql-cookbook joins/05_star_schema ; Kafka replaced by VALUES views, temporal joins by regular joins) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW train_activities (actual_departure_date, passenger_key, origin_station_key, destination_station_key, booking_channel_key) AS VALUES
  (TIMESTAMP '2020-12-19 13:52:16', '7', '577', '862', '2'),
  (TIMESTAMP '2020-12-19 13:52:23', '8', '735', '577', '3'),
  (TIMESTAMP '2020-12-19 13:52:18', '9', '216', '999', '9');
CREATE TEMPORARY VIEW booking_channels (booking_channel_key, channel) AS VALUES ('2', 'app'), ('3', 'station');
CREATE TEMPORARY VIEW passengers (passenger_key, first_name, last_name) AS VALUES ('7', 'Booker', 'Hackett'), ('8', 'Jeramy', 'Breitenberg');
CREATE TEMPORARY VIEW stations (station_key, city) AS VALUES ('577', 'Harlandport'), ('862', 'Tillmanhaven'), ('735', 'West Sandytown'), ('216', 'North Georgine');
SELECT
  t.actual_departure_date,
  p.first_name,
  p.last_name,
  b.channel,
  os.city AS origin_station,
  ds.city AS destination_station
FROM train_activities t
LEFT JOIN booking_channels AS b
ON t.booking_channel_key = b.booking_channel_key
LEFT JOIN passengers AS p
ON t.passenger_key = p.passenger_key
LEFT JOIN stations AS os
ON t.origin_station_key = os.station_key
LEFT JOIN stations AS ds
ON t.destination_station_key = ds.station_key
ORDER BY t.actual_departure_date;
