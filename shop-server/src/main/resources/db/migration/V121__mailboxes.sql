-- The shop's mail addresses (メールアドレス追加): forwarding and/or a mailbox kept on the platform.
create table shop_mail_address (
    id              bigserial    primary key,
    shop_id         varchar(20)  not null references shop (shop_id) on delete cascade,
    local_part      varchar(32)  not null,
    forward_to      varchar(254),
    keep_in_mailbox boolean      not null,
    created_at      timestamptz  not null,
    unique (shop_id, local_part),
    check (forward_to is not null or keep_in_mailbox)
);

create table shop_mail_message (
    id             bigserial    primary key,
    address_id     bigint       not null references shop_mail_address (id) on delete cascade,
    received_at    timestamptz  not null,
    mail_from      varchar(320) not null,
    subject        varchar(500) not null,
    body_text      text         not null,
    size_bytes     integer      not null,
    raw            bytea        not null
);
create index shop_mail_message_box on shop_mail_message (address_id, received_at desc);
