-- 売上データ: each comparison of the sales facts with the orders (nightly, and from 集計の確認・再集計), newest kept.
-- The last one, when it found a difference, is the alert ホーム and the check page show.
create table sales_fact_check (
    id               bigint       generated always as identity primary key,
    checked_at       timestamptz  not null default now(),
    orders           bigint       not null,
    facts            bigint       not null,
    -- the first differing order numbers and days, comma separated (at most 20 of each)
    differing_orders text         not null default '',
    differing_days   text         not null default '',
    matches          boolean      not null
);
