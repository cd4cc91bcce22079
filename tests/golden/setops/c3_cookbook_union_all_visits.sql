-- UNION ALL of three visit tables with '' placeholders for missing columns (source: ververica/flink-sql-cookbook other-builtin-functions/02/02_union-all.md ; faker replaced by VALUES views) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW rickandmorty_visits (visitor, location, visit_time) AS VALUES ('Rick', 'Citadel', TIMESTAMP '2024-01-01 10:00:00');
CREATE TEMPORARY VIEW spaceagency_visits (spacecraft, location, visit_time) AS VALUES ('Voyager 1', 'Sirius', TIMESTAMP '2024-01-01 10:00:01'), ('Apollo', 'Vega', TIMESTAMP '2024-01-01 10:00:02');
CREATE TEMPORARY VIEW hitchhiker_visits (visitor, starship, location, visit_time) AS VALUES ('Arthur Dent', 'Heart of Gold', 'Magrathea', TIMESTAMP '2024-01-01 10:00:03');
SELECT visitor, '' AS spacecraft, location, visit_time FROM rickandmorty_visits
UNION ALL
SELECT '' AS visitor, spacecraft, location, visit_time FROM spaceagency_visits
UNION ALL
SELECT visitor, starship AS spacecraft, location, visit_time FROM hitchhiker_visits;
