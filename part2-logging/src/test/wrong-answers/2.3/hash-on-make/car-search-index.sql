-- Wrong: a hash index answers the make, never the price range. Expected failure: touched
CREATE INDEX car_make_hash_idx ON car USING hash (make);
