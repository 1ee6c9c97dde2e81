-- Issue 14, access.
-- 1. Sessions end when access is taken away: every disable, password reset or role change moves a user's
--    session_epoch on; a session signed in under an older epoch is ended at its next request, on any node.
alter table app_user add column session_epoch integer not null default 0;

-- 2. Login IDs are case-insensitive (ADMIN and admin are one user). Existing IDs that differ only in case keep
--    the oldest as it is; each later one is renamed to <id>-<n> (n its row id), disabled so that its person gets
--    the new ID from an admin, and named in the audit log.
with renamed as (
    update app_user u
    set login_id = left(u.login_id, 40) || '-' || u.id,
        enabled = false,
        session_epoch = u.session_epoch + 1
    where exists (select 1 from app_user older
                  where lower(older.login_id) = lower(u.login_id) and older.id < u.id)
    returning u.login_id
)
insert into audit_entry (actor, action, target, detail)
select 'システム', 'USER_RENAMED', 'user:' || login_id, 'ログインIDが大文字小文字だけ違う既存ユーザーと重なるため改名・無効化'
from renamed;

create unique index app_user_login_id_ci on app_user (lower(login_id));

-- 3. Manual order numbers (M<yyyyMMdd>-<n>) come from a counter row updated in the registering transaction:
--    a registration that fails rolls its number back, so no number is burnt. It goes on from the sequence.
create table manual_order_counter (
    id   integer primary key check (id = 1),
    last bigint  not null
);
insert into manual_order_counter (id, last)
select 1, case when is_called then last_value else 0 end from manual_order_seq;
drop sequence manual_order_seq;
