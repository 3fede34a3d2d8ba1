-- EXERCISE 2.3: fix the slowest statement with an index.
-- BLIND: A B-tree on (price, make): the range column first, with make checked inside the index scan, so only the band's entries are read and only the matching make's rows are fetched from the table.

CREATE INDEX car_price_make_idx ON car (price, make);
