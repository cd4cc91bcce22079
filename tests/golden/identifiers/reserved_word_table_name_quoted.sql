-- a reserved word quoted with backticks is an ordinary table name, written and read
CREATE TEMPORARY TABLE `out` (id INT) WITH ('connector' = 'print');
INSERT INTO `out` VALUES (1), (2);
