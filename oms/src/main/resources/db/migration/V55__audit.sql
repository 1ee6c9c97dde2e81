-- 監査ログ: every change a person (or the system) made, who, when and to what.
create table audit_entry (
    id      bigint generated always as identity primary key,
    at      timestamptz  not null default now(),
    actor   varchar(100) not null,
    action  varchar(50)  not null,
    target  varchar(200) not null,
    detail  text         not null default ''
);

create index audit_entry_at_idx on audit_entry (at desc, id desc);
