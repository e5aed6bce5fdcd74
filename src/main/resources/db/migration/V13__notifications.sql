-- Linli schema, part 13: residents' notifications (an outbox). Each row is written in the transaction of its cause
-- (a booking confirmed, a feedback answered, a service record awaiting confirmation …) and announced with
-- pg_notify, so subscribers on every instance get it once it commits. The texts are rendered from i18n keys when
-- read: a row holds the kind and what the resident already knows (service title, slot time), nothing else.
-- The optional webhook push (linli.notify.webhook-url) works off the same rows: push_status PENDING rows are
-- claimed with FOR UPDATE SKIP LOCKED, the earliest pending row of a resident first, retried with backoff.

CREATE TABLE notification (
    id               bigserial PRIMARY KEY,
    resident_subject text        NOT NULL,
    kind             text        NOT NULL,
    entity_type      text        NOT NULL,
    entity_id        bigint      NOT NULL,
    params           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    read_at          timestamptz,
    -- OFF: no webhook configured when written; PENDING: to be pushed; DELIVERED: the receiver answered 2xx
    push_status      text        NOT NULL DEFAULT 'OFF' CHECK (push_status IN ('OFF', 'PENDING', 'DELIVERED')),
    push_attempts    integer     NOT NULL DEFAULT 0,
    push_next_at     timestamptz NOT NULL DEFAULT now(),
    pushed_at        timestamptz
);
CREATE INDEX notification_resident_idx ON notification (resident_subject, id);
CREATE INDEX notification_unread_idx ON notification (resident_subject, id) WHERE read_at IS NULL;
CREATE INDEX notification_push_idx ON notification (resident_subject, id) WHERE push_status = 'PENDING';
-- a reminder is written once per booking, whichever instance's job writes it
CREATE UNIQUE INDEX notification_reminder_once_idx ON notification (entity_type, entity_id, kind)
    WHERE kind = 'BOOKING_REMINDER';
