-- Every quote a rider was shown, written before the answer leaves the service and never updated.
create table quote (
    id                  uuid primary key,
    rider_id            varchar(255)     not null,
    product             varchar(255)     not null,
    pickup_lat          double precision not null,
    pickup_lon          double precision not null,
    dropoff_lat         double precision not null,
    dropoff_lon         double precision not null,
    pickup_cell         varchar(255)     not null,
    distance_meters     bigint           not null,
    duration_seconds    bigint           not null,
    surge_multiplier    double precision not null,
    surge_source        varchar(255)     not null,
    model_version       varchar(255),
    degraded            boolean          not null,
    base_fare_minor     bigint           not null,
    distance_fare_minor bigint           not null,
    time_fare_minor     bigint           not null,
    surge_amount_minor  bigint           not null,
    total_fare_minor    bigint           not null,
    currency            varchar(255)     not null,
    created_at          timestamp(6) with time zone not null,
    expires_at          timestamp(6) with time zone not null
);

-- Demand analysis reads quotes per cell over time windows.
create index quote_pickup_cell_created_at on quote (pickup_cell, created_at);
