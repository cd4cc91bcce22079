-- join keys computed by expressions on both sides
CREATE TEMPORARY VIEW a(code) AS VALUES ('ab'), ('CD');
CREATE TEMPORARY VIEW b(code, label) AS VALUES ('AB', 'first'), ('cd', 'second');
CREATE TEMPORARY TABLE out1 (a_code STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a.code, b.label FROM a JOIN b ON UPPER(a.code) = UPPER(b.code) ORDER BY a.code;
