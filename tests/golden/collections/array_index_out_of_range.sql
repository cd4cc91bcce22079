-- array[i] past the end
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(arr) AS VALUES (ARRAY[1, 2]);
INSERT INTO out1 SELECT arr[5] FROM t;
