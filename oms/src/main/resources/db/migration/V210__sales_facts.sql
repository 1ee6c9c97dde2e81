-- 売上データ: facts kept from the orders by the order events (module sales). One row per order and one per order
-- line, with the dimensions the reports group by; and a daily rollup per basis (which date counts), shop and
-- workflow status, kept as append-only deltas (as workflow_status_tally, V70) that a scheduled task folds, so that
-- imports on several nodes never wait on one row. No foreign keys to the orders: the facts follow them by events,
-- and a deletion removes both in one transaction (OrdersDeleted is synchronous).

create table sales_order (
    order_id        bigint       primary key,
    connection_id   bigint       not null,
    ordered_on      date         not null,
    ordered_hour    smallint     not null,
    shipped_on      date,
    -- the day the OMS first saw the order paid (the shop's API gives no payment date)
    paid_on         date,
    workflow_status varchar(30)  not null,
    prefecture      varchar(10)  not null default '',
    payment_method  varchar(30)  not null,
    carrier         varchar(20)  not null default '',
    shipments       integer      not null,
    units           integer      not null,
    sales_incl      bigint       not null,
    sales_excl      bigint       not null,
    tax_10          bigint       not null,
    tax_8           bigint       not null,
    shipping        bigint       not null,
    cod_fee         bigint       not null,
    discount        bigint       not null,
    points          bigint       not null,
    cost            bigint       not null,
    refreshed_at    timestamptz  not null default now()
);

create index sales_order_ordered_idx on sales_order (ordered_on);
create index sales_order_shipped_idx on sales_order (shipped_on) where shipped_on is not null;
create index sales_order_paid_idx on sales_order (paid_on) where paid_on is not null;

create table sales_line (
    order_id        bigint       not null,
    item_id         bigint       not null,
    connection_id   bigint       not null,
    ordered_on      date         not null,
    shipped_on      date,
    paid_on         date,
    workflow_status varchar(30)  not null,
    item_code       varchar(100) not null,
    variation       varchar(200) not null default '',
    name            varchar(400) not null,
    -- the SKU or set the shop's item is (商品対応表); null when the item is not mapped
    product_id      bigint,
    product_code    varchar(30),
    product_kind    varchar(3),
    units           integer      not null,
    amount_incl     bigint       not null,
    amount_excl     bigint       not null,
    tax_rate        integer      not null,
    -- the product master's cost price × units (sets: their components'); null when unknown
    cost            bigint,
    primary key (order_id, item_id)
);

create index sales_line_ordered_idx on sales_line (ordered_on);
create index sales_line_shipped_idx on sales_line (shipped_on) where shipped_on is not null;
create index sales_line_paid_idx on sales_line (paid_on) where paid_on is not null;

-- basis: O = order date, S = shipping date, P = payment date
create table sales_day (
    basis           char(1)      not null check (basis in ('O', 'S', 'P')),
    day             date         not null,
    connection_id   bigint       not null,
    workflow_status varchar(30)  not null,
    orders          bigint       not null,
    units           bigint       not null,
    sales_incl      bigint       not null,
    sales_excl      bigint       not null,
    tax_10          bigint       not null,
    tax_8           bigint       not null,
    shipping        bigint       not null,
    cod_fee         bigint       not null,
    discount        bigint       not null,
    points          bigint       not null,
    cost            bigint       not null
);

create index sales_day_idx on sales_day (basis, day);

-- 目標: the merchant's goal per shop and month
create table sales_goal (
    connection_id bigint  not null references mall_connection (id) on delete cascade,
    month         date    not null check (extract(day from month) = 1),
    amount        bigint  not null check (amount between 0 and 99999999999),
    primary key (connection_id, month)
);

-- 収支: each shop's fees (the mall's monthly fixed fee, a share of sales, a fee per order)
create table sales_shop_fee (
    connection_id bigint  primary key references mall_connection (id) on delete cascade,
    monthly_fixed bigint  not null default 0 check (monthly_fixed between 0 and 99999999),
    -- hundredths of a percent: 350 = 3.50 %
    percent_bp    integer not null default 0 check (percent_bp between 0 and 10000),
    per_order     bigint  not null default 0 check (per_order between 0 and 999999)
);

-- 収支: what each payment method costs the merchant
create table sales_payment_fee (
    payment_method varchar(30) primary key,
    percent_bp     integer not null default 0 check (percent_bp between 0 and 10000),
    per_order      bigint  not null default 0 check (per_order between 0 and 999999)
);

-- 収支: what a parcel costs with each carrier
create table sales_carrier_cost (
    carrier      varchar(20) primary key,
    per_shipment bigint not null default 0 check (per_shipment between 0 and 999999)
);

-- new and repeat buyers of a period (ホーム)
create index if not exists customer_order_ordered_idx on customer_order (ordered_at);
