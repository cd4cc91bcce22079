-- DATE_FORMAT, UNIX_TIMESTAMP and FROM_UNIXTIME take their format from a column (NULL format: NULL; week fields, quoted text)
CREATE TEMPORARY TABLE o (f STRING, a STRING, b STRING, c BIGINT, d STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT f, DATE_FORMAT(TIMESTAMP '2024-12-31 03:04:05.678', f), DATE_FORMAT(s, f), UNIX_TIMESTAMP(s, g), FROM_UNIXTIME(n, g) FROM (VALUES
 ('yyyy/MM/dd HH:mm', '2024-01-02 03:04:05', 'yyyy-MM-dd HH:mm:ss', 86400), ('YYYY-ww EEE', '2024-01-02 03:04:05', 'yyyy-MM-dd HH:mm:ss', 0), (CAST(NULL AS STRING), '2024-01-02 03:04:05', CAST(NULL AS STRING), 1), ('SSS ''x'' a', 'bad', 'yyyy', 2)) AS t(f, s, g, n);
