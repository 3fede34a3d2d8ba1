-- Wrong: an index for the one search the demo showed; the others still read the table.
-- Expected failure: still reads the whole car table
CREATE INDEX car_tesla_price_idx ON car (price) WHERE make = 'Tesla';
