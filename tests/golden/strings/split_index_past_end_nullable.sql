-- SPLIT_INDEX past the last part is NULL, typed nullable whatever its arguments
SELECT SPLIT_INDEX('a,b,c', ',', 5), SPLIT_INDEX('a,b,c', ',', 1), TYPEOF(SPLIT_INDEX('a,b,c', ',', 1));
