-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: Filters on userid = the current role instead of dbid ('my application's statements'); on a server where the busy neighbour database runs as another role a checker accepts it, but the same role's statements in every database are mixed in.
-- Expected failure: That is a statement of another database on this server: the view

SELECT query
FROM pg_stat_statements
WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = current_user)
ORDER BY total_exec_time DESC
LIMIT 1
