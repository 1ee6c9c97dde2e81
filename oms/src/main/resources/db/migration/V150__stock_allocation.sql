-- Allocation (引当): the stock module's settings, each order's allocation state, what each order line holds,
-- and the nightly check of the totals against the ledger.

-- One row: when orders are allocated, and what counts as low stock on the stock list
create table stock_setting (
    id                  integer     primary key default 1 check (id = 1),
    allocation_timing   varchar(20) not null default 'ON_IMPORT'
                        check (allocation_timing in ('ON_IMPORT', 'AFTER_CONFIRMATION')),
    low_stock_threshold integer     not null default 5 check (low_stock_threshold between 0 and 99999),
    updated_at          timestamptz not null default now(),
    updated_by          varchar(100)
);
insert into stock_setting (id) values (1);

-- An order's allocation: PENDING (to allocate), ALLOCATED (every shipment), SHORT (a shipment waits for stock),
-- SHIPPED (on hand lowered), RELEASED (cancelled). No foreign key to the order: when orders are deleted the
-- deleting transaction releases what they held from these rows, then removes them.
create table order_allocation (
    order_id      bigint      primary key,
    state         varchar(10) not null check (state in ('PENDING', 'ALLOCATED', 'SHORT', 'SHIPPED', 'RELEASED')),
    -- where the order goes once its stock is allocated, when it waits in 引当待ち
    resume_status varchar(30),
    ordered_at    timestamptz not null,
    updated_at    timestamptz not null default now()
);

create index order_allocation_waiting_idx on order_allocation (ordered_at, order_id) where state in ('PENDING', 'SHORT');

-- What one order line takes of each SKU (a set: its components), and whether it is allocated.
-- Unmapped lines and SKUs not stock-managed have no row.
create table order_allocation_line (
    order_id    bigint  not null,
    delivery_id integer not null,
    line_no     integer not null,
    product_id  bigint  not null references product (id),
    quantity    integer not null check (quantity > 0),
    allocated   boolean not null default false,
    primary key (order_id, delivery_id, line_no, product_id)
);

create index order_allocation_line_short_idx on order_allocation_line (product_id) where not allocated;

-- The nightly check: the totals recomputed from the ledger; differences > 0 raises the alert
create table stock_check (
    id          bigint      generated always as identity primary key,
    checked_at  timestamptz not null default now(),
    skus        integer     not null,
    differences integer     not null,
    detail      text        not null default ''
);
