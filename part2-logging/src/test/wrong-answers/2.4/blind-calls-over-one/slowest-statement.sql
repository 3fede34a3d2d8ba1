-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: The right dbid filter and ORDER BY total_exec_time DESC, but with calls > 1 to 'skip one-off noise' (DDL, the extension's own set-up); a checker whose top statement is called many times accepts it, but a statement called once that took the most time in total is skipped.
-- Expected failure: That statement was called several times and added up to less than

SELECT query
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND calls > 1
ORDER BY total_exec_time DESC
LIMIT 1
