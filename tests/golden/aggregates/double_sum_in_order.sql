-- SUM and AVG of DOUBLEs added one after the other in the rows' order, as Java adds them, grouped and over a window
SELECT k, v, SUM(v) OVER (PARTITION BY k) AS s, AVG(v) OVER (PARTITION BY k) AS a FROM (VALUES ('a', 19.4E0), ('a', 24.8E0), ('a', 26.3E0), ('a', 25.5E0), ('a', 23.3E0), ('a', 15.3E0), ('b', 0.1E0), ('b', 0.2E0), ('b', 0.3E0)) AS t(k, v);
SELECT k, SUM(v), AVG(v) FROM (VALUES ('a', 19.4E0), ('a', 24.8E0), ('a', 26.3E0), ('a', 25.5E0), ('a', 23.3E0), ('a', 15.3E0), ('b', 0.1E0), ('b', 0.2E0), ('b', 0.3E0)) AS t(k, v) GROUP BY k;
