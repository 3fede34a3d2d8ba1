-- EXERCISE 2.3: fix the slowest statement with an index.
-- BLIND: One index on car(make), the equality column, as 'the selective part'; a checker that only looks for an Index/Bitmap scan node accepts it, but one make is an eighth of the table, so the scan touches most of the table's pages (or the planner keeps the Seq Scan).
-- Expected failure: to find them; an index that fits the search reads about one

CREATE INDEX car_make_idx ON car (make);
