-- reserved words as column names, backquoted throughout: `order`, `value`, `timestamp`, `user`, `date` [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE readings (
  `user` STRING,
  `value` DOUBLE,
  `timestamp` TIMESTAMP(3),
  `order` INT
) WITH ('connector' = 'filesystem', 'path' = 'c3_reserved.csv', 'format' = 'csv');
SELECT `user`, `order`, `value`, CAST(`timestamp` AS DATE) AS `date`
FROM readings
WHERE `value` > 0
ORDER BY `order`;
