-- VALUES in FROM with column aliases
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b FROM (VALUES (1, 'x'), (2, 'y')) AS t(a, b);
