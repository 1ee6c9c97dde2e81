package jp.juchu.shop.mailboxes;

import java.time.OffsetDateTime;

/**
 * One of a shop's mail addresses: what arrives is forwarded to {@code forwardTo} (if set) and/or kept in
 * the shop's mailbox.
 */
public record ShopMailAddress(
        long id, String shopId, String localPart, String forwardTo, boolean keepInMailbox, OffsetDateTime createdAt) {}
