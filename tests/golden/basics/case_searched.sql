-- searched CASE with several WHEN branches and ELSE
CREATE TEMPORARY TABLE out1 (score INT, grade STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT score, CASE WHEN score >= 90 THEN 'A' WHEN score >= 75 THEN 'B' WHEN score >= 50 THEN 'C' ELSE 'F' END
FROM (VALUES (95), (80), (50), (10)) AS t(score);
