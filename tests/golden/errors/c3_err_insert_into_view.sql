-- user mistake: INSERT INTO a view [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW v (a) AS VALUES (1);
INSERT INTO v VALUES (2);
