-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: DISTINCT ON (dbid) over the whole view ordered by dbid and total_exec_time DESC gives each database's top statement, and the outer filter keeps the current database's.

SELECT top.query
FROM (SELECT DISTINCT ON (s.dbid) s.dbid, s.query
      FROM pg_stat_statements AS s
      ORDER BY s.dbid, s.total_exec_time DESC) AS top
WHERE top.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
