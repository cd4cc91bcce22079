-- an INSERT into a filesystem table with a persisted metadata column
CREATE TABLE sink1 (id INT, fname STRING METADATA FROM 'file.name') WITH ('connector' = 'filesystem', 'path' = 'outdir', 'format' = 'csv');
INSERT INTO sink1 SELECT 1, 'x';
