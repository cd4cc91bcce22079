-- UUID() values differ per call; only their length and shape are stable
CREATE TEMPORARY TABLE out1 (n INT, shaped BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CHAR_LENGTH(UUID()), REGEXP(UUID(), '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$');
