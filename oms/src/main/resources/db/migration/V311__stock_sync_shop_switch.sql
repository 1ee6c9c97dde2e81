-- オプション設定 › 在庫連携: each connected shop's stock sync on or off. Off, nothing is pushed to the shop and its
-- waiting listings stay in the outbox (they go out when it is switched on again); the daily comparison skips it.
alter table stock_sync_shop add column enabled boolean not null default true;
