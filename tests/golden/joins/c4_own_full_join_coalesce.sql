-- FULL JOIN of budget and actuals with COALESCE keys and NULL-safe differences [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY VIEW budget(dept, amt) AS VALUES ('ops', 100.00), ('hr', 50.00), ('it', 80.00);
CREATE TEMPORARY VIEW actual(dept, amt) AS VALUES ('ops', 120.50), ('it', 80.00), ('sales', 10.00);
SELECT COALESCE(b.dept, a.dept) AS dept, b.amt AS budget, a.amt AS actual,
  COALESCE(a.amt, 0) - COALESCE(b.amt, 0) AS diff,
  CASE WHEN b.dept IS NULL THEN 'unbudgeted' WHEN a.dept IS NULL THEN 'unspent' WHEN a.amt > b.amt THEN 'over' ELSE 'ok' END AS status
FROM budget b FULL OUTER JOIN actual a ON b.dept = a.dept
ORDER BY dept;
