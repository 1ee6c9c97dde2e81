-- Data exchange (データ書出): the merchant's saved column layouts for order CSVs.
create table export_layout (
    id         bigint generated always as identity primary key,
    name       varchar(60)  not null unique,
    columns    text[]       not null,
    encoding   varchar(10)  not null check (encoding in ('UTF8_BOM', 'SJIS')),
    updated_at timestamptz  not null default now()
);
insert into export_layout (name, columns, encoding) values
    ('標準 (受注明細)', array['order_number', 'ordered_at', 'workflow', 'buyer_name', 'buyer_phone', 'payment', 'total',
        'delivery_id', 'ship_name', 'ship_postal', 'ship_address', 'item_code', 'item_name', 'unit_price', 'quantity',
        'tax_rate', 'tracking'], 'UTF8_BOM');
