// Merge places by id; coordinates from the latest load win. location is a WGS-84 point (point index
// place_location) where the coordinates are valid, for distance and bounding-box queries.
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p.name = row.name, p.lat = row.lat, p.lon = row.lon, p.country = row.country, p.kind = row.kind,
    p.precision = row.precision, p.admin1 = row.admin1, p.admin2 = row.admin2,
    p.location = CASE
      WHEN row.lat >= -90.0 AND row.lat <= 90.0 AND row.lon >= -180.0 AND row.lon <= 180.0
        THEN point({latitude: row.lat, longitude: row.lon})
    END
