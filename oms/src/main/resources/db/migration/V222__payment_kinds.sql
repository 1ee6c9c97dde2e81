-- 支払い方法: each payment method the shops send, as a kind the workflow and the rules understand. An unpaid order of
-- a prepaid or card method waits for its payment; cash on delivery and deferred payment (後払い) ship unpaid.
create table payment_kind (
    method     varchar(30)  primary key,
    kind       varchar(10)  not null check (kind in ('PREPAID', 'CARD', 'COD', 'DEFERRED')),
    updated_by varchar(100),
    updated_at timestamptz  not null default now()
);

insert into payment_kind (method, kind) values
    ('CreditCard', 'CARD'),
    ('CashOnDelivery', 'COD'),
    ('BankTransfer', 'PREPAID'),
    ('ConvenienceStore', 'PREPAID'),
    ('PostalTransfer', 'PREPAID');
