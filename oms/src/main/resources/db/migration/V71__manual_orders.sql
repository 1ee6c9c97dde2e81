-- Orders entered by hand (受注登録) are numbered M<yyyyMMdd>-<n> from one sequence, so two people registering at
-- the same moment never draw the same number.
create sequence manual_order_seq;
