-- The order API's total_count over a window of days must not count hundreds of thousands of rows. The tally keeps,
-- per shop, hour of last change (UTC) and the three states, how many orders are there and the lowest seq that ever
-- entered the bucket (a lower bound where a first page can start walking by seq). Statement triggers keep it exact
-- in the same transaction as the change; a count over a window sums whole hours here and counts the two partial
-- hours at its edges from the orders themselves.
create table shop_order_tally (
    shop_id         varchar(20)  not null,
    hour            timestamptz  not null,
    order_status    varchar(12)  not null,
    payment_status  varchar(8)   not null,
    shipping_status varchar(12)  not null,
    orders          bigint       not null,
    min_seq         bigint       not null,
    primary key (shop_id, hour, order_status, payment_status, shipping_status)
);

create function shop_order_tally_add() returns trigger language plpgsql as $$
begin
    insert into shop_order_tally as t (shop_id, hour, order_status, payment_status, shipping_status, orders, min_seq)
    select shop_id, date_trunc('hour', updated_at, 'UTC'), order_status, payment_status, shipping_status, count(*), min(seq)
      from new_rows
     group by 1, 2, 3, 4, 5
     order by 1, 2, 3, 4, 5
    on conflict (shop_id, hour, order_status, payment_status, shipping_status)
    do update set orders = t.orders + excluded.orders, min_seq = least(t.min_seq, excluded.min_seq);
    return null;
end $$;

create function shop_order_tally_remove() returns trigger language plpgsql as $$
begin
    update shop_order_tally t set orders = t.orders - gone.n
      from (select shop_id, date_trunc('hour', updated_at, 'UTC') as hour, order_status, payment_status,
                   shipping_status, count(*) as n
              from old_rows group by 1, 2, 3, 4, 5) gone
     where t.shop_id = gone.shop_id and t.hour = gone.hour and t.order_status = gone.order_status
       and t.payment_status = gone.payment_status and t.shipping_status = gone.shipping_status;
    return null;
end $$;

-- An update moves an order between buckets only when its hour or a state changed.
create function shop_order_tally_move() returns trigger language plpgsql as $$
begin
    update shop_order_tally t set orders = t.orders - gone.n
      from (select o.shop_id, date_trunc('hour', o.updated_at, 'UTC') as hour, o.order_status, o.payment_status,
                   o.shipping_status, count(*) as n
              from old_rows o join new_rows n on n.seq = o.seq
             where date_trunc('hour', o.updated_at, 'UTC') <> date_trunc('hour', n.updated_at, 'UTC')
                or o.order_status <> n.order_status or o.payment_status <> n.payment_status
                or o.shipping_status <> n.shipping_status or o.shop_id <> n.shop_id
             group by 1, 2, 3, 4, 5) gone
     where t.shop_id = gone.shop_id and t.hour = gone.hour and t.order_status = gone.order_status
       and t.payment_status = gone.payment_status and t.shipping_status = gone.shipping_status;
    insert into shop_order_tally as t (shop_id, hour, order_status, payment_status, shipping_status, orders, min_seq)
    select n.shop_id, date_trunc('hour', n.updated_at, 'UTC'), n.order_status, n.payment_status, n.shipping_status,
           count(*), min(n.seq)
      from old_rows o join new_rows n on n.seq = o.seq
     where date_trunc('hour', o.updated_at, 'UTC') <> date_trunc('hour', n.updated_at, 'UTC')
        or o.order_status <> n.order_status or o.payment_status <> n.payment_status
        or o.shipping_status <> n.shipping_status or o.shop_id <> n.shop_id
     group by 1, 2, 3, 4, 5
     order by 1, 2, 3, 4, 5
    on conflict (shop_id, hour, order_status, payment_status, shipping_status)
    do update set orders = t.orders + excluded.orders, min_seq = least(t.min_seq, excluded.min_seq);
    return null;
end $$;

create trigger shop_order_tally_insert after insert on shop_order
    referencing new table as new_rows for each statement execute function shop_order_tally_add();
create trigger shop_order_tally_update after update on shop_order
    referencing old table as old_rows new table as new_rows for each statement execute function shop_order_tally_move();
create trigger shop_order_tally_delete after delete on shop_order
    referencing old table as old_rows for each statement execute function shop_order_tally_remove();

insert into shop_order_tally (shop_id, hour, order_status, payment_status, shipping_status, orders, min_seq)
select shop_id, date_trunc('hour', updated_at, 'UTC'), order_status, payment_status, shipping_status, count(*), min(seq)
  from shop_order
 group by 1, 2, 3, 4, 5;

-- Paging by seq reads the window's columns from the index alone (an index-only scan), then loads just the page.
create index shop_order_shop_seq_cover_idx on shop_order (shop_id, seq)
    include (updated_at, order_status, payment_status, shipping_status);
drop index shop_order_shop_seq_idx;
