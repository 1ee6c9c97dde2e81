-- Shipping (出荷): the carriers the merchant uses, slip exports, tracking-number imports, and the
-- write-back of shipments to the shop.
create table carrier_setting (
    carrier       varchar(20) primary key,
    enabled       boolean     not null default false,
    is_default    boolean     not null default false,
    customer_code varchar(20)
);
insert into carrier_setting (carrier, enabled, is_default) values
    ('YAMATO', true, true), ('SAGAWA', false, false), ('JAPAN_POST', false, false);

create table slip_export (
    id          bigint generated always as identity primary key,
    carrier     varchar(20)  not null,
    exported_by varchar(100) not null,
    exported_at timestamptz  not null default now(),
    order_count integer      not null,
    row_count   integer      not null
);

create table slip_export_order (
    export_id bigint not null references slip_export (id) on delete cascade,
    order_id  bigint not null,
    primary key (export_id, order_id)
);
create index slip_export_order_order_idx on slip_export_order (order_id);

create table tracking_import (
    id          bigint generated always as identity primary key,
    carrier     varchar(20)  not null,
    file_name   varchar(200) not null,
    imported_by varchar(100) not null,
    imported_at timestamptz  not null default now(),
    line_count  integer      not null,
    applied     integer      not null,
    errors      text
);

-- One shipment to report to the shop: retried until the shop accepts it.
create table write_back (
    id              bigint generated always as identity primary key,
    order_id        bigint       not null,
    delivery_id     integer      not null,
    connection_id   bigint       not null,
    serial_code     varchar(64)  not null,
    carrier         varchar(20)  not null,
    tracking_number varchar(40)  not null,
    shipped_date    date         not null,
    state           varchar(10)  not null default 'PENDING' check (state in ('PENDING', 'DONE', 'OFF')),
    attempts        integer      not null default 0,
    last_error      text,
    updated_at      timestamptz  not null default now(),
    unique (order_id, delivery_id, tracking_number)
);
create index write_back_order_idx on write_back (order_id);
