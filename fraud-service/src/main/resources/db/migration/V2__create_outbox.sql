-- Events of recorded decisions, written in the same statement as their decision and deleted once Kafka
-- has them (docs/adr/0011). Usually empty: rows live for milliseconds unless Kafka is unreachable.
create table fraud_outbox (
    id          bigserial   primary key,
    topic       varchar(255) not null,
    event_key   varchar(255) not null,
    event_value bytea        not null,
    traceparent varchar(64),
    created_at  timestamp(6) with time zone not null default now()
);
