-- creating the same table twice is refused
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
