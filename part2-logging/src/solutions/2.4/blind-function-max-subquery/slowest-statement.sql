-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: Calls the pg_stat_statements(true) function directly, keeps the current database's rows whose total_exec_time equals that database's maximum, and returns one of them with FETCH FIRST 1 ROW ONLY.

WITH here AS (
    SELECT s.query, s.total_exec_time
    FROM pg_stat_statements(true) AS s
    WHERE s.dbid = (SELECT d.oid FROM pg_database AS d WHERE d.datname = current_database())
)
SELECT here.query AS query
FROM here
WHERE here.total_exec_time = (SELECT max(total_exec_time) FROM here)
FETCH FIRST 1 ROW ONLY
