package jp.juchu.oms.users;

import java.time.OffsetDateTime;

/** A person who works in the OMS (ユーザー). */
public record User(long id, String loginId, String displayName, Role role, boolean enabled, OffsetDateTime createdAt) {}
