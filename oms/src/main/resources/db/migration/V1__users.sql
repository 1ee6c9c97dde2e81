-- The OMS's users and their roles.
create table app_user (
    id            bigint generated always as identity primary key,
    login_id      varchar(50)  not null unique,
    display_name  varchar(100) not null,
    role          varchar(10)  not null check (role in ('ADMIN', 'STAFF', 'VIEWER')),
    password_hash varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
