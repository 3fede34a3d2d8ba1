-- EXERCISE 2.3: fix the slowest statement with an index.
-- BLIND: A B-tree on (make, price, id) written out with USING btree and explicit ASC, matching the WHERE make = ? AND price BETWEEN ... ORDER BY price, id exactly, so the rows come out of the index already sorted.

CREATE INDEX IF NOT EXISTS car_make_price_id_idx ON car USING btree (make ASC, price ASC, id ASC);
