-- a table hint overrides a datagen table's own options for one read ('number-of-rows', a sequence's end)
CREATE TEMPORARY TABLE g (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5');
CREATE TEMPORARY TABLE out1 (n BIGINT, m BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT (SELECT COUNT(*) FROM g /*+ OPTIONS('fields.id.end' = '3', 'number-of-rows' = '3') */), (SELECT COUNT(*) FROM g);
