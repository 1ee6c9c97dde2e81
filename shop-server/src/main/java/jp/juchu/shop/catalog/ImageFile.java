package jp.juchu.shop.catalog;

import java.time.OffsetDateTime;

/** An uploaded image's bytes, as served. */
public record ImageFile(String contentType, byte[] content, OffsetDateTime updatedAt) {}
