-- The shop's uploaded images (画像管理), kept in the database beside the products they show: one backup,
-- one transaction with the product they are attached to, and the same shop boundary as every other row.
-- The id is random, so an image URL cannot be guessed; every read also names the shop. At most 5 MB each
-- and 100 per shop (checked by the app), so a shop holds at most 500 MB.
create table shop_image (
    id            uuid          primary key,
    shop_id       varchar(20)   not null references shop (shop_id) on delete cascade,
    product_id    bigint        references product (id) on delete set null,
    file_name     varchar(100)  not null,
    content_type  varchar(20)   not null check (content_type in ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
    size_bytes    integer       not null check (size_bytes between 1 and 5242880),
    width         integer,
    height        integer,
    content       bytea         not null,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now()
);
create index shop_image_by_shop on shop_image (shop_id, updated_at desc, id);
create index shop_image_by_product on shop_image (product_id) where product_id is not null;
