-- EXERCISE 4: find the slowest statement with pg_stat_statements.
--
-- Write one SELECT that returns one row with one column, query: the text of the statement that took the most
-- execution time in total, in the CURRENT database. The server shares pg_stat_statements between all its databases
-- (other applications' statements are in it too); and "slowest in total" is not the same as "called most often".
-- The test runs a workload (lookups by id, searches by make and price), then your query.
--
-- Hint: lesson 5. Which column of pg_stat_statements names the database, and how do you get the current one's?
-- Which column holds the total time? (On a server without pg_stat_statements the test is skipped and says why.)
--
-- Check: ./mvnw -Pexercises -pl part2-logging -am verify

-- TODO exercise 4: the slowest statement of this database.
SELECT NULL::text AS query
