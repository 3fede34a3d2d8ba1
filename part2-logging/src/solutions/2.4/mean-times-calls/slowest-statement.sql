-- Exercise 2.4, another correct answer: the total computed from the mean and the number of calls, the database
-- found through a scalar subquery in a CTE.
WITH here AS (SELECT oid FROM pg_database WHERE datname = current_database())
SELECT s.query AS query
FROM pg_stat_statements s, here
WHERE s.dbid = here.oid
ORDER BY s.mean_exec_time * s.calls DESC
FETCH FIRST 1 ROW ONLY;
