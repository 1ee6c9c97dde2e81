-- Customers (顧客管理): the shop's members with their points, and product reviews.
create table member (
    shop_id       varchar(20)  not null references shop (shop_id) on delete cascade,
    account       varchar(40)  not null,
    password_hash varchar(200) not null,
    name          varchar(100) not null,
    kana          varchar(100) not null,
    email         varchar(200) not null,
    phone         varchar(20)  not null,
    postal_code   varchar(8)   not null,
    prefecture    varchar(10)  not null,
    address1      varchar(200) not null,
    address2      varchar(200),
    points        bigint       not null default 0 check (points >= 0),
    registered_at timestamptz  not null default now(),
    primary key (shop_id, account)
);
create index member_email_idx on member (shop_id, lower(email));

-- Every change of a member's points, with the balance after it.
create table point_entry (
    id            bigserial    primary key,
    shop_id       varchar(20)  not null,
    account       varchar(40)  not null,
    change        bigint       not null,
    balance_after bigint       not null check (balance_after >= 0),
    reason        varchar(100) not null,
    order_serial  varchar(40),
    acted_at      timestamptz  not null default now(),
    foreign key (shop_id, account) references member (shop_id, account) on delete cascade
);
create index point_entry_member_idx on point_entry (shop_id, account, id desc);

create table review (
    id        bigserial    primary key,
    shop_id   varchar(20)  not null references shop (shop_id) on delete cascade,
    item_code varchar(60)  not null,
    rating    smallint     not null check (rating between 1 and 5),
    title     varchar(100) not null,
    body      text         not null,
    nickname  varchar(40)  not null,
    posted_at timestamptz  not null default now(),
    published boolean      not null default true
);
create index review_item_idx on review (shop_id, item_code, posted_at desc);
