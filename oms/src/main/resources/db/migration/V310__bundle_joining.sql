-- 同梱: a new order matching a group already merged (and not printed) joins it as a candidate first (joining), until
-- a person — or a rule — adds it to the group (同梱に加える) or leaves it out (加えない: the row is closed and the
-- order is not proposed for that group again).
alter table bundle_order add column joining boolean not null default false;
