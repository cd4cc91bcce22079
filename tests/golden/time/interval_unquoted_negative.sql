-- INTERVAL -1 DAY: an unquoted negative number
SELECT INTERVAL -1 DAY;
