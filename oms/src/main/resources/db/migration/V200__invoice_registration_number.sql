-- 適格請求書発行事業者の登録番号 of the merchant (T and 13 digits), printed on the 納品書 so that it serves as a
-- 適格簡易請求書; null while the merchant is not registered.
alter table contractor add column registration_number varchar(14)
    constraint contractor_registration_number_format check (registration_number ~ '^T[0-9]{13}$');
