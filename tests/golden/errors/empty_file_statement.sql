-- a file with only comments is accepted
-- nothing here
/* nor here */
