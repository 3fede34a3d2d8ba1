-- Wrong: total_time, the column's name before PostgreSQL 13. Expected failure: PostgreSQL refused the query
SELECT query FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_time DESC
LIMIT 1
