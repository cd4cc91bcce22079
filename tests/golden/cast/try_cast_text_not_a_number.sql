-- TRY_CAST of text that is no plain number: '' and blanks are NULL for DECIMAL, INT, DOUBLE and BIGINT; '.' is 0 for DECIMAL and the integers; '1e2' is a DECIMAL and a DOUBLE but no integer
CREATE TEMPORARY VIEW v(s) AS VALUES (''), (' '), ('abc'), (' 1.5 '), ('1e2'), ('-'), ('.');
CREATE TEMPORARY TABLE out1 (s STRING, a DECIMAL(10, 2), c INT, d DOUBLE, e BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, TRY_CAST(s AS DECIMAL(10, 2)), TRY_CAST(s AS INT), TRY_CAST(s AS DOUBLE), TRY_CAST(s AS BIGINT) FROM v;
