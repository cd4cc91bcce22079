-- COUNT(*) over a sliding ROWS frame counts the frame's rows (it gave 1 for every row)
SELECT x, COUNT(*) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS c, COUNT(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS d, COUNT(*) OVER (ORDER BY x) AS e FROM (VALUES (1), (2), (3)) AS t(x);
