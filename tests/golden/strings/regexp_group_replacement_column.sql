-- REGEXP_EXTRACT's group and REGEXP_REPLACE's replacement from columns: a missing or NULL group is NULL; the replacement is literal
CREATE TEMPORARY TABLE o (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT REGEXP_EXTRACT(s, p, g), REGEXP_REPLACE(s, p, r) FROM (VALUES ('ab12', '([a-z]+)(\d+)', 2, 'x'), ('ab12', '([a-z]+)(\d+)', 3, '\1'), ('ab12', '(?<=b)1', CAST(NULL AS INT), 'y'), ('ab12', '([a-z]+)(\d+)', -1, '$'), ('ab12', '(?<=b)(1)', 1, '\\')) AS t(s, p, g, r);
