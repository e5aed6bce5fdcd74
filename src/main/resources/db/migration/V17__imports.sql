-- Linli schema, part 17: organizations imported from a 民政局's spreadsheet have no coordinates (geocoding is not
-- available offline): they take their region's centroid and say so until the organization sets its own point.
ALTER TABLE organization ADD COLUMN approximate_location boolean NOT NULL DEFAULT false;
