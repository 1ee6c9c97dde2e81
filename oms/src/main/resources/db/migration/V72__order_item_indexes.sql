-- An order's lines are read by shipment (the order page, exports, slips, deletes cascading from shipments), and the
-- order list's product-code filter goes from a code to its shipments: both need an index, which V20 left out.
create index order_item_shipment_idx on order_item (shipment_id, line_no);
drop index order_item_code_idx;
create index order_item_code_idx on order_item (item_code, shipment_id);
