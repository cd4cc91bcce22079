-- deterministic A/B bucket from a hash: MOD of HASH_CODE-like expression using ASCII of MD5
CREATE TEMPORARY VIEW u (uid) AS VALUES ('u1'), ('u2'), ('u3'), ('u4');
CREATE TEMPORARY TABLE out1 (uid STRING, md5 STRING, bucket INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT uid, MD5(uid), MOD(ASCII(MD5(uid)), 2) FROM u;
