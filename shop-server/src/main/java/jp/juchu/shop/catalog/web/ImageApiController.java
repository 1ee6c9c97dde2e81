package jp.juchu.shop.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.shop.catalog.ShopImage;
import jp.juchu.shop.catalog.ShopImages;
import jp.juchu.shop.system.ApiErrors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The management API's image list ({@code GET /v2/images}): the images uploaded in the shop admin. */
@RestController
class ImageApiController {

    private final ShopImages images;

    ImageApiController(ShopImages images) {
        this.images = images;
    }

    /**
     * One image as the API shows it.
     *
     * @param url where the shop server serves it, a path on the shop server's own address
     * @param fileSize in bytes
     * @param itemCode the product it is shown on, {@code null} when none
     */
    record Image(
            String imageId,
            String name,
            String url,
            String contentType,
            int fileSize,
            Integer width,
            Integer height,
            String itemCode,
            OffsetDateTime updatedAt) {

        static Image of(ShopImage i) {
            return new Image(
                    i.id().toString(),
                    i.name(),
                    i.path(),
                    i.contentType(),
                    i.sizeBytes(),
                    i.width(),
                    i.height(),
                    i.itemCode(),
                    i.updatedAt());
        }
    }

    record ImageList(long totalCount, int from, int size, List<Image> images) {}

    /** The shop's images, most recently changed first; {@code size} is the page size, {@code from} the offset. */
    @GetMapping(ItemApi.MANAGEMENT + "/images")
    ImageList images(
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int from,
            @RequestParam(defaultValue = "100") @Min(1) @Max(100) int size,
            Principal principal) {
        if (from % size != 0) {
            throw ApiErrors.badRequest("from", "must be a multiple of size");
        }
        String shopId = principal.getName();
        return new ImageList(
                images.count(shopId),
                from,
                size,
                images.list(shopId, from, size).stream().map(Image::of).toList());
    }
}
