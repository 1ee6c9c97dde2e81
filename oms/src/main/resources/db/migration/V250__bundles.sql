-- 同梱 (shipping a buyer's orders together): the groups of orders found to ship together — candidates until a
-- person (or a rule) merges them or declines. The finder reads the buyer's open orders through this index and
-- compares them in full (the normalised buyer, destination, carrier, date and slot, zone, gift, payment).
create index oms_order_open_buyer_idx on oms_order (connection_id, (coalesce(lower(buyer_email), '')))
    where workflow_status not in ('PRINTED', 'SHIPPED', 'CANCELLED');

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

-- Whether the import looks for candidates (取込時に同梱候補を探す): off on a fresh OMS, as automatic processing is.
create table bundle_setting (
    id             integer primary key check (id = 1),
    find_on_import boolean not null default false
);
insert into bundle_setting (id) values (1);
