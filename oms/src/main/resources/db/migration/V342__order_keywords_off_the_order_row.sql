-- The order list's keywords move off the order row (issues 15, 16, 20).
-- Every update of an order (a status move, a tag, a memo, an alert) wrote a new version of its row with an entry in
-- each of its indexes, the keywords' trigram index among them: about half of what a status move cost, though the
-- keywords change only with the order number, the buyer or the recipients. They are now kept in a table of their own,
-- by triggers on oms_order: written for the rows an insert statement adds, rewritten when an update changes a column
-- they are made of, deleted with the order. The words are V110's, made by the same function for every path.

create function oms_order_keywords(o oms_order) returns text language sql immutable parallel safe as $$
    select oms_fold(o.order_number) || '|' || oms_fold(o.buyer_name) || '|' || oms_fold(o.buyer_kana) || '|'
        || oms_fold(replace(o.buyer_phone, '-', '')) || '|' || oms_fold(o.buyer_email) || '|'
        || oms_fold(coalesce(o.buyer_prefecture, '') || coalesce(o.buyer_address1, '') || coalesce(o.buyer_address2, ''))
        || '|' || oms_fold(replace(o.recipients, '-', ''))
$$;

create table order_keyword (
    order_id bigint primary key,
    keywords text   not null
);

insert into order_keyword (order_id, keywords) select id, keywords from oms_order;
create index order_keyword_trgm_idx on order_keyword using gin (keywords gin_trgm_ops);
alter table oms_order drop column keywords;

create function order_keyword_insert() returns trigger language plpgsql as $$
begin
    insert into order_keyword (order_id, keywords) select n.id, oms_order_keywords(n) from new_rows n;
    return null;
end $$;

create function order_keyword_update() returns trigger language plpgsql as $$
begin
    update order_keyword set keywords = oms_order_keywords(new) where order_id = new.id;
    return null;
end $$;

create function order_keyword_delete() returns trigger language plpgsql as $$
begin
    delete from order_keyword k using old_rows o where k.order_id = o.id;
    return null;
end $$;

create trigger oms_order_keywords_insert after insert on oms_order referencing new table as new_rows
    for each statement execute function order_keyword_insert();

-- (a status move or a note names none of these columns, so the trigger is not even looked at)
create trigger oms_order_keywords_update
    after update of order_number, buyer_name, buyer_kana, buyer_phone, buyer_email, buyer_prefecture, buyer_address1,
                    buyer_address2, recipients on oms_order
    for each row
    when ((old.order_number, old.buyer_name, old.buyer_kana, old.buyer_phone, old.buyer_email, old.buyer_prefecture,
           old.buyer_address1, old.buyer_address2, old.recipients)
          is distinct from (new.order_number, new.buyer_name, new.buyer_kana, new.buyer_phone, new.buyer_email,
                            new.buyer_prefecture, new.buyer_address1, new.buyer_address2, new.recipients))
    execute function order_keyword_update();

create trigger oms_order_keywords_delete after delete on oms_order referencing old table as old_rows
    for each statement execute function order_keyword_delete();
