-- Purchase options the merchant sets on a product (ギフト包装, 名入れ刻印 …), shown by the open API's
-- GET /v2/items/{code}/options. A Select option offers its choices; a Text option takes up to max_length
-- characters from the buyer. At most three per product, in order.
create table product_option (
    product_id  bigint      not null references product (id) on delete cascade,
    position    integer     not null check (position between 1 and 3),
    name        varchar(40) not null,
    kind        varchar(8)  not null check (kind in ('Select', 'Text')),
    choices     text[]      not null default '{}',
    max_length  integer     check (max_length between 1 and 100),
    required    boolean     not null default false,
    primary key (product_id, position)
);
