package jp.juchu.shop.apikeys;

/** A live key that matched its shop: {@code keyId} identifies the key (for per-key limits), never its value. */
public record AuthenticatedKey(long keyId, String shopId, KeyKind kind) {}
