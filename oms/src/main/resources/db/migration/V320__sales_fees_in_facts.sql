-- 収支 from the rollups: each order's fees (the shop's share of sales and fee per order, the payment method's fee,
-- the carrier's cost per parcel, each share rounded down per order) are worked out when its facts are written, and
-- each line's share of them (in proportion to its amount, exact) with the line; the daily rollup sums the order's,
-- the monthly product rollup the lines'. So 収支 reads the rollups for whole months like the other breakdowns.
alter table sales_order
    add column mall_share     bigint not null default 0,
    add column mall_per_order bigint not null default 0,
    add column payment_fee    bigint not null default 0,
    add column carriage       bigint not null default 0;

-- the order's fees × the line's amount / the order's lines' amount, unrounded (the report rounds per product)
alter table sales_line add column fees numeric not null default 0;

alter table sales_day
    add column mall_share     bigint not null default 0,
    add column mall_per_order bigint not null default 0,
    add column payment_fee    bigint not null default 0,
    add column carriage       bigint not null default 0;

-- products only (dim PRODUCT): the lines' share of their orders' fees
alter table sales_month add column fees numeric;

-- When the fee settings were last changed and when the facts last took the settings in (a recomputation of the
-- orders whose fees differ, or a full rebuild). While changed_at is later than applied_at, 収支 says that its orders
-- mix the settings before and after the change. Facts written before this migration have no fees: when there are
-- facts and fees are set, they are marked as waiting for a rebuild.
create table sales_fee_state (
    id         integer     primary key check (id = 1),
    changed_at timestamptz,
    applied_at timestamptz
);

insert into sales_fee_state (id, changed_at, applied_at)
select 1,
       case when exists (select 1 from sales_order)
                 and (exists (select 1 from sales_shop_fee where percent_bp > 0 or per_order > 0)
                      or exists (select 1 from sales_payment_fee where percent_bp > 0 or per_order > 0)
                      or exists (select 1 from sales_carrier_cost where per_shipment > 0))
            then now() end,
       null;
