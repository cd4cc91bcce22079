-- IS_DIGIT, IS_ALPHA and IS_DECIMAL: Java's character classes and Double.parseDouble; FALSE for '' and NULL
CREATE TEMPORARY VIEW v (s) AS VALUES ('123'), (''), ('12a'), ('abc'), ('ab c'), ('1.5'), ('-1.5'), (' 12'), ('1e3'), ('٣'), ('é'), (CAST(NULL AS STRING)), ('+7'), ('.5'), ('NaN');
CREATE TEMPORARY TABLE out1 (s STRING, d BOOLEAN, a BOOLEAN, x BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, IS_DIGIT(s), IS_ALPHA(s), IS_DECIMAL(s) FROM v;
