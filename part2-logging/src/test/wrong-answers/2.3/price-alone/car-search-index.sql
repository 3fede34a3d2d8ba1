-- Wrong: the price band alone matches every make's cars in it, spread over most pages.
-- Expected failure: touched
CREATE INDEX car_price_idx ON car (price);
