-- Wrong: the text the demo printed, pasted in. Expected failure: the query named
SELECT 'SELECT id, dealership_id, make, model, year, price, is_sold FROM car WHERE make = $1 AND price BETWEEN $2 AND $3 ORDER BY price, id' AS query
