-- The foreign keys an import's writes check are checked once per statement instead of once per row (issue 20).
--
-- PostgreSQL checks a foreign key row by row: a query per row written, which also locks the row it finds. A first
-- import of 100,000 orders wrote about 915,000 such rows (shipments, lines, history, moves between statuses, customer
-- links, stock ledger; 850,000 of them are checked here); at 4 to 8 microseconds a check (measured alone: 230,000 lines of
-- 100,000 new shipments took 1.5 s with the key and 0.6 s without), a few CPU seconds of every import.
--
-- Each of these keys is now kept by triggers that do the same per statement, with the rows the statement wrote:
--   * the child's side (after insert, and after an update that changes the column): the parents the rows name are
--     locked as a key locks them (FOR KEY SHARE, so that no other transaction deletes one before this one ends), in
--     key order, except those this transaction wrote itself (no other transaction can see them); then any row whose
--     parent is not there fails the whole statement, with the key's SQLSTATE (23503), name and message;
--   * the parent's side (after delete): the children are deleted with it (ON DELETE CASCADE) or the delete fails
--     while any child names it (NO ACTION);
--   * a parent's key is never changed (no path changes one); a change is refused, as the key's NO ACTION did.
-- The guarantees are the key's under READ COMMITTED, the isolation every writer of the OMS uses: a parent deleted by
-- a transaction that commits first is not found by the check's later statement; a child written by a transaction
-- that commits first is found by the parent's trigger.

-- TG_ARGV: the key's name, the child's column, the parent table, the parent's key, the child's own key
create function fk_children_check() returns trigger language plpgsql as $$
declare
    written text;
    missing text;
begin
    if TG_OP = 'UPDATE' then
        -- only the rows whose column changed, as a key checks an update
        written := format('(select n.* from new_rows n join old_rows o on o.%1$I = n.%1$I'
                          || ' where n.%2$I is distinct from o.%2$I)', TG_ARGV[4], TG_ARGV[1]);
    else
        written := 'new_rows';
    end if;
    execute format('select count(*) from (select 1 from %3$I p'
                   || ' where p.%4$I = any (array(select distinct w.%2$I from %1$s w where w.%2$I is not null))'
                   || ' and p.xmin <> pg_current_xact_id()::xid order by p.%4$I for key share of p) locked',
                   written, TG_ARGV[1], TG_ARGV[2], TG_ARGV[3]);
    execute format('select w.%2$I::text from %1$s w where w.%2$I is not null'
                   || ' and not exists (select 1 from %3$I p where p.%4$I = w.%2$I) limit 1',
                   written, TG_ARGV[1], TG_ARGV[2], TG_ARGV[3])
        into missing;
    if missing is not null then
        raise exception 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[0]
            using errcode = 'foreign_key_violation', constraint = TG_ARGV[0], table = TG_TABLE_NAME,
                  detail = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[1], missing, TG_ARGV[2]);
    end if;
    return null;
end $$;

-- TG_ARGV: the key's name, the child table, the child's column, the parent's key, 'cascade' or 'no action'
create function fk_parent_deleted() returns trigger language plpgsql as $$
declare
    found_key text;
begin
    if TG_ARGV[4] = 'cascade' then
        execute format('delete from %1$I c using old_rows o where c.%2$I = o.%3$I', TG_ARGV[1], TG_ARGV[2], TG_ARGV[3]);
        return null;
    end if;
    execute format('select c.%2$I::text from %1$I c where c.%2$I = any (array(select o.%3$I from old_rows o)) limit 1',
                   TG_ARGV[1], TG_ARGV[2], TG_ARGV[3])
        into found_key;
    if found_key is not null then
        raise exception 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
                TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1]
            using errcode = 'foreign_key_violation', constraint = TG_ARGV[0], table = TG_ARGV[1],
                  detail = format('Key (%s)=(%s) is still referenced from table "%s".', TG_ARGV[3], found_key,
                                  TG_ARGV[1]);
    end if;
    return null;
end $$;

-- TG_ARGV: the parent's key
create function fk_parent_key_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'the key % of table "%" is referenced and cannot change', TG_ARGV[0], TG_TABLE_NAME
        using errcode = 'foreign_key_violation', table = TG_TABLE_NAME;
end $$;

create procedure fk_per_statement(key_name text, child text, child_column text, child_key text, parent text,
                                  parent_key text, on_delete text)
language plpgsql as $$
begin
    execute format('alter table %I drop constraint %I', child, key_name);
    execute format('create trigger %1$I after insert on %2$I referencing new table as new_rows for each statement'
                   || ' execute function fk_children_check(%3$L, %4$L, %5$L, %6$L, %7$L)',
                   key_name || '_insert', child, key_name, child_column, parent, parent_key, child_key);
    execute format('create trigger %1$I after update on %2$I referencing old table as old_rows new table as new_rows'
                   || ' for each statement execute function fk_children_check(%3$L, %4$L, %5$L, %6$L, %7$L)',
                   key_name || '_update', child, key_name, child_column, parent, parent_key, child_key);
    execute format('create trigger %1$I after delete on %2$I referencing old table as old_rows for each statement'
                   || ' execute function fk_parent_deleted(%3$L, %4$L, %5$L, %6$L, %7$L)',
                   key_name || '_parent_deleted', parent, key_name, child, child_column, parent_key, on_delete);
    if not exists (select 1 from pg_trigger where tgrelid = parent::regclass
                                               and tgname = parent || '_' || parent_key || '_fixed') then
        execute format('create trigger %1$I before update of %3$I on %2$I for each row'
                       || ' when (old.%3$I is distinct from new.%3$I) execute function fk_parent_key_fixed(%4$L)',
                       parent || '_' || parent_key || '_fixed', parent, parent_key, parent_key);
    end if;
end $$;

call fk_per_statement('shipment_order_id_fkey', 'shipment', 'order_id', 'id', 'oms_order', 'id', 'cascade');
call fk_per_statement('order_item_shipment_id_fkey', 'order_item', 'shipment_id', 'id', 'shipment', 'id', 'cascade');
call fk_per_statement('order_history_order_id_fkey', 'order_history', 'order_id', 'id', 'oms_order', 'id', 'cascade');
call fk_per_statement('auto_rule_run_order_id_fkey', 'auto_rule_run', 'order_id', 'id', 'oms_order', 'id', 'cascade');
call fk_per_statement('oms_order_workflow_status_fkey', 'oms_order', 'workflow_status', 'id', 'workflow_status',
                      'code', 'no action');
call fk_per_statement('customer_order_customer_id_fkey', 'customer_order', 'customer_id', 'order_id', 'customer', 'id',
                      'no action');
call fk_per_statement('stock_ledger_warehouse_id_fkey', 'stock_ledger', 'warehouse_id', 'id', 'warehouse', 'id',
                      'no action');
call fk_per_statement('stock_ledger_product_id_fkey', 'stock_ledger', 'product_id', 'id', 'product', 'id', 'no action');

drop procedure fk_per_statement;
