-- モール配送伝票: per shop, the carrier its orders ship with, the sender (ご依頼主) its slips name instead of 契約者情報,
-- and a remark for the slip's 記事 — read by the slip export in one place. Bounded here and in the application.
create table shop_slip_setting (
    connection_id      bigint       primary key references mall_connection (id) on delete cascade,
    carrier            varchar(20),
    sender_name        varchar(100),
    sender_phone       varchar(30),
    sender_postal_code varchar(10),
    sender_prefecture  varchar(10),
    sender_address     varchar(200),
    slip_remark        varchar(100),
    updated_by         varchar(100) not null,
    updated_at         timestamptz  not null default now()
);
