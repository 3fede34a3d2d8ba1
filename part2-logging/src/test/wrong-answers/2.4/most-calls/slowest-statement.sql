-- Wrong: the statement called most often. Expected failure: order by the total time, not the calls
SELECT query FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY calls DESC
LIMIT 1
