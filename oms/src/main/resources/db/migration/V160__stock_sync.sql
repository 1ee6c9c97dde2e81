-- Stock sync (在庫連携): what each listing pushes to its shop, the outbox of listings to push, each shop's sync
-- state, and the runs of the full comparison.

-- Per listing: the rule (no row = the defaults: on, 100 %, no reserve, no limit, floor 0) and the last push
create table listing_sync (
    listing_id      bigint primary key references listing (id) on delete cascade,
    enabled         boolean not null default true,
    share_percent   integer not null default 100 check (share_percent between 0 and 100),
    reserve         integer not null default 0 check (reserve between 0 and 999999),
    upper_limit     integer check (upper_limit between 0 and 999999),
    floor_quantity  integer not null default 0 check (floor_quantity between 0 and 999999),
    pushed_quantity integer,
    pushed_at       timestamptz,
    last_error      varchar(500),
    last_error_at   timestamptz
);

-- The outbox: listings whose free stock changed since their last push. A change marks the row in the transaction
-- that changed the stock; the worker deletes it only if no change came after it read it (generation).
create table stock_sync_outbox (
    listing_id    bigint primary key references listing (id) on delete cascade,
    connection_id bigint not null references mall_connection (id) on delete cascade,
    generation    bigint not null default 1,
    marked_at     timestamptz not null default now()
);

create index stock_sync_outbox_connection_idx on stock_sync_outbox (connection_id, marked_at);

-- Per shop: confirmed for pushing (the first push waits for the merchant's confirmation), stopped on a refused key,
-- waiting after a 429 / 5xx
create table stock_sync_shop (
    connection_id   bigint primary key references mall_connection (id) on delete cascade,
    confirmed_at    timestamptz,
    confirmed_by    varchar(100),
    stopped_message varchar(500),
    failures        integer not null default 0,
    wait_until      timestamptz,
    last_error      varchar(500),
    last_error_at   timestamptz
);

-- A full comparison (照合) of a shop: what was checked, how many differed and were corrected
create table stock_sync_comparison (
    id            bigint generated always as identity primary key,
    connection_id bigint not null references mall_connection (id) on delete cascade,
    started_at    timestamptz not null default now(),
    finished_at   timestamptz,
    trigger       varchar(10) not null check (trigger in ('DAILY', 'MANUAL')),
    checked       integer not null default 0,
    differing     integer not null default 0,
    corrected     integer not null default 0,
    failed        integer not null default 0,
    message       varchar(500)
);

create index stock_sync_comparison_connection_idx on stock_sync_comparison (connection_id, started_at desc);

-- The differences a comparison found (the first 500 of a run)
create table stock_sync_difference (
    comparison_id  bigint  not null references stock_sync_comparison (id) on delete cascade,
    listing_id     bigint  not null references listing (id) on delete cascade,
    shop_quantity  integer,
    oms_quantity   integer not null,
    corrected      boolean not null,
    primary key (comparison_id, listing_id)
);
