-- Exercise 2.3, another correct answer: the range column first. The index finds the price band, checks the make in
-- the index itself, and visits only the matching cars in the table: more index entries read than with the make
-- first, but still about one table page per car returned.
CREATE INDEX car_price_make_idx ON car (price, make);
