-- Exercise 2.4, another correct answer: one text can have several entries (one per role, say); their totals added
-- up per text.
SELECT query
FROM pg_stat_statements
WHERE dbid IN (SELECT oid FROM pg_database WHERE datname = current_database())
GROUP BY query
ORDER BY sum(total_exec_time) DESC
LIMIT 1
