-- Wrong: a column the search does not compare. Expected failure: still reads the whole car table
CREATE INDEX car_is_sold_idx ON car (is_sold);
