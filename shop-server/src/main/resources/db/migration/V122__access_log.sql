-- The storefront's access log per shop (アクセスログ設定); a shop without a row has the defaults.
create table access_log_setting (
    shop_id        varchar(20) primary key references shop (shop_id) on delete cascade,
    enabled        boolean     not null,
    retention_days integer     not null check (retention_days between 1 and 365),
    updated_at     timestamptz not null
);
