-- Paging after a cursor walks one shop's orders in sequence order from the cursor on.
create index shop_order_shop_seq_idx on shop_order (shop_id, seq);
