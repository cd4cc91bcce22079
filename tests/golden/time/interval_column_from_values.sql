-- INTERVAL columns of a VALUES list: each row's interval printed as a Duration or Period, beside its CAST to STRING
SELECT k, i, CAST(i AS STRING) AS s, m FROM (VALUES (1, INTERVAL '1' HOUR, INTERVAL '1' YEAR), (2, INTERVAL '-90' MINUTE, INTERVAL '-14' MONTH), (3, INTERVAL '3' DAY, INTERVAL '0' YEAR)) AS t(k, i, m) ORDER BY k;
