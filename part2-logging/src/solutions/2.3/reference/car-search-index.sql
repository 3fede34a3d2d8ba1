-- Exercise 2.3, the reference solution. The equality column first, the range column second: the index finds the first
-- Tesla priced 60,000 and reads on to 61,000, touching only the entries the search returns.
CREATE INDEX car_make_price_idx ON car (make, price);
