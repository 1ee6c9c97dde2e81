-- 契約者情報: the merchant's own details, one row.
create table contractor (
    id             integer      primary key check (id = 1),
    company_name   varchar(100) not null,
    representative varchar(100) not null,
    postal_code    varchar(8)   not null,
    prefecture     varchar(10)  not null,
    address        varchar(200) not null,
    phone          varchar(20)  not null,
    email          varchar(254) not null,
    updated_at     timestamptz  not null default now()
);
