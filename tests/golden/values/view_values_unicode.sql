-- VALUES with Chinese text, as in the movie sample
CREATE TEMPORARY VIEW movies(id, name) AS VALUES (1, '好東西'), (2, '水餃皇后');
CREATE TEMPORARY TABLE out1 (id BIGINT, name VARCHAR) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM movies;
