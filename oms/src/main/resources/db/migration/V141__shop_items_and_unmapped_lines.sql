-- The shops' items the OMS has seen (商品候補一覧): in orders (how many order lines, when last) or in the shop's
-- catalogue read over its API (with the stock the shop showed). Owned by the products module; the candidates are
-- the rows without a listing.
create table shop_item (
    connection_id      bigint       not null references mall_connection (id) on delete cascade,
    item_code          varchar(100) not null,
    variation          varchar(200) not null default '',
    name               varchar(400) not null default '',
    unit_price         bigint,
    order_lines        bigint       not null default 0,
    last_ordered_at    timestamptz,
    in_catalogue       boolean      not null default false,
    catalogue_quantity integer,
    catalogue_read_at  timestamptz,
    primary key (connection_id, item_code, variation)
);

create index shop_item_last_ordered_idx on shop_item (last_ordered_at desc nulls last);

-- The order lines whose item was not mapped when the order came in: they put 未登録商品 on the order, and the
-- mapping of the item takes it off again (only that alert)
create table unmapped_order_item (
    order_id      bigint       not null references oms_order (id) on delete cascade,
    connection_id bigint       not null,
    item_code     varchar(100) not null,
    variation     varchar(200) not null default '',
    primary key (order_id, connection_id, item_code, variation)
);

create index unmapped_order_item_item_idx on unmapped_order_item (connection_id, item_code, variation);

-- The items of the orders already in the OMS
insert into shop_item (connection_id, item_code, variation, name, unit_price, order_lines, last_ordered_at)
select o.connection_id, i.item_code, coalesce(trim(i.variation), ''), max(i.name), max(i.unit_price), count(*),
       max(o.ordered_at)
from order_item i
join shipment s on s.id = i.shipment_id
join oms_order o on o.id = s.order_id
group by o.connection_id, i.item_code, coalesce(trim(i.variation), '');
