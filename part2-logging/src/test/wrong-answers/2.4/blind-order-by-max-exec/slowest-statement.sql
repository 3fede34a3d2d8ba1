-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: Orders this database's statements by max_exec_time DESC ('the slowest statement'); it names the statement with the slowest single call, which a checker accepts whenever that one also has the largest total.
-- Expected failure: That statement had the single longest call, the largest mean: the total

SELECT query
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY max_exec_time DESC
LIMIT 1
