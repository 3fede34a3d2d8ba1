-- EXERCISE 2.3: fix the slowest statement with an index.
-- BLIND: A (make, price) index with make COLLATE "C" 'for faster text comparison'; it looks like the reference index, but its collation differs from the column's, so the planner cannot use it for make = ? and a checker that compares the index columns by name is fooled.
-- Expected failure: to find them; an index that fits the search reads about one

CREATE INDEX car_make_c_price_idx ON car (make COLLATE "C", price);
