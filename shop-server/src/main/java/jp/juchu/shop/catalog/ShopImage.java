package jp.juchu.shop.catalog;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.web.util.UriUtils;

/**
 * An image the merchant uploaded (画像管理), without its bytes.
 *
 * @param itemCode the product it is shown on, or {@code null} when it only sits in the shop's image list
 * @param width in pixels, {@code null} when not read (WebP)
 */
public record ShopImage(
        UUID id,
        String shopId,
        String name,
        String contentType,
        int sizeBytes,
        Integer width,
        Integer height,
        String itemCode,
        OffsetDateTime updatedAt) {

    /** Where the shop server serves it: public, under the shop, by its unguessable id. */
    public String path() {
        return "/shops/" + shopId + "/images/" + id + "/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }
}
