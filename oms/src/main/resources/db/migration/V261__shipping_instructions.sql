-- What the OMS tells the carrier and the buyer beyond the shop's order (配送指示), set by the automatic-processing
-- rules or a person: the carrier's service (宅急便コンパクト, ネコポス …), the cool type (クール便), the slip's remark
-- (送り状の記事欄) per shipment, and the delivery note's remark (納品書の備考) per order. The carrier itself goes in
-- shipment.carrier, the OMS's own assignment. Bounded here and in the application.
alter table shipment add column carrier_service varchar(20);
alter table shipment add column cool_type varchar(10) check (cool_type in ('NORMAL', 'CHILLED', 'FROZEN'));
alter table shipment add column slip_remark varchar(200);
alter table oms_order add column delivery_note_remark varchar(500);

-- 無料プレゼント (once per customer): which customer already got which gift from a rule.
create table auto_rule_gift (
    gift_key   varchar(300) not null,
    item_code  varchar(100) not null,
    order_id   bigint       not null,
    given_at   timestamptz  not null default now(),
    primary key (gift_key, item_code)
);
