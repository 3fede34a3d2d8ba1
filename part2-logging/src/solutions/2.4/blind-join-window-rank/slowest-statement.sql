-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: Joins pg_stat_statements to pg_database on dbid for the current database and keeps the statement ranked first by a row_number() window over total_exec_time DESC.

SELECT ranked.query
FROM (SELECT s.query,
             row_number() OVER (ORDER BY s.total_exec_time DESC, s.queryid) AS place
      FROM pg_stat_statements AS s
           JOIN pg_database AS d ON d.oid = s.dbid
      WHERE d.datname = current_database()) AS ranked
WHERE ranked.place = 1
