-- Coupons (集客・運営): uses in total and per member, counted in the checkout's transaction.
alter table storefront_coupon
    add column max_uses            integer check (max_uses between 1 and 10000000),
    add column max_uses_per_member integer check (max_uses_per_member between 1 and 1000),
    add column used_count          integer not null default 0 check (used_count >= 0),
    add column created_at          timestamptz not null default now(),
    add constraint storefront_coupon_within_limit check (max_uses is null or used_count <= max_uses);

create table storefront_coupon_use (
    id           bigserial   primary key,
    shop_id      varchar(20) not null,
    code         varchar(40) not null,
    order_serial varchar(40) not null,
    account      varchar(40),
    used_at      timestamptz not null default now(),
    foreign key (shop_id, code) references storefront_coupon (shop_id, code) on delete cascade
);
create index storefront_coupon_use_member_idx on storefront_coupon_use (shop_id, code, account);
