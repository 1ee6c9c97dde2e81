-- The storefront: carts kept per browser, the shop's shipping rule and its coupons.
create table storefront_cart_line (
    cart_id    uuid         not null,
    shop_id    varchar(20)  not null references shop (shop_id) on delete cascade,
    item_code  varchar(60)  not null,
    variation  varchar(200) not null default '',
    quantity   integer      not null check (quantity > 0),
    added_at   timestamptz  not null default now(),
    primary key (cart_id, shop_id, item_code, variation)
);

-- One row per shop; a shop without a row uses the platform's default rule (StorefrontSettings).
create table storefront_shipping_rule (
    shop_id            varchar(20)  primary key references shop (shop_id) on delete cascade,
    flat_fee           integer      not null check (flat_fee >= 0),
    free_over          integer      check (free_over >= 0),
    remote_extra       integer      not null default 0 check (remote_extra >= 0),
    remote_prefectures varchar(200) not null default '北海道,沖縄県',
    gift_wrapping_fee  integer      not null default 0 check (gift_wrapping_fee >= 0)
);

create table storefront_coupon (
    shop_id          varchar(20)  not null references shop (shop_id) on delete cascade,
    code             varchar(40)  not null,
    description      varchar(200) not null,
    discount_yen     integer      check (discount_yen > 0),
    discount_percent integer      check (discount_percent between 1 and 100),
    min_items_total  integer      not null default 0,
    valid_from       date         not null,
    valid_until      date         not null,
    primary key (shop_id, code),
    check ((discount_yen is null) <> (discount_percent is null))
);
