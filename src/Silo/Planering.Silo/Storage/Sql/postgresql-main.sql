-- Planering on PostgreSQL, part 1 of 3: the table Orleans' ADO.NET providers read their SQL from.
--
-- Every ADO.NET provider (grain storage, clustering) starts by running `SELECT QueryKey, QueryText FROM OrleansQuery`
-- and then only ever executes the text it found under its keys. That statement is fixed inside Orleans, so this one
-- table and its two columns keep Orleans' names; everything the queries touch is Planering's own.
--
-- The three postgresql-*.sql scripts are idempotent and run at every silo start (inside one transaction, under an
-- advisory lock, see PostgreSqlSchema.cs). By hand: `psql -1 -v ON_ERROR_STOP=1 -f postgresql-main.sql -f ...`.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
