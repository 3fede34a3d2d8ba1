-- EXERCISE 2.3: fix the slowest statement with an index.
-- BLIND: A partial (make, price) index WHERE NOT is_sold, 'because buyers only search for unsold cars'; a checker that only checks the index exists and is valid accepts it, but the search has no is_sold condition, so the planner cannot use the index and keeps the Seq Scan.
-- Expected failure: An index helps only if the planner can look the search up

CREATE INDEX car_make_price_unsold_idx ON car (make, price) WHERE NOT is_sold;
