package jp.juchu.oms.malls;

import java.time.Instant;

/**
 * One order of a page as the shop sent it: its serial code and when the shop last changed it (each null when
 * unreadable), and its JSON text untouched.
 */
public record RawOrder(String serialCode, Instant updatedAt, String json) {}
