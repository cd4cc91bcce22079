-- rides per passenger count, rides with isStart filter (source: ververica/sql-training, exercises 'Number of Rides by Passenger Count', https://github.com/ververica/sql-training/wiki ; Kafka replaced by VALUES, isInNYC UDF left out, ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Rides (rideId, isStart, psgCnt) AS VALUES
  (1, TRUE, 1), (1, FALSE, 1), (2, TRUE, 3), (3, TRUE, 1), (2, FALSE, 3), (4, TRUE, 2);
SELECT psgCnt, COUNT(*) AS cnt
FROM Rides
WHERE isStart
GROUP BY psgCnt
ORDER BY psgCnt;
