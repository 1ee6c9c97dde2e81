-- An order's row keeps the shop's payload as it is, up to a whole page (issue 20). With PostgreSQL's default, a row
-- over 2 kB has its largest values compressed (pglz), and an imported order's row is about 2.2 kB: eight orders in ten
-- had their payload compressed as they were written, about 1 CPU second per 100,000 orders. The rows are now about a
-- third larger (the payload of 100,000 benchmark orders: 191 MB compressed, 262 MB as it is); a row larger than a
-- page is still compressed and moved out of line as before. Rows written before stay as they are until rewritten.
alter table oms_order set (toast_tuple_target = 8160);
