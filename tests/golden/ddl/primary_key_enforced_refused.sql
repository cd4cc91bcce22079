-- PRIMARY KEY without NOT ENFORCED is refused
CREATE TABLE people (id INT, name STRING, PRIMARY KEY (id))
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
