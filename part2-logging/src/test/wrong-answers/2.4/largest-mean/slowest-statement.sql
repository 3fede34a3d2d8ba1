-- Wrong: the slowest single call on average. Expected failure: the total adds up every call
SELECT query FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY mean_exec_time DESC
LIMIT 1
