-- Every order belongs to a real sales channel. Orders entered by hand (受注登録) and orders read from CSV files
-- (データ取込) get a channel of their own kind each, rows of mall_connection without API keys, in place of the
-- sentinel connection id 0; a manual order's serial code is its order number, without the "manual:" prefix.
alter table mall_connection
    alter column open_key_enc drop not null,
    alter column manager_key_enc drop not null,
    alter column open_key_hint drop not null,
    alter column manager_key_hint drop not null,
    alter column management_url drop not null,
    alter column item_url drop not null;

insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)
values ('MANUAL', 'manual', false, false, 'OK'),
       ('CSV', 'csv', false, false, 'OK');

update oms_order
set connection_id = (select id from mall_connection where mall = 'MANUAL'),
    serial_code   = substr(serial_code, length('manual:') + 1)
where connection_id = 0 and serial_code like 'manual:%';

update oms_order
set connection_id = (select id from mall_connection where mall = 'CSV')
where connection_id = 0;

update customer_order c
set connection_id = o.connection_id
from oms_order o
where c.order_id = o.id and c.connection_id = 0;

update write_back w
set connection_id = o.connection_id,
    serial_code   = o.serial_code
from oms_order o
where w.order_id = o.id and w.connection_id = 0;
