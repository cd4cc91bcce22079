-- two JOIN ... USING (k) in a row: the second USING's k refers to the first join's merged k
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (1, 'b');
CREATE TEMPORARY VIEW c(k, z) AS VALUES (1, 'c');
CREATE TEMPORARY TABLE out1 (k INT, x STRING, y STRING, z STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, x, y, z FROM a JOIN b USING (k) JOIN c USING (k);
