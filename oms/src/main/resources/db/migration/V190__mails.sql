-- Order mails (メール): templates, the merchant's SMTP server, each shop's sender details, and the send log.

-- The SMTP server the mails go out through (メール設定). One row; no row, or no host, writes them as .eml files.
create table mail_server (
    id              integer      primary key check (id = 1),
    host            varchar(253),
    port            integer      not null default 587 check (port between 1 and 65535),
    username        varchar(254),
    -- AES-GCM under the OMS master key; never shown again, never logged
    password_sealed text,
    security        varchar(10)  not null default 'STARTTLS' check (security in ('NONE', 'STARTTLS', 'SSL')),
    from_address    varchar(254) not null,
    from_name       varchar(100),
    updated_at      timestamptz  not null default now()
);

-- A shop's sender details for its mails ({{shop.name}} …); without a row the 契約者情報 stand in.
create table mail_shop (
    connection_id   bigint       primary key references mall_connection (id) on delete cascade,
    shop_name       varchar(100) not null,
    from_address    varchar(254),
    shop_url        varchar(300),
    phone           varchar(30),
    signature       varchar(2000),
    updated_at      timestamptz  not null default now()
);

create table mail_template (
    id              bigint generated always as identity primary key,
    name            varchar(100) not null,
    kind            varchar(20)  not null
        check (kind in ('ORDER_CONFIRMATION', 'SHIPPING', 'FOLLOW_UP', 'PAYMENT_CONFIRMED', 'FREE')),
    -- filters: null means any shop / payment method / carrier
    connection_id   bigint       references mall_connection (id) on delete cascade,
    payment_method  varchar(30),
    carrier         varchar(20),
    -- automatic sending: when an order enters this workflow status (a follow-up: N days after it)
    trigger_status  varchar(30)  references workflow_status (code) on delete set null,
    follow_days     integer      check (follow_days between 1 and 365),
    auto_send       boolean      not null default false,
    -- when automatic sending was last switched on: orders imported before it are never mailed automatically
    auto_since      timestamptz,
    bcc_shop        boolean      not null default false,
    subject         varchar(200) not null,
    body            text         not null check (length(body) <= 20000),
    active          boolean      not null default true,
    version         bigint       not null default 0,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    constraint mail_template_auto_has_trigger check (not auto_send or (trigger_status is not null and auto_since is not null)),
    constraint mail_template_follow_has_days check (kind <> 'FOLLOW_UP' or follow_days is not null)
);

-- Every mail, as sent (or tried): the body as it was rendered, the recipient, the result.
create table mail_log (
    id              bigint generated always as identity primary key,
    order_id        bigint       not null references oms_order (id) on delete cascade,
    order_number    varchar(64)  not null,
    template_id     bigint       references mail_template (id) on delete set null,
    template_name   varchar(100) not null,
    kind            varchar(20)  not null,
    -- AUTO (a status change), FOLLOW_UP, MANUAL (a person, first time), RESEND (a person, again), RULE
    trigger         varchar(10)  not null check (trigger in ('AUTO', 'FOLLOW_UP', 'MANUAL', 'RESEND', 'RULE')),
    -- the one mail of this order and template; a person's resend is not
    once            boolean      not null,
    recipient       varchar(254) not null,
    bcc             varchar(254),
    from_address    varchar(254) not null,
    from_name       varchar(100),
    subject         varchar(300) not null,
    body            text         not null,
    state           varchar(10)  not null default 'QUEUED' check (state in ('QUEUED', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    last_error      varchar(1000),
    actor           varchar(100) not null,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    updated_at      timestamptz  not null default now()
);

create unique index mail_log_once_per_order_and_template on mail_log (order_id, template_id) where once;
create index mail_log_order_idx on mail_log (order_id, id);
create index mail_log_list_idx on mail_log (created_at desc, id desc);
create index mail_log_state_idx on mail_log (state, created_at desc) where state <> 'SENT';

-- The usual four, shared by every shop, switched off: the merchant reads them and switches on what it wants.
insert into mail_template (name, kind, trigger_status, follow_days, subject, body) values
('受注確認メール', 'ORDER_CONFIRMATION', 'NEW', null, '【{{shop.name}}】ご注文ありがとうございます (注文番号 {{order.number}})',
'{{buyer.name}} 様

このたびは{{shop.name}}をご利用いただき、誠にありがとうございます。
以下の内容でご注文を承りました。

■ご注文番号: {{order.number}}
■ご注文日時: {{order.date}}
■お支払方法: {{payment.method}}

■ご注文商品
{{lines}}

{{amounts}}

■お届け先
{{destinations}}

商品の発送時にあらためてご連絡いたします。

{{shop.signature}}'),
('発送連絡メール', 'SHIPPING', 'SHIPPED', null, '【{{shop.name}}】商品を発送しました (注文番号 {{order.number}})',
'{{buyer.name}} 様

ご注文の商品を本日発送いたしました。

■ご注文番号: {{order.number}}
■配送業者: {{carrier}}
■お問い合わせ伝票番号: {{tracking.numbers}}
■配送状況の確認
{{tracking.urls}}

■お届け先
{{destinations}}

■ご注文商品
{{lines}}

{{shop.signature}}'),
('フォローメール (発送7日後)', 'FOLLOW_UP', 'SHIPPED', 7, '【{{shop.name}}】商品は届きましたでしょうか',
'{{buyer.name}} 様

先日は{{shop.name}}でのお買い物、ありがとうございました。
ご注文 (注文番号 {{order.number}}) の商品は無事お手元に届きましたでしょうか。
お気づきの点がございましたら、このメールにご返信ください。

{{shop.signature}}'),
('入金確認メール', 'PAYMENT_CONFIRMED', 'READY_TO_SHIP', null, '【{{shop.name}}】ご入金を確認しました (注文番号 {{order.number}})',
'{{buyer.name}} 様

ご注文 (注文番号 {{order.number}}) のご入金 {{amount.total}} を確認いたしました。
準備が整い次第、商品を発送いたします。

{{shop.signature}}');
