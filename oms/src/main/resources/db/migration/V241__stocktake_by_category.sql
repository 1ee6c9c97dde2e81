-- A 棚卸表 by category too: the SKUs whose 自由項目1 (used as the category, 分類) equals the value, alone or together
-- with a shelf-location prefix.
alter table stocktake add column category varchar(200);
alter table stocktake alter column scope type varchar(20);
alter table stocktake drop constraint stocktake_scope_check;
alter table stocktake drop constraint stocktake_check;
alter table stocktake add constraint stocktake_scope_check
    check (scope in ('ALL', 'LOCATION', 'CATEGORY', 'LOCATION_CATEGORY'));
alter table stocktake add constraint stocktake_scope_fields_check
    check ((scope in ('LOCATION', 'LOCATION_CATEGORY')) = (location_prefix is not null)
       and (scope in ('CATEGORY', 'LOCATION_CATEGORY')) = (category is not null));
