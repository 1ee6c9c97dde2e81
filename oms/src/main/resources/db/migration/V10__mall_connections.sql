-- The merchant's shops on the malls and how the OMS reaches them. API keys are AES-GCM encrypted
-- (base64 of IV + ciphertext); the hints are the first characters, for showing the keys masked.
create table mall_connection (
    id                     bigint generated always as identity primary key,
    mall                   varchar(20)  not null,
    shop_id                varchar(64)  not null,
    open_key_enc           text         not null,
    manager_key_enc        text         not null,
    open_key_hint          varchar(8)   not null,
    manager_key_hint       varchar(8)   not null,
    days_to_fetch          integer      not null default 7 check (days_to_fetch between 1 and 30),
    auto_fetch             boolean      not null default true,
    fetch_interval_minutes integer      not null default 30 check (fetch_interval_minutes in (10, 15, 30, 60)),
    management_url         varchar(300) not null,
    item_url               varchar(300) not null,
    status                 varchar(20)  not null default 'NOT_VERIFIED',
    status_message         text,
    status_changed_at      timestamptz  not null default now(),
    write_back             boolean      not null default true,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    constraint mall_connection_one_per_shop unique (mall, shop_id)
);
