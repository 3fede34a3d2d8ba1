-- Another correct answer to exercise 3: the price alone is selective enough here (a band of 1,000 in 60,000), so
-- PostgreSQL reads the matching prices from this index and checks the make in the rows it fetches.
CREATE INDEX car_price_idx ON car (price);
