-- Order import: per connection a watermark and a lease, a history of runs, and quarantined orders.

create table import_state (
    connection_id bigint      primary key,
    watermark     timestamptz,
    lease_until   timestamptz,
    leased_by     varchar(100),
    suspended     boolean     not null default false
);

create table import_run (
    id            bigint generated always as identity primary key,
    connection_id bigint       not null,
    trigger       varchar(10)  not null,
    started_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    since         timestamptz  not null,
    status        varchar(10)  not null default 'RUNNING',
    total_count   bigint,
    fetched       integer      not null default 0,
    created       integer      not null default 0,
    updated       integer      not null default 0,
    unchanged     integer      not null default 0,
    quarantined   integer      not null default 0,
    error         text
);

create index import_run_connection_idx on import_run (connection_id, started_at desc);

create table quarantined_order (
    id            bigint generated always as identity primary key,
    connection_id bigint       not null,
    order_key     varchar(100) not null,
    payload       text         not null,
    reason        text         not null,
    window_since  timestamptz  not null,
    first_seen    timestamptz  not null default now(),
    last_seen     timestamptz  not null default now(),
    attempts      integer      not null default 1,
    resolved_at   timestamptz,
    constraint quarantined_once unique (connection_id, order_key)
);
