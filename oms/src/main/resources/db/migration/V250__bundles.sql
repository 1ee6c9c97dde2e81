-- 同梱 (shipping a buyer's orders together): each open order's match key (the normalised buyer, destination,
-- carrier, desired date and slot, temperature zone, gift options and payment method), and the groups of orders
-- found to match — candidates until a person (or a rule) merges them or declines.
create table bundle_key (
    order_id      bigint   not null primary key references oms_order (id) on delete cascade,
    connection_id bigint   not null,
    match_key     char(64) not null
);
create index bundle_key_match_idx on bundle_key (connection_id, match_key);

create table bundle (
    id            bigint generated always as identity primary key,
    connection_id bigint       not null,
    state         varchar(10)  not null check (state in ('CANDIDATE', 'MERGED', 'DECLINED')),
    found_at      timestamptz  not null default now(),
    decided_by    varchar(100),
    decided_at    timestamptz
);
create index bundle_open_idx on bundle (state) where state in ('CANDIDATE', 'MERGED');

-- An order is in at most one open (candidate or merged) group; a declined group keeps its orders as history.
create table bundle_order (
    bundle_id bigint  not null references bundle (id) on delete cascade,
    order_id  bigint  not null references oms_order (id) on delete cascade,
    open      boolean not null default true,
    primary key (bundle_id, order_id)
);
create unique index bundle_order_one_open_idx on bundle_order (order_id) where open;

-- Whether the import looks for candidates (off on a fresh OMS, as automatic processing is; the demo turns it on once).
create table bundle_setting (
    id             integer primary key check (id = 1),
    find_on_import boolean not null default false,
    demo_applied   boolean not null default false
);
insert into bundle_setting (id) values (1);
