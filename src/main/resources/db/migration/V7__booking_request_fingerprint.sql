-- Linli schema, part 7: what a booking request asked for, so that an idempotency key reused for a different
-- request is refused instead of silently answered with the first booking.

-- Lower-case hexadecimal SHA-256 of the request's canonical form (service, slot, for whom, beneficiary, phone,
-- note; see booking.BookingRequest). NULL for bookings made before this column existed: for those the service
-- recomputes it from the booking's own columns, which hold the same normalized values.
ALTER TABLE booking ADD COLUMN request_fingerprint text;

-- The cap on live bookings per resident, listing and day counts these rows.
CREATE INDEX booking_resident_listing_live_idx ON booking (resident_subject, listing_id, slot_start)
    WHERE status IN ('REQUESTED', 'CONFIRMED');

-- The key of residents' pseudonyms in the audit trail as organizations read it (audit.AuditPseudonyms): random,
-- made once per database, so that every instance derives the same pseudonyms and nobody can check a guess.
-- LINLI_AUDIT_PSEUDONYM_KEY, when set, takes its place.
CREATE TABLE audit_pseudonym_key (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    secret text NOT NULL
);
INSERT INTO audit_pseudonym_key (secret)
VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
