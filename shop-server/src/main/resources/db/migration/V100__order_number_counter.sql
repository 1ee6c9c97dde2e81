-- The last order number given out per shop and day (yyyyMMdd, Japan time). Orders.record takes its numbers
-- by incrementing this row, which holds the row lock until commit: concurrent checkouts of the same shop
-- and day queue on it for the moment of the increment and never read the same max()+1. A transaction
-- that rolls back gives its numbers back with it.
create table shop_order_number (
    shop_id     varchar(20) not null,
    order_day   char(8)     not null,
    last_number integer     not null check (last_number >= 0),
    primary key (shop_id, order_day)
);

insert into shop_order_number (shop_id, order_day, last_number)
select shop_id, substring(order_number from 1 for 8), max(substring(order_number from 10)::int)
from shop_order
where order_number ~ '^[0-9]{8}-[0-9]+$'
group by shop_id, substring(order_number from 1 for 8);
