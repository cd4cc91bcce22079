-- a[i] past the end of an array of nullable elements is NULL
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(arr) AS VALUES (ARRAY[1, CAST(NULL AS INT)]);
INSERT INTO out1 SELECT arr[5], arr[2] FROM t;
