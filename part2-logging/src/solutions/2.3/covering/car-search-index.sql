-- Exercise 2.3, another correct answer: the same lookup order, and every other column the search returns stored in
-- the index too (INCLUDE), so that PostgreSQL can answer from the index alone once the table is vacuumed.
CREATE INDEX car_make_price_covering_idx ON car (make, price) INCLUDE (id, dealership_id, model, year, is_sold);
