-- "Near me" was answered from a B-tree on (latitude, longitude), which bounds the latitude only: a 5 km box read a
-- band of latitude across the whole province (~0.5 s at a million events). A GiST index on the point bounds both and
-- also gives points nearest first (KNN), so a page of the nearest stops early even where 10,000 events lie within
-- the radius. The point is flattened for Guangdong (longitude × cos 23.4°, the province's middle latitude), which
-- keeps plane distances within about 2 % of true ones between 20° and 26° N; the radius itself is checked exactly.
-- Coordinates, start and id are carried so that counts come from the index alone.
CREATE INDEX IF NOT EXISTS event_public_near ON event USING GIST (point(longitude * 0.9177, latitude))
    INCLUDE (latitude, longitude, starts_at, id) WHERE status <> 'DRAFT' AND latitude IS NOT NULL AND longitude IS NOT NULL;
DROP INDEX IF EXISTS event_public_by_place;
