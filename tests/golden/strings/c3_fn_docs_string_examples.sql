-- the string function examples of the docs: REGEXP_REPLACE, REGEXP_EXTRACT, OVERLAY, LPAD/RPAD shorter than the input, TO_BASE64 (source: Flink docs, System (Built-in) Functions, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/functions/systemfunctions/) [corpus3; expectation from the Flink oracle]
SELECT REGEXP_REPLACE('foobar', 'oo|ar', ''), REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2),
       OVERLAY('This is an old string' PLACING ' new' FROM 10 FOR 5),
       LPAD('hi', 4, '??'), LPAD('hi', 1, '??'), RPAD('hi', 4, '??'), RPAD('hi', 1, '??'),
       TO_BASE64('hello world'), FROM_BASE64('aGVsbG8gd29ybGQ='), INITCAP('hELLO wORLD');
