-- pattern matching: LIKE with ESCAPE, NOT LIKE, SIMILAR TO, case-insensitive via LOWER [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW f (name) AS VALUES ('report_2024.csv'), ('report-2024.csv'), ('REPORT_final.CSV'), ('notes.txt'), ('100%_done');
SELECT name,
       name LIKE 'report!_%' ESCAPE '!',
       LOWER(name) LIKE '%.csv',
       name NOT LIKE '%report%',
       name SIMILAR TO '[a-z]+(_|-)[0-9]{4}\.csv',
       name LIKE '%\%%' ESCAPE '\'
FROM f;
