-- The order workspace (受注一覧): the merchant's own statuses, saved searches, holds with a reason, and what keeps the
-- list fast at a million orders: the tabs' counts from a tally kept by statement triggers, a trigram index for the
-- keyword, indexes for the filters that stand alone.
create extension if not exists pg_trgm;

alter table workflow_status add column created_at timestamptz not null default now();

create table saved_search (
    id         bigint generated always as identity primary key,
    owner      varchar(50)  not null,
    name       varchar(50)  not null,
    query      varchar(2000) not null,
    created_at timestamptz  not null default now(),
    constraint saved_search_name_per_owner unique (owner, name)
);

alter table oms_order add column hold_reason varchar(200);
-- (|| and coalesce, not concat_ws: a generated column needs immutable functions)
alter table oms_order add column keywords text generated always as (
    lower(order_number || ' ' || replace(replace(buyer_name, ' ', ''), '　', '') || ' '
          || coalesce(replace(replace(buyer_kana, ' ', ''), '　', ''), '') || ' '
          || coalesce(replace(buyer_phone, '-', ''), '') || ' ' || coalesce(buyer_email, '') || ' '
          || coalesce(buyer_prefecture, '') || coalesce(buyer_address1, '') || coalesce(buyer_address2, ''))) stored;

create index oms_order_keywords_idx on oms_order using gin (keywords gin_trgm_ops);
create index oms_order_connection_idx on oms_order (connection_id, ordered_at desc, id desc);
create index oms_order_total_idx on oms_order (total, ordered_at desc);
create index oms_order_alert_idx on oms_order (ordered_at desc, id desc) where alert is not null;

-- Append-only deltas, so that imports on several nodes never wait on one counter row; a scheduled task folds them.
create table workflow_status_tally (
    workflow_status varchar(30) not null,
    orders          bigint      not null
);

create index workflow_status_tally_status_idx on workflow_status_tally (workflow_status);

insert into workflow_status_tally (workflow_status, orders)
select workflow_status, count(*) from oms_order group by 1;

create function workflow_status_tally_add() returns trigger language plpgsql as $$
begin
    insert into workflow_status_tally (workflow_status, orders)
    select workflow_status, count(*) from new_rows group by 1;
    return null;
end $$;

create function workflow_status_tally_remove() returns trigger language plpgsql as $$
begin
    insert into workflow_status_tally (workflow_status, orders)
    select workflow_status, -count(*) from old_rows group by 1;
    return null;
end $$;

create function workflow_status_tally_move() returns trigger language plpgsql as $$
begin
    insert into workflow_status_tally (workflow_status, orders)
    select workflow_status, sum(d) from (
        select o.workflow_status, -1 as d from old_rows o join new_rows n on n.id = o.id
         where o.workflow_status <> n.workflow_status
        union all
        select n.workflow_status, 1 from old_rows o join new_rows n on n.id = o.id
         where o.workflow_status <> n.workflow_status) moved
     group by 1;
    return null;
end $$;

create trigger oms_order_tally_insert after insert on oms_order
    referencing new table as new_rows for each statement execute function workflow_status_tally_add();
create trigger oms_order_tally_update after update on oms_order
    referencing old table as old_rows new table as new_rows for each statement execute function workflow_status_tally_move();
create trigger oms_order_tally_delete after delete on oms_order
    referencing old table as old_rows for each statement execute function workflow_status_tally_remove();
