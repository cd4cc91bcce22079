-- constant DOUBLE divisions over VALUES, folded as Flink's planner folds them
SELECT v / 14.0E0, v / 3.0E0, CAST(v AS DOUBLE) / 14 FROM (VALUES (5.0E0), (1.0E0), (7.0E0)) AS t(v);
