-- INTERVAL 10 MINUTE(3): an unquoted number with a leading precision
SELECT INTERVAL 10 MINUTE(3);
