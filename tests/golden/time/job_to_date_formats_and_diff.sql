-- TO_DATE of strings with default and custom format, compared and differenced with TIMESTAMPDIFF
CREATE TEMPORARY VIEW v(a, b) AS VALUES ('2024-03-01', '01.02.2024'), ('2023-12-31', '31.12.2023');
CREATE TEMPORARY TABLE out1 (da DATE, db DATE, later BOOLEAN, days INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TO_DATE(a), TO_DATE(b, 'dd.MM.yyyy'), TO_DATE(a) > TO_DATE(b, 'dd.MM.yyyy'),
  TIMESTAMPDIFF(DAY, CAST(TO_DATE(b, 'dd.MM.yyyy') AS TIMESTAMP), CAST(TO_DATE(a) AS TIMESTAMP)) FROM v ORDER BY a;
