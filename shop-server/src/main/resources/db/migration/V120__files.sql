-- The shop's file area: FTP accounts (FTPアカウント) and directories protected by HTTP Basic (ユーザー認証).
create table ftp_account (
    id            bigserial    primary key,
    shop_id       varchar(20)  not null references shop (shop_id) on delete cascade,
    account_name  varchar(40)  not null unique,
    password_hash varchar(200) not null,
    access        varchar(10)  not null check (access in ('ALL', 'DOCS')),
    created_at    timestamptz  not null,
    usable_from   timestamptz  not null
);
create index ftp_account_shop on ftp_account (shop_id);

create table protected_dir (
    id         bigserial    primary key,
    shop_id    varchar(20)  not null references shop (shop_id) on delete cascade,
    path       varchar(400) not null,
    label      varchar(60)  not null,
    created_at timestamptz  not null,
    unique (shop_id, path)
);

create table protected_dir_user (
    dir_id        bigint       not null references protected_dir (id) on delete cascade,
    username      varchar(32)  not null,
    password_hash varchar(200) not null,
    created_at    timestamptz  not null,
    primary key (dir_id, username)
);
