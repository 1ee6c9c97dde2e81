package jp.juchu.oms.mails.internal;

/** A shop's details in its mails ({{shop.name}}, the sender address, the signature); null fields fall back. */
public record ShopSender(
        long connectionId, String shopName, String fromAddress, String shopUrl, String phone, String signature) {}
