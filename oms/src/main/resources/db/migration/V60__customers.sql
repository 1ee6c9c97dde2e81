-- 顧客管理: one customer across orders and shops. The *_key columns are the normalized match keys
-- (e-mail lower-cased and trimmed, phone digits only, name without spaces), written by the application.
create table customer (
    id               bigint generated always as identity primary key,
    name             varchar(200) not null,
    kana             varchar(200),
    email            varchar(254),
    phone            varchar(30),
    postal_code      varchar(10),
    prefecture       varchar(10),
    address          varchar(800),
    blacklisted      boolean      not null default false,
    blacklist_reason text,
    note             text,
    -- 名寄せ: a merged-away customer points at the survivor; orders matching it are linked to the survivor
    merged_into      bigint       references customer (id),
    email_key        varchar(254),
    phone_key        varchar(30),
    name_key         varchar(200) not null,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

-- merged-away customers are looked up too: their keys lead to the survivor
create index customer_email_key_idx on customer (email_key);
create index customer_phone_name_key_idx on customer (phone_key, name_key);
create index customer_merged_into_idx on customer (merged_into);

-- The orders linked to each customer, with what the customer pages need copied from the order, so counts,
-- totals and history never read the orders module's tables. One row per order.
create table customer_order (
    order_id      bigint       primary key,
    customer_id   bigint       not null references customer (id),
    connection_id bigint       not null,
    order_number  varchar(64)  not null,
    ordered_at    timestamptz  not null,
    total         bigint       not null,
    cancelled     boolean      not null default false,
    linked_at     timestamptz  not null default now()
);

create index customer_order_customer_idx on customer_order (customer_id, ordered_at desc);
