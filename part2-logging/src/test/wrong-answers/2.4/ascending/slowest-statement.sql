-- Wrong: ORDER BY without DESC finds the quickest. Expected failure: not one of this database
SELECT query FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time
LIMIT 1
