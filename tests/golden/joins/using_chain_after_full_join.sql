-- a JOIN ... USING (k) after a FULL JOIN ... USING (k): it joins on the first table's k
CREATE TEMPORARY VIEW a(k, av) AS VALUES (1, 'a1'), (2, 'a2');
CREATE TEMPORARY VIEW b(k, bv) AS VALUES (2, 'b2'), (3, 'b3');
CREATE TEMPORARY VIEW c(k, cv) AS VALUES (2, 'c2'), (3, 'c3'), (4, 'c4');
CREATE TEMPORARY TABLE out1 (k INT, av STRING, bv STRING, cv STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, a.av, b.bv, c.cv FROM a FULL JOIN b USING (k) JOIN c USING (k) ORDER BY k;
