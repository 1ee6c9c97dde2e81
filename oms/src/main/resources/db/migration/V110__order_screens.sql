-- Order screens (issue 13).
-- 1. Cash on delivery to several destinations: the amount each destination collects, set by the merchant; the amounts
--    must add up to the order's total before the order can get a slip (null: not set).
alter table shipment add column cod_amount bigint check (cod_amount >= 0);

-- 2. The order list's keyword finds recipients as well as buyers, with kana and width folded: NFKC (half-width kana to
--    full-width, full-width digits and letters to ASCII), katakana to hiragana, lower case, no spaces. The same fold is
--    applied to what a person types (KanaFold in the orders module). The recipients' names, kana and phones are kept
--    on the order by a trigger on shipment, so that the keywords stay one generated, trigram-indexed column.
create function oms_fold(t text) returns text language sql immutable parallel safe as $$
    select lower(translate(replace(normalize(coalesce(t, ''), NFKC), ' ', ''),
                           'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ',
                           'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ'))
$$;

alter table oms_order add column recipients text;

update oms_order o set recipients = r.text
  from (select order_id,
               string_agg(name || ' ' || coalesce(kana, '') || ' ' || coalesce(replace(phone, '-', ''), ''), ' | '
                          order by delivery_id) as text
          from shipment group by order_id) r
 where o.id = r.order_id;

drop index oms_order_keywords_idx;
alter table oms_order drop column keywords;
alter table oms_order add column keywords text generated always as (
    oms_fold(order_number) || '|' || oms_fold(buyer_name) || '|' || oms_fold(buyer_kana) || '|'
    || oms_fold(replace(buyer_phone, '-', '')) || '|' || oms_fold(buyer_email) || '|'
    || oms_fold(coalesce(buyer_prefecture, '') || coalesce(buyer_address1, '') || coalesce(buyer_address2, '')) || '|'
    || oms_fold(replace(recipients, '-', ''))) stored;
create index oms_order_keywords_idx on oms_order using gin (keywords gin_trgm_ops);

create function oms_order_recipients_refresh(order_ids bigint[]) returns void language sql as $$
    update oms_order o set recipients = r.text
      from (select ids.id as order_id,
                   (select string_agg(s.name || ' ' || coalesce(s.kana, '') || ' ' || coalesce(replace(s.phone, '-', ''), ''),
                                      ' | ' order by s.delivery_id)
                      from shipment s where s.order_id = ids.id) as text
              from unnest(order_ids) as ids(id)) r
     where o.id = r.order_id and o.recipients is distinct from r.text
$$;

create function shipment_recipients_new() returns trigger language plpgsql as $$
begin
    perform oms_order_recipients_refresh(array(select distinct order_id from new_rows));
    return null;
end $$;

create function shipment_recipients_old() returns trigger language plpgsql as $$
begin
    perform oms_order_recipients_refresh(array(select distinct order_id from old_rows));
    return null;
end $$;

create trigger shipment_recipients_insert after insert on shipment
    referencing new table as new_rows for each statement execute function shipment_recipients_new();
create trigger shipment_recipients_update after update on shipment
    referencing new table as new_rows for each statement execute function shipment_recipients_new();
create trigger shipment_recipients_delete after delete on shipment
    referencing old table as old_rows for each statement execute function shipment_recipients_old();
