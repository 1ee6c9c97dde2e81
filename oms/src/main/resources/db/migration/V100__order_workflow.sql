-- One order workflow (issue 13): what a hold returns to, the recorded override 入金前に出荷する, the connection's
-- choice for orders already finished at the shop when first imported, refused tracking files, and write-backs
-- stopped because the shop cancelled the order.
alter table oms_order add column held_from varchar(30);
alter table oms_order add column ship_before_payment_by varchar(100);
alter table oms_order add column ship_before_payment_at timestamptz;

alter table mall_connection add column finished_as_shipped boolean not null default true;

alter table tracking_import add column refused boolean not null default false;
alter table tracking_import add column overwrite boolean not null default false;

alter table write_back drop constraint write_back_state_check;
alter table write_back add constraint write_back_state_check check (state in ('PENDING', 'DONE', 'OFF', 'STOPPED'));
