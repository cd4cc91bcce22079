-- keywords and unquoted identifiers are case-insensitive
create temporary table OUT1 (Id int, Name string) with ('connector' = 'print');
insert into out1 select ID, upper(NAME) from (values (1, 'ann')) as T(id, name);
