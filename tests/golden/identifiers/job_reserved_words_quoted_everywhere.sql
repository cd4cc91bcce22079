-- reserved words as column names quoted with backticks everywhere: `value`, `year`, `timestamp`, `order`
CREATE TEMPORARY VIEW t(`value`, `year`, `timestamp`, `order`) AS VALUES (1, 2024, 'x', 3), (2, 2023, 'y', 1);
CREATE TEMPORARY TABLE out1 (`value` INT, `year` INT, `order` INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT `value`, `year`, `order` FROM t WHERE `timestamp` <> 'z' ORDER BY `order`;
