-- An order shipped to its buyer (nine in ten) named the buyer twice in its keywords: the recipients' part repeats the
-- buyer's name, kana and phone. It is left out when it says exactly that (one destination, the buyer's own), so each
-- such order indexes about a fifth fewer trigrams (issue 20: the keywords were the largest part of writing an order).
-- A search finds the same orders: the buyer's part holds the same words. The keywords of orders written before stay
-- as they were until an order's keyword columns change.
create or replace function oms_order_keywords(o oms_order) returns text language sql immutable parallel safe as $$
    select oms_fold(o.order_number) || '|' || oms_fold(o.buyer_name) || '|' || oms_fold(o.buyer_kana) || '|'
        || oms_fold(replace(o.buyer_phone, '-', '')) || '|' || oms_fold(o.buyer_email) || '|'
        || oms_fold(coalesce(o.buyer_prefecture, '') || coalesce(o.buyer_address1, '') || coalesce(o.buyer_address2, ''))
        || '|' || case when o.recipients = o.buyer_name || ' ' || coalesce(o.buyer_kana, '') || ' '
                                           || coalesce(replace(o.buyer_phone, '-', ''), '')
                       then '' else oms_fold(replace(o.recipients, '-', '')) end
$$;
