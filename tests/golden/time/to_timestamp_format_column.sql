-- TO_TIMESTAMP and TO_DATE with a format read from a column (a pattern per row; text that does not match it is NULL)
CREATE TEMPORARY VIEW v(s, f) AS VALUES ('29/02/2024', 'dd/MM/yyyy'), ('2024.03.01 10:20', 'yyyy.MM.dd HH:mm'), (CAST(NULL AS STRING), 'yyyy');
CREATE TEMPORARY VIEW w(s, f) AS VALUES ('1 Mar 2024', 'd MMM yyyy'), ('bad', 'yyyy');
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3), d DATE) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (ts TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TO_TIMESTAMP(s, f), TO_DATE(s, f) FROM v;
INSERT INTO out2 SELECT TO_TIMESTAMP(s, f) FROM w;
