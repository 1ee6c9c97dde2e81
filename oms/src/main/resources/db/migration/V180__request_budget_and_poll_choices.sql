-- The shop API's request budget of each connection (a token bucket), shared by the import, the stock sync and the
-- shipment write-back on every OMS node: a call takes a token in one statement (refill by the database's clock,
-- then take), so nodes never overspend the platform's requests per minute between them. The counters say how many
-- calls of each kind the budget has granted.
create table api_request_budget (
    connection_id   bigint           primary key references mall_connection (id) on delete cascade,
    tokens          double precision not null,
    refilled_at     timestamptz      not null,
    used_import     bigint           not null default 0,
    used_stock_sync bigint           not null default 0,
    used_write_back bigint           not null default 0
);

-- 自動取得: every 1, 5, 10, 15, 30 or 60 minutes; "通知で取得" fetches when the shop notifies a change and still
-- polls at the interval as a safety net.
alter table mall_connection drop constraint mall_connection_fetch_interval_minutes_check;
alter table mall_connection add constraint mall_connection_fetch_interval_minutes_check
    check (fetch_interval_minutes in (1, 5, 10, 15, 30, 60));
alter table mall_connection add column fetch_on_notification boolean not null default false;
