-- self interval join of ride start and end events within 2 hours, duration in minutes (source: ververica/sql-training, exercises 'Average Ride Duration', https://github.com/ververica/sql-training/wiki ; Kafka replaced by VALUES, ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Rides (rideId, isStart, rideTime) AS VALUES
  (1, TRUE, TIMESTAMP '2013-01-01 00:00:00'), (1, FALSE, TIMESTAMP '2013-01-01 00:20:00'),
  (2, TRUE, TIMESTAMP '2013-01-01 00:05:00'), (2, FALSE, TIMESTAMP '2013-01-01 03:05:00'),
  (3, TRUE, TIMESTAMP '2013-01-01 00:10:00'), (3, FALSE, TIMESTAMP '2013-01-01 00:11:30');
SELECT s.rideId, TIMESTAMPDIFF(MINUTE, s.rideTime, e.rideTime) AS durationMin
FROM Rides s, Rides e
WHERE s.rideId = e.rideId AND s.isStart AND NOT e.isStart
  AND e.rideTime BETWEEN s.rideTime AND s.rideTime + INTERVAL '2' HOUR
ORDER BY s.rideId;
