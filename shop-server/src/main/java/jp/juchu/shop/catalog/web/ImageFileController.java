package jp.juchu.shop.catalog.web;

import java.time.Duration;
import java.util.UUID;
import jp.juchu.shop.catalog.ImageFile;
import jp.juchu.shop.catalog.ShopImages;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves the shop's uploaded images to the storefront and the API's clients: public, found only by the
 * shop and the image's random id together, so another shop's image is a 404 whatever id is tried. The
 * bytes at an id never change (an upload makes a new id), so browsers may keep them a day.
 */
@RestController
class ImageFileController {

    private final ShopImages images;

    ImageFileController(ShopImages images) {
        this.images = images;
    }

    @GetMapping({"/shops/{shopId}/images/{imageId}", "/shops/{shopId}/images/{imageId}/{name}"})
    ResponseEntity<byte[]> image(@PathVariable String shopId, @PathVariable String imageId) {
        ImageFile file = images.file(shopId, parse(imageId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .lastModified(file.updatedAt().toInstant())
                .eTag(imageId)
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().build().toString())
                .body(file.content());
    }

    private static UUID parse(String imageId) {
        try {
            return UUID.fromString(imageId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
