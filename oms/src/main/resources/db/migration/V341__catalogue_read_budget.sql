-- Reading a shop's catalogue (商品取込) takes its tokens from the connection's request budget like every other call
-- of a saved connection, counted on its own.
alter table api_request_budget add column used_catalogue bigint not null default 0;
