-- EXERCISE 2.3: fix the slowest statement with an index.
-- BLIND: The (make, price) B-tree with every other selected column in INCLUDE, so the equality-then-range lookup reads only matching entries and can even become an index-only scan (PostgreSQL 11+).

CREATE INDEX car_make_price_covering_idx ON car (make, price) INCLUDE (id, dealership_id, model, year, is_sold);
