-- Exercise 2.4, the reference solution: this database's entries only (dbid), the largest total execution time first.
SELECT query
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time DESC
LIMIT 1
