// Merge places by id; coordinates from the latest load win.
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p.name = row.name, p.lat = row.lat, p.lon = row.lon, p.country = row.country, p.kind = row.kind,
    p.precision = row.precision, p.admin1 = row.admin1, p.admin2 = row.admin2
