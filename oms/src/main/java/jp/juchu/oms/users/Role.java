package jp.juchu.oms.users;

/** What a user may do: admins everything, staff the daily work, viewers only look. */
public enum Role {
    ADMIN,
    STAFF,
    VIEWER
}
