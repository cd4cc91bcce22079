-- json with a nested ROW column (profile with an inner address ROW), a string-typed number and a missing field
CREATE TABLE users (id INT, profile ROW<name STRING, age INT, address ROW<city STRING, zip STRING>>, scores ARRAY<INT>, active BOOLEAN, joined DATE)
  WITH ('connector' = 'filesystem', 'path' = 'shop_users_nested.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT, city STRING, zip STRING, n_scores INT, active BOOLEAN, joined DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, profile.name, profile.age, profile.address.city, profile.address.zip, CARDINALITY(scores), active, joined FROM users ORDER BY id;
