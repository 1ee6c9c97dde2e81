-- How many orders are linked to each customer (cancelled ones included), kept by the database with every change of customer_order (linking, a merge, a
-- deletion, the data reset), so the rules' 過去の注文回数 reads one row per customer instead of counting a frequent
-- buyer's thousands of orders for each new one.
alter table customer add column linked_orders integer not null default 0;

update customer c set linked_orders = n.orders
from (select customer_id, count(*) as orders from customer_order group by customer_id) n
where c.id = n.customer_id;

create function customer_linked_orders_apply(deltas bigint[], customers bigint[]) returns void
language plpgsql as $$
begin
    -- rows locked in id order first, so two transactions changing the same customers never deadlock on them
    perform 1 from customer where id = any (customers) order by id for update;
    update customer c set linked_orders = c.linked_orders + d.delta
    from unnest(customers, deltas) as d(customer_id, delta)
    where c.id = d.customer_id;
end
$$;

create function customer_linked_orders_insert() returns trigger
language plpgsql as $$
begin
    perform customer_linked_orders_apply(array_agg(n), array_agg(customer_id))
    from (select customer_id, count(*) as n from new_rows group by customer_id) x
    having count(*) > 0;
    return null;
end
$$;

create function customer_linked_orders_delete() returns trigger
language plpgsql as $$
begin
    perform customer_linked_orders_apply(array_agg(-n), array_agg(customer_id))
    from (select customer_id, count(*) as n from old_rows group by customer_id) x
    having count(*) > 0;
    return null;
end
$$;

-- an update changes a count only when it moves orders between customers (a merge); the copied order fields do not
create function customer_linked_orders_update() returns trigger
language plpgsql as $$
begin
    perform customer_linked_orders_apply(array_agg(n), array_agg(customer_id))
    from (select customer_id, sum(delta) as n
          from (select customer_id, 1 as delta from new_rows
                union all select customer_id, -1 from old_rows) moves
          group by customer_id having sum(delta) <> 0) x
    having count(*) > 0;
    return null;
end
$$;

create trigger customer_linked_orders_insert after insert on customer_order
    referencing new table as new_rows for each statement execute function customer_linked_orders_insert();
create trigger customer_linked_orders_delete after delete on customer_order
    referencing old table as old_rows for each statement execute function customer_linked_orders_delete();
create trigger customer_linked_orders_update after update on customer_order
    referencing old table as old_rows new table as new_rows for each statement execute function customer_linked_orders_update();
