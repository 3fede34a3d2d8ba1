-- Wrong: every statement, slowest first, instead of the slowest. Expected failure: the query returned
SELECT query FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time DESC
