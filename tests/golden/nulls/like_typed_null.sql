-- LIKE with a typed NULL pattern gives NULL
SELECT 'a' LIKE CAST(NULL AS STRING);
