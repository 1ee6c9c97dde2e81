-- Shops on the platform and the merchant's admin login.
create table shop (
    shop_id       varchar(20)  primary key,
    name          varchar(100) not null,
    product_limit integer      not null default 1000 check (product_limit > 0),
    created_at    timestamptz  not null default now()
);

create table shop_login (
    shop_id       varchar(20)  primary key references shop (shop_id) on delete cascade,
    password_hash varchar(200) not null
);
