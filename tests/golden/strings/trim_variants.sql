-- TRIM, TRIM(LEADING/TRAILING/BOTH 'x' FROM s), LTRIM and RTRIM
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING, e STRING, f STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('  pad  ');
INSERT INTO out1 SELECT
  '[' || TRIM(s) || ']', '[' || LTRIM(s) || ']', '[' || RTRIM(s) || ']',
  TRIM(LEADING 'x' FROM 'xxabcxx'), TRIM(TRAILING 'x' FROM 'xxabcxx'), TRIM(BOTH 'x' FROM 'xxabcxx')
FROM t;
