-- Change notifications (docs/notifications.md): the endpoints a shop registers, the outbox written in the
-- same transaction as the order change, and the delivery log shown per endpoint in the admin.
create table notification_endpoint (
    id                   bigint generated always as identity primary key,
    shop_id              varchar(20)   not null references shop (shop_id) on delete cascade,
    url                  varchar(500)  not null,
    events               varchar(20)[] not null,
    -- the signing secret, AES-256-GCM encrypted with the shop server's notification key; shown once
    secret_enc           varchar(200)  not null,
    secret_prefix        varchar(8)    not null,
    status               varchar(10)   not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED')),
    consecutive_failures integer       not null default 0,
    paused_at            timestamptz,
    paused_reason        varchar(300),
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null
);
-- registering a URL again replaces its events and secret (the OMS does so whenever its connection is saved)
create unique index notification_endpoint_url on notification_endpoint (shop_id, url);

create table notification_outbox (
    id              bigint generated always as identity primary key,
    endpoint_id     bigint       not null references notification_endpoint (id) on delete cascade,
    shop_id         varchar(20)  not null,
    serial_code     varchar(20)  not null,
    event           varchar(20)  not null,
    updated_at      timestamptz  not null,
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    delivered_at    timestamptz,
    given_up_at     timestamptz
);
-- what the dispatcher looks for: messages neither delivered nor given up, by due time
create index notification_outbox_due on notification_outbox (next_attempt_at)
    where delivered_at is null and given_up_at is null;
create index notification_outbox_endpoint on notification_outbox (endpoint_id, id);

create table notification_delivery (
    id          bigint generated always as identity primary key,
    endpoint_id bigint       not null references notification_endpoint (id) on delete cascade,
    outbox_id   bigint       not null,
    serial_code varchar(20)  not null,
    event       varchar(20)  not null,
    attempt     integer      not null,
    attempted_at timestamptz not null,
    status_code integer,
    succeeded   boolean      not null,
    error       varchar(300),
    duration_ms integer      not null
);
create index notification_delivery_endpoint on notification_delivery (endpoint_id, id desc);
