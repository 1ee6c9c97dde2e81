package jp.juchu.oms.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit log.
 *
 * @param action what was done, as a stable code ({@code ORDERS_DELETED}, {@code USER_ADDED} …)
 * @param target what it was done to ({@code order:123}, {@code user:yamada}, {@code connection:1} …)
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String target, String detail) {}
