-- The catalog (商品管理): products with up to three variation axes, stock per variation, and a category tree.
create table category (
    id        bigserial     primary key,
    shop_id   varchar(20)   not null references shop (shop_id) on delete cascade,
    parent_id bigint        references category (id) on delete restrict,
    name      varchar(60)   not null,
    full_path varchar(1000) not null,
    position  integer       not null default 0,
    unique (shop_id, full_path)
);

create table product (
    id              bigserial    primary key,
    shop_id         varchar(20)  not null references shop (shop_id) on delete cascade,
    item_code       varchar(60)  not null,
    name            varchar(200) not null,
    price           bigint       not null check (price >= 0),
    tax_rate        integer      not null check (tax_rate in (8, 10)),
    unlimited_stock boolean      not null default false,
    alert_threshold integer      not null default 0 check (alert_threshold >= 0),
    published       boolean      not null default true,
    memo            text,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    unique (shop_id, item_code)
);
create index product_shop_created_idx on product (shop_id, created_at desc, id desc);

-- Variation axes (e.g. 色: 白, 紺), in order; a product has at most three.
create table product_axis (
    product_id bigint      not null references product (id) on delete cascade,
    axis       smallint    not null check (axis between 1 and 3),
    title      varchar(40) not null,
    choices    text[]      not null,
    primary key (product_id, axis)
);

-- Units in stock per variation: its choices joined with "/" (e.g. 紺/M), '' for a product without
-- variations. A product with unlimited stock has no rows.
create table product_stock (
    product_id bigint       not null references product (id) on delete cascade,
    variation  varchar(200) not null,
    quantity   integer      not null check (quantity >= 0),
    primary key (product_id, variation)
);

create table product_category (
    product_id  bigint not null references product (id) on delete cascade,
    category_id bigint not null references category (id) on delete restrict,
    primary key (product_id, category_id)
);
create index product_category_category_idx on product_category (category_id);
