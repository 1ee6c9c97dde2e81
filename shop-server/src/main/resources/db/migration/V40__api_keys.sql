-- The platform API's keys (認証キー): terms agreement, the keys as hashes, and who issued what when.
create table api_terms_agreement (
    shop_id   varchar(20)  primary key references shop (shop_id) on delete cascade,
    agreed_by varchar(100) not null,
    agreed_at timestamptz  not null
);

-- Only the SHA-256 of a key is kept, plus its first characters for display. A reissued key keeps its
-- row with revoked_at set, so the history stays complete; at most one live key per shop and kind.
create table api_key (
    id           bigint generated always as identity primary key,
    shop_id      varchar(20) not null references shop (shop_id) on delete cascade,
    kind         varchar(10) not null check (kind in ('OPEN', 'MANAGER')),
    key_hash     char(64)    not null unique,
    key_prefix   varchar(8)  not null,
    issued_at    timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create unique index api_key_live on api_key (shop_id, kind) where revoked_at is null;

create table api_key_event (
    id         bigint generated always as identity primary key,
    shop_id    varchar(20)  not null references shop (shop_id) on delete cascade,
    kind       varchar(10)  not null,
    action     varchar(10)  not null check (action in ('ISSUED', 'REISSUED')),
    key_prefix varchar(8)   not null,
    acted_by   varchar(100) not null,
    acted_at   timestamptz  not null
);
create index api_key_event_shop on api_key_event (shop_id, acted_at);
