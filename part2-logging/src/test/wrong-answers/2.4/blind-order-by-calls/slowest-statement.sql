-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: Orders this database's statements by calls DESC ('the hot statement'); a checker whose workload happens to make the most-called statement also the largest total accepts it, but most calls is not most time.
-- Expected failure: That statement was called most often, each call quick: order by the

SELECT query
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY calls DESC
LIMIT 1
