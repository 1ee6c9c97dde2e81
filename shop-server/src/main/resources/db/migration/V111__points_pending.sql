-- Points a member earns on an order are pending (承認待ち) until the merchant approves them, or they are
-- approved automatically after shipping; a refused entry never counts. Only approved entries move the
-- balance (member.points), so balance_after is set when an entry is approved.
alter table point_entry
    add column state      varchar(10) not null default 'APPROVED'
        check (state in ('PENDING', 'APPROVED', 'REFUSED')),
    add column kind       varchar(10) not null default 'CHANGE' check (kind in ('CHANGE', 'EARNED')),
    add column decided_at timestamptz,
    alter column balance_after drop not null,
    add constraint point_entry_approved_balance check (state <> 'APPROVED' or balance_after is not null);

-- an order earns points once
create unique index point_entry_earned_once on point_entry (shop_id, order_serial) where kind = 'EARNED';
create index point_entry_pending_idx on point_entry (shop_id, id) where state = 'PENDING';
