-- 顧客タグ: a merchant's own labels on a customer (VIP, 要注意 …), set on the customer page and read by the
-- automatic-processing rules (条件: 顧客タグ). At most 10 tags of 30 characters, enforced by the application.
alter table customer add column tags text[] not null default '{}';
