-- INNER JOIN of code names to real names on a key with several matches each side (source: ververica/flink-sql-cookbook joins/01/01_regular_joins.md ; faker replaced by VALUES views, ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW NOC (agent_id, codename) AS VALUES ('1', 'Falcon'), ('2', 'Ghost'), ('1', 'Raven'), ('4', 'Echo');
CREATE TEMPORARY VIEW RealNames (agent_id, name) AS VALUES ('1', 'Ann Smith'), ('2', 'Bo Li'), ('3', 'Cy Tan'), ('1', 'Al Smith');
SELECT
    name,
    codename
FROM NOC
INNER JOIN RealNames ON NOC.agent_id = RealNames.agent_id
ORDER BY name, codename;
