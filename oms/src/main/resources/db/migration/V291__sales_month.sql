-- 売上データ: a monthly rollup per dimension, kept by the same refreshes as the daily rollup (sales_day, V210) and
-- folded by the same task, so that a breakdown report over whole months (24 months at a million orders) reads a few
-- thousand rows instead of every order's facts. Only the days of a period outside whole months are read from the
-- facts. Appended as deltas (a refresh takes an order's old rows back and adds the new) like sales_day.
-- dim: PREF (prefecture), PAY (payment method), CARRIER, WDAY (ISO weekday of the day that counts), HOUR (hour the
-- order was placed), PRODUCT (the SKU or set the line is mapped to, else the shop's item code; with name and kind).
-- orders counts distinct orders per group: an order falls in one month per basis, so the counts add up over months.
create table sales_month (
    basis           char(1)      not null check (basis in ('O', 'S', 'P')),
    month           date         not null check (extract(day from month) = 1),
    connection_id   bigint       not null,
    workflow_status varchar(30)  not null,
    dim             varchar(10)  not null,
    value           varchar(100) not null,
    name            varchar(400),
    kind            varchar(3),
    orders          bigint       not null,
    units           bigint       not null,
    sales_incl      bigint       not null,
    sales_excl      bigint       not null,
    -- products only: the cost of the lines that have one; null when none has
    cost            bigint
);

create index sales_month_idx on sales_month (basis, dim, month);
