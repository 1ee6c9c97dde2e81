-- その他設定: how the order list (受注一覧) opens — orders per page and the sort when none is chosen.
create table order_list_setting (
    id           integer primary key check (id = 1),
    page_size    integer     not null default 50 check (page_size in (20, 50, 100, 200)),
    default_sort varchar(20) not null default 'date',
    updated_by   varchar(100),
    updated_at   timestamptz
);
insert into order_list_setting (id) values (1);
