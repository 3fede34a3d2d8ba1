-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: Orders this database's statements by total_exec_time / calls, i.e. the mean ('time per call is what matters'); a checker accepts it whenever the largest total also has the largest mean.
-- Expected failure: That statement had the single longest call, the largest mean: the total

SELECT query
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time / calls DESC
LIMIT 1
