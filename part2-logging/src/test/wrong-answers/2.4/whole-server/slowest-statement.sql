-- Wrong: every database's statements. Expected failure: a statement of another database
SELECT query FROM pg_stat_statements
ORDER BY total_exec_time DESC
LIMIT 1
