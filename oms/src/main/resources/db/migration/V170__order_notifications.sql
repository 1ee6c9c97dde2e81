-- Change notifications from the shop (docs/notifications.md).
-- The endpoint the OMS registered at the shop for a connection, and the signing secret the shop gave for it,
-- AES-GCM encrypted with the master key like the API keys.
create table mall_notification (
    connection_id      bigint       primary key references mall_connection (id) on delete cascade,
    endpoint_url       varchar(500) not null,
    remote_endpoint_id varchar(40)  not null,
    secret_enc         text         not null,
    registered_at      timestamptz  not null,
    last_received_at   timestamptz
);

-- Signatures of the notifications accepted within the timestamp window: the same one again is a replay.
create table notification_seen (
    connection_id bigint      not null references mall_connection (id) on delete cascade,
    signature     varchar(80) not null,
    received_at   timestamptz not null,
    primary key (connection_id, signature)
);
create index notification_seen_received on notification_seen (received_at);

-- A notification asked for one more import run of the connection: set by each notification, cleared when a run
-- starts; a run that ends with it set is followed by one more at once (coalescing, on any node).
create table import_rerun (
    connection_id bigint      primary key references mall_connection (id) on delete cascade,
    requested     boolean     not null default false,
    requested_at  timestamptz
);
