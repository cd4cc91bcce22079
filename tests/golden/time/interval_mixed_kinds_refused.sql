-- A day-time interval plus a year-month interval is refused
SELECT INTERVAL '1' DAY + INTERVAL '1' MONTH;
