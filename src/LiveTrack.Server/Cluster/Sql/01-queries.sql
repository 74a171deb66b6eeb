-- LiveTrack cluster schema, part 1: the table Orleans' ADO.NET providers read their statements from.
-- Every part is idempotent: applied at each start (under an advisory lock), it creates what is missing and
-- replaces LiveTrack's statements with the current text.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);
