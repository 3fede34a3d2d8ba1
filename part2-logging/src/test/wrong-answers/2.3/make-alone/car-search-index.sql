-- Wrong: the make alone still matches an eighth of the table, spread over every page.
-- Expected failure: touched
CREATE INDEX car_make_idx ON car (make);
