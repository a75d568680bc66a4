-- Every fraud decision the gateway was given, written before the answer leaves the service. The
-- transaction id is the idempotency key: a retry finds its row and gets the same answer. Only the
-- review columns change afterwards.
create table fraud_decision (
    transaction_id   varchar(128)     primary key,
    -- SHA-256 (hex) of the canonical request: a retry with another payload under the same id is refused.
    payload_sha256   varchar(64)      not null,
    card_fingerprint varchar(128)     not null,
    user_id          varchar(128)     not null,
    device_id        varchar(128)     not null,
    amount_minor     bigint           not null,
    currency         varchar(3)       not null,
    lat              double precision not null,
    lon              double precision not null,
    merchant_id      varchar(128),
    trip_id          varchar(128),
    event_time       timestamp(6) with time zone not null,
    decision         varchar(16)      not null,
    -- Null when no model ran (degraded).
    score            double precision,
    -- JSON array of {code, detail}, in the order the caller saw them.
    reasons          varchar          not null,
    -- JSON object feature name -> value (null for a missing value) the decision was based on; null without features.
    features         varchar,
    model_version    varchar(64),
    degraded         boolean          not null,
    decided_at       timestamp(6) with time zone not null,
    -- NONE for decisions that need no review; OPEN, TAKEN, LABELED for REVIEW decisions.
    review_state     varchar(16)      not null,
    assigned_to      varchar(128),
    taken_at         timestamp(6) with time zone,
    label            varchar(16),
    pattern          varchar(32),
    labeled_at       timestamp(6) with time zone
);

-- The review queue: open and taken reviews, oldest first.
create index fraud_decision_review_queue on fraud_decision (review_state, decided_at) where review_state <> 'NONE';
