-- EXERCISE 2.4: find the slowest statement with pg_stat_statements.
-- BLIND: Sums total_exec_time per query text over the whole view, without any dbid filter, and takes the largest; on a server running nothing else a checker accepts it, but another database's heavy statements (or the same text there) outweigh this database's.
-- Expected failure: That is a statement of another database on this server: the view

SELECT query
FROM (SELECT query, sum(total_exec_time) AS total
      FROM pg_stat_statements
      GROUP BY query) AS per_text
ORDER BY total DESC
LIMIT 1
