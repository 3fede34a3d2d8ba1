-- Exercise 2.4, another correct answer: the same filter as a join on pg_database, and the top entry by a window
-- function.
SELECT query
FROM (SELECT s.query, rank() OVER (ORDER BY s.total_exec_time DESC) AS position
      FROM pg_stat_statements s
           JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = current_database()) ranked
WHERE position = 1
