-- The admin top's monthly sales goal: target visitors/day (A) × conversion rate % (B) × average order value (C).
create table sales_goal (
    shop_id          varchar(20)   not null,
    month            date          not null,
    visitors_per_day integer       not null check (visitors_per_day >= 0),
    conversion_rate  numeric(5, 2) not null check (conversion_rate between 0 and 100),
    average_order    integer       not null check (average_order >= 0),
    primary key (shop_id, month)
);
