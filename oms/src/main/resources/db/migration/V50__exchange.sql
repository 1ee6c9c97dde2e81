-- Data exchange (データ書出 / データ取込): saved column layouts for order CSVs, import templates and imports.
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

-- Data import (データ取込): column mappings saved as templates, and each file imported.
create table import_template (
    id      bigint generated always as identity primary key,
    name    varchar(60) not null unique,
    mapping jsonb       not null
);
insert into import_template (name, mapping) values ('標準', '{
    "ORDER_NUMBER": "受注番号", "ORDERED_AT": "受注日時", "BUYER_NAME": "購入者名", "BUYER_KANA": "購入者フリガナ",
    "BUYER_EMAIL": "購入者メールアドレス", "BUYER_PHONE": "購入者電話番号", "BUYER_POSTAL": "購入者郵便番号",
    "BUYER_PREFECTURE": "購入者都道府県", "BUYER_ADDRESS": "購入者住所", "PAYMENT": "支払方法", "SHIP_NAME": "お届け先名",
    "SHIP_PHONE": "お届け先電話番号", "SHIP_POSTAL": "お届け先郵便番号", "SHIP_PREFECTURE": "お届け先都道府県",
    "SHIP_ADDRESS": "お届け先住所", "ITEM_CODE": "商品コード", "ITEM_NAME": "商品名", "UNIT_PRICE": "単価", "QUANTITY": "数量",
    "TAX_RATE": "税率", "SHIPPING_FEE": "送料", "COD_FEE": "代引手数料", "REMARKS": "備考"}');

create table csv_import (
    id          bigint generated always as identity primary key,
    file_name   varchar(200) not null,
    imported_by varchar(100) not null,
    imported_at timestamptz  not null default now(),
    line_count  integer      not null,
    order_count integer      not null,
    created     integer      not null
);
